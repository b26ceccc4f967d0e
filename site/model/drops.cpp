#include "drops.h"

#include "site/liquid/memo.h"

#include <QFileInfo>

#include <algorithm>

namespace folio::site::model {

using liquid::Array;
using liquid::Drop;
using liquid::Hash;
using liquid::Value;

namespace {
thread_local const Document *t_rendering = nullptr;
} // namespace

RenderScope::RenderScope(const Document &doc)
    : m_previous(t_rendering)
{
    t_rendering = &doc;
}

RenderScope::~RenderScope() { t_rendering = m_previous; }

const Document *RenderScope::current() { return t_rendering; }

namespace {

Value stringOrNil(const std::string &s) { return s.empty() ? Value() : Value(s); }

// A collection document or a page, as Jekyll's DocumentDrop and Page#to_liquid
// present them. `current` is set for the page being rendered.
class DocumentDrop final : public Drop
{
public:
    DocumentDrop(const SiteView &view, const Document &doc, const std::string *current,
                 std::shared_ptr<const std::string> sharedCurrent = nullptr)
        : m_view(view), m_doc(doc), m_current(current), m_sharedCurrent(std::move(sharedCurrent))
    {}

    Value get(std::string_view key) const override
    {
        if (key == "content")
            return content();
        if (key == "url")
            return m_doc.url;
        if (key == "excerpt")
            return excerpt();
        if (key == "name") {
            if (!m_doc.isPage())
                if (const Value *v = m_doc.data.find("name"); v && !v->isNil())
                    return *v;
            return m_doc.name;
        }
        if (key == "path") {
            if (m_doc.isPage())
                if (const Value *v = m_doc.data.find("path"); v && !v->isNil())
                    return *v;
            return m_doc.relativePath;
        }
        if (m_doc.isPage()) {
            if (key == "dir")
                return dir();
        } else {
            if (key == "collection")
                return m_doc.collection;
            if (key == "relative_path")
                return m_doc.relativePath;
            if (key == "id")
                return m_doc.id();
            if (key == "date")
                return m_doc.date;
            if (key == "next" || key == "previous")
                return neighbour(key == "next" ? 1 : -1);
            if (key == "output")
                return {};
        }
        return m_doc.data.value(key);
    }

    std::vector<std::string> keys() const override
    {
        // next/previous are left out: following them from a materialized
        // document would never end (Jekyll collapses them when printing JSON).
        std::vector<std::string> out;
        if (m_doc.isPage())
            out = {"content", "dir", "name", "path", "url"};
        else
            out = {"collection", "excerpt", "name", "path", "id", "output", "content", "relative_path", "url", "date"};
        for (const auto &[k, v] : m_doc.data)
            if (std::find(out.begin(), out.end(), k) == out.end())
                out.push_back(k);
        return out;
    }

    std::string toString() const override { return content().toString(); }
    const void *identity() const override { return &m_doc; }
    // The document as listings see it (not a `page` with its own content).
    bool stable() const override { return !m_current && !m_sharedCurrent; }

private:
    Value content() const
    {
        if (m_sharedCurrent)
            return m_sharedCurrent;
        if (m_current)
            return *m_current;
        // Not rendered yet when Jekyll gets to the current document. What
        // follows depends on the document this thread renders, not on this drop.
        liquid::noteHiddenInput();
        const Document *rendering = RenderScope::current();
        if (rendering && m_doc.renderOrder > rendering->renderOrder)
            return m_doc.content;
        ContentStore &store = m_view.site().contentStore();
        // Its own body is being rendered: Jekyll's document.content is still the source.
        if (rendering == &m_doc && store.phase() < ContentStore::Contents)
            return m_doc.content;
        if (auto rendered = store.sharedContent(m_doc.index))
            return rendered;
        // An earlier document whose HTML is not ready yet: render this one again later.
        if (rendering && rendering != &m_doc && store.phase() == ContentStore::Excerpts)
            store.markReadEarlierContent(rendering->index);
        // An earlier page, while pages render: the same, and keep that page's content then.
        if (rendering && rendering != &m_doc && m_doc.isPage() && store.phase() == ContentStore::Contents) {
            store.markReadEarlierContent(rendering->index);
            store.markContentWanted(m_doc.index);
        }
        return m_doc.content;
    }

    Value excerpt() const
    {
        if (const Value *v = m_doc.data.find("excerpt"); v && !v->isNil())
            return v->toString();
        if (!m_doc.hasExcerpt)
            return m_doc.isPage() ? Value() : Value(std::string());
        if (auto html = m_view.site().contentStore().sharedExcerpt(m_doc.index))
            return html;
        return m_doc.excerptSource;
    }

    Value dir() const
    {
        const std::string &url = m_doc.url;
        if (!url.empty() && url.back() == '/')
            return url;
        const std::size_t slash = url.rfind('/');
        std::string d = slash == std::string::npos || slash == 0 ? "/" : url.substr(0, slash);
        if (d.back() != '/')
            d += '/';
        return d;
    }

