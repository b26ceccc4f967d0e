// jekyll-feed 0.17: an Atom feed of the newest posts at /feed.xml (or
// `feed.path`), plus one per configured collection, category and tag, and the
// `{% feed_meta %}` tag that links to it.
//
// The feed page is a Liquid template rendered like any page, because its
// entries print what only rendering produces (post.content, post.excerpt).
// The template below is Folio's own; it follows the plugin's element order
// and, like the plugin, is minified by dropping the whitespace after every
// '>' and '}' so that the output matches byte for byte.
#include "internal.h"

#include "site/core/htmlescape.h"
#include "site/jekyll/host.h"
#include "site/jekyll/url.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace folio::site::plugins::detail {

namespace {

using liquid::Hash;
using liquid::Value;

// Written for reading; minify() turns it into the one-line form Jekyll writes.
constexpr std::string_view kFeedTemplate = R"FEED(<?xml version="1.0" encoding="utf-8"?>
{% if page.xsl %}
  <?xml-stylesheet type="text/xml" href="{{ '/feed.xslt.xml' | absolute_url }}"?>
{% endif %}
<feed xmlns="http://www.w3.org/2005/Atom" {% if site.lang %}xml:lang="{{ site.lang }}"{% endif %}>
  <generator uri="https://jekyllrb.com/" version="{{ jekyll.version }}">Jekyll</generator>
  <link href="{{ page.url | absolute_url }}" rel="self" type="application/atom+xml" />
  <link href="{{ '/' | absolute_url }}" rel="alternate" type="text/html" {% if site.lang %}hreflang="{{ site.lang }}" {% endif %}/>
  <updated>{{ site.time | date_to_xmlschema }}</updated>
  <id>{{ page.url | absolute_url | xml_escape }}</id>
  {% assign feed_title = site.title | default: site.name %}
  {% unless page.collection == "posts" %}
    {% assign label = page.collection | capitalize %}
    {% assign feed_title = feed_title | append: " | " | append: label %}
  {% endunless %}
  {% if page.category %}
    {% assign label = page.category | capitalize %}
    {% assign feed_title = feed_title | append: " | " | append: label %}
  {% endif %}
  {% if feed_title %}
    <title type="html">{{ feed_title | smartify | xml_escape }}</title>
  {% endif %}
  {% if site.description %}
    <subtitle>{{ site.description | xml_escape }}</subtitle>
  {% endif %}
  {% if site.author %}
    <author>
      <name>{{ site.author.name | default: site.author | xml_escape }}</name>
      {% if site.author.email %}
        <email>{{ site.author.email | xml_escape }}</email>
      {% endif %}
      {% if site.author.uri %}
        <uri>{{ site.author.uri | xml_escape }}</uri>
      {% endif %}
    </author>
  {% endif %}
  {% if page.tags %}
    {% assign entries = site.tags[page.tags] %}
  {% else %}
    {% assign entries = site[page.collection] %}
  {% endif %}
  {% if page.category %}
    {% assign entries = entries | where: "categories", page.category %}
  {% endif %}
  {% unless site.show_drafts %}
    {% assign entries = entries | where_exp: "entry", "entry.draft != true" %}
  {% endunless %}
  {% assign entries = entries | sort: "date" | reverse %}
  {% assign entry_limit = site.feed.posts_limit | default: 10 %}
  {% for entry in entries limit: entry_limit %}
    <entry{% if entry.lang %}{{ " " }}xml:lang="{{ entry.lang }}"{% endif %}>
      {% assign entry_title = entry.title | smartify | strip_html | normalize_whitespace | xml_escape %}
      <title type="html">{{ entry_title }}</title>
      <link href="{{ entry.url | absolute_url }}" rel="alternate" type="text/html" title="{{ entry_title }}" />
      <published>{{ entry.date | date_to_xmlschema }}</published>
      <updated>{{ entry.last_modified_at | default: entry.date | date_to_xmlschema }}</updated>
      <id>{{ entry.id | absolute_url | xml_escape }}</id>
      {% assign only_excerpt = entry.feed.excerpt_only | default: site.feed.excerpt_only %}
      {% unless only_excerpt %}
        <content type="html" xml:base="{{ entry.url | absolute_url | xml_escape }}"><![CDATA[{{ entry.content | strip }}]]></content>
      {% endunless %}
      {% assign who = entry.author | default: entry.authors[0] | default: site.author %}
      {% assign who = site.data.authors[who] | default: who %}
      {% assign who_email = who.email | default: nil %}
      {% assign who_uri = who.uri | default: nil %}
      {% assign who_name = who.name | default: who %}
      <author>
        <name>{{ who_name | default: "" | xml_escape }}</name>
        {% if who_email %}
          <email>{{ who_email | xml_escape }}</email>
        {% endif %}
        {% if who_uri %}
          <uri>{{ who_uri | xml_escape }}</uri>
        {% endif %}
      </author>
      {% if entry.category %}
        <category term="{{ entry.category | xml_escape }}" />
      {% elsif entry.categories %}
        {% for term in entry.categories %}
          <category term="{{ term | xml_escape }}" />
        {% endfor %}
      {% endif %}
      {% for term in entry.tags %}
        <category term="{{ term | xml_escape }}" />
      {% endfor %}
      {% assign summary = entry.description | default: entry.excerpt %}
      {% if summary and summary != empty %}
        <summary type="html"><![CDATA[{{ summary | strip_html | normalize_whitespace }}]]></summary>
      {% endif %}
      {% assign picture = entry.image.path | default: entry.image %}
      {% if picture %}
        {% unless picture contains "://" %}
          {% assign picture = picture | absolute_url %}
        {% endunless %}
        <media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="{{ picture | xml_escape }}" />
        <media:content medium="image" url="{{ picture | xml_escape }}" xmlns:media="http://search.yahoo.com/mrss/" />
      {% endif %}
    </entry>
  {% endfor %}
</feed>
)FEED";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Drops every run of whitespace that follows a '>' or a '}' (what jekyll-feed
// does to its template before rendering it).
std::string minify(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '>' || text[i] == '}')
            while (i + 1 < text.size() && isSpace(text[i + 1]))
                ++i;
    }
    return out;
}

