#include "requestinterceptor.h"

#include <QMetaObject>
#include <QMutexLocker>

namespace folio::preview {

namespace {

// Schemes that never reach the network: Folio's own, and URLs a page builds
// in memory.
bool isLocal(const QUrl &url)
{
    static const QStringList local{QStringLiteral("folio"), QStringLiteral("data"), QStringLiteral("blob"),
                                   QStringLiteral("about")};
    return local.contains(url.scheme());
}

} // namespace

RequestInterceptor::RequestInterceptor(const MathJaxLibrary &mathJax, QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent), m_mathJax(mathJax)
{}

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (isLocal(url))
        return;
    if (const auto local = m_mathJax.localUrlFor(url)) {
        info.redirect(*local);
        return;
    }
    info.block(true);
    {
        QMutexLocker lock(&m_mutex);
        if (m_blocked.contains(url))
            return;
        m_blocked.append(url);
    }
    // Qt 6 calls interceptors on the UI thread, but a queued emission keeps
    // listeners safe should that change.
    QMetaObject::invokeMethod(this, [this, url] { Q_EMIT blocked(url); }, Qt::QueuedConnection);
}

QList<QUrl> RequestInterceptor::blockedRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_blocked;
}

void RequestInterceptor::clearBlocked()
{
    QMutexLocker lock(&m_mutex);
    m_blocked.clear();
}

} // namespace folio::preview
