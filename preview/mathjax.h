// Folio's own copies of MathJax, so math renders with no network: MathJax 2.7
// from Debian's libjs-mathjax and MathJax 3 from npm (vendored by
// scripts/install-deps.sh). Sites load MathJax from a CDN; the preview's request
// interceptor sends those URLs here instead (folio://mathjax/<major>/<path>).
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace folio::preview {

class MathJaxLibrary final
{
public:
    static constexpr const char *kHost = "mathjax";

    // Finds the copies: $FOLIO_MATHJAX2_DIR / $FOLIO_MATHJAX3_DIR, then the
    // folders found at configure time, then <prefix>/share/folio/mathjax/<major>
    // next to the executable (an installed Folio).
    MathJaxLibrary();
    // For tests: explicit roots (empty = that major version is absent).
    MathJaxLibrary(QString root2, QString root3);

    // The folder holding MathJax `major` (2: MathJax.js at its top; 3: the npm
    // package, es5/ inside), or empty when Folio has no copy of it.
    QString root(int major) const;

    // The local URL serving what `url` asks a CDN for (cdnjs, jsDelivr, unpkg,
    // cdn.mathjax.org; MathJax 2.x or 3.x), query kept; nullopt when `url` is
    // not a MathJax CDN URL or Folio has no copy of that major version.
    std::optional<QUrl> localUrlFor(const QUrl &url) const;

    // The file behind a folio://mathjax/<major>/<path> URL, or nullopt when it
    // names nothing in Folio's copy (paths never leave the copy's folder).
    std::optional<QString> fileFor(const QUrl &localUrl) const;

    // MathJax 2's latest.js asks the CDN's API for the newest 2.x, which the
    // preview blocks; Folio answers latest.js with this script instead, which
    // loads MathJax.js from beside itself as latest.js does when the API fails.
    static QByteArray latestShim();

    // What goes before the MathJax file at `relative` (of copy `major`) when
    // it is one that starts MathJax 3 (a combined component such as
    // es5/tex-mml-chtml.js, or startup.js): a script adding the ui/lazy
    // extension to the site's configuration, so that a long page shows at
    // once and its math is typeset as it comes into view (the rest of the
    // site's configuration applies unchanged). Empty for every other file.
    static QByteArray startupPrefix(int major, const QString &relative);

private:
    QString m_root2, m_root3;
};

} // namespace folio::preview
