#include "config.h"
#include "modeltr.h"

#include "site/model/highlighting.h"
#include "site/yaml/yaml.h"

#include <cctype>
#include <QFile>
#include <QFileInfo>

namespace folio::site::model {

using liquid::Array;
using liquid::Hash;
using liquid::Value;

namespace {

// Jekyll 4.3 Configuration::DEFAULTS, less the server-only keys nothing renders.
Value jekyllDefaults()
{
    Hash liquidOpts{{"error_mode", "warn"}, {"strict_filters", false}, {"strict_variables", false}};
    Array tocLevels;
    for (int i = 1; i <= 6; ++i)
        tocLevels.push_back(i);
    Hash kramdown{{"auto_ids", true},
                  {"toc_levels", Value(tocLevels)},
                  {"entity_output", "as_char"},
                  {"smart_quotes", "lsquo,rsquo,ldquo,rdquo"},
                  {"input", "GFM"},
                  {"hard_wrap", false},
                  {"guess_lang", true},
                  {"footnote_nr", 1},
                  {"show_warnings", false}};
    return Hash{{"source", ""},
                {"destination", ""},
                {"collections_dir", ""},
                {"cache_dir", ".jekyll-cache"},
                {"plugins_dir", "_plugins"},
                {"layouts_dir", "_layouts"},
                {"data_dir", "_data"},
                {"includes_dir", "_includes"},
                {"collections", Hash{}},
                {"safe", false},
                {"include", liquid::makeArray({".htaccess"})},
                {"exclude", Array{}},
                {"keep_files", liquid::makeArray({".git", ".svn"})},
                {"encoding", "utf-8"},
                {"markdown_ext", "markdown,mkdown,mkdn,mkd,md"},
                {"strict_front_matter", false},
                {"show_drafts", Value()},
                {"limit_posts", 0},
                {"future", false},
                {"unpublished", false},
                {"whitelist", Array{}},
                {"plugins", Array{}},
                {"markdown", "kramdown"},
                {"highlighter", "rouge"},
                {"lsi", false},
                {"excerpt_separator", "\n\n"},
                {"incremental", false},
                {"detach", false},
                {"port", "4000"},
                {"host", "127.0.0.1"},
                {"baseurl", Value()},
                {"show_dir_listing", false},
                {"permalink", "date"},
                {"paginate_path", "/page:num"},
                {"timezone", Value()},
                {"quiet", false},
                {"verbose", false},
                {"defaults", Array{}},
                {"liquid", Value(liquidOpts)},
                {"kramdown", Value(kramdown)}};
}

const char *const kDefaultExcludes[] = {".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile",
                                        "Gemfile.lock", "node_modules", "vendor/bundle/",
                                        "vendor/cache/", "vendor/gems/", "vendor/ruby/"};

QString qs(const std::string &s) { return QString::fromStdString(s); }

} // namespace

Value deepMerge(const Value &base, const Value &overrides)
{
    if (!base.isHash() || !overrides.isHash())
        return overrides;
    Hash merged = base.hash();
    for (const auto &[key, value] : overrides.hash()) {
        const Value *existing = merged.find(key);
        if (existing && existing->isHash() && value.isHash())
            merged.set(key, deepMerge(*existing, value));
        else
            merged.set(key, value);
    }
    return merged;
}

QStringList toStringList(const Value &v)
{
    QStringList out;
    if (v.isArray()) {
        for (const Value &e : v.array())
            out << qs(e.toString());
    } else if (!v.isNil()) {
        out << qs(v.toString());
    }
    return out;
}

std::string styleToPermalink(std::string_view style)
{
    if (style == "none")
        return "/:categories/:title:output_ext";
    if (style == "date")
        return "/:categories/:year/:month/:day/:title:output_ext";
    if (style == "ordinal")
        return "/:categories/:year/:y_day/:title:output_ext";
    if (style == "pretty")
        return "/:categories/:year/:month/:day/:title/";
    if (style == "weekdate")
        return "/:categories/:year/W:week/:short_day/:title:output_ext";
    return std::string(style);
}

// The first line of `path` that holds the mapping key `key` (plain or quoted),
// for diagnostics about a value read from it; 0 when not found.
static int keyLine(const QString &path, const std::string &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QString k = QString::fromStdString(key);
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        if (text.startsWith(k + QLatin1Char(':')) || text.startsWith(QLatin1Char('"') + k + QLatin1String("\":"))
            || text.startsWith(QLatin1Char('\'') + k + QLatin1String("':")))
            return line;
    }
    return 0;
}

