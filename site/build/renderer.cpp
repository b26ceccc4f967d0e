#include "renderer.h"
#include "buildtr.h"

#include "compress.h"

#include "site/jekyll/jekyll.h"
#include "site/liquid/timeformat.h"
#include "site/model/defaults.h"
#include "site/plugins/plugins.h"
#include "site/sass/sass.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <shared_mutex>

namespace folio::site::build {

using liquid::Hash;
using liquid::Value;
using model::Document;

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// What a layout adds around its content (head, masthead, sidebar, footer) is
// at most a few dozen kilobytes in the themes Folio meets.
constexpr std::size_t kLayoutOutputSlack = 64 * 1024;

// Entity names kramdown accepts in smart_quotes, as the characters it outputs
// with entity_output: as_char.
std::string smartQuotesSetting(const Value &v)
{
    if (v.isArray()) {
        std::string out;
        for (const Value &e : v.array()) {
            if (!out.empty())
                out += ",";
            out += e.toString();
        }
        return out;
    }
    return v.isNil() ? std::string("lsquo,rsquo,ldquo,rdquo") : v.toString();
}

} // namespace

markdown::Options markdownOptions(const model::Config &config)
{
    const Value k = config.value("kramdown");
    markdown::Options o;
    if (k.get("auto_ids").isBool())
        o.autoIds = k.get("auto_ids").toBool();
    o.autoIdPrefix = k.get("auto_id_prefix").toString();
    o.hardWrap = k.get("hard_wrap").truthy();
    if (!k.get("footnote_nr").isNil())
        o.footnoteNr = int(k.get("footnote_nr").toInt());
    if (!k.get("footnote_backlink").isNil())
        o.footnoteBacklink = k.get("footnote_backlink").toString();
    o.smartQuotes = smartQuotesSetting(k.get("smart_quotes"));
    const Value levels = k.get("toc_levels");
    if (levels.isArray() && !levels.array().empty()) {
        o.tocLevelMin = int(levels.array().front().toInt());
        o.tocLevelMax = int(levels.array().back().toInt());
    } else if (levels.isString()) {
        // "1..6" or "2..3"
        const std::string s = levels.str();
        const std::size_t dots = s.find("..");
        if (dots != std::string::npos) {
            o.tocLevelMin = std::atoi(s.substr(0, dots).c_str());
            o.tocLevelMax = std::atoi(s.substr(dots + 2).c_str());
        }
    }
    o.highlighting = config.highlighting();
    return o;
}

// `{% include %}` from the site's _includes and `{% include_relative %}` from
// the page's directory. Parsed files are cached for the life of the Renderer.
class Renderer::IncludeLoader final : public liquid::IncludeLoader
{
public:
    explicit IncludeLoader(const Renderer &renderer) : m_renderer(renderer) {}

