// The site as Jekyll's Reader leaves it: configuration, layouts, data, pages,
// posts, drafts, collection documents and static files, with URLs and
// destinations computed. Built once (load), then only read: every render thread
// shares it. What a build produces per document lives in ContentStore.
#pragma once

#include "config.h"
#include "document.h"

#include "site/core/diagnostic.h"
#include "site/liquid/value.h"

#include <QString>

#include <atomic>
#include <mutex>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace folio::site::model {

struct StaticFile final {
    QString sourcePath;          // absolute
    std::string relativePath;    // "/images/a.png" (Jekyll's StaticFile#relative_path)
    std::string name;            // "a.png"
    std::string basename;        // "a"
    std::string extname;         // ".png"
    std::string collection;      // label when it belongs to a collection
    std::string url;             // "/images/a.png"
    QString destination;         // "images/a.png"
    liquid::Time modified;
    bool write = true;
};

struct Layout final {
    std::string name;            // "default", "archive/single"
    QString sourcePath;
    std::string relativePath;    // "_layouts/default.html"
    liquid::Hash data;           // its front matter
    std::string content;
    int bodyLine = 1;
    std::string parent() const { return data.value("layout").toString(); }
};

// Per-document results of a build that other documents' templates read
// (post.content, post.excerpt). Filled phase by phase; a slot is read by other
// threads only after the phase that writes it has ended. Results are shared
// strings: a listing page, a feed and the document's own layouts read the same
// bytes instead of a copy each.
//
// Jekyll renders documents one after another, so a document's body that prints
// an earlier document's `content` gets that document's HTML. Folio renders all
// contents in parallel first (UnorderedContents); a body that asked for an
// earlier document's content meanwhile is marked, and the builder renders the
// marked ones again, one by one in Jekyll's order, once the others are final.
class ContentStore final
{
public:
    enum Phase : int { Nothing = 0, Excerpts = 1, UnorderedContents = 2, Contents = 3, Everything = 4 };

    void reset(std::size_t documents);
    void setExcerpt(int index, std::string html);
    void setContent(int index, std::string html);
    const std::string *excerpt(int index) const;   // null until the excerpts phase ended
    const std::string *content(int index) const;   // null until the unordered contents phase ended
    std::shared_ptr<const std::string> sharedExcerpt(int index) const;   // same, shared
    std::shared_ptr<const std::string> sharedContent(int index) const;
    void finishPhase(Phase phase) { m_phase.store(phase, std::memory_order_release); }
    Phase phase() const { return Phase(m_phase.load(std::memory_order_acquire)); }

    // Called from the thread rendering document `index`'s content when it read
    // an earlier document's content before that was final.
    void markReadEarlierContent(int index);
    bool readEarlierContent(int index) const;
    // Pages keep no content in the store; one whose content a later page read
    // is marked, and its content is kept when the builder renders it again.
    void markContentWanted(int index);
    bool contentWanted(int index) const;

private:
    std::vector<std::shared_ptr<const std::string>> m_excerpts, m_contents;   // null: none
    // One slot per document, written only by the thread rendering it.
    std::vector<char> m_readEarlier;
    std::vector<char> m_wanted;   // written by any thread: under m_wantedMutex
    mutable std::mutex m_wantedMutex;
    std::atomic<int> m_phase{Nothing};
};

class Site final
{
public:
    // Reads everything under `sourceDir`. Problems are reported to `sink`; a
    // file that cannot be read is skipped and the rest of the site still loads.
    static std::unique_ptr<Site> load(const QString &sourceDir, const BuildOptions &options,
                                      DiagnosticSink &sink);

    const Config &config() const { return m_config; }
    QString sourceDir() const { return m_config.source().absolutePath(); }
    liquid::Time time() const { return m_time; }
    // The site's UTC offset at `utcSeconds` (its `timezone`, or the machine's).
    std::int32_t utcOffsetAt(std::int64_t utcSeconds) const;
    liquid::Time toLocal(liquid::Time t) const;
    // A date text as Jekyll's Utils.parse_date reads it: zone-less in the site's zone.
    std::optional<liquid::Time> parseLocalTime(const std::string &text) const;

    // Pages and collection documents that are part of the site, in reading order.
    const std::vector<std::unique_ptr<Document>> &documents() const { return m_documents; }
    const std::vector<const Document *> &pages() const { return m_pages; }
    // A collection's documents sorted as Jekyll sorts them (date, then path).
    const std::vector<const Document *> &collectionDocuments(std::string_view label) const;
    const std::vector<const Document *> &posts() const { return collectionDocuments("posts"); }
    const std::vector<StaticFile> &staticFiles() const { return m_staticFiles; }
    const Layout *layout(std::string_view name) const;
    const std::map<std::string, Layout, std::less<>> &layouts() const { return m_layouts; }
    const liquid::Value &data() const { return m_data; }

    // Finds a document by its source path (absolute) — for the editor's preview.
    const Document *documentForPath(const QString &absolutePath) const;

    // Results of the current/last build that templates read across documents.
    ContentStore &contentStore() const { return m_store; }

    // Adds a page made by a generator (sitemap, feed, pagination, redirects)
    // before rendering starts. Its `content` is the Liquid template to render.
    Document &addGeneratedPage(const std::string &relativePath, std::string content, liquid::Hash data);

    // Recomputes a page's url/destination (after a generator set its permalink).
    void computeUrl(Document &doc, DiagnosticSink &sink) const;

    // `doc` as it reads from `text` (the editor's unsaved buffer) instead of
    // its file: front matter over the defaults, dates, title, URL, excerpt.
    // The site is not changed; the copy keeps `doc`'s place in it (index,
    // render order). nullptr for generated pages.
    std::unique_ptr<Document> rereadFromText(const Document &doc, const std::string &text,
                                             DiagnosticSink &sink) const;

private:
    Site() = default;
    class Reader;
    friend class Reader;

    Config m_config;
    liquid::Time m_time;
    std::vector<std::unique_ptr<Document>> m_documents;
    std::vector<const Document *> m_pages;
    std::map<std::string, std::vector<const Document *>, std::less<>> m_collections;
    std::vector<StaticFile> m_staticFiles;
    std::map<std::string, Layout, std::less<>> m_layouts;
    liquid::Value m_data;
    mutable ContentStore m_store;
};

// Ruby's String#capitalize per word joined by spaces (Jekyll's titleize_slug).
std::string titleizeSlug(std::string_view slug);

} // namespace folio::site::model
