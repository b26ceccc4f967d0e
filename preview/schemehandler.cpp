#include "schemehandler.h"

#include "previewsite.h"

#include <QBuffer>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace folio::preview {

SchemeHandler::SchemeHandler(const PreviewSite &site, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent), m_site(site)
{}

void SchemeHandler::registerScheme()
{
    QWebEngineUrlScheme scheme("folio");
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalAccessAllowed
                    | QWebEngineUrlScheme::CorsEnabled);
    QWebEngineUrlScheme::registerScheme(scheme);
}

void SchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    QString mime;
    const auto bytes = m_site.file(job->requestUrl().path(), &mime);
    if (!bytes) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(*bytes);
    job->reply(mime.toUtf8(), buffer);
}

} // namespace folio::preview
