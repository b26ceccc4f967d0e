// jekyll-paginate 1.1: with `paginate: N`, the index.html nearest to
// `paginate_path` (default /page:num) is rendered once per N posts: page 1 at
// its own URL, pages 2.. at paginate_path with :num replaced. Each copy's
// `paginator` lists its posts and the neighbouring pages' numbers and paths.
#include "internal.h"
#include "pluginstr.h"

#include "site/model/drops.h"

#include <QDir>

#include <cmath>
#include <mutex>

namespace folio::site::plugins::detail {

namespace {

using liquid::Array;
using liquid::Hash;
using liquid::Value;

// The posts of all pagers, as drops. Templates read them while rendering, so
// the drops come from a SiteView made on first use, when every generator has
// run (documentDrop reads content and excerpts from the build's ContentStore,
// like the Renderer's own view does).
class PostList final
{
public:
    PostList(const model::Site &site, std::vector<const model::Document *> posts)
        : m_site(site), m_posts(std::move(posts))
    {}

    std::size_t size() const { return m_posts.size(); }

    Value slice(std::size_t first, std::size_t last) const   // [first, last)
    {
        std::call_once(m_once, [this] { m_view = std::make_unique<model::SiteView>(m_site); });
        Array out;
        for (std::size_t i = first; i < last && i < m_posts.size(); ++i)
            out.push_back(m_view->documentDrop(*m_posts[i]));
        return out;
    }

private:
    const model::Site &m_site;
    std::vector<const model::Document *> m_posts;   // newest first, without `hidden` ones
    mutable std::once_flag m_once;
    mutable std::unique_ptr<model::SiteView> m_view;
};

// Jekyll::Paginate::Pager#to_liquid, with its posts made on demand.
class PaginatorDrop final : public liquid::Drop
{
public:
    PaginatorDrop(std::shared_ptr<const PostList> posts, Hash fields, std::size_t first, std::size_t last)
        : m_posts(std::move(posts)), m_fields(std::move(fields)), m_first(first), m_last(last)
    {}

    Value get(std::string_view key) const override
    {
        if (key == "posts")
            return m_posts->slice(m_first, m_last);
        return m_fields.value(key);
    }

    std::vector<std::string> keys() const override
    {
        return {"page", "per_page", "posts", "total_posts", "total_pages",
                "previous_page", "previous_page_path", "next_page", "next_page_path"};
    }