    Value neighbour(int step) const
    {
        const auto &docs = m_view.site().collectionDocuments(m_doc.collection);
        const int i = m_doc.indexInCollection + step;
        if (m_doc.indexInCollection < 0 || i < 0 || i >= int(docs.size()))
            return {};
        return m_view.documentDrop(*docs[std::size_t(i)]);
    }

    const SiteView &m_view;
    const Document &m_doc;
    const std::string *m_current;
    std::shared_ptr<const std::string> m_sharedCurrent;   // instead of m_current, not copied per lookup
};

class StaticFileDrop final : public Drop
{
public:
    explicit StaticFileDrop(const StaticFile &file) : m_file(file) {}
    Value get(std::string_view key) const override
    {
        if (key == "name") return m_file.name;
        if (key == "extname") return m_file.extname;
        if (key == "basename") return m_file.basename;
        if (key == "modified_time") return m_file.modified;
        if (key == "path") return m_file.relativePath;
        if (key == "collection") return stringOrNil(m_file.collection);
        return {};
    }
    std::vector<std::string> keys() const override
    {
        return {"name", "extname", "modified_time", "path", "collection", "basename"};
    }
    const void *identity() const override { return &m_file; }

private:
    const StaticFile &m_file;
};

class CollectionDrop final : public Drop
{
public:
    CollectionDrop(const SiteView &view, const CollectionConfig &config, Value docs, Value files)
        : m_view(view), m_config(config), m_docs(std::move(docs)), m_files(std::move(files))
    {}
    Value get(std::string_view key) const override
    {
        if (key == "label") return m_config.label;
        if (key == "docs") return m_docs;
        if (key == "files") return m_files;
        if (key == "output") return m_config.output;
        if (key == "relative_directory") return "_" + m_config.label;
        if (key == "directory")
            return (m_view.site().config().collectionsDir() + QStringLiteral("/_") + QString::fromStdString(m_config.label)).toStdString();
        return m_config.metadata.get(key);
    }
    std::vector<std::string> keys() const override
    {
        std::vector<std::string> out{"label", "docs", "files", "relative_directory", "directory", "output"};
        for (const auto &[k, v] : m_config.metadata.hash())
            if (std::find(out.begin(), out.end(), k) == out.end())
                out.push_back(k);
        return out;
    }
    std::string toString() const override { return m_docs.toString(); }

private:
    const SiteView &m_view;
    const CollectionConfig &m_config;
    Value m_docs, m_files;
};

class SiteDrop final : public Drop
{
public:
    SiteDrop(const SiteView &view, const Document *current) : m_view(view), m_current(current) {}

    Value get(std::string_view key) const override
    {
        if (key == "posts") return m_view.posts();
        if (key == "pages") return m_view.pagesSeenBy(m_current);
        if (key == "html_pages") return m_view.htmlPages();
        if (key == "collections") return m_view.collections();
        if (key == "documents") return m_view.documents();
        if (key == "data") return m_view.site().data();
        if (key == "time") return m_view.site().time();
        if (key == "static_files") return m_view.staticFiles();
        if (key == "categories") return m_view.categories();
        if (key == "tags") return m_view.tags();
        if (key == "config") return {};
        if (key == "related_posts")
            return m_current && !m_current->isPage() ? m_view.relatedPosts(*m_current) : Value();
        if (key != "posts" && m_view.site().config().collection(key))
            return m_view.collectionDocs(key);
        return m_view.site().config().values().get(key);
    }

    std::vector<std::string> keys() const override
    {
        std::vector<std::string> out{"data", "time", "pages", "static_files", "tags", "categories", "posts",
                                     "html_pages", "collections", "documents", "related_posts"};
        for (const auto &[k, v] : m_view.site().config().values().hash())
            if (std::find(out.begin(), out.end(), k) == out.end())
                out.push_back(k);
        return out;
    }

private:
    const SiteView &m_view;
    const Document *m_current;
};

// Jekyll's post_attr_hash: name -> posts carrying it, newest first.
Value postsBy(const Site &site, const SiteView &view, std::string_view attribute)
{
    Hash out;
    std::vector<std::pair<std::string, Array>> groups;
    for (const Document *post : site.posts()) {
        for (const Value &name : post->data.value(attribute).array()) {
            const std::string key = name.toString();
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == key; });
            if (it == groups.end()) {
                groups.emplace_back(key, Array{});
                it = groups.end() - 1;
            }
            it->second.push_back(view.documentDrop(*post));
        }
    }
    for (auto &[name, posts] : groups) {
        std::reverse(posts.begin(), posts.end());
        out.set(name, posts);
    }
    return out;
}

} // namespace

