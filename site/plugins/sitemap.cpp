// jekyll-sitemap 1.4: sitemap.xml listing every written collection document,
// every HTML page and the HTML/PDF static files, and a robots.txt pointing to
// it, unless the site has its own (a page or a static file at that URL).
//
// The plugin renders a Liquid template whose inputs (URLs, front matter,
// modification times) are all known once the site is read and the other
// generators have run, so Folio writes the XML here directly: same elements,
// same order, same line breaks (the plugin strips the whitespace after ">\n"
// and "}"), and no Liquid pass over thousands of documents. It must run after
// every generator that adds HTML pages: the plugin's list is taken at render time.
#include "internal.h"

#include "site/jekyll/dates.h"
#include "site/jekyll/text.h"
#include "site/model/defaults.h"

#include <algorithm>
#include <array>

namespace folio::site::plugins::detail {

namespace {

using liquid::Hash;
using liquid::Value;

constexpr std::array<std::string_view, 4> kStaticExtensions{".htm", ".html", ".xhtml", ".pdf"};

// Ruby's str.gsub("/index.html", "/").
std::string replaceIndexHtml(std::string url)
{
    const std::string needle = "/index.html";
    for (std::size_t at = url.find(needle); at != std::string::npos; at = url.find(needle, at + 1))
        url.replace(at, needle.size(), "/");
    return url;
}

// Liquid's `default`: nil, false and empty strings/arrays/hashes fall back.
bool blankForDefault(const Value &v)
{
    return v.isNil() || (v.isBool() && !v.toBool()) || ((v.isString() || v.isArray() || v.isHash()) && v.empty());
}

// `x != false` in the plugin's where_exp filters.
bool listed(const Value &sitemapFlag) { return !(sitemapFlag.isBool() && !sitemapFlag.toBool()); }

class SitemapWriter final
{
public:
    explicit SitemapWriter(const model::Site &site) : m_site(site) {}

    void add(const std::string &url, const Value &lastmod)
    {
        m_xml += "<url>\n<loc>";
        m_xml += jekyll::xmlEscape(absoluteUrl(m_site, replaceIndexHtml(url)));
        m_xml += "</loc>\n";
        if (lastmod.truthy()) {
            m_xml += "<lastmod>";
            m_xml += xmlschema(lastmod);
            m_xml += "</lastmod>\n";
        }
        m_xml += "</url>\n";
    }

    std::string finish(bool xsl)
    {
        std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        if (xsl)
            head += "<?xml-stylesheet type=\"text/xsl\" href=\"" + absoluteUrl(m_site, "/sitemap.xsl") + "\"?>\n";
        head += "<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                "xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9 "
                "http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" "
                "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        return head + m_xml + "</urlset>\n";
    }

private:
    // date_to_xmlschema in the site's time zone; a value that is no date
    // prints nothing, as the filter's error would be swallowed into the page.
    std::string xmlschema(const Value &v) const
    {
        Result<liquid::Time> t = jekyll::toSiteTime(v, m_site.config().timezone());
        return t ? jekyll::xmlschema(*t) : std::string();
    }

    const model::Site &m_site;
    std::string m_xml;
};

bool htmlPage(const model::Document &page)
{
    const std::string &ext = page.outputExt;
    return ext == ".html" || ext == ".htm" || ext == ".xhtml" || (!page.url.empty() && page.url.back() == '/');
}

std::string sitemapXml(const model::Site &site)
{
    SitemapWriter out(site);
    // Collections with output, sorted by label (site.collections), then their documents.
    std::vector<const model::CollectionConfig *> collections;
    for (const model::CollectionConfig &c : site.config().collections())
        collections.push_back(&c);
    std::sort(collections.begin(), collections.end(), [](auto *a, auto *b) { return a->label < b->label; });
    for (const model::CollectionConfig *collection : collections) {
        if (!collection->output)
            continue;
        for (const model::Document *doc : site.collectionDocuments(collection->label)) {
            if (!listed(doc->data.value("sitemap")))
                continue;
            Value lastmod = doc->data.value("last_modified_at");
            if (blankForDefault(lastmod))
                lastmod = Value(doc->date);
            out.add(doc->url, lastmod);
        }
    }
    for (const model::Document *page : site.pages()) {
        if (!htmlPage(*page) || !listed(page->data.value("sitemap")) || page->url == "/404.html")
            continue;
        out.add(page->url, page->data.value("last_modified_at"));
    }
    for (const model::StaticFile &file : site.staticFiles()) {
        if (std::find(kStaticExtensions.begin(), kStaticExtensions.end(), file.extname) == kStaticExtensions.end())
            continue;
        // A static file's `sitemap` can only come from front matter defaults.
        const Hash defaults = model::frontMatterDefaults(site.config(), file.relativePath, file.collection);
        if (!listed(defaults.value("sitemap")) || file.name == "404.html")
            continue;
        out.add(file.relativePath, Value(file.modified));
    }
    return out.finish(siteHasUrl(site, "/sitemap.xsl"));
}

// A page whose content is final text: no layout, no Liquid.
void addTextPage(model::Site &site, const std::string &relativePath, std::string text, Hash data)
{
    data.set("layout", Value());
    data.set("render_with_liquid", false);
    site.addGeneratedPage(relativePath, std::move(text), std::move(data));
}

} // namespace

void generateSitemap(model::Site &site, DiagnosticSink &sink)
{
    (void)sink;
    // Both checks are made before either file is added, as the plugin does.
    const bool haveSitemap = siteHasUrl(site, "/sitemap.xml");
    const bool haveRobots = siteHasUrl(site, "/robots.txt");
    if (!haveSitemap) {
        const bool xsl = siteHasUrl(site, "/sitemap.xsl");
        addTextPage(site, "sitemap.xml", sitemapXml(site), Hash{{"xsl", xsl}});
    }
    if (!haveRobots)
        addTextPage(site, "robots.txt", "Sitemap: " + absoluteUrl(site, "sitemap.xml") + "\n", Hash{});
}

} // namespace folio::site::plugins::detail