struct FeedSpec final {
    std::string path;          // "/feed.xml"
    std::string collection;    // "posts"
    Value category;            // nil or a string
    Value tag;                 // nil or a string
};

Value feedConfig(const model::Site &site)
{
    const Value feed = site.config().value("feed");
    return feed.isHash() ? feed : Value(Hash{});
}

// feed.collections as the plugin normalizes it: { label => {path, categories} },
// with "posts" always present and fed by the top-level feed.path/categories.
std::vector<std::pair<std::string, Value>> feedCollections(const Value &config)
{
    std::vector<std::pair<std::string, Value>> out;
    const Value collections = config.get("collections");
    if (collections.isArray()) {
        for (const Value &label : collections.array())
            out.emplace_back(label.toString(), Value(Hash{}));
    } else if (collections.isHash()) {
        for (const auto &[label, meta] : collections.hash())
            out.emplace_back(label, meta.isHash() ? meta : Value(Hash{}));
    }
    auto posts = std::find_if(out.begin(), out.end(), [](const auto &c) { return c.first == "posts"; });
    if (posts == out.end()) {
        out.emplace_back("posts", Value(Hash{}));
        posts = out.end() - 1;
    }
    Hash meta = posts->second.hash();
    if (meta.value("path").isNil() && !config.get("path").isNil())
        meta.set("path", config.get("path"));
    if (meta.value("categories").isNil() && !config.get("categories").isNil())
        meta.set("categories", config.get("categories"));
    posts->second = Value(std::move(meta));
    return out;
}

std::string feedPath(const std::string &collection, const Value &category, const Value &meta)
{
    const std::string prefix = collection == "posts" ? "/feed" : "/feed/" + collection;
    if (!category.isNil())
        return prefix + "/" + category.toString() + ".xml";
    if (!meta.get("path").isNil())
        return meta.get("path").toString();
    return prefix + ".xml";
}

