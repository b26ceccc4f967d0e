#include "mathjax.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace folio::preview {

namespace {

// A CDN's MathJax URL: the host, and a path pattern capturing the major
// version, the rest of the version ("" for a bare major) and the file.
struct CdnPattern final {
    const char *host;
    QRegularExpression path;
};

const std::vector<CdnPattern> &cdnPatterns()
{
    static const std::vector<CdnPattern> patterns{
        // https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.4/latest.js
        {"cdnjs.cloudflare.com", QRegularExpression(QStringLiteral("^/ajax/libs/mathjax/(\\d+)([.\\w-]*)/(.+)$"))},
        // https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js
        {"cdn.jsdelivr.net", QRegularExpression(QStringLiteral("^/npm/mathjax@(\\d+)([.\\w-]*)/(.+)$"))},
        // https://unpkg.com/mathjax@3.2.2/es5/tex-chtml.js
        {"unpkg.com", QRegularExpression(QStringLiteral("^/mathjax@(\\d+)([.\\w-]*)/(.+)$"))},
        // https://cdn.mathjax.org/mathjax/latest/MathJax.js (retired, 2.x only)
        {"cdn.mathjax.org", QRegularExpression(QStringLiteral("^/mathjax/(2|latest)([.\\w-]*)/(.+)$"))},
    };
    return patterns;
}

QString configuredRoot(const char *variable, const QString &configured, const QString &installed)
{
    const QString fromEnv = qEnvironmentVariable(variable);
    for (const QString &candidate : {fromEnv, configured, installed})
        if (!candidate.isEmpty() && QFileInfo(candidate).isDir())
            return QDir(candidate).absolutePath();
    return {};
}

QString installedRoot(int major)
{
    const QString app = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    return app.isEmpty() ? QString() : app + QStringLiteral("/../share/folio/mathjax/%1").arg(major);
}

// `relative` with no "..", "." or empty segments: a path inside the copy.
bool staysInside(const QString &relative)
{
    if (relative.isEmpty() || relative.startsWith(QLatin1Char('/')))
        return false;
    const QStringList segments = relative.split(QLatin1Char('/'));
    return std::none_of(segments.begin(), segments.end(), [](const QString &s) {
        return s.isEmpty() || s == QLatin1String("..") || s == QLatin1String(".") || s.contains(QLatin1Char('\\'));
    });
}

} // namespace

#ifndef FOLIO_MATHJAX2_DIR
#define FOLIO_MATHJAX2_DIR ""
#endif
#ifndef FOLIO_MATHJAX3_DIR
#define FOLIO_MATHJAX3_DIR ""
#endif

MathJaxLibrary::MathJaxLibrary()
    : m_root2(configuredRoot("FOLIO_MATHJAX2_DIR", QStringLiteral(FOLIO_MATHJAX2_DIR), installedRoot(2))),
      m_root3(configuredRoot("FOLIO_MATHJAX3_DIR", QStringLiteral(FOLIO_MATHJAX3_DIR), installedRoot(3)))
{}

MathJaxLibrary::MathJaxLibrary(QString root2, QString root3) : m_root2(std::move(root2)), m_root3(std::move(root3)) {}

QString MathJaxLibrary::root(int major) const
{
    return major == 2 ? m_root2 : major == 3 ? m_root3 : QString();
}

std::optional<QUrl> MathJaxLibrary::localUrlFor(const QUrl &url) const
{
    if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        return std::nullopt;
    const QString host = url.host().toLower();
    for (const CdnPattern &pattern : cdnPatterns()) {
        if (host != QLatin1String(pattern.host))
            continue;
        const auto match = pattern.path.match(url.path());
        if (!match.hasMatch())
            return std::nullopt;
        const QString version = match.captured(1);
        const int major = version == QLatin1String("latest") ? 2 : version.toInt();
        if (root(major).isEmpty() || !staysInside(match.captured(3)))
            return std::nullopt;
        QUrl local;
        local.setScheme(QStringLiteral("folio"));
        local.setHost(QLatin1String(kHost));
        local.setPath(QStringLiteral("/%1/%2").arg(major).arg(match.captured(3)));
        local.setQuery(url.query(QUrl::FullyEncoded), QUrl::StrictMode);
        return local;
    }
    return std::nullopt;
}

std::optional<QString> MathJaxLibrary::fileFor(const QUrl &localUrl) const
{
    if (localUrl.scheme() != QLatin1String("folio") || localUrl.host() != QLatin1String(kHost))
        return std::nullopt;
    const QString path = localUrl.path();
    static const QRegularExpression pattern(QStringLiteral("^/(\\d+)/(.+)$"));
    const auto match = pattern.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    const QString base = root(match.captured(1).toInt());
    const QString relative = match.captured(2);
    if (base.isEmpty() || !staysInside(relative))
        return std::nullopt;
    const QString file = base + QLatin1Char('/') + relative;
    if (!QFileInfo(file).isFile())
        return std::nullopt;
    return file;
}

QByteArray MathJaxLibrary::latestShim()
{
    // document.currentScript.src is the URL the page wrote (the CDN's), so
    // MathJax.js and everything it loads resolve against the CDN path, which
    // the interceptor maps to the local copy again.
    return QByteArrayLiteral(
        "(function () {\n"
        "  var script = document.currentScript;\n"
        "  var next = document.createElement('script');\n"
        "  next.type = 'text/javascript';\n"
        "  next.src = script.src.replace(/\\/latest\\.js/, '/MathJax.js');\n"
        "  if (script.id) next.id = script.id;\n"
        "  (document.head || document.getElementsByTagName('head')[0]).appendChild(next);\n"
        "})();\n");
}

QByteArray MathJaxLibrary::startupPrefix(int major, const QString &relative)
{
    // Runs after the site's own configuration (a `MathJax = {...}` object),
    // and only while window.MathJax is still that configuration.
    static const QRegularExpression combined3(QStringLiteral("^es5/((tex|mml)-[\\w-]+|startup)\\.js$"));
    if (major != 3 || !combined3.match(relative).hasMatch())
        return {};
    return QByteArrayLiteral(
        "(function () {\n"
        "  var c = window.MathJax;\n"
        "  if (c && c.version) return;\n"
        "  c = window.MathJax = c || {};\n"
        "  c.loader = c.loader || {};\n"
        "  var load = c.loader.load || [];\n"
        "  if (load.indexOf('ui/lazy') < 0) c.loader.load = load.concat(['ui/lazy']);\n"
        "})();\n");
}

} // namespace folio::preview
