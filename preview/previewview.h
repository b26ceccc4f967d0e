// The live preview: a web view on its own private profile that shows the site
// from memory (folio://site/...), math from Folio's MathJax copies
// (folio://mathjax/...), and nothing from the network.
//
// While the user types, the open document is re-rendered by the engine and
// the page is patched in place (only the changed blocks are replaced and only
// their math re-typeset), so the page never blanks and keeps its scroll. One
// update is in flight at a time; text that arrives meanwhile waits, and only
// the latest is rendered.
#pragma once

#include "mathjax.h"
#include "site/core/diagnostic.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWebEngineView>

#include <vector>

class QWebEngineProfile;

namespace folio::preview {

class PreviewSite;
class RequestInterceptor;
class SchemeHandler;

// What one in-place update cost, in milliseconds.
struct UpdateTiming final {
    int sequence = 0;
    double render = 0;    // the engine's render of the document
    double frame = 0;     // end of the typing pause -> first frame showing the change
    double transfer = 0;  // of which: the change to the page and its answer back (IPC)
    double patch = 0;     // of which: the page parsing the render, diffing and staging the changed blocks
    double typeset = 0;   // of which: MathJax typesetting the changed blocks before they are shown
    double paint = 0;     // of which: the changed blocks shown -> that frame, in the page
    int changedBlocks = 0; // nodes replaced in the page
    int sentChars = 0;    // HTML sent to the page (the changed part only, after the first)
};

class PreviewView final : public QWebEngineView
{
    Q_OBJECT

public:
    explicit PreviewView(PreviewSite &site, QWidget *parent = nullptr);
    ~PreviewView() override;

    // Shows the page of the document at `sourcePath` (the site's home when it
    // has none). Does nothing when that page is already shown.
    void showDocument(const QString &sourcePath);
    // Shows a URL path of the site ("/publications/").
    void showPath(const QString &urlPath);
    // Re-renders `sourcePath` from the editor's unsaved `text` and patches
    // the page in place.
    void updateDocument(const QString &sourcePath, const QString &text);
    // `path` was saved: a layout, include, _config.yml, _data or Sass file
    // changes every page, so the site is loaded again and the page reloaded
    // (scroll kept). Returns whether the site was reloaded.
    bool fileSaved(const QString &path);
    // Scrolls to the block that starts at (or last before) `line` of the
    // file open in the editor (1-based, front matter included).
    void scrollToSourceLine(int line);

    // The URL path shown now ("/posts/2024/01/a/").
    QString currentPath() const;
    // Requests the preview refused (fonts, analytics, images from the web),
    // since the site was opened.
    QList<QUrl> blockedRequests() const;
    const MathJaxLibrary &mathJax() const { return m_mathJax; }
    bool isUpdating() const { return m_inFlight; }
    // Whether the shown page has finished loading.
    bool isLoaded() const { return m_loaded; }

    // Whether a saved file at `relativePath` (to the site's folder) changes
    // pages other than its own: layouts, includes, _config.yml, _data, Sass.
    static bool affectsWholeSite(const QString &relativePath);

Q_SIGNALS:
    // A link in the preview opened the page of another document of the site.
    void documentActivated(const QString &sourcePath);
    // A link to outside the site was clicked; the preview does not follow it.
    void externalLinkActivated(const QUrl &url);
    void requestBlocked(const QUrl &url);
    // An in-place update has been painted, its math typeset.
    void updated(const folio::preview::UpdateTiming &timing);
    // The engine could not render the document; the page keeps its last state.
    void renderFailed(const QString &message);
    // The engine's diagnostics of the last render.
    void diagnostics(const std::vector<folio::site::Diagnostic> &diagnostics);
    // fileSaved() loaded the site again; its diagnostics.
    void siteReloaded(const std::vector<folio::site::Diagnostic> &diagnostics);

private:
    friend class PreviewPage;
    void startUpdate();
    void pageMessage(const QString &message);
    void onLoadFinished(bool ok);
    void navigated(const QUrl &url, bool linkClicked);
    void loadKeepingScroll(const QUrl &url);

    PreviewSite &m_site;
    MathJaxLibrary m_mathJax;
    QWebEngineProfile *m_profile;
    RequestInterceptor *m_interceptor;
    SchemeHandler *m_handler;

    QString m_documentPath;   // the document the editor has open
    QString m_documentUrl;    // its URL path
    int m_bodyFirstLine = 1;  // its first line after the front matter

    bool m_loaded = false;
    bool m_loading = false;
    bool m_inFlight = false;
    bool m_hasPending = false;
    QString m_pendingPath, m_pendingText;
    QElapsedTimer m_pendingSince; // end of the typing pause of the pending text
    int m_sequence = 0;
    UpdateTiming m_timing;
    QElapsedTimer m_flightClock;
    QTimer m_watchdog;        // an update whose page never answers (navigated away)
    int m_restoreScroll = -1;
    // The HTML the page holds (setSource/update in previewscript), so an
    // update sends only the part that changed; empty until it has loaded.
    QString m_pageSource;
    bool m_pageHasSource = false;
};

} // namespace folio::preview