Config Config::load(const QString &sourceDir, const BuildOptions &options, DiagnosticSink &sink)
{
    Config config;
    Value user;
    const QString path = QDir(sourceDir).filePath(QStringLiteral("_config.yml"));
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            sink.error(QStringLiteral("_config.yml"), 0, 0,
                       Tr::tr("cannot read the configuration: %1").arg(file.errorString()));
        } else {
            const QByteArray bytes = file.readAll();
            yaml::LoadOptions lo;
            lo.fileName = QStringLiteral("_config.yml");
            yaml::ParseError err;
            auto loaded = yaml::load(std::string_view(bytes.constData(), std::size_t(bytes.size())), lo, &err);
            if (!loaded) {
                sink.error(QStringLiteral("_config.yml"), err.line, err.column,
                           err.message.isEmpty() ? loaded.error()
                               : Tr::tr("%1 (the site is built with Jekyll's default settings until this is fixed)").arg(err.message));
            } else if (loaded->isHash()) {
                user = *loaded;
            } else if (!loaded->isNil()) {
                sink.error(QStringLiteral("_config.yml"), 1, 1,
                           Tr::tr("the configuration must be a mapping of `key: value` lines"));
            }
        }
    }
    config.m_values = deepMerge(jekyllDefaults(), user.isHash() ? user : Value(Hash{}));
    config.finish(sourceDir, options, sink);
    return config;
}

Config Config::fromYaml(const std::string &yamlText, const QString &sourceDir, DiagnosticSink &sink)
{
    Config config;
    yaml::ParseError err;
    auto loaded = yaml::load(yamlText, {}, &err);
    Value user = loaded && loaded->isHash() ? *loaded : Value(Hash{});
    if (!loaded)
        sink.error(QStringLiteral("_config.yml"), err.line, err.column, loaded.error());
    config.m_values = deepMerge(jekyllDefaults(), user);
    config.finish(sourceDir, {}, sink);
    return config;
}

