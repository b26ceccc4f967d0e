// Renders documents of a loaded site the way Jekyll's Renderer does: Liquid on
// the body, then the converter (Markdown, Sass), then the layouts from the
// innermost out. One Renderer serves every thread of a build and every preview
// render: it keeps the parsed layouts and includes, the Liquid environment and
// the Markdown converter, and holds no per-render state.
#pragma once

#include "site/core/diagnostic.h"
#include "site/jekyll/host.h"
#include "site/liquid/liquid.h"
#include "site/markdown/markdown.h"
#include "site/model/drops.h"
#include "site/model/site.h"
#include "site/sass/sass.h"

#include <array>
#include <map>
#include <unordered_map>
#include <memory>
#include <mutex>
#include <set>
#include <optional>
#include <string>

namespace folio::site::build {

class Renderer final : public jekyll::Host
{
public:
    Renderer(const model::Site &site, DiagnosticSink &sink);
    ~Renderer() override;

    const model::Site &site() const { return m_site; }
    const model::SiteView &view() const { return m_view; }
    const liquid::Environment &environment() const { return m_env; }

    // The excerpt's HTML (Liquid and Markdown, no layout). Empty on error.
    std::string renderExcerpt(const model::Document &doc) const;
    // Liquid on the body (or on `text` instead, for an unsaved editor buffer),
    // then conversion. nullopt when a Liquid error stopped it (reported).
    std::optional<std::string> renderContent(const model::Document &doc,
                                             const std::string *text = nullptr,
                                             const liquid::Value &paginator = {}) const;
    // While one lives, this thread's renders report no diagnostics: the
    // builder's ordered phases render a document a second time, and the first
    // render reported its problems.
    class Repeat final
    {
    public:
        Repeat();
        ~Repeat();
        Repeat(const Repeat &) = delete;
        Repeat &operator=(const Repeat &) = delete;
    };
    // The converted content placed in the document's layout chain.
    std::optional<std::string> placeInLayouts(const model::Document &doc, const std::string &content,
                                              const liquid::Value &paginator = {}) const;
    // The same without a copy of the content (a build's shared results).
    std::optional<std::string> placeInLayouts(const model::Document &doc,
                                              std::shared_ptr<const std::string> content,
                                              const liquid::Value &paginator = {}) const;
    // Both, as the preview needs them.
    std::optional<std::string> renderDocument(const model::Document &doc, const std::string *text = nullptr,
                                              const liquid::Value &paginator = {}) const;

    // Renders from now on share `memo` (null: none), as the builder's layout
    // phase does (see liquid/memo.h). Set it before rendering threads start.
    void setIncludeMemo(liquid::IncludeMemo *memo) { m_includeMemo = memo; }

    // A Sass/SCSS page: CSS, and the source map Jekyll would write beside it.
    struct Stylesheet final {
        std::string css;
        std::string map;
        QString mapDestination;   // empty: no map
    };
    std::optional<Stylesheet> renderStylesheet(const model::Document &doc) const;

    // jekyll::Host
    std::string siteUrl() const override;
    std::string baseurl() const override;
    std::string timezone() const override;
    std::string highlighter() const override;
    std::string markdownify(std::string_view text) const override;
    std::string smartify(std::string_view text) const override;
    Result<std::string> sassify(std::string_view text, bool scss) const override;
    std::optional<std::string> linkTarget(std::string_view relativePath) const override;
    std::vector<jekyll::PostRef> posts() const override;
    QString includeRelativeBase(const liquid::Value &page) const override;

private:
    class IncludeLoader;

    liquid::TemplatePtr layoutTemplate(const model::Layout &layout) const;
    sass::Options sassOptions(bool scss) const;
    liquid::TemplatePtr parse(const std::string &source, const QString &file, int firstLine) const;
    // Renders `tmpl` with the globals of a render of `doc`; false on a Liquid error.
    bool renderLiquid(const liquid::Template &tmpl, const model::Document &doc, const liquid::Value &page,
                      const liquid::Value &layout, const liquid::Value *content,
                      const liquid::Value &paginator, std::string &out) const;
    // Liquid on `text` (body, excerpt or editor buffer) when it has any; false
    // on a Liquid error (reported). `fileSuffix` marks excerpts in diagnostics.
    bool renderBody(const model::Document &doc, const std::string &text, const QString &fileSuffix,
                    const liquid::Value &layout, const liquid::Value &paginator, std::string &out) const;
    std::string convert(const model::Document &doc, std::string &&text) const;
    void report(const std::vector<Diagnostic> &diagnostics) const;
    QString displayPath(const model::Document &doc) const;

    const model::Site &m_site;
    DiagnosticSink &m_sink;
    model::SiteView m_view;
    liquid::Environment m_env;
    markdown::Converter m_markdown;
    markdown::Converter m_contentMarkdown; // documents' content: m_markdown, plus source lines when asked
    std::unique_ptr<IncludeLoader> m_includes;
    liquid::IncludeMemo *m_includeMemo = nullptr;
    mutable std::mutex m_layoutMutex;
    mutable std::map<std::string, liquid::TemplatePtr, std::less<>> m_layoutCache;
    std::set<std::string, std::less<>> m_compressLayouts;   // rendered natively (compress.h)

    // markdownify results by input text, sharded so threads rarely wait.
    static constexpr std::size_t kMarkdownifyCacheLimit = 64 * 1024;
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct MarkdownifyShard {
        std::mutex mutex;
        std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> results;
    };
    mutable std::array<MarkdownifyShard, 16> m_markdownifyCache;
};

// kramdown options of _config.yml as the Markdown converter takes them.
markdown::Options markdownOptions(const model::Config &config);

} // namespace folio::site::build
