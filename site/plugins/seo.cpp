// jekyll-seo-tag 2.8: `{% seo %}` prints the page's <title>, Open Graph and
// Twitter meta tags and a JSON-LD description, computed as the plugin's
// SeoTag::Drop computes them (title with the site title and " | ", the
// description from the page's description or excerpt, the author from the
// page, its first `authors` entry or the site, looked up in site.data.authors).
//
// Written natively: the values go through the site's own filters (markdownify,
// strip_html, normalize_whitespace, escape_once, absolute_url...) and the
// lines are printed in the plugin's order, minified as the plugin minifies its
// template (one element a line, no indentation).
#include "internal.h"

#include "site/jekyll/url.h"


namespace folio::site::plugins::detail {

namespace {

using liquid::Context;
using liquid::Hash;
using liquid::Value;

constexpr const char *kVersion = "2.8.0";

Value nilIfEmpty(const Value &v) { return v.isString() && v.str().empty() ? Value() : v; }

// Ruby `a || b`: b when a is nil or false.
Value orElse(const Value &a, const Value &b) { return a.truthy() ? a : b; }

class SeoValues final
{
public:
    SeoValues(Context &ctx, const std::string &markup)
        : m_ctx(ctx), m_markup(markup), m_page(ctx.find("page")), m_site(ctx.find("site")),
          m_paginator(ctx.find("paginator"))
    {
        m_siteTitle = format(orElse(m_site.get("title"), m_site.get("name")));
        m_siteTagline = format(m_site.get("tagline"));
        m_siteDescription = format(m_site.get("description"));
        m_pageTitle = orElse(format(m_page.get("title")), m_siteTitle);
        m_title = baseTitle();
        m_description = orElse(format(orElse(m_page.get("description"), m_page.get("excerpt"))), m_siteDescription);
        resolveAuthor();
        resolveImage();
    }

    // --- what the template prints

    Value title() const
    {
        if (!m_title.truthy())
            return m_title;
        const std::string prefix = pageNumber();
        return prefix.empty() ? m_title : Value(prefix + m_title.toString());
    }
    bool showTitle() const
    {
        return title().truthy() && !qs(m_markup).contains(QLatin1String("title=false"), Qt::CaseInsensitive);
    }
    const Value &pageTitle() const { return m_pageTitle; }
    const Value &siteTitle() const { return m_siteTitle; }
    const Value &description() const { return m_description; }
    const Value &authorName() const { return m_authorName; }
    Value authorTwitter() const
    {
        const Value twitter = orElse(m_author.value("twitter"), m_author.value("name"));
        if (!twitter.isString())
            return Value();
        std::string s = twitter.str();
        if (!s.empty() && s.front() == '@')
            s.erase(0, 1);
        return s;
    }
    std::string pageLocale() const
    {
        const Value lang = orElse(orElse(m_page.get("lang"), m_site.get("lang")), Value("en_US"));
        std::string locale = orElse(orElse(m_page.get("locale"), m_site.get("locale")), lang).toString();
        std::replace(locale.begin(), locale.end(), '-', '_');
        return locale;
    }
    std::string canonicalUrl() const
    {
        const Value canonical = m_page.get("canonical_url");
        if (!canonical.toString().empty())
            return canonical.toString();
        std::string url = filter("absolute_url", m_page.get("url")).toString();
        const std::string index = "/index.html";
        if (url.size() >= index.size() && url.compare(url.size() - index.size(), index.size(), index) == 0)
            url.replace(url.size() - index.size(), index.size(), "/");
        return url;
    }
    bool hasImage() const { return m_imagePath.truthy(); }
    const Value &imagePath() const { return m_imagePath; }
    Value imageField(std::string_view key) const { return key == "path" ? m_imagePath : m_image.value(key); }

    Hash jsonLd() const;

    Value filter(std::string_view name, const Value &input, const liquid::FilterArgs &args = {}) const
    {
        return applyFilter(m_ctx, name, input, args);
    }

    const Value &page() const { return m_page; }
    const Value &site() const { return m_site; }
    const Value &paginator() const { return m_paginator; }

private:
    // format_string: markdownify | strip_html | normalize_whitespace |
    // escape_once, nil when that leaves nothing.
    Value format(const Value &input) const
    {
        Value v = input;
        for (const char *name : {"markdownify", "strip_html", "normalize_whitespace", "escape_once"})
            v = filter(name, v);
        return nilIfEmpty(Value(v.toString()));
    }

