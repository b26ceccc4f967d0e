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

// Whether the CSL-JSON name `cslName` ({"family", "given"} or {"literal"}) is
// the person written as `writtenName` ("Yineng Chen", "Y. Chen", "Chen, Y."):
// the same family name (case and accents aside) and a compatible given name
// (equal, or initials that agree; "Chen, Z." is not "Y. Chen"). A written name
// with no given name matches every given name. This is what boldNames uses.
bool matchesName(const QJsonObject &cslName, const QString &writtenName);

struct FormatOptions final {
    QString style = QStringLiteral("apa");   // id or path (resolveStyle)
    QString siteDir;                          // for relative style paths
    QString locale = QStringLiteral("en-US");
    // Names to print in bold wherever they appear ("Yineng Chen", "Y. Chen",
    // "Chen, Y."): the site owner's author.name and the variants the user
    // lists. Matched as the same person whatever form the style prints.
    QStringList boldNames;
    // Also the plain-text form (Formatted::text). Each form is a formatting
    // pass of its own in citeproc-js; without it, text is left empty.
    bool text = true;
};

// UTF-8. `html` is citeproc-js's "html" output for the entry without its
// wrapping <div class="csl-entry"> and the whitespace around it (what
// jekyll-scholar's citeproc-ruby gives), escaped as citeproc-js escapes
// ("&#38;" for "&"); a numbered style's entry keeps citeproc-js's inner
// <div class="csl-left-margin">[1]</div><div class="csl-right-inline">...</div>.
// Owner names (boldNames) are in <b>...</b>. `text` is citeproc-js's "text"
// output: no markup, no escaping, no trailing newline.
struct Formatted final {
    std::string html;
    std::string text;
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
    // The process's engine. Safe to call from any thread; calls are queued
    // to the engine's own thread and block until answered. The JS engine
    // starts (and citeproc-js loads, about 0.1 s) on the first call the
    // answer cache cannot answer; each style is parsed on its first use
    // (0.05-1 s: APA is the largest). Answers are kept in memory and in
    // $FOLIO_CACHE_DIR/csl (default ~/.cache/folio/csl) by a hash of all they
    // depend on; FOLIO_CSL_NO_CACHE=1 turns that off.
    static Citeproc &instance();

    // Bibliography entries for `items` (CSL-JSON objects, each with an "id"),
    // one per item in the order given: the style's bibliography sort is not
    // applied (the caller sorts as jekyll-scholar does), so year suffixes
    // ("2023a") and numbers ("[1]") follow the order given, and the style's
    // subsequent-author-substitute ("———") is off. Items with the same id
    // count once. Fails with what to do when the style cannot be found, read
    // or parsed (naming the file and citeproc-js's message) or has no
    // <bibliography>; an unknown locale falls back to en-US; a bad item is
    // formatted as far as citeproc-js can. Costs 5-20 ms of CPU per entry and
    // format in Qt 6.4's engine (bench/csl_bench), nothing when cached.
    Result<std::vector<Formatted>> bibliography(const std::vector<QJsonObject> &items,
                                                const FormatOptions &options);
    // One in-text citation of `cites` together ("(Chen et al., 2023; Li, 2020)").
    // Numbered styles number the cites in the order given ("[1], [2]").
    Result<Formatted> citation(const std::vector<CiteItem> &cites, const FormatOptions &options);

    // citeproc-js's version ("1.4.61" for npm citeproc 2.4.63), or the reason
    // it could not be loaded (not vendored: run scripts/install-deps.sh).
    Result<QString> version();

    Citeproc(const Citeproc &) = delete;
    Citeproc &operator=(const Citeproc &) = delete;

private:
    Citeproc();
    ~Citeproc();
    struct Private;
    Private *d;
};

} // namespace folio::site::csl
