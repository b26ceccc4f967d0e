// The preview's gatekeeper: every request its pages make passes here. Pages
// may load from Folio's own scheme only; a MathJax CDN URL is redirected to
// Folio's local copy; anything else (web fonts, analytics, remote images) is
// blocked and recorded, so the preview works offline and leaks nothing.
#pragma once

#include "mathjax.h"

#include <QList>
#include <QMutex>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace folio::preview {

class RequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    explicit RequestInterceptor(const MathJaxLibrary &mathJax, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    // The URLs blocked since the last clear, oldest first, each once.
    QList<QUrl> blockedRequests() const;
    void clearBlocked();

Q_SIGNALS:
    // Emitted the first time a URL is blocked.
    void blocked(const QUrl &url);

private:
    const MathJaxLibrary &m_mathJax;
    mutable QMutex m_mutex;
    QList<QUrl> m_blocked;
};

} // namespace folio::preview
