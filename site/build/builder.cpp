#include "builder.h"
#include "buildtr.h"

#include "site/core/parallel.h"
#include "site/plugins/plugins.h"
#include "site/sass/sass.h"

#include <QElapsedTimer>

#include <algorithm>

#include <vector>

namespace folio::site::build {

using model::Document;

// jekyll-sass-converter adds each stylesheet's source map to site.pages, so
// listings of pages show it; its bytes come from the stylesheet's compilation.
static void addSourceMapPages(model::Site &site)
{
    const std::string env = site.config().environment() == model::Environment::Development ? "development"
                                                                                             : "production";
    if (!sass::jekyllWritesSourceMap(site.config().value("sass").get("sourcemap").toString(), env))
        return;
    std::vector<const Document *> sheets;
    for (const Document *page : site.pages())
        if (page->sass && page->write && !page->destination.isEmpty())
            sheets.push_back(page);
    for (const Document *sheet : sheets) {
        liquid::Hash data;
        data.set("permalink", sheet->url + ".map");
        data.set("layout", liquid::Value());
        const std::size_t slash = sheet->relativePath.rfind('/');
        const std::string dir = slash == std::string::npos ? std::string() : sheet->relativePath.substr(0, slash + 1);
        Document &map = site.addGeneratedPage(dir + sheet->basename + ".css.map", {}, std::move(data));
        map.sourceMapOf = sheet->index;
    }
}

std::unique_ptr<model::Site> loadSite(const QString &sourceDir, const model::BuildOptions &options,
                                      DiagnosticSink &sink)
{
    auto site = model::Site::load(sourceDir, options, sink);
    addSourceMapPages(*site);
    plugins::generate(*site, sink);
    return site;
}

// Jekyll's Site#render order: collections' documents, then pages.
static void sortByRenderOrder(std::vector<const Document *> &docs)
{
    std::sort(docs.begin(), docs.end(), [](const Document *a, const Document *b) { return a->renderOrder < b->renderOrder; });
}

Builder::Builder(const model::Site &site, Renderer &renderer, Writer &writer, DiagnosticSink &sink)
    : m_site(site), m_renderer(renderer), m_writer(writer), m_sink(sink)
{}

void Builder::parallel(std::size_t count, const std::function<void(std::size_t)> &fn)
{
    parallelFor(count, m_jobs, fn, m_cancel);
}

void Builder::step()
{
    const int done = ++m_done;
    if (m_progress)
        m_progress(done, m_total);
}

BuildStats Builder::run()
{
    QElapsedTimer timer;
    timer.start();
    BuildStats stats;
    model::ContentStore &store = m_site.contentStore();
    const auto &docs = m_site.documents();
    store.reset(docs.size());

    std::vector<const Document *> excerpts, contents, outputs;
    for (const auto &doc : docs) {
        if (doc->hasExcerpt)
            excerpts.push_back(doc.get());
        if (!doc->isPage())
            contents.push_back(doc.get());
        if (!doc->destination.isEmpty() && doc->write && doc->sourceMapOf < 0)
            outputs.push_back(doc.get());
    }
    // Stylesheets first: one libsass compile is the longest single job of a
    // build, so it should start while the other threads take the pages.
    std::stable_partition(outputs.begin(), outputs.end(), [](const Document *d) { return d->sass; });
    std::vector<const model::StaticFile *> statics;
    for (const model::StaticFile &f : m_site.staticFiles())
        if (f.write)
            statics.push_back(&f);
    m_total = int(excerpts.size() + contents.size() + outputs.size() + statics.size());
    m_done = 0;

    double lastMark = 0;
    auto phaseDone = [&](const char *name) {
        const double now = double(timer.nsecsElapsed()) / 1e9;
        stats.phases.emplace_back(name, now - lastMark);
        lastMark = now;
    };

    // Phase 1: excerpts, which any later template may print.
    parallel(excerpts.size(), [&](std::size_t i) {
        store.setExcerpt(excerpts[i]->index, m_renderer.renderExcerpt(*excerpts[i]));
        step();
    });
    store.finishPhase(model::ContentStore::Excerpts);
    phaseDone("excerpts");

    // Phase 2: documents' contents (Liquid + Markdown), which pages list.
    std::vector<char> contentFailed(docs.size(), 0);
    parallel(contents.size(), [&](std::size_t i) {
        const Document &doc = *contents[i];
        if (auto html = m_renderer.renderContent(doc, nullptr, doc.pager))
            store.setContent(doc.index, std::move(*html));
        else
            contentFailed[std::size_t(doc.index)] = 1;
        step();
    });
    store.finishPhase(model::ContentStore::UnorderedContents);
    phaseDone("contents");

    // Phase 2b: the few bodies that print an earlier document's content, again,
    // one by one in Jekyll's render order, so each sees the final HTML of all
    // documents before it (those marked before it included).
    std::vector<const Document *> ordered;
    for (const Document *doc : contents)
        if (store.readEarlierContent(doc->index))
            ordered.push_back(doc);
    sortByRenderOrder(ordered);
    for (const Document *doc : ordered) {
        if (cancelled())
            break;
        const Renderer::Repeat repeat;
        if (auto html = m_renderer.renderContent(*doc, nullptr, doc->pager)) {
            store.setContent(doc->index, std::move(*html));
            contentFailed[std::size_t(doc->index)] = 0;
        }
    }
    store.finishPhase(model::ContentStore::Contents);
    phaseDone("ordered contents");

    // Phase 3: layouts around documents, whole pages, static files.
    std::atomic<int> written{0}, failed{0}, copied{0};
    enum class Deferred : char { No, BeforeLayouts, AfterLayouts };
    std::vector<Deferred> deferred(docs.size(), Deferred::No);
    auto writeOutput = [&](const Document &doc, const std::optional<std::string> &html) {
        if (!html) {
            ++failed;
            m_sink.error(QString::fromStdString(doc.relativePath), 0, 0,
                         Tr::tr("not written because of the errors above"));
        } else if (auto result = m_writer.write(doc.destination, *html); !result) {
            ++failed;
            m_sink.error(QString::fromStdString(doc.relativePath), 0, 0, result.error());
        } else {
            ++written;
        }
    };
    // Listing pages render each post's entry again and every page its
    // masthead and footer: replay includes that read the same values. Only
    // here, where all that documents read of each other is final.
    m_memo = std::make_unique<liquid::IncludeMemo>();
    if (m_includeMemo)
        m_renderer.setIncludeMemo(m_memo.get());
    parallel(outputs.size(), [&](std::size_t i) {
        const Document &doc = *outputs[i];
        std::optional<std::string> html;
        if (doc.sass) {
            if (auto sheet = m_renderer.renderStylesheet(doc)) {
                html = std::move(sheet->css);
                if (!sheet->mapDestination.isEmpty())
                    if (auto result = m_writer.write(sheet->mapDestination, sheet->map); !result)
                        m_sink.error(QString::fromStdString(doc.relativePath), 0, 0, result.error());
            }
        } else if (doc.isPage()) {
            // A page that printed an earlier page's content waits for phase 4.
            auto content = m_renderer.renderContent(doc, nullptr, doc.pager);
            if (content && store.readEarlierContent(doc.index)) {
                deferred[std::size_t(doc.index)] = Deferred::BeforeLayouts;
                step();
                return;
            }
            if (content)
                html = m_renderer.placeInLayouts(doc, std::make_shared<const std::string>(std::move(*content)),
                                                 doc.pager);
            if (html && store.readEarlierContent(doc.index)) {
                deferred[std::size_t(doc.index)] = Deferred::AfterLayouts;
                step();
                return;
            }
        } else if (!contentFailed[std::size_t(doc.index)]) {
            auto content = store.sharedContent(doc.index);
            html = m_renderer.placeInLayouts(doc, content ? content : std::make_shared<const std::string>(),
                                             doc.pager);
        }
        writeOutput(doc, html);
        step();
    });

    m_renderer.setIncludeMemo(nullptr);
    phaseDone("layouts");
    const liquid::IncludeMemo::Stats memoStats = m_memo->stats();
    stats.includesReplayed = memoStats.hits;
    stats.includesAsked = memoStats.lookups;
    stats.includeMemoBytes = memoStats.storedBytes;

    // Phase 4: Jekyll renders pages one after another too. The pages that
    // printed an earlier page's content, and those pages, are rendered again
    // one by one in that order: the first keep their content for the later.
    std::vector<const Document *> pagesInOrder;
    for (const Document *page : m_site.pages())
        if (deferred[std::size_t(page->index)] != Deferred::No || store.contentWanted(page->index))
            pagesInOrder.push_back(page);
    sortByRenderOrder(pagesInOrder);
    for (const Document *page : pagesInOrder) {
        if (cancelled())
            break;
        const Deferred state = deferred[std::size_t(page->index)];
        std::optional<std::string> content;
        {
            const Renderer::Repeat repeat;
            content = m_renderer.renderContent(*page, nullptr, page->pager);
        }
        if (content && store.contentWanted(page->index))
            store.setContent(page->index, *content);
        if (state == Deferred::No)
            continue;
        std::optional<std::string> html;
        if (content) {
            std::optional<Renderer::Repeat> layoutsAgain;   // already rendered, and reported, in phase 3
            if (state == Deferred::AfterLayouts)
                layoutsAgain.emplace();
            html = m_renderer.placeInLayouts(*page, *content, page->pager);
        }
        writeOutput(*page, html);
    }
    phaseDone("ordered pages");
    parallel(statics.size(), [&](std::size_t i) {
        if (auto result = m_writer.copy(statics[i]->destination, statics[i]->sourcePath); !result)
            m_sink.error(QString::fromStdString(statics[i]->relativePath), 0, 0, result.error());
        else
            ++copied;
        step();
    });
    store.finishPhase(model::ContentStore::Everything);
    phaseDone("static files");

    if (!cancelled())
        if (auto result = m_writer.finish(); !result)
            m_sink.error({}, 0, 0, result.error());

    stats.documents = written;
    stats.failed = failed;
    stats.staticFiles = copied;
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    return stats;
}

} // namespace folio::site::build