    liquid::TemplatePtr load(std::string_view name, bool relative, liquid::Context &ctx, QString *error) override
    {
        // `{% include %}` names are resolved once: pages include the same
        // few files thousands of times (the path arithmetic below was a
        // few per cent of a build).
        if (!relative) {
            std::shared_lock lock(m_byNameMutex);
            if (auto it = m_byName.find(name); it != m_byName.end())
                return it->second;
        }
        liquid::TemplatePtr tmpl = loadPath(name, relative, ctx, error);
        if (!relative && tmpl) {   // problems are looked at (and reported) every time
            std::unique_lock lock(m_byNameMutex);
            m_byName.emplace(std::string(name), tmpl);
        }
        return tmpl;
    }

private:
    liquid::TemplatePtr loadPath(std::string_view name, bool relative, liquid::Context &ctx, QString *error)
    {
        const QString base = relative ? m_renderer.includeRelativeBase(ctx.find("page"))
                                      : m_renderer.m_site.config().includesDir();
        const QString path = QDir::cleanPath(base + QLatin1Char('/') + qs(name));
        const QString baseClean = QDir::cleanPath(base);
        if (!path.startsWith(baseClean + QLatin1Char('/'))) {
            if (error)
                *error = QStringLiteral("Invalid syntax for include tag. File contains invalid characters or sequences: %1")
                             .arg(qs(name));
            return nullptr;
        }
        {
            std::lock_guard lock(m_mutex);
            auto it = m_cache.find(path);
            if (it != m_cache.end()) {
                if (!it->second && error)
                    *error = missingMessage(name, relative);
                return it->second;
            }
        }
        liquid::TemplatePtr tmpl;
        QFile file(path);
        if (QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly)) {
            QByteArray bytes = file.readAll();
            if (bytes.startsWith("\xEF\xBB\xBF"))
                bytes.remove(0, 3);
            const QString display = QDir(m_renderer.m_site.sourceDir()).relativeFilePath(path);
            auto parsed = liquid::Template::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                                  ctx.environment(), display);
            m_renderer.report(parsed.diagnostics);
            tmpl = parsed.tmpl;
            if (!tmpl && error)
                *error = QStringLiteral("the included file %1 has a Liquid syntax error").arg(display);
        } else if (error) {
            *error = missingMessage(name, relative);
        }
        std::lock_guard lock(m_mutex);
        // Two threads may have parsed the same file: all use the first one,
        // whose address the include memo keys on.
        return m_cache.emplace(path, tmpl).first->second;
    }

    QString missingMessage(std::string_view name, bool relative) const
    {
        if (relative)
            return QStringLiteral("Could not locate the included file '%1' next to the page; check the name").arg(qs(name));
        const QString dir = QDir(m_renderer.m_site.sourceDir()).relativeFilePath(m_renderer.m_site.config().includesDir());
        return QStringLiteral("Could not locate the included file '%1' in any of [\"%2\"]. Ensure it exists in one "
                              "of those directories.").arg(qs(name), dir);
    }

    const Renderer &m_renderer;
    std::mutex m_mutex;
    std::map<QString, liquid::TemplatePtr> m_cache;   // by path (include_relative too)
    std::shared_mutex m_byNameMutex;
    std::map<std::string, liquid::TemplatePtr, std::less<>> m_byName;   // `include` by name, as written
};

Renderer::Renderer(const model::Site &site, DiagnosticSink &sink)
    : m_site(site), m_sink(sink), m_view(site), m_env(jekyll::jekyllEnvironment()),
      m_markdown(markdownOptions(site.config())), m_contentMarkdown([&] {
          markdown::Options o = markdownOptions(site.config());
          o.sourceLines = site.config().buildOptions().sourceLines;
          return o;
      }()),
      m_includes(std::make_unique<IncludeLoader>(*this))
{
    plugins::registerTags(m_env);
    for (const auto &[name, layout] : site.layouts())
        if (isCompressLayout(layout.content))
            m_compressLayouts.insert(name);
}

Renderer::~Renderer() = default;

QString Renderer::displayPath(const Document &doc) const { return qs(doc.relativePath); }

namespace {
thread_local bool t_rendersAgain = false;
} // namespace

void Renderer::report(const std::vector<Diagnostic> &diagnostics) const
{
    if (t_rendersAgain)
        return;
    for (const Diagnostic &d : diagnostics)
        m_sink.report(d);
}

liquid::TemplatePtr Renderer::parse(const std::string &source, const QString &file, int firstLine) const
{
    auto parsed = liquid::Template::parse(source, m_env, file, firstLine);
    report(parsed.diagnostics);
    return parsed.tmpl;
}

liquid::TemplatePtr Renderer::layoutTemplate(const model::Layout &layout) const
{
    {
        std::lock_guard lock(m_layoutMutex);
        auto it = m_layoutCache.find(layout.name);
        if (it != m_layoutCache.end())
            return it->second;
    }
    // Parsed outside the lock; two threads may parse the same layout once each
    // at the start of a build, which is cheaper than serialising every parse.
    liquid::TemplatePtr tmpl = parse(layout.content, qs(layout.relativePath), layout.bodyLine);
    std::lock_guard lock(m_layoutMutex);
    return m_layoutCache.emplace(layout.name, tmpl).first->second;
}