void Config::finish(const QString &sourceDir, const BuildOptions &options, DiagnosticSink &sink)
{
    m_source = QDir(QFileInfo(sourceDir).absoluteFilePath());
    m_options = options;
    m_environment = options.environment;

    Hash values = m_values.hash();
    if (options.showDrafts)
        values.set("show_drafts", *options.showDrafts);
    if (options.future)
        values.set("future", *options.future);
    if (options.unpublished)
        values.set("unpublished", *options.unpublished);
    if (options.urlOverride)
        values.set("url", *options.urlOverride);

    // Collections: an array of labels becomes a hash; `posts` always exists,
    // always outputs, and takes the site's permalink style.
    Value collections = values.value("collections");
    Hash colls;
    if (collections.isArray()) {
        for (const Value &label : collections.array())
            colls.set(label.toString(), Hash{});
    } else if (collections.isHash()) {
        colls = collections.hash();
    }
    Hash posts = colls.value("posts").isHash() ? colls.value("posts").hash() : Hash{};
    posts.set("output", true);
    if (!posts.value("permalink").truthy())
        posts.set("permalink", styleToPermalink(values.value("permalink").toString()));
    Hash ordered;
    ordered.set("posts", posts);
    for (const auto &[label, meta] : colls)
        if (label != "posts")
            ordered.set(label, meta.isHash() ? meta : Value(Hash{}));
    values.set("collections", ordered);

    Value exclude = values.value("exclude");
    Array ex = exclude.isArray() ? exclude.array() : Array{};
    for (const char *d : kDefaultExcludes) {
        bool present = false;
        for (const Value &e : ex)
            present = present || e.toString() == d;
        if (!present)
            ex.push_back(d);
    }
    values.set("exclude", ex);
    m_values = values;

    m_collections.clear();
    for (const auto &[name, named] : ordered) {
        // Jekyll's Collection#sanitize_label keeps [a-z0-9_.-] and looks its
        // settings up under that label: "reading list" is the collection
        // "readinglist", read from _readinglist/, without settings unless
        // "readinglist:" has some.
        std::string label;
        for (char ch : name)
            if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.')
                label += ch;
        const Value meta = label == name ? named : (ordered.value(label).isHash() ? ordered.value(label) : Value(Hash{}));
        if (label != name)
            sink.warning(QStringLiteral("_config.yml"), keyLine(m_source.filePath(QStringLiteral("_config.yml")), name), 0,
                         Tr::tr("the collection '%1' is read as '%2' (from _%2/, without the settings given "
                                "under '%1'), as Jekyll does: name it '%2'")
                             .arg(QString::fromStdString(name), QString::fromStdString(label)));
        CollectionConfig c;
        c.label = label;
        c.output = meta.get("output").truthy();
        c.permalink = meta.get("permalink").toString();
        c.metadata = meta;
        m_collections.push_back(std::move(c));
    }

    m_defaults.clear();
    const Value defaults = values.value("defaults");
    int index = 0;
    for (const Value &rule : defaults.array()) {
        ++index;
        if (!rule.isHash() || !rule.get("values").isHash()) {
            sink.warning(QStringLiteral("_config.yml"), 0, 0,
                         Tr::tr("defaults entry %1 has no `values:` mapping and is ignored").arg(index));
            continue;
        }
        DefaultsRule r;
        r.path = rule.get("scope").get("path").toString();
        r.type = rule.get("scope").get("type").toString();
        r.values = rule.get("values");
        m_defaults.push_back(std::move(r));
    }

    // Highlighter settings Folio cannot reproduce are named once and ignored.
    std::vector<UnsupportedSetting> unsupported;
    m_highlighting = highlightingSettings(m_values, &unsupported);
    for (const UnsupportedSetting &u : unsupported) {
        const std::string path = u.key.substr(0, u.key.find(':'));
        const std::string leaf = path.substr(path.rfind('.') + 1);
        const QString key = QString::fromStdString(u.key);
        sink.warning(QStringLiteral("_config.yml"), keyLine(m_source.filePath(QStringLiteral("_config.yml")), leaf), 0,
                     u.highlighter ? Tr::tr("`%1` is not supported: Folio highlights code as Rouge's HTML formatter does, "
                                            "or not at all; code is written without highlighting and the rest of the "
                                            "site is built").arg(key)
                                   : Tr::tr("`%1` is not supported: Folio highlights code as Rouge's HTML formatter does, "
                                            "or not at all; the setting is ignored and the rest of the site is built").arg(key));
    }

    m_include = toStringList(values.value("include"));
    m_exclude = toStringList(values.value("exclude"));
    m_keepFiles = toStringList(values.value("keep_files"));
    m_markdownExts.clear();
    for (const QString &ext : qs(values.value("markdown_ext").toString()).split(QLatin1Char(','), Qt::SkipEmptyParts))
        m_markdownExts << QLatin1Char('.') + ext.trimmed().toLower();
}

QString Config::layoutsDir() const { return m_source.filePath(qs(value("layouts_dir").toString())); }
QString Config::includesDir() const { return m_source.filePath(qs(value("includes_dir").toString())); }
QString Config::dataDir() const { return m_source.filePath(qs(value("data_dir").toString())); }

std::string Config::collectionsDirName() const { return value("collections_dir").toString(); }

QString Config::collectionsDir() const
{
    const std::string dir = collectionsDirName();
    return dir.empty() ? m_source.absolutePath() : m_source.filePath(qs(dir));
}

const CollectionConfig *Config::collection(std::string_view label) const
{
    for (const auto &c : m_collections)
        if (c.label == label)
            return &c;
    return nullptr;
}

bool Config::future() const { return value("future").truthy(); }
bool Config::showDrafts() const { return value("show_drafts").truthy(); }
bool Config::unpublished() const { return value("unpublished").truthy(); }

QStringList Config::plugins() const
{
    QStringList out = toStringList(value("plugins"));
    // Jekyll 3 spelled it `gems:`; academicpages forks from then still do.
    out << toStringList(value("gems"));
    out.removeDuplicates();
    return out;
}

} // namespace folio::site::model
