// What the reader makes of one source file with front matter: a page (any
// directory), or a document of a collection (posts, drafts, _publications...).
// Fields mirror Jekyll's Page and Document so that URLs, dates, titles and
// categories come out the same.
#pragma once

#include "site/liquid/value.h"

#include <QString>

#include <limits>
#include <string>

namespace folio::site::model {

enum class DocumentKind { Page, CollectionDocument };

struct Document final {
    DocumentKind kind = DocumentKind::Page;
    std::string collection;      // label ("posts" for posts and drafts); "" for pages
    QString sourcePath;          // absolute path of the file
    std::string relativePath;    // Jekyll's relative_path: "_posts/2020-01-01-a.md", "about.md"
    std::string dir;             // pages: "/sub" (Jekyll's @dir); documents: "" (unused)
    std::string name;            // file name with extension
    std::string basename;        // file name without extension (trailing dots removed)
    std::string extname;         // ".md"

    liquid::Hash data;           // front matter over the defaults, plus Jekyll's derived keys
    std::string content;         // the body, after the front matter
    int bodyLine = 1;            // line of the body's first line in the file
    int frontMatterLine = 2;     // line of the first front-matter line

    liquid::Time date;           // posts and documents: from front matter, file name, or site.time
    bool draft = false;
    bool markdown = false;       // converted by the Markdown converter
    bool sass = false;           // .scss/.sass page: converted by Sass
    std::string outputExt;       // ".html", ".css", or the source extension
    std::string url;             // as Jekyll computes it ("/posts/2020/01/a/")
    QString destination;         // relative output path ("posts/2020/01/a/index.html"); empty: not written
    bool write = true;           // collection output: true, or a page

    bool hasExcerpt = false;     // an Excerpt object (not a front-matter excerpt string)
    std::string excerptSource;   // Jekyll's extract_excerpt of the raw content

    liquid::Value pager;         // jekyll-paginate's `paginator` for this page, or nil
    bool generated = false;      // made by a plugin (sitemap, feed, redirects), no source file
    int sourceMapOf = -1;        // a Sass source map page: index of its stylesheet, written with it

    int indexInCollection = -1;  // position in collection.docs (sorted), for next/previous
    int index = -1;              // position in Site::documents()
    // Position in Jekyll's render order (Site#render_docs: collections with posts
    // first, each in collection.docs order; then pages): until its turn a
    // document's `content` is still its source. Pages and uncollected documents
    // come last.
    int renderOrder = std::numeric_limits<int>::max();

    bool isPage() const { return kind == DocumentKind::Page; }
    bool isPost() const { return collection == "posts"; }
    std::string layout() const { return data.value("layout").toString(); }
    bool hasLayout() const { return data.contains("layout") && !data.value("layout").isNil(); }
    // Jekyll's render_with_liquid?: not switched off, not a data or CoffeeScript
    // file, and `text` (the body, an excerpt, an editor buffer) holds Liquid.
    bool rendersLiquid(std::string_view text) const;
    std::string id() const;          // Jekyll's Document#id
    std::string title() const { return data.value("title").toString(); }
};

// Jekyll's Utils.has_liquid_construct?: `{{` or `{%` anywhere.
bool hasLiquidConstruct(std::string_view text);

} // namespace folio::site::model