bool Renderer::renderLiquid(const liquid::Template &tmpl, const Document &doc, const Value &page,
                            const Value &layout, const Value *content, const Value &paginator,
                            std::string &out) const
{
    Hash globals;
    globals.set("site", m_view.siteDrop(&doc));
    globals.set("page", page);
    globals.set("layout", layout);
    globals.set("content", content ? *content : Value());
    globals.set("paginator", paginator);
    globals.set("jekyll", m_view.jekyllDrop());
    globals.set("highlighter_prefix", "");
    globals.set("highlighter_suffix", "");
    liquid::Context ctx(m_env, Value(std::move(globals)), liquid::ErrorMode::Strict);
    jekyll::setHost(ctx, this);
    ctx.setIncludeLoader(m_includes.get());
    ctx.setIncludeMemo(m_includeMemo);
    const bool ok = tmpl.render(ctx, out);
    report(ctx.diagnostics());
    return ok;
}

std::string Renderer::convert(const Document &doc, std::string &&text) const
{
    if (doc.markdown)
        return m_contentMarkdown.toHtml(text);
    if (doc.sass) {
        sass::Options o = sassOptions(doc.extname == ".scss");
        o.inputPath = doc.sourcePath;
        auto css = sass::compile(text, o);
        if (!css) {
            m_sink.error(displayPath(doc), 0, 0, css.error());
            return {};
        }
        return *css;
    }
    return std::move(text);
}

std::string Renderer::renderExcerpt(const Document &doc) const
{
    if (!doc.hasExcerpt)
        return {};
    // Jekyll's Excerpt: Liquid and conversion of the excerpt text, no layout.
    std::string rendered;
    if (!renderBody(doc, doc.excerptSource, QStringLiteral("#excerpt"), Value(), Value(), rendered))
        return {};
    // Excerpts appear on other pages: no source lines of this document there.
    return doc.markdown ? m_markdown.toHtml(rendered) : convert(doc, std::move(rendered));
}

bool Renderer::renderBody(const Document &doc, const std::string &text, const QString &fileSuffix,
                          const Value &layout, const Value &paginator, std::string &out) const
{
    if (!doc.rendersLiquid(text)) {
        out = text;
        return true;
    }
    auto tmpl = parse(text, displayPath(doc) + fileSuffix, doc.bodyLine);
    return tmpl && renderLiquid(*tmpl, doc, m_view.pageDrop(doc, &text), layout, nullptr, paginator, out);
}

std::optional<std::string> Renderer::renderContent(const Document &doc, const std::string *text,
                                                   const Value &paginator) const
{
    const model::RenderScope scope(doc);
    const std::string &source = text ? *text : doc.content;
    Value layoutData;
    if (const model::Layout *layout = m_site.layout(doc.layout()))
        layoutData = Value(layout->data);
    std::string rendered;
    if (!renderBody(doc, source, {}, layoutData, paginator, rendered))
        return std::nullopt;
    return convert(doc, std::move(rendered));
}

Renderer::Repeat::Repeat() { t_rendersAgain = true; }
Renderer::Repeat::~Repeat() { t_rendersAgain = false; }

std::optional<std::string> Renderer::placeInLayouts(const Document &doc, const std::string &content,
                                                    const Value &paginator) const
{
    return placeInLayouts(doc, std::make_shared<const std::string>(content), paginator);
}

