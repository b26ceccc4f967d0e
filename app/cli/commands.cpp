#include "commands.h"
#include "output.h"

#include "site/build/builder.h"
#include "site/build/linkcheck.h"
#include "site/jekyll/jekyll.h"
#include "site/plugins/plugins.h"
#include "site/scaffold/scaffold.h"
#include "site/yaml/yaml.h"

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace folio::cli {

using namespace folio::site;

namespace {

// A progress line redrawn in place, only on a terminal.
class ProgressLine final
{
public:
    explicit ProgressLine(int verbosity) : m_enabled(verbosity > 0 && ::isatty(fileno(stderr))) {}
    void update(int done, int total)
    {
        if (!m_enabled || total == 0)
            return;
        std::lock_guard lock(m_mutex);
        const int percent = done * 100 / total;
        if (percent == m_last && done != total)
            return;
        m_last = percent;
        std::fprintf(stderr, "\r  building: %3d%% (%d/%d)", percent, done, total);
        if (done == total)
            std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }

private:
    bool m_enabled;
    std::mutex m_mutex;
    int m_last = -1;
};

// folio-cli ends right after a build: the site model, its renderer and the
// builder's include memo (millions of small allocations) are left to the
// operating system rather than freed one by one, which took about a tenth of
// a 4000-post build on one core (clang's -disable-free does the same).
// Sanitizer builds free them, so their leak checks keep their meaning.
template<typename T>
void leaveToProcessExit(std::unique_ptr<T> &owner)
{
#if defined(__SANITIZE_ADDRESS__) || defined(FOLIO_FREE_AT_EXIT)
    owner.reset();
#else
    (void)owner.release();
#endif
}

} // namespace

int build(const BuildArguments &args)
{
    if (!checkSourceDir(args.source))
        return 2;
    DiagnosticSink sink;
    QElapsedTimer loading;
    loading.start();
    auto site = build::loadSite(args.source, buildOptions(args), sink);
    const double loadSeconds = double(loading.nsecsElapsed()) / 1e9;
    const QString destination = args.destination.isEmpty() ? QDir(args.source).filePath(QStringLiteral("_site"))
                                                           : args.destination;
    build::DiskWriter writer(destination, site->sourceDir(), site->config().keepFiles());
    if (auto prepared = writer.prepare(); !prepared) {
        printDiagnostics(sink, args.verbosity);
        err() << destination << ": error: " << prepared.error() << '\n';
        return 1;
    }
    QElapsedTimer preparing;
    preparing.start();
    auto renderer = std::make_unique<build::Renderer>(*site, sink);
    const double prepareSeconds = double(preparing.nsecsElapsed()) / 1e9;
    auto builder = std::make_unique<build::Builder>(*site, *renderer, writer, sink);
    builder->setJobs(args.jobs);
    // For comparing outputs when a replayed include is suspected.
    builder->setIncludeMemo(qEnvironmentVariableIsEmpty("FOLIO_NO_INCLUDE_MEMO"));
    ProgressLine progress(args.verbosity);
    builder->setProgress([&](int done, int total) { progress.update(done, total); });
    const build::BuildStats stats = builder->run();
    leaveToProcessExit(builder);
    leaveToProcessExit(renderer);
    leaveToProcessExit(site);
    const int errors = printDiagnostics(sink, args.verbosity);
    if (args.verbosity > 0) {
        out() << QStringLiteral("%1 pages and %2 files in %3 s -> %4")
                     .arg(stats.documents)
                     .arg(stats.staticFiles)
                     .arg(stats.seconds, 0, 'f', 2)
                     .arg(QDir::toNativeSeparators(QFileInfo(destination).absoluteFilePath()));
        if (stats.failed)
            out() << QStringLiteral(", %1 not written because of errors").arg(stats.failed);
        if (!writer.removed().isEmpty())
            out() << QStringLiteral(", %1 stale files removed").arg(writer.removed().size());
        out() << '\n';
        if (args.verbosity > 1) {
            out() << QStringLiteral("  %1 s  reading the site\n").arg(loadSeconds, 6, 'f', 3);
            out() << QStringLiteral("  %1 s  preparing its templates' view of it\n").arg(prepareSeconds, 6, 'f', 3);
            for (const auto &[phase, seconds] : stats.phases)
                out() << QStringLiteral("  %1 s  %2\n").arg(seconds, 6, 'f', 3).arg(QLatin1String(phase));
        }
        if (args.verbosity > 1 && stats.includesAsked > 0)
            out() << QStringLiteral("includes replayed: %1 of %2 (%3 KB kept)\n")
                         .arg(stats.includesReplayed)
                         .arg(stats.includesAsked)
                         .arg(stats.includeMemoBytes / 1024);
        out().flush();
    }
    return errors > 0 ? 1 : 0;
}

int liquid(const LiquidArguments &args)
{
    QFile file(args.templateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << args.templateFile << ": error: cannot read the template: " << file.errorString() << '\n';
        return 2;
    }
    const QByteArray source = file.readAll();
    liquid::Value data = liquid::Hash{};
    if (!args.dataFile.isEmpty()) {
        QFile dataFile(args.dataFile);
        if (!dataFile.open(QIODevice::ReadOnly)) {
            err() << args.dataFile << ": error: cannot read the data: " << dataFile.errorString() << '\n';
            return 2;
        }
        const QByteArray json = dataFile.readAll();
        yaml::LoadOptions lo;
        lo.fileName = args.dataFile;
        yaml::ParseError perr;
        auto loaded = yaml::loadJson(std::string_view(json.constData(), std::size_t(json.size())), lo, &perr);
        if (!loaded) {
            err() << args.dataFile << ':' << perr.line << ':' << perr.column << ": error: " << loaded.error() << '\n';
            return 2;
        }
        if (!loaded->isHash()) {
            err() << args.dataFile << ": error: the data must be a JSON object whose keys become variables\n";
            return 2;
        }
        data = *loaded;
    }
    liquid::Environment env = jekyll::jekyllEnvironment();
    plugins::registerTags(env);
    auto parsed = liquid::Template::parse(std::string_view(source.constData(), std::size_t(source.size())), env,
                                          args.templateFile);
    for (const Diagnostic &d : parsed.diagnostics)
        err() << d.format() << '\n';
    if (!parsed.ok())
        return 1;
    liquid::Context ctx(env, data, liquid::ErrorMode::Strict);
    std::unique_ptr<liquid::DirectoryIncludeLoader> includes;
    if (!args.includesDir.isEmpty()) {
        includes = std::make_unique<liquid::DirectoryIncludeLoader>(args.includesDir);
        ctx.setIncludeLoader(includes.get());
    }
    std::string output;
    const bool ok = parsed.tmpl->render(ctx, output);
    std::fwrite(output.data(), 1, output.size(), stdout);
    std::fflush(stdout);
    for (const Diagnostic &d : ctx.diagnostics())
        err() << d.format() << '\n';
    err().flush();
    return ok ? 0 : 1;
}

int newSite(const NewArguments &args)
{
    const auto created = scaffold::createSite(args.directory, {args.title, args.author});
    if (!created) {
        err() << "folio-cli new: error: " << created.error() << '\n';
        return 1;
    }
    out() << "Created a new site in " << QDir::toNativeSeparators(args.directory) << ".\n"
          << "Build it with:  folio-cli build " << args.directory << "\n"
          << "Then edit _config.yml (your details) and the files in _pages, _publications and _posts.\n";
    return 0;
}

} // namespace folio::cli
