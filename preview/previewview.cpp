#include "previewview.h"

#include "previewscript.h"
#include "previewsite.h"
#include "requestinterceptor.h"
#include "schemehandler.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>

namespace folio::preview {

namespace {

QUrl siteUrl(const QString &urlPath)
{
    return QUrl(QString::fromLatin1(PreviewSite::kOrigin) + (urlPath.startsWith(QLatin1Char('/')) ? urlPath : QLatin1Char('/') + urlPath));
}

bool isSitePage(const QUrl &url)
{
    return url.scheme() == QLatin1String("folio") && url.host() == QLatin1String("site");
}

// A JavaScript string literal holding `text`.
QString jsString(const QString &text)
{
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// The update call for a page holding `old` to show `now`: the characters
// between their common beginning and end, and where they go.
QString updateCall(int sequence, const QString &old, bool pageHasOld, const QString &now)
{
    if (!pageHasOld)
        return QStringLiteral("window.__folio && __folio.update(%1, 0, 0, -1, %2);").arg(sequence).arg(jsString(now));
    const qsizetype shorter = std::min(old.size(), now.size());
    qsizetype prefix = 0;
    while (prefix < shorter && old[prefix] == now[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == now[now.size() - 1 - suffix])
        ++suffix;
    const QString middle = now.mid(prefix, now.size() - prefix - suffix);
    return QStringLiteral("window.__folio && __folio.update(%1, %2, %3, %4, %5);")
        .arg(sequence)
        .arg(prefix)
        .arg(suffix)
        .arg(old.size())
        .arg(jsString(middle));
}

} // namespace

// The page: follows links inside the site, hands the others to the window,
// and passes the preview script's messages on.
class PreviewPage final : public QWebEnginePage
{
public:
    PreviewPage(QWebEngineProfile *profile, PreviewView *view) : QWebEnginePage(profile, view), m_view(view) {}

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (!isMainFrame)
            return isSitePage(url) || url.scheme() == QLatin1String("about") || url.scheme() == QLatin1String("data");
        if (!isSitePage(url)) {
            if (type == NavigationTypeLinkClicked)
                Q_EMIT m_view->externalLinkActivated(url);
            return false;
        }
        m_view->navigated(url, type == NavigationTypeLinkClicked);
        return true;
    }

    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int, const QString &) override
    {
        if (message.startsWith(QLatin1String(kMessagePrefix)))
            m_view->pageMessage(message.mid(int(qstrlen(kMessagePrefix))));
    }

private:
    PreviewView *m_view;
};

PreviewView::PreviewView(PreviewSite &site, QWidget *parent)
    : QWebEngineView(parent), m_site(site),
      // Off the record: no cache, cookies or storage written to disk.
      m_profile(new QWebEngineProfile(this)), m_interceptor(new RequestInterceptor(m_mathJax, this)),
      m_handler(new SchemeHandler(site, m_mathJax, this))
{
    m_profile->installUrlSchemeHandler("folio", m_handler);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_profile->setHttpCacheType(QWebEngineProfile::NoCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);

    QWebEngineScript script;
    script.setName(QStringLiteral("folio-preview"));
    script.setSourceCode(previewScript());
    script.setInjectionPoint(QWebEngineScript::DocumentCreation);
    script.setWorldId(QWebEngineScript::MainWorld); // where the page's MathJax lives
    script.setRunsOnSubFrames(false);
    m_profile->scripts()->insert(script);

    auto *page = new PreviewPage(m_profile, this);
    // Pages may not read local files through file: URLs nor reach remote ones.
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    page->settings()->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    setPage(page);

    connect(m_interceptor, &RequestInterceptor::blocked, this, &PreviewView::requestBlocked);
    connect(this, &QWebEngineView::loadStarted, this, [this] {
        m_loaded = false;
        m_pageHasSource = false;
        m_loading = true;
        m_inFlight = false;
    });
    connect(this, &QWebEngineView::loadFinished, this, &PreviewView::onLoadFinished);
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(30000);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        m_inFlight = false;
        if (m_hasPending)
            startUpdate();
    });
}

PreviewView::~PreviewView()
{
    // The page uses the profile: it must go first.
    delete page();
}

bool PreviewView::affectsWholeSite(const QString &relativePath)
{
    const QString path = QDir::cleanPath(relativePath);
    static const QStringList folders{QStringLiteral("_layouts/"), QStringLiteral("_includes/"),
                                     QStringLiteral("_data/"), QStringLiteral("_sass/")};
    if (path == QLatin1String("_config.yml") || path.startsWith(QLatin1String("_config")))
        return path.endsWith(QLatin1String(".yml")) || path.endsWith(QLatin1String(".yaml"));
    for (const QString &folder : folders)
        if (path.startsWith(folder))
            return true;
    return path.endsWith(QLatin1String(".scss")) || path.endsWith(QLatin1String(".sass"));
}

void PreviewView::showDocument(const QString &sourcePath)
{
    m_documentPath = sourcePath;
    m_documentUrl = m_site.urlOf(sourcePath);
    QFile file(sourcePath);
    m_bodyFirstLine = file.open(QIODevice::ReadOnly) ? PreviewSite::bodyFirstLine(QString::fromUtf8(file.readAll())) : 1;
    if (m_documentUrl.isEmpty())
        return; // nothing of its own to show (a layout, _config.yml): keep the page
    if (currentPath() == m_documentUrl && m_loaded)
        return;
    showPath(m_documentUrl);
}

void PreviewView::showPath(const QString &urlPath)
{
    m_loaded = false;
    setUrl(siteUrl(urlPath));
}

QString PreviewView::currentPath() const
{
    return url().path();
}