    // `{{ paginator }}` prints the Hash Jekyll's Pager#to_liquid returns.
    std::string toString() const override
    {
        Hash h;
        for (const std::string &key : keys())
            h.set(key, get(key));
        return Value(std::move(h)).toString();
    }

private:
    std::shared_ptr<const PostList> m_posts;
    Hash m_fields;
    std::size_t m_first, m_last;
};

std::string removeLeadingSlash(const std::string &path) { return withLeadingSlash(path).substr(1); }

// Pager.pagination_candidate?: an index.html in the directory of
// paginate_path or one of its parents within the source.
bool candidate(const model::Site &site, const model::Document &page, const std::string &paginatePath)
{
    if (page.name != "index.html")
        return false;
    const QDir source = site.config().source();
    const Value pathValue = page.data.value("path");
    const std::string path = pathValue.isNil() ? page.relativePath : pathValue.toString();
    const QString pageDir = QFileInfo(QDir::cleanPath(source.absoluteFilePath(qs(removeLeadingSlash(path))))).path();
    QString dir = QFileInfo(QDir::cleanPath(source.absoluteFilePath(qs(removeLeadingSlash(paginatePath))))).path();
    // in_hierarchy: compare with each parent up to the file-system root.
    while (true) {
        const QString parent = QFileInfo(dir).path();
        if (parent == dir)
            return false;
        if (pageDir == dir)
            return true;
        dir = parent;
    }
}

model::Document *templatePage(model::Site &site, const std::string &paginatePath)
{
    model::Document *best = nullptr;
    std::size_t bestLength = 0;
    for (const auto &doc : site.documents()) {
        if (!doc->isPage() || !candidate(site, *doc, paginatePath))
            continue;
        const Value pathValue = doc->data.value("path");
        const std::size_t length = (pathValue.isNil() ? doc->relativePath : pathValue.toString()).size();
        // The longest path wins (the plugin sorts by path length, longest first).
        if (!best || length > bestLength) {
            best = doc.get();
            bestLength = length;
        }
    }
    return best;
}

// Pager.paginate_path: nil for no page, the template's URL for page 1.
Value pagePath(const std::string &paginatePath, const std::string &firstUrl, std::int64_t num)
{
    if (num <= 0)
        return Value();
    if (num == 1)
        return firstUrl;
    std::string format = paginatePath;
    const std::size_t at = format.find(":num");
    if (at != std::string::npos)
        format.replace(at, 4, std::to_string(num));
    return withLeadingSlash(format);
}

} // namespace

void generatePagination(model::Site &site, DiagnosticSink &sink)
{
    const Value paginate = site.config().value("paginate");
    if (paginate.isNil() || site.pages().empty())
        return;
    const std::string paginatePath = site.config().value("paginate_path").toString();
    model::Document *tmpl = templatePage(site, paginatePath);
    if (!tmpl) {
        sink.warning(QStringLiteral("_config.yml"), 0, 0,
                     Tr::tr("Pagination is enabled, but there is no index.html page to use as the "
                            "pagination template: add one in the folder of paginate_path ('%1'), or remove "
                            "`paginate`").arg(qs(paginatePath)));
        return;
    }
    const std::int64_t perPage = paginate.toInt();
    if (perPage <= 0) {
        sink.error(QStringLiteral("_config.yml"), 0, 0,
                   Tr::tr("`paginate: %1` must be a number of posts per page greater than 0")
                       .arg(qs(paginate.toString())));
        return;
    }

    std::vector<const model::Document *> posts;
    const auto &all = site.posts();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (!(*it)->data.value("hidden").truthy())
            posts.push_back(*it);
    const auto list = std::make_shared<const PostList>(site, posts);
    const std::int64_t total = std::int64_t(posts.size());
    const std::int64_t pages = (total + perPage - 1) / perPage;
    const std::string firstUrl = tmpl->url;

    std::vector<std::pair<std::int64_t, Value>> pagers;
    for (std::int64_t num = 1; num <= pages; ++num) {
        Hash fields{{"page", num},
                    {"per_page", perPage},
                    {"total_posts", total},
                    {"total_pages", pages},
                    {"previous_page", num != 1 ? Value(num - 1) : Value()},
                    {"previous_page_path", pagePath(paginatePath, firstUrl, num != 1 ? num - 1 : 0)},
                    {"next_page", num != pages ? Value(num + 1) : Value()},
                    {"next_page_path", pagePath(paginatePath, firstUrl, num != pages ? num + 1 : 0)}};
        const std::size_t first = std::size_t((num - 1) * perPage);
        pagers.emplace_back(num, Value(std::shared_ptr<const liquid::Drop>(std::make_shared<PaginatorDrop>(
                                      list, std::move(fields), first, first + std::size_t(perPage)))));
    }

    // Copy what the template page holds before adding pages.
    const model::Document original = *tmpl;
    for (auto &[num, pager] : pagers) {
        if (num == 1) {
            tmpl->pager = pager;
            continue;
        }
        // Jekyll reads the index file again into a Page whose dir is the
        // paginate path: same file, data and content, another URL.
        model::Document &copy = site.addGeneratedPage(original.relativePath, original.content, original.data);
        const int index = copy.index;
        copy = original;
        copy.index = index;
        copy.generated = true;
        copy.pager = pager;
        copy.dir = pagePath(paginatePath, firstUrl, num).toString();
        site.computeUrl(copy, sink);
    }
}

} // namespace folio::site::plugins::detail
