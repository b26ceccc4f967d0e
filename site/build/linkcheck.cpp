#include "linkcheck.h"
#include "buildtr.h"

#include "site/model/permalink.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <map>
#include <optional>
#include <set>
#include <tuple>

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

// Where a template (layout or include) holds a link: the template files'
// text, read once per check, searched for the link as it appears in the
// output. The renderer does not say which bytes of a page a layout wrote
// (tracking that through Liquid, Markdown and compress would touch every
// output path), but a link a layout or include prints for every page is
// written there literally, or with `{{ base_path }}` before it, which a
// substring search finds.
class TemplateSources final
{
public:
    explicit TemplateSources(const model::Site &site) : m_site(site)
    {
        const QString includes = site.config().includesDir();
        QDirIterator it(includes, QDir::Files, QDirIterator::Subdirectories);
        QStringList paths;
        while (it.hasNext())
            paths << it.next();
        paths.sort();   // the same include found first on every run
        const QDir root(site.sourceDir());
        for (const QString &path : paths)
            m_includes.push_back(read(path, root.relativeFilePath(path)));
    }

    struct Place final {
        QString file;   // site-relative
        int line = 0;
    };

    // The first template of the document's layout chain, then of the
    // includes, whose text holds `needle`.
    std::optional<Place> find(const model::Document &doc, const QString &needle)
    {
        if (needle.isEmpty())
            return std::nullopt;
        for (const model::Layout *layout = m_site.layout(doc.layout()); layout;
             layout = m_site.layout(layout->parent())) {
            if (m_seenLayouts.insert(layout->name).second)
                m_layouts[layout->name] = read(layout->sourcePath, QString::fromStdString(layout->relativePath));
            if (auto place = search(m_layouts[layout->name], needle))
                return place;
            if (layout->parent() == layout->name)
                break;
        }
        for (const File &f : m_includes)
            if (auto place = search(f, needle))
                return place;
        return std::nullopt;
    }

private:
    struct File final {
        QString relativePath;
        QString text;
    };
    static File read(const QString &path, const QString &relative)
    {
        QFile f(path);
        return {relative, f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString()};
    }
    static std::optional<Place> search(const File &f, const QString &needle)
    {
        const qsizetype at = f.text.indexOf(needle);
        if (at < 0)
            return std::nullopt;
        return Place{f.relativePath, int(f.text.left(at).count(QLatin1Char('\n'))) + 1};
    }

    const model::Site &m_site;
    std::vector<File> m_includes;
    std::set<std::string> m_seenLayouts;
    std::map<std::string, File> m_layouts;
};

// One broken link as found in one page.
struct Broken final {
    const model::Document *doc = nullptr;
    QString page;     // output path
    QString link;     // as written (after the site's url is taken off)
    QString target;   // the path the site lacks
    bool image = false;
};

QString brokenMessage(const Broken &b)
{
    return (b.image ? Tr::tr("broken image or script '%1': the site has no %2; fix the address or add the file")
                    : Tr::tr("broken link '%1': the site has no %2; fix the address or add the file"))
        .arg(b.link, b.target);
}

// Reports each broken link once at its source. A link the page's own file
// holds is reported at that line. One a layout or include prints is reported
// once at the template's line with the number of pages it breaks; one that
// is in no file literally (made by Liquid) is reported at the layout when
// every page using that layout has it, else at each page.
void reportBroken(const model::Site &site, const std::vector<Broken> &found, DiagnosticSink &sink)
{
    TemplateSources templates(site);
    struct Group final {
        QString file;
        int line = 0;
        std::vector<const Broken *> pages;
    };
    std::vector<Group> groups;   // in the order first met
    std::map<std::tuple<QString, QString, QString, int>, std::size_t> groupOf;
    auto addTo = [&](const QString &file, int line, const Broken &b) {
        const auto key = std::make_tuple(b.link, b.target, file, line);
        auto it = groupOf.find(key);
        if (it == groupOf.end()) {
            it = groupOf.emplace(key, groups.size()).first;
            groups.push_back({file, line, {}});
        }
        groups[it->second].pages.push_back(&b);
    };
    std::map<std::string, int> pagesWithLayout;   // innermost layout -> HTML pages using it
    for (const auto &doc : site.documents())
        if (!doc->generated && !doc->destination.isEmpty() && doc->destination.endsWith(QLatin1String(".html")))
            ++pagesWithLayout[doc->layout()];
    std::vector<const Broken *> unplaced;
    for (const Broken &b : found) {
        const QString path = QUrl(b.link).path();
        if (!b.doc) {
            sink.warning(b.page, 0, 0, brokenMessage(b));
            continue;
        }
        if (const int line = lineInSource(b.doc->sourcePath, path); line > 0) {
            sink.warning(QString::fromStdString(b.doc->relativePath), line, 0, brokenMessage(b));
            continue;
        }
        auto place = templates.find(*b.doc, b.link);
        if (!place && path != b.link)
            place = templates.find(*b.doc, path);
        if (place)
            addTo(place->file, place->line, b);
        else
            unplaced.push_back(&b);
    }
    // Made by Liquid: grouped by layout, kept only when it is in all its pages.
    std::map<std::tuple<QString, QString, std::string>, std::vector<const Broken *>> byLayout;
    for (const Broken *b : unplaced)
        byLayout[{b->link, b->target, b->doc->layout()}].push_back(b);
    for (const Broken *b : unplaced) {
        const auto &same = byLayout[{b->link, b->target, b->doc->layout()}];
        const model::Layout *layout = site.layout(b->doc->layout());
        if (layout && same.size() > 1 && int(same.size()) == pagesWithLayout[b->doc->layout()])
            addTo(QString::fromStdString(layout->relativePath), 0, *b);
        else
            sink.warning(QString::fromStdString(b->doc->relativePath), 0, 0, brokenMessage(*b));
    }
    for (const Group &g : groups) {
        const Broken &first = *g.pages.front();
        const QString where = g.pages.size() == 1
                                  ? Tr::tr("on %1").arg(QString::fromStdString(first.doc->relativePath))
                                  : Tr::tr("in %1 pages").arg(g.pages.size());
        sink.warning(g.file, g.line, 0, QStringLiteral("%1 (%2)").arg(brokenMessage(first), where));
    }
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
    std::vector<Broken> found;
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
            // Browsers strip the spaces around an address (the URL parser
            // drops leading and trailing C0 controls and spaces);
            // academicpages writes href=" {{ post.paperurl }} ".
            link = link.trimmed();
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
            found.push_back({doc, path, link, target, m.captured(1) == QLatin1String("src")});
        }
    }
    reportBroken(site, found, sink);
    return int(found.size());
}

} // namespace folio::site::build
