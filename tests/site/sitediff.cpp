// folio-sitediff JEKYLL_OUT FOLIO_OUT: the differential test's comparison of
// two output folders (every page by visible text and sorted href/src, Folio's
// formulas masked), for sites that are not committed: real users' sites built
// by scripts/compare-with-jekyll.sh. Prints each differing page with its first
// difference, the files only one side wrote, and the identical share.
// Exit code: 0 when every compared page is identical, 1 otherwise, 2 on misuse.
#include "common/files.h"
#include "common/pagediff.h"

#include <QFileInfo>
#include <QTextStream>

int main(int argc, char **argv)
{
    QTextStream out(stdout);
    if (argc != 3 || !QFileInfo(QString::fromLocal8Bit(argv[1])).isDir() || !QFileInfo(QString::fromLocal8Bit(argv[2])).isDir()) {
        QTextStream(stderr) << "usage: folio-sitediff JEKYLL_OUTPUT_DIR FOLIO_OUTPUT_DIR\n";
        return 2;
    }
    const QString jekyllOut = QString::fromLocal8Bit(argv[1]), folioOut = QString::fromLocal8Bit(argv[2]);
    const QStringList jekyllFiles = folio::tests::filesUnder(jekyllOut), folioFiles = folio::tests::filesUnder(folioOut);
    for (const QString &f : jekyllFiles)
        if (!folioFiles.contains(f))
            out << "only Jekyll wrote: " << f << "\n";
    for (const QString &f : folioFiles)
        if (!jekyllFiles.contains(f))
            out << "only Folio wrote: " << f << "\n";
    int compared = 0, identical = 0;
    for (const QString &f : jekyllFiles) {
        if (!folio::tests::isComparedOutput(f) || !folioFiles.contains(f))
            continue;
        ++compared;
        QString difference;
        if (folio::tests::samePage(f, QString::fromUtf8(folio::tests::readFile(jekyllOut + QLatin1Char('/') + f)),
                                   QString::fromUtf8(folio::tests::readFile(folioOut + QLatin1Char('/') + f)),
                                   &difference))
            ++identical;
        else
            out << "differs: " << f << "\n      " << difference << "\n";
    }
    out << QStringLiteral("%1 of %2 pages identical to Jekyll's (%3%)\n")
               .arg(identical)
               .arg(compared)
               .arg(compared ? 100.0 * identical / compared : 0, 0, 'f', 1);
    return identical == compared ? 0 : 1;
}