    Value baseTitle() const
    {
        if (m_siteTitle.truthy() && !m_pageTitle.equals(m_siteTitle))
            return Value(m_pageTitle.toString() + " | " + m_siteTitle.toString());
        if (m_siteDescription.truthy() && m_siteTitle.truthy())
            return Value(m_siteTitle.toString() + " | " + orElse(m_siteTagline, m_siteDescription).toString());
        return orElse(m_pageTitle, m_siteTitle);
    }

    // "Page 2 of 5 for " on pages 2.. of a paginated index (seo_paginator_message).
    std::string pageNumber() const
    {
        if (!m_paginator.truthy() || !m_paginator.get("page").truthy())
            return {};
        const Value current = m_paginator.get("page");
        if (current.toInt() <= 1)
            return {};
        const Value message = m_site.get("seo_paginator_message");
        QString text = message.truthy() ? qs(message.toString()) : QStringLiteral("Page %<current>s of %<total>s for ");
        text.replace(QStringLiteral("%<current>s"), qs(current.toString()));
        text.replace(QStringLiteral("%<total>s"), qs(m_paginator.get("total_pages").toString()));
        text.replace(QStringLiteral("%%"), QStringLiteral("%"));
        return text.toStdString();
    }

    // The plugin's %r!^/(about/)?(index.html?)?$! (its '.' matches any character).
    bool homepageOrAbout() const
    {
        std::string_view url = m_page.get("url").str();
        if (url.empty() || url.front() != '/')
            return false;
        url.remove_prefix(1);
        if (url.substr(0, 6) == "about/")
            url.remove_prefix(6);
        if (url.empty())
            return true;
        if (url.size() != 9 && url.size() != 10)
            return false;
        return url.substr(0, 5) == "index" && url[5] != '\n' && url.substr(6, 3) == "htm"
               && (url.size() == 9 || url[9] == 'l');
    }

    Value pageSeo(std::string_view key) const
    {
        const Value seo = m_page.get("seo");
        return seo.isHash() ? seo.get(key) : Value();
    }
    Value siteSocial(std::string_view key) const
    {
        const Value social = m_site.get("social");
        return social.isHash() ? social.get(key) : Value();
    }

    // AuthorDrop: page.author, else the first of page.authors, else site.author;
    // a name is completed from site.data.authors[name].
    void resolveAuthor()
    {
        std::vector<Value> sources{m_page.get("author")};
        const Value authors = m_page.get("authors");
        if (authors.isArray())
            sources.push_back(authors.array().empty() ? Value() : authors.array().front());
        sources.push_back(m_site.get("author"));
        Value resolved;
        for (const Value &s : sources)
            if (!s.toString().empty() || s.isHash() || s.isDrop()) {
                resolved = s;
                break;
            }
        if (resolved.isHash()) {
            m_author = resolved.hash();
        } else if (resolved.isString()) {
            m_author = Hash{{"name", resolved}};
            const Value known = m_site.get("data").get("authors");
            if (known.isHash()) {
                const Value entry = known.get(resolved.str());
                if (entry.isHash())
                    for (const auto &[k, v] : entry.hash())
                        m_author.set(k, v);
            }
        }
        m_authorName = m_author.value("name");
    }

    // ImageDrop: page.image as a path, or a hash with path/facebook/twitter.
    void resolveImage()
    {
        const Value image = m_page.get("image");
        m_image = Hash{{"path", Value()}};
        if (image.isHash()) {
            for (const auto &[k, v] : image.hash())
                m_image.set(k, v);
        } else if (image.isString()) {
            m_image.set("path", image);
        }
        const Value raw = orElse(orElse(m_image.value("path"), m_image.value("facebook")), m_image.value("twitter"));
        if (!raw.truthy())
            return;
        Value absolute = raw;
        if (raw.isString() && !jekyll::isAbsoluteUri(raw.str()))
            absolute = filter("absolute_url", raw);
        if (absolute.truthy())
            m_imagePath = filter("uri_escape", absolute);
    }

    Value name() const
    {
        if (pageSeo("name").truthy())
            return format(pageSeo("name"));
        if (!homepageOrAbout())
            return Value();
        if (siteSocial("name").truthy())
            return format(siteSocial("name"));
        return m_siteTitle;
    }

    Value dateValue(const Value &v) const { return v.truthy() ? filter("date_to_xmlschema", v) : Value(); }

