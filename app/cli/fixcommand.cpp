#include "fixcommand.h"
#include "output.h"

#include "site/build/builder.h"
#include "site/build/linkcheck.h"
#include "site/publications/checks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <set>

namespace folio::cli {

using namespace folio::site;

namespace {

std::optional<QByteArray> readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

// The site reader warns about keys below an empty front matter and about two
// documents written to one file; for a publication the checks say the same
// (with a fix for the first), so the reader's line is left out there: one
// warning per problem. (folio-cli prints English, so the reader's message
// can be recognised.)
std::vector<Diagnostic> withoutRepeats(std::vector<Diagnostic> diagnostics,
                                       const std::vector<publications::Check> &checks)
{
    std::set<std::pair<QString, int>> keysInBody;
    std::set<QString> duplicates;
    for (const publications::Check &c : checks) {
        if (c.id == QLatin1String("keys-in-body"))
            keysInBody.insert({c.diagnostic.file, c.diagnostic.line});
        if (c.id == QLatin1String("duplicate-url"))
            duplicates.insert(c.diagnostic.file);
    }
    std::erase_if(diagnostics, [&](const Diagnostic &d) {
        if (d.severity != Severity::Warning)
            return false;
        return keysInBody.count({d.file, d.line})
               || (duplicates.count(d.file) && d.message.contains(QLatin1String(" are both written to ")));
    });
    return diagnostics;
}

// One file's fixes, made in memory from the bytes read at `original`.
struct FileFix final {
    QString path;          // absolute
    QString display;       // relative to the site
    QByteArray original;
    publications::FixedText fixed;
};

// Writes `bytes` over `path` atomically, unless the file is no longer what
// was read (an editor saved it meanwhile): then it is left alone.
Result<void> writeIfUnchanged(const FileFix &f)
{
    const auto now = readBytes(f.path);
    if (!now || *now != f.original)
        return makeError(QStringLiteral("%1: error: the file changed since it was read; nothing was written to it, "
                                        "run folio-cli check --fix again")
                             .arg(f.display));
    QSaveFile file(f.path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("%1: error: cannot write: %2").arg(f.display, file.errorString()));
    const std::string &text = f.fixed.text;
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit())
        return makeError(QStringLiteral("%1: error: cannot write: %2; the file is unchanged").arg(f.display,
                                                                                                 file.errorString()));
    return {};
}

// Makes every fix in memory and shows it; writes only when all of them
// applied and this is no dry run. Returns the number of failures.
int applyFixes(const model::Site &site, const std::vector<publications::Check> &checks, const FixArguments &args)
{
    std::vector<QString> files;
    for (const publications::Check &c : checks)
        if (c.fix && std::find(files.begin(), files.end(), c.fix->file) == files.end())
            files.push_back(c.fix->file);
    std::vector<FileFix> planned;
    int failures = 0;
    const QDir root(site.sourceDir());
    for (const QString &path : files) {
        FileFix f;
        f.path = path;
        f.display = root.relativeFilePath(path);
        const auto bytes = readBytes(path);
        if (!bytes) {
            err() << f.display << ": error: cannot read the file to fix it\n";
            ++failures;
            continue;
        }
        f.original = *bytes;
        auto fixed = publications::fixText(site, path, f.original.toStdString());
        if (!fixed) {
            err() << f.display << ": error: a fix does not apply: " << fixed.error() << '\n';
            ++failures;
            continue;
        }
        f.fixed = std::move(*fixed);
        for (const publications::AppliedFix &step : f.fixed.applied) {
            out() << "fix: " << f.display << ": " << step.fix.description << '\n';
            out() << QString::fromStdString(publications::diff(step.before, step.after, f.display));
        }
        if (!f.fixed.applied.empty())
            planned.push_back(std::move(f));
    }
    out().flush();
    if (failures > 0) {
        err() << "nothing was written: " << failures << " file(s) could not be fixed\n";
        return failures;
    }
    if (args.dryRun) {
        err() << "--dry-run: nothing was written (" << planned.size() << " file(s) would change)\n";
        return 0;
    }
    int written = 0;
    for (const FileFix &f : planned) {
        if (auto ok = writeIfUnchanged(f); !ok) {
            err() << ok.error() << '\n';
            ++failures;
        } else {
            ++written;
        }
    }
    err() << "fixed " << written << " file(s)\n";
    return failures;
}

} // namespace

int checkSite(const BuildArguments &args, const FixArguments &fixArgs)
{
    if (!checkSourceDir(args.source))
        return 2;
    DiagnosticSink sink;
    auto site = build::loadSite(args.source, buildOptions(args), sink);
    build::MemoryWriter writer;
    build::Renderer renderer(*site, sink);
    build::Builder builder(*site, renderer, writer, sink);
    builder.setJobs(args.jobs);
    const build::BuildStats stats = builder.run();
    const int broken = build::checkLinks(*site, writer, sink);
    const std::vector<publications::Check> checks = publications::checkPublications(*site);

    int errors = 0, warnings = 0, fixable = 0;
    for (const Diagnostic &d : withoutRepeats(sink.take(), checks)) {
        ++(d.severity == Severity::Error ? errors : warnings);
        err() << d.format() << '\n';
    }
    for (const publications::Check &c : checks) {
        ++(c.diagnostic.severity == Severity::Error ? errors : warnings);
        err() << c.diagnostic.format() << '\n';
        if (c.fix) {
            ++fixable;
            err() << "    fix available: " << c.fix->description << '\n';
        }
    }
    err().flush();
    if (args.verbosity > 0) {
        out() << QStringLiteral("checked %1 pages: %2 errors, %3 warnings (%4 broken links)")
                     .arg(stats.documents + stats.failed)
                     .arg(errors)
                     .arg(warnings)
                     .arg(broken);
        if (fixable > 0 && !fixArgs.fix && !fixArgs.dryRun)
            out() << QStringLiteral("; %1 can be fixed with folio-cli check --fix").arg(fixable);
        out() << '\n';
        out().flush();
    }
    int failures = 0;
    if (fixArgs.fix || fixArgs.dryRun)
        failures = applyFixes(*site, checks, fixArgs);
    return errors > 0 || failures > 0 ? 1 : 0;
}

} // namespace folio::cli
