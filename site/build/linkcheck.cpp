#include "linkcheck.h"
#include "buildtr.h"

#include "site/model/permalink.h"

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <map>

namespace folio::site::build {

namespace {

// The output file a site-relative URL path is served from, as a static web
// server (and GitHub Pages) resolves it: "/a/" -> a/index.html, "/a" -> a,
// a.html or a/index.html.
bool resolves(const MemoryWriter &output, const QString &path)
{
    QString p = path;
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    if (p.isEmpty())
        return output.contains(QStringLiteral("index.html"));
    if (p.endsWith(QLatin1Char('/')))
        return output.contains(p + QStringLiteral("index.html"));
    return output.contains(p) || output.contains(p + QStringLiteral(".html"))
           || output.contains(p + QStringLiteral("/index.html"));
}

// The line of `needle` in the document's source file, so the report points
// where the user wrote the link (0 when it came from a layout).
int lineInSource(const QString &sourcePath, const QString &needle)
{
    QFile f(sourcePath);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count(QLatin1Char('\n'))) + 1;
}

} // namespace

int checkLinks(const model::Site &site, const MemoryWriter &output, DiagnosticSink &sink)
{
    std::map<QString, const model::Document *> byDestination;
    for (const auto &doc : site.documents())
        if (!doc->destination.isEmpty())
            byDestination[doc->destination] = doc.get();

    const QString siteUrl = QString::fromStdString(site.config().url());
    const QString baseurl = QString::fromStdString(site.config().baseurl());
    static const QRegularExpression attr(QStringLiteral("\\s(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"));
    int broken = 0;
    for (const auto &[path, file] : output.files()) {
        if (!path.endsWith(QLatin1String(".html")) || !file.sourceFile.isEmpty())
            continue;
        const auto docIt = byDestination.find(path);
        const model::Document *doc = docIt == byDestination.end() ? nullptr : docIt->second;
        if (doc && doc->generated)
            continue;   // redirect pages and feeds point wherever the user said
        const QString html = QString::fromUtf8(file.bytes);
        std::map<QString, bool> seen;
        for (auto it = attr.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            QString link = m.captured(2).isNull() ? m.captured(3) : m.captured(2);
            link.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
            if (link.isEmpty() || link.startsWith(QLatin1Char('#')) || link.startsWith(QLatin1String("mailto:"))
                || link.startsWith(QLatin1String("javascript:")) || link.startsWith(QLatin1String("data:"))
                || link.startsWith(QLatin1String("tel:")))
                continue;
            if (!siteUrl.isEmpty() && link.startsWith(siteUrl))
                link = link.mid(siteUrl.size());
            const QUrl url(link);
            if (url.isValid() && !url.scheme().isEmpty())
                continue;   // external
            if (link.startsWith(QLatin1String("//")))
                continue;
            QString target = url.path();
            if (!target.startsWith(QLatin1Char('/'))) {
                // Relative to the page's folder.
                const QString dir = path.contains(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/') : QString();
                target = QLatin1Char('/') + dir + target;
            }
            if (!baseurl.isEmpty() && target.startsWith(baseurl))
                target = target.mid(baseurl.size());
            target = QString::fromStdString(model::unescapePath(target.toStdString()));
            target = QUrl(QStringLiteral("http://x") + target).path();   // resolves ./ and ../
            if (resolves(output, target) || seen.count(target))
                continue;
            seen[target] = true;
            ++broken;
            const bool image = m.captured(1) == QLatin1String("src");
            const QString file = doc ? QString::fromStdString(doc->relativePath) : path;
            const int line = doc ? lineInSource(doc->sourcePath, url.path()) : 0;
            sink.warning(file, line, 0,
                         (image ? Tr::tr("broken image or script '%1': the site has no %2; fix the address or add the file")
                                : Tr::tr("broken link '%1': the site has no %2; fix the address or add the file"))
                             .arg(link, target));
        }
    }
    return broken;
}

} // namespace folio::site::build