QList<QUrl> PreviewView::blockedRequests() const
{
    return m_interceptor->blockedRequests();
}

void PreviewView::updateDocument(const QString &sourcePath, const QString &text)
{
    m_pendingPath = sourcePath;
    m_pendingText = text;
    m_hasPending = true;
    m_pendingSince.start();
    // A page being loaded takes the text when it has loaded (onLoadFinished).
    if (!m_inFlight && !m_loading)
        startUpdate();
}

void PreviewView::startUpdate()
{
    m_hasPending = false;
    const QString path = m_pendingPath;
    const QString text = std::exchange(m_pendingText, QString());
    QElapsedTimer clock;
    clock.start();
    const auto html = m_site.update(path, text);
    const double renderMs = clock.nsecsElapsed() / 1e6;
    auto found = m_site.takeDiagnostics();
    Q_EMIT diagnostics(found);
    if (!html) {
        Q_EMIT renderFailed(found.empty() ? tr("The preview could not be rendered.") : found.front().format());
        return;
    }
    if (path == m_documentPath)
        m_bodyFirstLine = PreviewSite::bodyFirstLine(text);
    const QString urlPath = m_site.urlOf(path);
    if (currentPath() != urlPath) {
        // Another page is shown (a link was followed): it has what it needs
        // from the build when it is shown again.
        return;
    }
    if (!m_loaded) {
        showPath(urlPath);
        return;
    }
    m_inFlight = true;
    m_timing = UpdateTiming{};
    m_timing.sequence = ++m_sequence;
    m_timing.render = renderMs;
    m_flightClock = m_pendingSince;
    m_watchdog.start();
    QString shown = QString::fromUtf8(*html);
    const QString call = updateCall(m_sequence, m_pageSource, m_pageHasSource, shown);
    m_timing.sentChars = int(call.size());
    page()->runJavaScript(call);
    m_pageSource = std::move(shown);
    m_pageHasSource = true;
}

void PreviewView::pageMessage(const QString &message)
{
    const QJsonObject data = QJsonDocument::fromJson(message.toUtf8()).object();
    if (data.value(QLatin1String("sequence")).toInt() != m_sequence || !m_inFlight)
        return;
    const QString kind = data.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("frame")) {
        m_timing.frame = m_flightClock.nsecsElapsed() / 1e6;
        m_timing.changedBlocks = data.value(QLatin1String("changed")).toInt();
        m_timing.patch = data.value(QLatin1String("patch")).toDouble();
        m_timing.typeset = data.value(QLatin1String("typeset")).toDouble();
        m_timing.paint = data.value(QLatin1String("paint")).toDouble();
        m_timing.transfer = m_timing.frame - m_timing.render - data.value(QLatin1String("total")).toDouble();
        m_inFlight = false;
        m_watchdog.stop();
        Q_EMIT updated(m_timing);
        if (m_hasPending)
            startUpdate();
    } else if (kind == QLatin1String("error")) {
        // The page could not be patched: show the new render by reloading.
        qWarning("folio preview: in-place update failed: %s", qPrintable(data.value(QLatin1String("message")).toString()));
        m_inFlight = false;
        m_watchdog.stop();
        loadKeepingScroll(url());
    }
}

void PreviewView::navigated(const QUrl &url, bool linkClicked)
{
    if (!linkClicked || url.path() == currentPath())
        return;
    const QString source = m_site.sourceOf(url.path());
    if (!source.isEmpty() && source != m_documentPath)
        Q_EMIT documentActivated(source);
}

void PreviewView::onLoadFinished(bool ok)
{
    m_loaded = ok;
    m_loading = false;
    if (ok) {
        // The page keeps the HTML it was served, so that updates send only
        // what changed; sent now, while nobody waits for a frame.
        if (const auto served = m_site.file(currentPath(), nullptr)) {
            m_pageSource = QString::fromUtf8(*served);
            page()->runJavaScript(QStringLiteral("window.__folio && __folio.setSource(%1);").arg(jsString(m_pageSource)));
            m_pageHasSource = true;
        }
    }
    if (ok && m_restoreScroll >= 0)
        page()->runJavaScript(QStringLiteral("window.scrollTo(0, %1);").arg(m_restoreScroll));
    m_restoreScroll = -1;
    if (ok && m_hasPending)
        startUpdate();
}

void PreviewView::loadKeepingScroll(const QUrl &target)
{
    page()->runJavaScript(QStringLiteral("window.scrollY"), [this, target](const QVariant &y) {
        m_restoreScroll = y.toInt();
        m_loaded = false;
        setUrl(target);
    });
}

bool PreviewView::fileSaved(const QString &path)
{
    const QString root = m_site.sourceDir();
    if (root.isEmpty())
        return false;
    const QString relative = QDir(root).relativeFilePath(path);
    if (relative.startsWith(QLatin1String("..")) || !affectsWholeSite(relative))
        return false;
    if (auto loaded = m_site.load(root); !loaded) {
        Q_EMIT renderFailed(loaded.error());
        return false;
    }
    Q_EMIT siteReloaded(m_site.takeDiagnostics());
    m_documentUrl = m_site.urlOf(m_documentPath);
    loadKeepingScroll(url().isEmpty() ? siteUrl(QStringLiteral("/")) : url());
    return true;
}

void PreviewView::scrollToSourceLine(int line)
{
    if (!m_loaded)
        return;
    // In the front matter: the top of the page (title, metadata).
    if (line < m_bodyFirstLine) {
        page()->runJavaScript(QStringLiteral("window.scrollTo(0, 0);"));
        return;
    }
    page()->runJavaScript(QStringLiteral("window.__folio && __folio.scrollToLine(%1);").arg(line - m_bodyFirstLine + 1));
}

} // namespace folio::preview