std::optional<std::string> Renderer::placeInLayouts(const Document &doc,
                                                    std::shared_ptr<const std::string> content,
                                                    const Value &paginator) const
{
    const model::RenderScope scope(doc);
    const bool assetFile = doc.sass || doc.extname == ".coffee";
    if (assetFile || doc.extname == ".yml" || doc.extname == ".yaml" || doc.layout() == "none")
        return *content;
    const model::Layout *layout = m_site.layout(doc.layout());
    if (!layout) {
        if (doc.hasLayout() && !doc.layout().empty())
            m_sink.warning(displayPath(doc), doc.frontMatterLine, 0,
                           Tr::tr("layout '%1' does not exist; the page is written without it. "
                                  "Check the name or add _layouts/%1.html").arg(qs(doc.layout())));
        return *content;
    }
    // `page.content` in every layout and `content` in the first are the same
    // shared string; each layout's output moves into the next one's `content`
    // without a copy (a listing page of a large site is megabytes).
    const Value page = m_view.pageDrop(doc, content);
    std::string output;   // the last layout's output
    bool first = true;    // no layout rendered yet: the content is the page's own
    Value layoutData;
    std::vector<const model::Layout *> used;
    while (layout) {
        used.push_back(layout);
        layoutData = model::deepMerge(Value(layout->data), layoutData.isNil() ? Value(Hash{}) : layoutData);
        std::optional<std::string> native;
        if (m_compressLayouts.count(layout->name)) {
            std::string inner = first ? *content : std::move(output);
            native = compressHtml(layout->content, std::move(inner), m_site.config().value("compress_html"),
                                  m_view.jekyllDrop().get("environment").str());
            if (!native && !first)
                output = std::move(inner);   // not taken: the interpreter renders it below
        }
        if (native) {
            output = std::move(*native);
        } else {
            auto tmpl = layoutTemplate(*layout);
            if (!tmpl)
                return std::nullopt;
            const Value contentValue = first ? Value(content) : Value(std::move(output));
            std::string next;
            // Room for the content and the layout around it, so the output
            // is not regrown (and briefly held twice) while it is written.
            next.reserve(contentValue.str().size() + kLayoutOutputSlack);
            if (!renderLiquid(*tmpl, doc, page, layoutData, &contentValue, paginator, next))
                return std::nullopt;
            output = std::move(next);
        }
        first = false;
        const model::Layout *parent = m_site.layout(layout->parent());
        if (!parent || std::find(used.begin(), used.end(), parent) != used.end())
            break;
        layout = parent;
    }
    return output;
}

std::optional<std::string> Renderer::renderDocument(const Document &doc, const std::string *text,
                                                    const Value &paginator) const
{
    auto content = renderContent(doc, text, paginator);
    if (!content)
        return std::nullopt;
    return placeInLayouts(doc, std::make_shared<const std::string>(std::move(*content)), paginator);
}

// --- jekyll::Host ------------------------------------------------------------------

std::string Renderer::siteUrl() const { return m_site.config().url(); }
std::string Renderer::baseurl() const { return m_site.config().baseurl(); }
std::string Renderer::timezone() const { return m_site.config().timezone(); }
std::string Renderer::highlighter() const { return m_site.config().value("highlighter").toString(); }

std::string Renderer::markdownify(std::string_view text) const
{
    // Themes markdownify the same excerpts on every page that lists them
    // (archives, related posts, SEO descriptions): convert each text once.
    if (text.size() > kMarkdownifyCacheLimit)
        return m_markdown.toHtml(text);
    MarkdownifyShard &shard = m_markdownifyCache[std::hash<std::string_view>{}(text) % m_markdownifyCache.size()];
    {
        std::lock_guard lock(shard.mutex);
        auto it = shard.results.find(text);
        if (it != shard.results.end())
            return it->second;
    }
    std::string html = m_markdown.toHtml(text);
    std::lock_guard lock(shard.mutex);
    shard.results.emplace(std::string(text), html);
    return html;
}

std::string Renderer::smartify(std::string_view text) const
{
    return markdown::smartify(text, m_markdown.options());
}