    std::string type() const
    {
        if (pageSeo("type").truthy())
            return pageSeo("type").toString();
        if (homepageOrAbout())
            return "WebSite";
        return m_page.get("date").truthy() ? "BlogPosting" : "WebPage";
    }

    Value links() const
    {
        if (pageSeo("links").truthy())
            return pageSeo("links");
        if (homepageOrAbout() && siteSocial("links").truthy())
            return siteSocial("links");
        return Value();
    }

    Value logo() const
    {
        const Value logo = m_site.get("logo");
        if (!logo.truthy())
            return Value();
        if (jekyll::isAbsoluteUri(logo.toString()))
            return filter("uri_escape", logo);
        return filter("uri_escape", filter("absolute_url", logo));
    }

    Context &m_ctx;
    std::string m_markup;
    Value m_page, m_site, m_paginator;
    Value m_siteTitle, m_siteTagline, m_siteDescription, m_pageTitle, m_title, m_description;
    Hash m_author;
    Value m_authorName;
    Hash m_image;
    Value m_imagePath;
};

// JSONLDDrop#to_json: its keys sorted, nil values left out.
Hash SeoValues::jsonLd() const
{
    const std::string pageType = type();
    Hash out;
    auto put = [&out](const char *key, const Value &v) {
        if (!v.isNil())
            out.set(key, v);
    };
    put("@context", "https://schema.org");
    put("@type", pageType);
    if (m_authorName.truthy()) {
        const Value authorType = m_author.value("type");
        if (!authorType.truthy() || authorType.toString() == "Organization" || authorType.toString() == "Person") {
            Hash author{{"@type", authorType.truthy() ? authorType : Value("Person")}, {"name", m_authorName}};
            if (m_author.value("url").truthy())
                author.set("url", m_author.value("url"));
            put("author", Value(std::move(author)));
        }
    }
    const Value published = dateValue(m_page.get("date"));
    Value modified = pageSeo("date_modified");
    if (!modified.truthy())
        modified = orElse(m_page.get("last_modified_at"), m_page.get("date"));
    put("dateModified", dateValue(modified));
    put("datePublished", published);
    put("description", m_description);
    put("headline", m_pageTitle);
    if (hasImage()) {
        if (m_image.size() == 1) {
            put("image", m_imagePath);
        } else {
            // ImageDrop#to_h with "path" renamed "url", then "@type".
            Hash image;
            for (const auto &[k, v] : m_image)
                if (k != "path")
                    image.set(k, v);
            image.set("url", m_imagePath);
            image.set("@type", "imageObject");
            put("image", Value(std::move(image)));
        }
    }
    if (pageType == "BlogPosting" || pageType == "CreativeWork")
        put("mainEntityOfPage", Value(Hash{{"@type", "WebPage"}, {"@id", canonicalUrl()}}));
    put("name", name());
    if (const Value l = logo(); l.truthy()) {
        Hash publisher{{"@type", "Organization"}, {"logo", Value(Hash{{"@type", "ImageObject"}, {"url", l}})}};
        if (m_authorName.truthy())
            publisher.set("name", m_authorName);
        put("publisher", Value(std::move(publisher)));
    }
    put("sameAs", links());
    put("url", canonicalUrl());
    return out;
}

class SeoNode final : public liquid::Node
{
public:
    SeoNode(liquid::Location loc, std::string markup) : Node(loc), m_markup(std::move(markup)) {}