SiteView::SiteView(const Site &site) : m_site(site)
{
    m_drops.reserve(site.documents().size());
    for (const auto &doc : site.documents())
        m_drops.push_back(Value(std::shared_ptr<const Drop>(std::make_shared<DocumentDrop>(*this, *doc, nullptr))));

    Array posts;
    for (auto it = site.posts().rbegin(); it != site.posts().rend(); ++it)
        posts.push_back(documentDrop(**it));
    m_postsNewestFirst = posts;

    Array pages, htmlPages;
    for (const Document *page : site.pages()) {
        pages.push_back(documentDrop(*page));
        if (page->outputExt == ".html" || page->outputExt == ".htm" || page->outputExt == ".xhtml"
            || (!page->url.empty() && page->url.back() == '/'))
            htmlPages.push_back(documentDrop(*page));
    }
    m_pages = pages;
    m_htmlPages = htmlPages;

    // Source map pages join site.pages only once their stylesheet has been
    // rendered (jekyll-sass-converter adds them then): collection documents
    // never see them, pages sorted after the stylesheet do.
    Array withoutMaps;
    for (std::size_t i = 0; i < site.pages().size(); ++i) {
        const Document *page = site.pages()[i];
        if (page->sourceMapOf < 0) {
            withoutMaps.push_back(pages.at(i));
        } else if (m_firstStylesheet < 0) {
            const Document &sheet = *site.documents()[std::size_t(page->sourceMapOf)];
            for (std::size_t k = 0; k < site.pages().size(); ++k)
                if (site.pages()[k] == &sheet)
                    m_firstStylesheet = int(k);
        }
    }
    m_pagesWithoutMaps = withoutMaps;

    Array statics;
    for (const StaticFile &f : site.staticFiles())
        statics.push_back(Value(std::shared_ptr<const Drop>(std::make_shared<StaticFileDrop>(f))));
    m_staticFiles = statics;

    std::vector<const CollectionConfig *> sorted;
    for (const CollectionConfig &c : site.config().collections())
        sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->label < b->label; });
    Array collections;
    Array allDocs;
    for (const CollectionConfig *c : sorted) {
        Array docs, files;
        for (const Document *d : site.collectionDocuments(c->label)) {
            docs.push_back(documentDrop(*d));
            allDocs.push_back(documentDrop(*d));
        }
        for (const Value &f : statics)
            if (f.get("collection").toString() == c->label)
                files.push_back(f);
        m_collectionDocs.emplace_back(c->label, Value(docs));
        collections.push_back(Value(std::shared_ptr<const Drop>(
            std::make_shared<CollectionDrop>(*this, *c, Value(docs), Value(files)))));
    }
    m_collections = collections;
    m_documentsValue = allDocs;
    m_categories = postsBy(site, *this, "categories");
    m_tags = postsBy(site, *this, "tags");
}

Value SiteView::pagesSeenBy(const Document *current) const
{
    if (m_firstStylesheet < 0)
        return m_pages;
    if (!current || !current->isPage())
        return m_pagesWithoutMaps;
    const auto &pages = m_site.pages();
    const auto it = std::find(pages.begin(), pages.end(), current);
    return it != pages.end() && int(it - pages.begin()) > m_firstStylesheet ? m_pages : m_pagesWithoutMaps;
}

Value SiteView::documentDrop(const Document &doc) const
{
    if (doc.index >= 0 && std::size_t(doc.index) < m_drops.size())
        return m_drops[std::size_t(doc.index)];
    return Value(std::shared_ptr<const Drop>(std::make_shared<DocumentDrop>(*this, doc, nullptr)));
}

Value SiteView::pageDrop(const Document &doc, const std::string *currentContent) const
{
    return Value(std::shared_ptr<const Drop>(std::make_shared<DocumentDrop>(*this, doc, currentContent)));
}

Value SiteView::pageDrop(const Document &doc, std::shared_ptr<const std::string> currentContent) const
{
    return Value(std::shared_ptr<const Drop>(
        std::make_shared<DocumentDrop>(*this, doc, nullptr, std::move(currentContent))));
}

Value SiteView::siteDrop(const Document *current) const
{
    return Value(std::shared_ptr<const Drop>(std::make_shared<SiteDrop>(*this, current)));
}

Value SiteView::jekyllDrop() const
{
    return Hash{{"version", "4.3.1"},
                {"environment", m_site.config().environment() == Environment::Development ? "development"
                                                                                           : "production"}};
}

Value SiteView::collectionDocs(std::string_view label) const
{
    for (const auto &[l, docs] : m_collectionDocs)
        if (l == label)
            return docs;
    return Array{};
}

Value SiteView::relatedPosts(const Document &doc) const
{
    // Jekyll without LSI: the ten most recent posts other than this one.
    const auto &posts = m_site.posts();
    if (posts.size() <= 1)
        return Array{};
    Array out;
    const std::size_t first = posts.size() > 11 ? posts.size() - 11 : 0;
    for (std::size_t i = posts.size(); i-- > first;) {
        if (posts[i] == &doc)
            continue;
        if (out.size() == 10)
            break;
        out.push_back(documentDrop(*posts[i]));
    }
    return out;
}

} // namespace folio::site::model
