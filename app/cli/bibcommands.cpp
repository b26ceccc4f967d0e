#include "bibcommands.h"
#include "output.h"

#include "site/build/builder.h"
#include "site/publications/export.h"
#include "site/publications/import.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace folio::cli {

using namespace folio::site;
using publications::ImportAction;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// The site as its publications see it; site-load problems are `check`'s to
// report, so only a missing folder stops the command.
std::unique_ptr<model::Site> openSite(const QString &dir)
{
    if (!checkSourceDir(dir))
        return nullptr;
    DiagnosticSink sink;
    return build::loadSite(dir, model::BuildOptions{}, sink);
}

std::string collectionDir(const model::Site &site, const publications::Publications &pubs)
{
    const std::string dir = site.config().collectionsDirName();
    return (dir.empty() ? std::string() : dir + "/") + "_" + pubs.collection;
}

QString where(const publications::ImportRecord &r)
{
    const QString name = r.key.empty() ? QStringLiteral("\"%1\"").arg(q(r.title).left(60)) : q(r.key);
    return r.line > 0 ? QStringLiteral("%1 (line %2)").arg(name).arg(r.line) : name;
}

void printItem(const publications::PlannedItem &item)
{
    switch (item.action) {
    case ImportAction::Create: {
        out() << "created  " << q(item.relativePath);
        for (std::size_t i = 1; i < item.files.size(); ++i)
            out() << " + " << q(item.files[i].relativePath);
        out() << '\n';
        break;
    }
    case ImportAction::Merge: {
        out() << "merged   " << q(item.relativePath) << " <- " << where(item.record) << ':';
        if (item.movedKeys)
            out() << " moved the keys below its front matter into it;";
        if (!item.filled.empty()) {
            QStringList keys;
            for (const auto &k : item.filled)
                keys << q(k);
            out() << " filled " << keys.join(QStringLiteral(", "));
        }
        for (const auto &f : item.files)
            if (!f.exists)
                out() << " + " << q(f.relativePath);
        out() << '\n';
        break;
    }
    case ImportAction::Skip:
        out() << "skipped  " << where(item.record) << ": " << item.reason << '\n';
        break;
    }
}

} // namespace

int importBib(const ImportBibArguments &args)
{
    auto site = openSite(args.site);
    if (!site)
        return 1;
    auto input = publications::readImportFile(args.file);
    if (!input) {
        err() << "folio-cli import-bib: error: " << input.error() << '\n';
        return 1;
    }
    const publications::Publications existing = publications::readPublications(*site);
    publications::ImportOptions options;
    options.siteDir = site->sourceDir();
    options.merge = args.merge;
    options.settings = publications::readSettings(site->config());
    if (!args.style.isEmpty())
        options.settings.style = args.style;
    options.baseurl = site->config().baseurl();
    options.baseurlInLinks = !options.baseurl.empty() && publications::templatesPrintBibtexUrlRaw(options.siteDir);
    options.collectionDir = collectionDir(*site, existing);

    publications::ImportPlan plan = publications::planImport(existing, input->records, options);
    plan.diagnostics.insert(plan.diagnostics.begin(), input->diagnostics.begin(), input->diagnostics.end());
    for (const Diagnostic &d : plan.diagnostics)
        err() << d.format() << '\n';
    for (const auto &item : plan.items)
        printItem(item);

    bool failed = plan.hasErrors();
    if (!args.dryRun) {
        auto applied = publications::applyImport(plan, options.siteDir);
        if (!applied) {
            err() << "folio-cli import-bib: error: " << applied.error() << '\n';
            failed = true;
        }
    }
    out() << plan.count(ImportAction::Create) << " created, " << plan.count(ImportAction::Merge) << " merged, "
          << plan.count(ImportAction::Skip) << " skipped"
          << (args.dryRun ? " (dry run: nothing was written)" : "") << '\n';
    out().flush();
    return failed ? 1 : 0;
}

int exportBib(const ExportBibArguments &args)
{
    auto site = openSite(args.site);
    if (!site)
        return 1;
    const publications::Publications pubs = publications::readPublications(*site);
    publications::ExportOptions options;
    options.siteDir = site->sourceDir();
    options.url = site->config().url();
    options.baseurl = site->config().baseurl();
    publications::ExportReport report;
    const std::string bibtex = publications::exportBibtex(pubs, options, &report);
    for (const Diagnostic &d : report.diagnostics)
        err() << d.format() << '\n';
    if (args.output.isEmpty()) {
        out() << QString::fromStdString(bibtex);
        out().flush();
    } else {
        // Never over another file: an earlier export with other content stays.
        QFile existing(args.output);
        if (existing.exists()) {
            if (existing.open(QIODevice::ReadOnly) && existing.readAll() == QByteArray::fromStdString(bibtex)) {
                err() << args.output << ": already up to date.\n";
                return 0;
            }
            err() << args.output << ": error: the file exists; give a new file name, or remove it first\n";
            return 1;
        }
        QSaveFile file(args.output);
        if (!file.open(QIODevice::WriteOnly) || file.write(bibtex.data(), qint64(bibtex.size())) != qint64(bibtex.size())
            || !file.commit()) {
            err() << args.output << ": error: cannot be written: " << file.errorString() << '\n';
            return 1;
        }
        err() << "Exported " << pubs.items.size() << " publications to " << args.output << " (" << report.fromStored
              << " from their stored BibTeX, " << report.fromFrontMatter << " from front matter).\n";
    }
    return 0;
}

int bibCommand(const QString &command, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SITE"), QStringLiteral("The site's folder."));
    auto usage = [&](const QString &message) {
        err() << "folio-cli: " << message << "\n\nusage:\n"
              << "  folio-cli import-bib SITE FILE.bib|.ris|.tsv [--dry-run] [--merge] [--style ID]\n"
              << "  folio-cli export-bib SITE [-o FILE]\n";
        return 2;
    };
    if (command == QLatin1String("import-bib")) {
        const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Say what would be done; write nothing."));
        const QCommandLineOption merge(QStringLiteral("merge"),
                                       QStringLiteral("Fill the empty fields of items that are the same paper."));
        const QCommandLineOption style(QStringLiteral("style"),
                                       QStringLiteral("CSL style id or .csl file for the citations."),
                                       QStringLiteral("ID"));
        parser.addOptions({dryRun, merge, style});
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .bib, .ris or publications.tsv file."));
        parser.process(args);
        if (parser.positionalArguments().size() != 2)
            return usage(QStringLiteral("import-bib takes a SITE folder and a FILE"));
        ImportBibArguments a;
        a.site = parser.positionalArguments().at(0);
        a.file = parser.positionalArguments().at(1);
        a.dryRun = parser.isSet(dryRun);
        a.merge = parser.isSet(merge);
        a.style = parser.value(style);
        return importBib(a);
    }
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the BibTeX to FILE (default: standard output)."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    parser.process(args);
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("export-bib takes one SITE folder"));
    return exportBib({parser.positionalArguments().front(), parser.value(output)});
}

} // namespace folio::cli