    liquid::Flow render(Context &ctx, std::string &out) const override
    {
        if (!enabled(ctx, "jekyll-seo-tag")) {
            ctx.error(QStringLiteral("Unknown tag 'seo': add jekyll-seo-tag to `plugins:` in _config.yml"));
            return liquid::Flow::Normal;
        }
        const SeoValues seo(ctx, m_markup);
        const Value &site = seo.site();
        const Value &page = seo.page();
        auto line = [&out](std::string_view a, const Value &v = {}, std::string_view b = {}) {
            out += a;
            out += v.toString();
            out += b;
            out += '\n';
        };
        auto meta = [&line](std::string_view attr, std::string_view name, const Value &v) {
            line(std::string("<meta ") + std::string(attr) + "=\"" + std::string(name) + "\" content=\"", v, "\" />");
        };

        out += "<!-- Begin Jekyll SEO tag v";
        out += kVersion;
        out += " -->\n";
        if (seo.showTitle())
            line("<title>", seo.title(), "</title>");
        meta("name", "generator", Value(std::string("Jekyll v") + ctx.find("jekyll").get("version").toString()));
        if (seo.pageTitle().truthy())
            meta("property", "og:title", seo.pageTitle());
        if (seo.authorName().truthy())
            meta("name", "author", seo.authorName());
        meta("property", "og:locale", seo.pageLocale());
        if (seo.description().truthy()) {
            meta("name", "description", seo.description());
            meta("property", "og:description", seo.description());
        }
        if (site.get("url").truthy()) {
            line("<link rel=\"canonical\" href=\"", seo.canonicalUrl(), "\" />");
            meta("property", "og:url", seo.canonicalUrl());
        }
        if (seo.siteTitle().truthy())
            meta("property", "og:site_name", seo.siteTitle());
        if (seo.hasImage()) {
            meta("property", "og:image", seo.imagePath());
            for (const char *key : {"height", "width", "alt"})
                if (const Value v = seo.imageField(key); v.truthy())
                    meta("property", std::string("og:image:") + key, v);
        }
        if (page.get("date").truthy()) {
            meta("property", "og:type", "article");
            meta("property", "article:published_time", seo.filter("date_to_xmlschema", page.get("date")));
        } else {
            meta("property", "og:type", "website");
        }
        const Value &paginator = seo.paginator();
        if (paginator.get("previous_page").truthy())
            line("<link rel=\"prev\" href=\"", seo.filter("absolute_url", paginator.get("previous_page_path")), "\" />");
        if (paginator.get("next_page").truthy())
            line("<link rel=\"next\" href=\"", seo.filter("absolute_url", paginator.get("next_page_path")), "\" />");
        if (seo.hasImage()) {
            Value card = seo.filter("default", page.get("twitter").get("card"), {site.get("twitter").get("card")});
            card = seo.filter("default", card, {Value("summary_large_image")});
            meta("name", "twitter:card", card);
            meta("property", "twitter:image", seo.imagePath());
        } else {
            meta("name", "twitter:card", "summary");
        }
        if (const Value alt = seo.imageField("alt"); seo.hasImage() && alt.truthy())
            meta("name", "twitter:image:alt", alt);
        if (seo.pageTitle().truthy())
            meta("property", "twitter:title", seo.pageTitle());
        if (site.get("twitter").truthy()) {
            meta("name", "twitter:site", Value("@" + withoutAt(site.get("twitter").get("username"))));
            if (const Value creator = seo.authorTwitter(); creator.truthy())
                meta("name", "twitter:creator", Value("@" + withoutAt(creator)));
        }
        const Value facebook = site.get("facebook");
        if (facebook.truthy()) {
            if (facebook.get("admins").truthy())
                meta("property", "fb:admins", facebook.get("admins"));
            if (facebook.get("publisher").truthy())
                meta("property", "article:publisher", facebook.get("publisher"));
            if (facebook.get("app_id").truthy())
                meta("property", "fb:app_id", facebook.get("app_id"));
        }
        const Value verifications = site.get("webmaster_verifications");
        if (verifications.truthy()) {
            static const std::pair<const char *, const char *> kVerifications[] = {
                {"google", "google-site-verification"}, {"bing", "msvalidate.01"},
                {"alexa", "alexaVerifyID"},             {"yandex", "yandex-verification"},
                {"baidu", "baidu-site-verification"},   {"facebook", "facebook-domain-verification"}};
            for (const auto &[key, name] : kVerifications)
                if (verifications.get(key).truthy())
                    meta("name", name, verifications.get(key));
        } else if (site.get("google_site_verification").truthy()) {
            meta("name", "google-site-verification", site.get("google_site_verification"));
        }
        out += "<script type=\"application/ld+json\">\n";
        out += liquid::toJson(Value(seo.jsonLd()));
        out += "</script>\n<!-- End Jekyll SEO tag -->\n";
        return liquid::Flow::Normal;
    }

private:
    // `| remove: '@'`
    static std::string withoutAt(const Value &v)
    {
        std::string s = v.toString();
        s.erase(std::remove(s.begin(), s.end(), '@'), s.end());
        return s;
    }

    std::string m_markup;
};

} // namespace

void registerSeoTag(liquid::Environment &env)
{
    env.registerTag("seo", [](liquid::TagInput &input) -> liquid::NodePtr {
        return std::make_unique<SeoNode>(input.location, input.markup);
    });
}

} // namespace folio::site::plugins::detail
