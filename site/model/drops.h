// The site as templates see it (Jekyll's drops): `site`, `page`, documents in
// `site.posts`, collections, static files, `jekyll`. Drops read the immutable
// Site and the build's ContentStore, so one set of them serves every thread.
#pragma once

#include "site.h"

#include "site/liquid/value.h"

#include <memory>
#include <string>
#include <vector>

namespace folio::site::model {

// Marks the document this thread is rendering (its content or its layouts)
// while it lives. Jekyll renders documents one at a time, so a template sees
// the `content` of a document that comes later in the render order as its
// source; Folio renders in parallel and uses this to show the same.
class RenderScope final
{
public:
    explicit RenderScope(const Document &doc);
    ~RenderScope();
    RenderScope(const RenderScope &) = delete;
    RenderScope &operator=(const RenderScope &) = delete;
    // The document being rendered on this thread, or null.
    static const Document *current();

private:
    const Document *m_previous;
};

// Shared, read-only Liquid views of one Site: built once after loading.
class SiteView final
{
public:
    explicit SiteView(const Site &site);
    SiteView(const SiteView &) = delete;
    SiteView &operator=(const SiteView &) = delete;

    const Site &site() const { return m_site; }
    // The drop of a document as other templates see it (site.posts[i]).
    liquid::Value documentDrop(const Document &doc) const;
    // The `page` of a render: the same as documentDrop, except that its content
    // is `currentContent` (what has been rendered so far) when given.
    liquid::Value pageDrop(const Document &doc, const std::string *currentContent) const;
    // The same with a shared content (a page's converted content, which its
    // layouts may print many times): read without a copy per lookup.
    liquid::Value pageDrop(const Document &doc, std::shared_ptr<const std::string> currentContent) const;
    // `site` for a render of `current` (related_posts depends on it).
    liquid::Value siteDrop(const Document *current) const;
    liquid::Value jekyllDrop() const;

    const liquid::Value &posts() const { return m_postsNewestFirst; }
    const liquid::Value &pages() const { return m_pages; }
    // site.pages as the render of `current` sees it (see the source map note).
    liquid::Value pagesSeenBy(const Document *current) const;
    liquid::Value collectionDocs(std::string_view label) const;
    const liquid::Value &collections() const { return m_collections; }
    const liquid::Value &staticFiles() const { return m_staticFiles; }
    const liquid::Value &htmlPages() const { return m_htmlPages; }
    const liquid::Value &documents() const { return m_documentsValue; }
    const liquid::Value &categories() const { return m_categories; }
    const liquid::Value &tags() const { return m_tags; }
    liquid::Value relatedPosts(const Document &doc) const;

private:
    const Site &m_site;
    std::vector<liquid::Value> m_drops;   // per Site::documents() index
    int m_firstStylesheet = -1;
    liquid::Value m_pagesWithoutMaps;
    liquid::Value m_postsNewestFirst, m_pages, m_collections, m_staticFiles, m_htmlPages,
        m_documentsValue, m_categories, m_tags;
    std::vector<std::pair<std::string, liquid::Value>> m_collectionDocs;
};

} // namespace folio::site::model