std::vector<FeedSpec> feedsToMake(const model::Site &site)
{
    const Value config = feedConfig(site);
    std::vector<FeedSpec> feeds;
    for (const auto &[label, meta] : feedCollections(config)) {
        // The plugin keeps the categories in a Set: duplicates go, order stays.
        std::vector<Value> categories;
        std::set<std::string> seen;
        const Value cats = meta.get("categories");
        for (const Value &c : cats.isArray() ? cats.array() : liquid::Array{})
            if (seen.insert(c.toString()).second)
                categories.push_back(c);
        categories.push_back(Value());
        for (const Value &category : categories)
            feeds.push_back({feedPath(label, category, meta), label, category, Value()});
    }
    const Value tags = config.get("tags");
    if (tags.truthy()) {
        // feed.tags: true, or {only, except, path}; only tags made of [A-Za-z0-9_].
        std::vector<std::string> pool;
        const Value only = tags.get("only");
        if (!only.isNil()) {
            for (const Value &t : only.array())
                pool.push_back(t.toString());
        } else {
            for (const model::Document *post : site.posts())
                for (const Value &t : post->data.value("tags").array())
                    if (std::find(pool.begin(), pool.end(), t.toString()) == pool.end())
                        pool.push_back(t.toString());
        }
        std::vector<std::string> except;
        for (const Value &t : tags.get("except").array())
            except.push_back(t.toString());
        const std::string prefix = tags.get("path").isNil() ? "/feed/by_tag/" : tags.get("path").toString();
        for (const std::string &tag : pool) {
            if (std::find(except.begin(), except.end(), tag) != except.end())
                continue;
            if (tag.empty() || std::any_of(tag.begin(), tag.end(), [](char c) {
                    return !(std::isalnum(static_cast<unsigned char>(c)) || c == '_');
                }))
                continue;
            feeds.push_back({prefix + tag + ".xml", "posts", Value(), Value(tag)});
        }
    }
    return feeds;
}

} // namespace

void generateFeeds(model::Site &site, DiagnosticSink &sink)
{
    (void)sink;
    const Value config = feedConfig(site);
    if (config.get("disable_in_development").truthy()
        && site.config().environment() == model::Environment::Development)
        return;
    const std::string tmpl = minify(kFeedTemplate);
    const bool xsl = sourceFileExists(site, "feed.xslt.xml");
    for (const FeedSpec &feed : feedsToMake(site)) {
        // The plugin skips a feed whose path is a file of the source folder.
        if (sourceFileExists(site, feed.path))
            continue;
        Hash data{{"layout", Value()},
                  {"sitemap", false},
                  {"xsl", xsl},
                  {"collection", feed.collection},
                  {"category", feed.category},
                  {"tags", feed.tag}};
        std::string relative = feed.path;
        while (!relative.empty() && relative.front() == '/')
            relative.erase(0, 1);
        site.addGeneratedPage(relative, tmpl, std::move(data));
    }
}

// --- {% feed_meta %} ------------------------------------------------------------------

namespace {

// Ruby's String#encode(xml: :attr): quoted, with & < > " escaped.
std::string xmlAttribute(std::string_view text)
{
    std::string out = "\"";
    appendEscapedHtml(out, text, Quotes::Double);
    out += '"';
    return out;
}

class FeedMetaNode final : public liquid::Node
{
public:
    using Node::Node;

    liquid::Flow render(liquid::Context &ctx, std::string &out) const override
    {
        if (!enabled(ctx, "jekyll-feed")) {
            ctx.error(QStringLiteral("Unknown tag 'feed_meta': add jekyll-feed to `plugins:` in _config.yml"));
            return liquid::Flow::Normal;
        }
        const Value site = ctx.find("site");
        const Value configuredPath = site.get("feed").get("path");
        const std::string path = configuredPath.truthy() ? configuredPath.toString() : "feed.xml";
        Value title = site.get("title");
        if (!title.truthy())
            title = site.get("name");
        std::string href = path;
        if (const jekyll::Host *host = jekyll::host(ctx)) {
            Result<std::string> url = jekyll::absoluteUrl(path, host->siteUrl(), host->baseurl());
            if (!url) {
                ctx.error(url.error());
                return liquid::Flow::Normal;
            }
            href = *url;
        }
        out += "<link type=" + xmlAttribute("application/atom+xml") + " rel=" + xmlAttribute("alternate")
               + " href=" + xmlAttribute(href);
        if (title.truthy())
            out += " title=" + xmlAttribute(title.toString());
        out += " />";
        return liquid::Flow::Normal;
    }
};

} // namespace

void registerFeedMetaTag(liquid::Environment &env)
{
    env.registerTag("feed_meta", [](liquid::TagInput &input) -> liquid::NodePtr {
        return std::make_unique<FeedMetaNode>(input.location);
    });
}

} // namespace folio::site::plugins::detail
