#include "previewsite.h"

#include "site/yaml/frontmatter.h"

#include <QFileInfo>

namespace folio::preview {

using namespace folio::site;

QString mimeTypeFor(const QString &path)
{
    static const QHash<QString, QString> types{
        {QStringLiteral("html"), QStringLiteral("text/html")},  {QStringLiteral("css"), QStringLiteral("text/css")},
        {QStringLiteral("js"), QStringLiteral("text/javascript")}, {QStringLiteral("json"), QStringLiteral("application/json")},
        {QStringLiteral("xml"), QStringLiteral("application/xml")}, {QStringLiteral("svg"), QStringLiteral("image/svg+xml")},
        {QStringLiteral("png"), QStringLiteral("image/png")},   {QStringLiteral("jpg"), QStringLiteral("image/jpeg")},
        {QStringLiteral("jpeg"), QStringLiteral("image/jpeg")}, {QStringLiteral("gif"), QStringLiteral("image/gif")},
        {QStringLiteral("ico"), QStringLiteral("image/x-icon")}, {QStringLiteral("webp"), QStringLiteral("image/webp")},
        {QStringLiteral("woff"), QStringLiteral("font/woff")},  {QStringLiteral("woff2"), QStringLiteral("font/woff2")},
        {QStringLiteral("ttf"), QStringLiteral("font/ttf")},    {QStringLiteral("otf"), QStringLiteral("font/otf")},
        {QStringLiteral("eot"), QStringLiteral("application/vnd.ms-fontobject")},    {QStringLiteral("pdf"), QStringLiteral("application/pdf")},
        {QStringLiteral("txt"), QStringLiteral("text/plain")}};
    return types.value(QFileInfo(path).suffix().toLower(), QStringLiteral("application/octet-stream"));
}

Result<void> PreviewSite::load(const QString &sourceDir)
{
    if (!QFileInfo(sourceDir).isDir())
        return makeError(QStringLiteral("%1 is not a folder").arg(sourceDir));
    model::BuildOptions options;
    options.environment = model::Environment::Development;
    options.urlOverride = kOrigin;
    options.sourceLines = true; // scroll sync: blocks carry data-source-line
    // What the author is writing must be openable and previewable: drafts and
    // posts dated ahead, as `jekyll serve --drafts --future` shows them.
    options.showDrafts = true;
    options.future = true;
    m_sourceDir = QFileInfo(sourceDir).absoluteFilePath();
    m_site = build::loadSite(sourceDir, options, m_sink);
    m_renderer = std::make_unique<build::Renderer>(*m_site, m_sink);
    m_output = std::make_unique<build::MemoryWriter>();
    build::Builder builder(*m_site, *m_renderer, *m_output, m_sink);
    builder.run();
    return {};
}

std::optional<QByteArray> PreviewSite::file(const QString &urlPath, QString *mimeType) const
{
    QString path = urlPath;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    const QStringList candidates = path.isEmpty() || path.endsWith(QLatin1Char('/'))
                                       ? QStringList{path + QStringLiteral("index.html")}
                                       : QStringList{path, path + QStringLiteral(".html"), path + QStringLiteral("/index.html")};
    for (const QString &candidate : candidates) {
        if (auto bytes = m_output ? m_output->read(candidate) : std::nullopt) {
            if (mimeType)
                *mimeType = mimeTypeFor(candidate);
            return bytes;
        }
    }
    return std::nullopt;
}

QString PreviewSite::urlOf(const QString &sourcePath) const
{
    if (!m_site)
        return {};
    const model::Document *doc = m_site->documentForPath(sourcePath);
    return doc ? QString::fromStdString(doc->url) : QString();
}

QString PreviewSite::sourceOf(const QString &urlPath) const
{
    if (!m_site)
        return {};
    // "/a/", "/a/index.html", "/a.html" and "/a" may all name one page.
    auto normal = [](QString path) {
        if (path.endsWith(QLatin1String("/index.html")))
            path.chop(10);
        else if (path.endsWith(QLatin1String(".html")))
            path.chop(5);
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        return path;
    };
    const QString wanted = normal(urlPath.isEmpty() ? QStringLiteral("/") : urlPath);
    for (const auto &doc : m_site->documents()) {
        if (doc->generated || doc->destination.isEmpty())
            continue;
        if (normal(QString::fromStdString(doc->url)) == wanted)
            return doc->sourcePath;
    }
    return {};
}

int PreviewSite::bodyFirstLine(const QString &text)
{
    const std::string whole = text.toStdString();
    return yaml::split(whole).bodyFirstLine;
}

std::optional<QByteArray> PreviewSite::update(const QString &sourcePath, const QString &text)
{
    if (!m_site)
        return std::nullopt;
    const model::Document *doc = m_site->documentForPath(sourcePath);
    if (!doc || doc->destination.isEmpty())
        return std::nullopt;
    // The editor holds the whole file, front matter included: re-read the
    // document from it, so a changed title, layout or date shows too and
    // diagnostics name the lines of the text being edited.
    const std::string whole = text.toStdString();
    const std::unique_ptr<model::Document> edited = m_site->rereadFromText(*doc, whole, m_sink);
    if (!edited)
        return std::nullopt;
    auto html = m_renderer->renderDocument(*edited, nullptr, doc->pager);
    if (!html)
        return std::nullopt;
    if (!m_output->write(doc->destination, *html))
        return std::nullopt;
    return QByteArray::fromStdString(*html);
}

} // namespace folio::preview