sass::Options Renderer::sassOptions(bool scss) const
{
    const Value sassConfig = m_site.config().value("sass");
    sass::Options o;
    o.indentedSyntax = !scss;
    o.style = sass::styleFromName(sassConfig.get("style").toString());
    o.lineComments = sassConfig.get("line_comments").truthy();
    if (!sassConfig.get("precision").isNil())
        o.precision = int(sassConfig.get("precision").toInt());
    QStringList userPaths;
    for (const Value &p : sassConfig.get("load_paths").array())
        userPaths << qs(p.toString());
    o.loadPaths = sass::jekyllLoadPaths(m_site.sourceDir(), qs(sassConfig.get("sass_dir").toString()), userPaths);
    return o;
}

Result<std::string> Renderer::sassify(std::string_view text, bool scss) const
{
    return sass::compile(text, sassOptions(scss));
}

std::optional<Renderer::Stylesheet> Renderer::renderStylesheet(const Document &doc) const
{
    std::string text;
    if (!renderBody(doc, doc.content, {}, Value(), Value(), text))
        return std::nullopt;
    sass::Options o = sassOptions(doc.extname == ".scss");
    o.inputPath = doc.sourcePath;
    // jekyll-sass-converter's `sourcemap:` (default always): main.css.map
    // beside main.css, named in the CSS's last comment.
    const std::string env = m_site.config().environment() == model::Environment::Development ? "development"
                                                                                                : "production";
    const bool withMap = sass::jekyllWritesSourceMap(m_site.config().value("sass").get("sourcemap").toString(), env);
    Stylesheet out;
    if (withMap) {
        out.mapDestination = doc.destination + QStringLiteral(".map");
        const QString outputRoot = m_site.sourceDir() + QStringLiteral("/_site/");
        o.outputPath = outputRoot + doc.destination;
        o.sourceMapFile = outputRoot + out.mapDestination;
    }
    auto compiled = sass::compileWithDetails(text, o);
    if (!compiled) {
        m_sink.error(displayPath(doc), 0, 0, compiled.error());
        return std::nullopt;
    }
    out.css = std::move(compiled->css);
    out.map = std::move(compiled->sourceMap);
    if (!withMap)
        out.mapDestination.clear();
    return out;
}

std::optional<std::string> Renderer::linkTarget(std::string_view relativePath) const
{
    // Site#each_site_file: pages, then static files, then documents.
    for (const Document *page : m_site.pages())
        if (page->relativePath == relativePath)
            return page->url;
    for (const model::StaticFile &f : m_site.staticFiles())
        if (f.write && (f.relativePath == relativePath || f.relativePath == "/" + std::string(relativePath)))
            return f.url;
    for (const auto &doc : m_site.documents())
        if (!doc->isPage() && doc->write && doc->relativePath == relativePath)
            return doc->url;
    return std::nullopt;
}

std::vector<jekyll::PostRef> Renderer::posts() const
{
    std::vector<jekyll::PostRef> out;
    for (const Document *post : m_site.posts()) {
        jekyll::PostRef ref;
        ref.relativePath = post->relativePath;
        // Document#basename for posts in subfolders of _posts keeps the folder.
        const std::size_t at = post->relativePath.find("_posts/");
        std::string inner = at == std::string::npos ? post->name : post->relativePath.substr(at + 7);
        ref.basename = inner.substr(0, inner.size() - post->extname.size());
        ref.slug = post->data.value("slug").toString();
        const liquid::CivilTime c = liquid::toCivil(post->date);
        ref.year = c.year;
        ref.month = c.month;
        ref.day = c.day;
        ref.url = post->url;
        out.push_back(std::move(ref));
    }
    return out;
}

QString Renderer::includeRelativeBase(const Value &page) const
{
    std::string path = page.get("path").toString();
    const std::size_t hash = path.find("/#excerpt");
    if (hash != std::string::npos)
        path.erase(hash);
    if (!page.get("collection").isNil()) {
        const std::string dir = m_site.config().collectionsDirName();
        if (!dir.empty())
            path = dir + "/" + path;
    }
    const QString full = m_site.config().source().filePath(qs(path));
    return QFileInfo(full).absolutePath();
}

} // namespace folio::site::build
