// What Folio cannot run: gems in `plugins:`/`gems:` other than the ones ported
// here, gem-based themes, and Ruby files in _plugins/. Each gets exactly one
// warning that says what will be missing from the output, so the user knows
// why a page differs from what GitHub Pages or `jekyll build` would produce.
#include "internal.h"
#include "pluginstr.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <set>

namespace folio::site::plugins::detail {

namespace {

constexpr std::array<std::string_view, 8> kSupported{
    "jekyll-paginate", "jekyll-sitemap", "jekyll-feed", "jekyll-seo-tag", "jekyll-redirect-from", "jekyll-gist", "jekyll-scholar", "jekyll/scholar"};

struct KnownPlugin final {
    std::string_view name;
    std::string_view missing;
};

// Plugins academicpages forks and their themes list, with what their absence does
// (marked for lupdate here, translated where the warning is made).
constexpr std::array<KnownPlugin, 15> kKnown{{
    {"jemoji", QT_TRANSLATE_NOOP("folio::site::plugins", ":emoji: shortcodes stay as plain text")},
    {"jekyll-archives", QT_TRANSLATE_NOOP("folio::site::plugins", "category, tag and date archive pages are not generated")},
    {"jekyll-include-cache", QT_TRANSLATE_NOOP("folio::site::plugins", "its {% include_cached %} tag renders as an error")},
    {"jekyll-github-metadata", QT_TRANSLATE_NOOP("folio::site::plugins", "site.github is empty")},
    {"jekyll-mentions", QT_TRANSLATE_NOOP("folio::site::plugins", "@mentions stay as plain text")},
    {"jekyll-relative-links", QT_TRANSLATE_NOOP("folio::site::plugins", "links to .md files are not rewritten to page URLs")},
    {"jekyll-titles-from-headings", QT_TRANSLATE_NOOP("folio::site::plugins", "pages without a title do not take it from their first heading")},
    {"jekyll-optional-front-matter", QT_TRANSLATE_NOOP("folio::site::plugins", "Markdown files without front matter are copied as static files")},
    {"jekyll-default-layout", QT_TRANSLATE_NOOP("folio::site::plugins", "pages without a layout are not given the default one")},
    {"jekyll-readme-index", QT_TRANSLATE_NOOP("folio::site::plugins", "README.md does not become the index page")},
    {"jekyll-coffeescript", QT_TRANSLATE_NOOP("folio::site::plugins", ".coffee files are not compiled")},
    {"jekyll-remote-theme", QT_TRANSLATE_NOOP("folio::site::plugins", "the remote theme's layouts, includes and Sass are missing")},
    {"jekyll-last-modified-at", QT_TRANSLATE_NOOP("folio::site::plugins", "last_modified_at is not taken from the files' history")},
    {"jekyll-toc", QT_TRANSLATE_NOOP("folio::site::plugins", "its toc filters render as errors")},
    {"jekyll-twitter-plugin", QT_TRANSLATE_NOOP("folio::site::plugins", "its {% twitter %} tag renders as an error")},
}};

// The line of `_config.yml` that names `word`, for the warning's location
// (0 when it cannot be found: the warning then points at the whole file).
int configLine(const model::Site &site, const QString &word)
{
    QFile file(site.config().source().filePath(QStringLiteral("_config.yml")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression re(QStringLiteral("(^|[\\s\\-:\"'\\[,])%1($|[\\s\"',\\]])")
                                    .arg(QRegularExpression::escape(word)));
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine());
        const QString code = text.section(QLatin1Char('#'), 0, 0);
        if (code.contains(re))
            return line;
    }
    return 0;
}

void warnGem(const model::Site &site, DiagnosticSink &sink, const QString &name)
{
    QString missing = Tr::tr("the tags, filters and pages it adds will be missing");
    for (const KnownPlugin &known : kKnown)
        if (qs(known.name) == name)
            missing = Tr::tr(known.missing.data());
    sink.warning(QStringLiteral("_config.yml"), configLine(site, name), 0,
                 Tr::tr("plugin '%1' is not supported by Folio: %2. Remove it from `plugins:` to "
                        "silence this warning, or build with Jekyll for this feature")
                     .arg(name, missing));
}

// The tag names a Ruby plugin registers (Liquid::Template.register_tag("x", ...)).
QStringList registeredTags(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const QRegularExpression re(QStringLiteral("register_tag\\s*\\(?\\s*[\"':]([\\w-]+)"));
    QStringList tags;
    for (auto it = re.globalMatch(text); it.hasNext();)
        tags << it.next().captured(1);
    tags.removeDuplicates();
    return tags;
}

QStringList pluginDirs(const model::Site &site)
{
    const liquid::Value dirs = site.config().value("plugins_dir");
    QStringList out = model::toStringList(dirs);
    if (out.isEmpty())
        out << QStringLiteral("_plugins");
    return out;
}

void warnRubyFiles(const model::Site &site, DiagnosticSink &sink)
{
    const QDir source = site.config().source();
    for (const QString &dir : pluginDirs(site)) {
        const QString absolute = source.absoluteFilePath(dir);
        if (!QFileInfo(absolute).isDir())
            continue;
        QStringList files;
        QDirIterator it(absolute, {QStringLiteral("*.rb")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();   // Jekyll requires them sorted; the warnings follow the same order
        for (const QString &file : files) {
            const QStringList tags = registeredTags(file);
            QString what = Tr::tr("tags or filters it defines render as errors or nothing");
            if (tags.size() == 1)
                what = Tr::tr("its tag {% %1 %} renders as an error, and filters or pages it defines are missing")
                           .arg(tags.front());
            else if (tags.size() > 1)
                what = Tr::tr("its tags {% %1 %} render as an error, and filters or pages it defines are missing")
                           .arg(tags.join(QStringLiteral(" %}, {% ")));
            sink.warning(source.relativeFilePath(file), 0, 0,
                         Tr::tr("Folio cannot run Ruby plugins; %1").arg(what));
        }
    }
}

void warnTheme(const model::Site &site, DiagnosticSink &sink)
{
    for (const char *key : {"theme", "remote_theme"}) {
        // jekyll-remote-theme in `plugins:` already had its warning.
        if (std::string_view(key) == "remote_theme" && enabled(site, "jekyll-remote-theme"))
            continue;
        const liquid::Value theme = site.config().value(key);
        if (theme.isNil() || theme.toString().empty())
            continue;
        const QString name = qs(theme.toString());
        sink.warning(QStringLiteral("_config.yml"), configLine(site, name), 0,
                     Tr::tr("%1 '%2' cannot be loaded by Folio: layouts, includes and Sass files "
                            "that come only from the theme are missing; copy them into the site to "
                            "use them")
                         .arg(qs(key), name));
    }
}

// `gems:` is Jekyll 3's name for `plugins:`. GitHub Pages (Jekyll 3.10) still
// reads it and so does Folio, so old sites keep their feed and sitemap; Jekyll
// 4 ignores it, so say why the two differ.
void warnGemsKey(const model::Site &site, DiagnosticSink &sink)
{
    const liquid::Value gems = site.config().value("gems");
    if (!gems.isArray() || gems.array().empty())
        return;
    sink.warning(QStringLiteral("_config.yml"), configLine(site, QStringLiteral("gems:")), 0,
                 Tr::tr("`gems:` is the Jekyll 3 name for `plugins:`: Folio and GitHub Pages load these "
                        "plugins, Jekyll 4 ignores them. Rename the key to `plugins:`"));
}

} // namespace

void warnUnsupported(const model::Site &site, DiagnosticSink &sink)
{
    warnGemsKey(site, sink);
    std::set<QString> seen;
    for (const QString &name : site.config().plugins()) {
        if (std::find(kSupported.begin(), kSupported.end(), name.toStdString()) != kSupported.end())
            continue;
        if (!seen.insert(name).second)
            continue;
        warnGem(site, sink, name);
    }
    warnTheme(site, sink);
    warnRubyFiles(site, sink);
}

} // namespace folio::site::plugins::detail
