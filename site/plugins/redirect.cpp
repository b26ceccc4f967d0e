// jekyll-redirect-from 0.16: `redirect_from: [old paths]` makes a small HTML
// page at each old path that sends the browser to the document;
// `redirect_to: url` turns the document itself into such a page. Both are
// listed in /redirects.json (unless `redirect_from: {json: false}`).
//
// The redirect page is the plugin's `redirect` layout filled with the target.
// Folio cannot add a layout to the site, so when the site has no
// _layouts/redirect.html the page's content is that HTML, written here, with
// no layout; when the site has its own redirect layout, the page uses it with
// empty content, as Jekyll does.
#include "internal.h"

#include "site/liquid/value.h"

namespace folio::site::plugins::detail {

namespace {

using liquid::Hash;
using liquid::Value;

// The plugin's redirect.html, as it renders with `page.redirect.to` = `to`.
// Folio's own text of the same HTML (line for line, same indentation).
std::string redirectHtml(const std::string &to)
{
    std::string html;
    html += "<!DOCTYPE html>\n";
    html += "<html lang=\"en-US\">\n";
    html += "  <meta charset=\"utf-8\">\n";
    html += "  <title>Redirecting&hellip;</title>\n";
    html += "  <link rel=\"canonical\" href=\"" + to + "\">\n";
    html += "  <script>location=\"" + to + "\"</script>\n";
    html += "  <meta http-equiv=\"refresh\" content=\"0; url=" + to + "\">\n";
    html += "  <meta name=\"robots\" content=\"noindex\">\n";
    html += "  <h1>Redirecting&hellip;</h1>\n";
    html += "  <a href=\"" + to + "\">Click here if you are not redirected.</a>\n";
    html += "</html>\n";
    return html;
}

bool isHttpUrl(const std::string &s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

// The plugin's RedirectPage data for a redirect from `from` to `to`.
struct Redirect final {
    std::string from;   // with a leading slash
    std::string to;     // absolute
};

Redirect makeRedirect(const model::Site &site, const std::string &from, const std::string &to)
{
    return {withLeadingSlash(from), isHttpUrl(to) ? to : absoluteUrl(site, to)};
}

Hash redirectData(const Redirect &r)
{
    return Hash{{"sitemap", false},
                {"layout", "redirect"},
                {"permalink", r.from},
                {"redirect", Value(Hash{{"from", r.from}, {"to", r.to}})}};
}

// Redirectable#redirect_from: an array without nils, or the single value.
std::vector<std::string> redirectFromList(const model::Document &doc)
{
    std::vector<std::string> out;
    const Value v = doc.data.value("redirect_from");
    if (v.isArray()) {
        for (const Value &e : v.array())
            if (!e.isNil())
                out.push_back(e.toString());
    } else if (!v.isNil()) {
        out.push_back(v.toString());
    }
    return out;
}

// Redirectable#redirect_to: the first non-nil element of an array, or the value.
std::optional<std::string> redirectTarget(const model::Document &doc)
{
    const Value v = doc.data.value("redirect_to");
    if (v.isArray()) {
        for (const Value &e : v.array())
            if (!e.isNil())
                return e.toString();
        return std::nullopt;
    }
    if (!v.truthy())
        return std::nullopt;
    return v.toString();
}

class RedirectGenerator final
{
public:
    explicit RedirectGenerator(model::Site &site)
        : m_site(site), m_userLayout(site.layout("redirect") != nullptr)
    {}

    void run()
    {
        // site.docs_to_write (collection by collection, posts first, each in
        // its sorted order), then the pages; all taken before a page is added.
        std::vector<model::Document *> targets;
        for (const model::CollectionConfig &collection : m_site.config().collections())
            for (const model::Document *doc : m_site.collectionDocuments(collection.label))
                if (doc->write && !doc->destination.isEmpty())
                    targets.push_back(mutableDocument(doc));
        for (const auto &doc : m_site.documents())
            if (doc->isPage())
                targets.push_back(doc.get());
        for (model::Document *doc : targets) {
            for (const std::string &from : redirectFromList(*doc))
                addRedirectPage(makeRedirect(m_site, from, doc->url));
            if (const std::optional<std::string> to = redirectTarget(*doc))
                turnIntoRedirect(*doc, makeRedirect(m_site, doc->url, *to));
        }
        const Value json = m_site.config().value("redirect_from");
        if (!(json.get("json").isBool() && !json.get("json").toBool()) && !sourceFileExists(m_site, "redirects.json"))
            addJson();
    }

private:
    // The site's own (non-const) Document behind a collection's pointer.
    model::Document *mutableDocument(const model::Document *doc) const
    {
        return m_site.documents()[std::size_t(doc->index)].get();
    }

    void addRedirectPage(const Redirect &r)
    {
        Hash data = redirectData(r);
        std::string content;
        if (!m_userLayout) {
            data.set("layout", Value());
            data.set("render_with_liquid", false);
            content = redirectHtml(r.to);
        }
        // The plugin's page is named redirect.html at the site root; its
        // permalink puts it at the old path.
        m_site.addGeneratedPage("redirect.html", std::move(content), std::move(data));
        m_map.set(r.from, r.to);
    }

    void turnIntoRedirect(model::Document &doc, const Redirect &r)
    {
        for (const auto &[key, value] : redirectData(r))
            doc.data.set(key, value);
        doc.content.clear();
        if (!m_userLayout) {
            doc.data.set("layout", Value());
            doc.data.set("render_with_liquid", false);
            doc.content = redirectHtml(r.to);
            // The HTML is final: Markdown or Sass must not touch it.
            doc.markdown = false;
            doc.sass = false;
        }
        m_map.set(r.from, r.to);
    }

    void addJson()
    {
        Hash data{{"layout", Value()}};
        std::string json = liquid::toJson(Value(m_map));
        // Jekyll renders the page with Liquid when the JSON happens to hold
        // Liquid markers; a URL with "{{" is no template, so Folio does not.
        data.set("render_with_liquid", false);
        m_site.addGeneratedPage("redirects.json", std::move(json), std::move(data));
    }

    model::Site &m_site;
    const bool m_userLayout;
    Hash m_map;   // from -> to, in the order the plugin fills its Hash
};

} // namespace

void generateRedirects(model::Site &site, DiagnosticSink &sink)
{
    (void)sink;
    RedirectGenerator(site).run();
}

} // namespace folio::site::plugins::detail
