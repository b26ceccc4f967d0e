// folio-cli: the engine from the command line (and CI). main() only parses the
// arguments and hands them to a command.
#include "bibcommands.h"
#include "commands.h"
#include "fixcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#if defined(__GLIBC__) && !defined(FOLIO_JEMALLOC)
#include <malloc.h>
#endif

#ifdef FOLIO_JEMALLOC
// jemalloc's settings for a build: one arena for the render threads (what
// one allocates, contents and the include memo, others read and free; an
// arena per thread kept each one's freed pages apart) and freed pages given
// back after 200 ms rather than 10 s, so the megabytes of a listing page are
// not held on after it is written. 4000 posts: peak RSS 183 -> 160 MB, 1000
// posts 81 -> 67 MB, at the same speed. MALLOC_CONF still overrides them.
extern "C" {
const char *malloc_conf = "narenas:1,dirty_decay_ms:200";
}
#endif

namespace {

int usage(const QString &message = {})
{
    QTextStream err(stderr);
    if (!message.isEmpty())
        err << "folio-cli: " << message << "\n\n";
    err << "usage:\n"
           "  folio-cli build SITE [-d DEST] [--drafts] [--future|--no-future] [--jobs N] [-q|-v]\n"
           "  folio-cli check SITE [--fix [--dry-run]] [--drafts] [--future|--no-future] [--jobs N]\n"
           "  folio-cli liquid TEMPLATE [--data FILE.json] [--includes DIR]\n"
           "  folio-cli new DIR [--title TITLE] [--author NAME]\n"
           "  folio-cli import-bib SITE FILE.bib|.ris|.tsv [--dry-run] [--merge] [--style ID]\n"
           "  folio-cli export-bib SITE [-o FILE]\n";
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
#if defined(__GLIBC__) && !defined(FOLIO_JEMALLOC)
    // Without jemalloc: a build's large strings (a listing page of thousands
    // of posts is megabytes, held a few times while it passes through Markdown
    // and its layouts) are mapped and unmapped on their own. By default glibc
    // raises its mmap threshold after the first such free, so later ones stay
    // in the heap and the process keeps their pages: about 10 MB more peak RSS
    // at 4000 posts for no speed.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    // folio-cli speaks English whatever the locale, and installs no translator:
    // its `path:line:col: error|warning: message` lines are read in CI logs and
    // searched for on the web, as Jekyll's own (English-only) messages are. The
    // engine's messages are translated in the window, which installs the catalog.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("folio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOLIO_VERSION));

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return usage();
    const QString command = args.takeAt(1);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dest({QStringLiteral("d"), QStringLiteral("destination")},
                                  QStringLiteral("Output folder (default SITE/_site)."), QStringLiteral("DEST"));
    const QCommandLineOption drafts(QStringLiteral("drafts"), QStringLiteral("Build _drafts too."));
    const QCommandLineOption future(QStringLiteral("future"), QStringLiteral("Build posts dated in the future."));
    const QCommandLineOption noFuture(QStringLiteral("no-future"), QStringLiteral("Skip posts dated in the future."));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Render threads (default: all cores)."),
                                  QStringLiteral("N"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("Only errors."));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")}, QStringLiteral("More detail."));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("JSON file of variables."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption includes(QStringLiteral("includes"), QStringLiteral("Folder of includes."),
                                      QStringLiteral("DIR"));

    if (command == QLatin1String("build") || command == QLatin1String("check")) {
        parser.addOptions({dest, drafts, future, noFuture, jobs, quiet, verbose});
        const QCommandLineOption fix(QStringLiteral("fix"), QStringLiteral("Apply the fixes check offers, shown as diffs."));
        const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Show the fixes, write nothing."));
        if (command == QLatin1String("check"))
            parser.addOptions({fix, dryRun});
        parser.addPositionalArgument(QStringLiteral("SITE"), QStringLiteral("The site's folder."));
        parser.process(args);
        if (parser.positionalArguments().size() != 1)
            return usage(QStringLiteral("%1 takes one SITE folder").arg(command));
        folio::cli::BuildArguments a;
        a.source = parser.positionalArguments().front();
        a.destination = parser.value(dest);
        a.drafts = parser.isSet(drafts);
        if (parser.isSet(future))
            a.future = true;
        if (parser.isSet(noFuture))
            a.future = false;
        bool ok = true;
        if (parser.isSet(jobs)) {
            a.jobs = parser.value(jobs).toInt(&ok);
            if (!ok || a.jobs < 1)
                return usage(QStringLiteral("--jobs takes a number of threads, 1 or more"));
        }
        a.verbosity = parser.isSet(quiet) ? 0 : parser.isSet(verbose) ? 2 : 1;
        if (command == QLatin1String("check"))
            return folio::cli::checkSite(a, {parser.isSet(fix), parser.isSet(dryRun)});
        return folio::cli::build(a);
    }
    if (command == QLatin1String("liquid")) {
        parser.addOptions({data, includes});
        parser.addPositionalArgument(QStringLiteral("TEMPLATE"), QStringLiteral("The Liquid template file."));
        parser.process(args);
        if (parser.positionalArguments().size() != 1)
            return usage(QStringLiteral("liquid takes one TEMPLATE file"));
        folio::cli::LiquidArguments a;
        a.templateFile = parser.positionalArguments().front();
        a.dataFile = parser.value(data);
        a.includesDir = parser.value(includes);
        return folio::cli::liquid(a);
    }
    if (command == QLatin1String("new")) {
        const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("The site's title."), QStringLiteral("TITLE"));
        const QCommandLineOption author(QStringLiteral("author"), QStringLiteral("Your name."), QStringLiteral("NAME"));
        parser.addOptions({title, author});
        parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("A new or empty folder."));
        parser.process(args);
        if (parser.positionalArguments().size() != 1)
            return usage(QStringLiteral("new takes one DIR folder"));
        return folio::cli::newSite({parser.positionalArguments().front(), parser.value(title), parser.value(author)});
    }
    if (command == QLatin1String("import-bib") || command == QLatin1String("export-bib"))
        return folio::cli::bibCommand(command, args);
    if (command == QLatin1String("--version")) {
        QTextStream(stdout) << "folio-cli " << FOLIO_VERSION << '\n';
        return 0;
    }
    return usage(command == QLatin1String("--help") || command == QLatin1String("-h")
                     ? QString()
                     : QStringLiteral("unknown command '%1'").arg(command));
}
