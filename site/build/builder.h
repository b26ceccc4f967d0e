// A build is a list of jobs rendered in parallel over a read-only site (as in
// Zola): excerpts, then document contents, then layouts and pages, then static
// files, each phase over all cores, each job writing through the Writer.
// Jekyll renders one document after another, so a body or layout that prints
// an earlier document's (or page's) content sees its HTML: the few that do are
// marked while rendering and rendered again in Jekyll's order in an ordered
// phase after their parallel one (see ContentStore).
#pragma once

#include "renderer.h"
#include "writer.h"

#include "site/model/site.h"

#include <atomic>
#include <functional>
#include <vector>
#include <memory>

namespace folio::site::build {

struct BuildStats final {
    int documents = 0;      // pages and documents rendered and written
    int staticFiles = 0;    // copied
    int failed = 0;         // skipped because of an error
    double seconds = 0;
    // Includes replayed from the memo, of those asked for it (layout phase).
    long long includesReplayed = 0;
    long long includesAsked = 0;
    long long includeMemoBytes = 0;   // what the memo kept at the end
    // Wall time of each phase, in order: excerpts, contents, ordered
    // contents, layouts (and stylesheets), ordered pages, static files.
    std::vector<std::pair<const char *, double>> phases;
};

// done/total over the whole build; called from worker threads.
using Progress = std::function<void(int done, int total)>;

class Builder final
{
public:
    Builder(const model::Site &site, Renderer &renderer, Writer &writer, DiagnosticSink &sink);

    void setJobs(int jobs) { m_jobs = jobs; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }
    // Whether the layout phase replays includes that read the same values
    // (liquid/memo.h); on by default. Off, every include is rendered.
    void setIncludeMemo(bool on) { m_includeMemo = on; }

    BuildStats run();

private:
    // Runs fn(i) for i in [0, count) on the worker threads.
    void parallel(std::size_t count, const std::function<void(std::size_t)> &fn);
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void step();

    const model::Site &m_site;
    Renderer &m_renderer;
    Writer &m_writer;
    DiagnosticSink &m_sink;
    int m_jobs = 0;
    bool m_includeMemo = true;
    // The last run's memo, freed with the builder (or never, by folio-cli).
    std::unique_ptr<liquid::IncludeMemo> m_memo;
    Progress m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    std::atomic<int> m_done{0};
    int m_total = 0;
};

// Loads a site and runs its generators (plugins): what both the CLI and the
// GUI build from.
std::unique_ptr<model::Site> loadSite(const QString &sourceDir, const model::BuildOptions &options,
                                      DiagnosticSink &sink);

} // namespace folio::site::build
