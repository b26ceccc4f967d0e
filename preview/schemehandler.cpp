#include "schemehandler.h"

#include "mathjax.h"
#include "previewsite.h"

#include <QBuffer>
#include <QFile>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace folio::preview {

namespace {

void replyWith(QWebEngineUrlRequestJob *job, const QByteArray &bytes, const QString &mime)
{
    auto *buffer = new QBuffer(job);
    buffer->setData(bytes);
    job->reply(mime.toUtf8(), buffer);
}

} // namespace

SchemeHandler::SchemeHandler(const PreviewSite &site, const MathJaxLibrary &mathJax, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent), m_site(site), m_mathJax(mathJax)
{}

SchemeHandler::SchemeHandler(const PreviewSite &site, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent), m_site(site), m_ownMathJax(std::make_unique<MathJaxLibrary>()),
      m_mathJax(*m_ownMathJax)
{}

SchemeHandler::~SchemeHandler() = default;

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
    if (job->requestUrl().host() == QLatin1String(MathJaxLibrary::kHost))
        serveMathJax(job);
    else
        serveSite(job);
}

void SchemeHandler::serveSite(QWebEngineUrlRequestJob *job)
{
    QString mime;
    const auto bytes = m_site.file(job->requestUrl().path(), &mime);
    if (!bytes) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    replyWith(job, *bytes, mime);
}

void SchemeHandler::serveMathJax(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (url.path() == QLatin1String("/2/latest.js") && !m_mathJax.root(2).isEmpty()) {
        replyWith(job, MathJaxLibrary::latestShim(), QStringLiteral("text/javascript"));
        return;
    }
    const auto path = m_mathJax.fileFor(url);
    QFile file(path.value_or(QString()));
    if (!path || !file.open(QIODevice::ReadOnly)) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    const QString relative = url.path().section(QLatin1Char('/'), 2); // "/3/es5/x.js" -> "es5/x.js"
    const int major = url.path().section(QLatin1Char('/'), 1, 1).toInt();
    replyWith(job, MathJaxLibrary::startupPrefix(major, relative) + file.readAll(), mimeTypeFor(*path));
}

} // namespace folio::preview
