// Citations formatted by citeproc-js (npm `citeproc`, pinned, vendored at
// build time into resources/citeproc as MathJax is) running in QJSEngine,
// with the CSL styles and locales Debian ships
// (/usr/share/citation-style-language) or a site's own .csl file.
//
// This is the only engine library that links Qt Qml: the rest of site/ stays
// Qt Core only. One JS engine per process, on a thread of its own (a
// QJSEngine may only be used from the thread that made it, and builds
// render on many): citeproc-js and each style are loaded once, every call
// from any thread is queued to it.
#pragma once

#include "site/core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace folio::site::csl {

struct StyleInfo final {
    QString id;      // file name without .csl: "apa", "ieee", "chicago-author-date"
    QString title;   // <info><title>: "American Psychological Association 7th edition"
    QString path;    // absolute
};

// Every style installed (Debian's styles folder, or FOLIO_CSL_STYLES_DIR),
// sorted by title. Independent styles only (dependent ones name a parent).
std::vector<StyleInfo> installedStyles();

// The .csl file for `style`: an installed id ("apa", "ieee"), or a path
// (absolute, or relative to `siteDir`, as jekyll-scholar reads `style:`).
// A dependent style resolves to its parent. Fails with what to do.
Result<QString> resolveStyle(const QString &style, const QString &siteDir = {});

struct FormatOptions final {
    QString style = QStringLiteral("apa");   // id or path (resolveStyle)
    QString siteDir;                          // for relative style paths
    QString locale = QStringLiteral("en-US");
    // Names to print in bold wherever they appear ("Yineng Chen", "Y. Chen",
    // "Chen, Y."): the site owner's author.name and the variants the user
    // lists. Matched as the same person whatever form the style prints.
    QStringList boldNames;
};

struct Formatted final {
    std::string html;   // citeproc-js's HTML output for the entry (no wrapping <div>)
    std::string text;   // the same as plain text
};

// One cited item for citation(): a CSL-JSON item plus the cite's own parts.
struct CiteItem final {
    QJsonObject item;        // CSL-JSON with "id"
    QString locator;         // "12-14"
    QString label;           // "page" (default), "chapter", ...
    QString prefix, suffix;
};

class Citeproc final
{
public:
    // The process's engine, started on first use (the engine and citeproc-js
    // load once: QJSEngine start plus citeproc's parse).
    static Citeproc &instance();

    // Bibliography entries for `items` (CSL-JSON objects, each with an "id"),
    // one per item in the order given (the style's sort is not applied; the
    // caller sorts as jekyll-scholar does). Fails when the style or locale
    // cannot be loaded; a bad item is formatted as far as citeproc can.
    Result<std::vector<Formatted>> bibliography(const std::vector<QJsonObject> &items,
                                                const FormatOptions &options);
    // One in-text citation of `cites` together ("(Chen et al., 2023; Li, 2020)").
    Result<Formatted> citation(const std::vector<CiteItem> &cites, const FormatOptions &options);

    Citeproc(const Citeproc &) = delete;
    Citeproc &operator=(const Citeproc &) = delete;

private:
    Citeproc();
    ~Citeproc();
    struct Private;
    Private *d;
};

} // namespace folio::site::csl
