// Differential test: the user's academicpages site (../shared/fixtures/seed-site)
// built by folio-cli and by Jekyll 4.3 (Debian's), compared page by page as a
// reader sees them: visible text and the links and images of each page.
//
// Math is masked: where Folio's page shows a formula (\(…\), \[…\], $…$, $$…$$)
// and Jekyll's shows something else at the same place, the difference is the
// point of Folio (kramdown eats the backslash of \[ and mangles the TeX), not a
// regression. Every other difference fails, unless the page is listed in
// seed-exceptions.txt with its reason.
#include "common/files.h"
#include "common/pagediff.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using folio::tests::readFile;

class DifferentialTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedSiteMatchesJekyll();
};

void DifferentialTest::seedSiteMatchesJekyll()
{
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QFileInfo(seed).isDir())
        QSKIP("../shared/fixtures/seed-site is not here; the differential test needs it");
    const QString jekyll = QStandardPaths::findExecutable(QStringLiteral("jekyll"));
    if (jekyll.isEmpty())
        QSKIP("Jekyll is not installed (scripts/install-deps.sh installs Debian's); no reference to compare with");

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString source = tmp.filePath(QStringLiteral("site"));
    QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), seed, source}) == 0);
    QProcess::execute(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("u+w"), source});
    QFile::remove(source + QStringLiteral("/Gemfile"));
    QFile::remove(source + QStringLiteral("/Gemfile.lock"));

    const QString jekyllOut = tmp.filePath(QStringLiteral("jekyll"));
    const QString folioOut = tmp.filePath(QStringLiteral("folio"));
    // Folio's publish is a production build: compare with Jekyll's.
    QProcessEnvironment jekyllEnv = QProcessEnvironment::systemEnvironment();
    jekyllEnv.insert(QStringLiteral("JEKYLL_ENV"), QStringLiteral("production"));
    QProcess jekyllRun;
    jekyllRun.setProcessEnvironment(jekyllEnv);
    jekyllRun.setProcessChannelMode(QProcess::MergedChannels);
    jekyllRun.start(jekyll, {QStringLiteral("build"), QStringLiteral("-s"), source, QStringLiteral("-d"), jekyllOut});
    QVERIFY(jekyllRun.waitForFinished(300000));
    QVERIFY2(jekyllRun.exitCode() == 0, jekyllRun.readAll().constData());

    QProcess folioRun;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FOLIO_CACHE_DIR"), tmp.filePath(QStringLiteral("cache")));
    folioRun.setProcessEnvironment(env);
    folioRun.setProcessChannelMode(QProcess::MergedChannels);
    folioRun.start(QStringLiteral(FOLIO_CLI), {QStringLiteral("build"), source, QStringLiteral("-d"), folioOut, QStringLiteral("-q")});
    QVERIFY(folioRun.waitForFinished(300000));
    const QByteArray folioLog = folioRun.readAll();
    QVERIFY2(folioRun.exitCode() == 0, folioLog.constData());

    // Pages listed with a reason are reported but do not fail the test.
    QMap<QString, QString> exceptions;
    for (const QByteArray &line : readFile(QStringLiteral(FOLIO_SOURCE_DIR "/tests/site/seed-exceptions.txt")).split('\n')) {
        const QString l = QString::fromUtf8(line).trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = l.indexOf(QLatin1String(": "));
        QVERIFY2(colon > 0, qPrintable(QStringLiteral("seed-exceptions.txt: '%1' needs 'path: reason'").arg(l)));
        exceptions.insert(l.left(colon), l.mid(colon + 2));
    }

    // The same files, except those excepted.
    const QStringList jekyllFiles = folio::tests::filesUnder(jekyllOut), folioFiles = folio::tests::filesUnder(folioOut);
    QStringList missing, extra;
    for (const QString &f : jekyllFiles)
        if (!folioFiles.contains(f) && !exceptions.contains(f))
            missing << f;
    for (const QString &f : folioFiles)
        if (!jekyllFiles.contains(f) && !exceptions.contains(f))
            extra << f;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("only Jekyll wrote: ") + missing.join(QLatin1String(", "))));
    QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("only Folio wrote: ") + extra.join(QLatin1String(", "))));

    int compared = 0, identical = 0;
    QStringList failures;
    for (const QString &f : jekyllFiles) {
        if (!folio::tests::isComparedOutput(f) || !folioFiles.contains(f))
            continue;
        ++compared;
        QString difference;
        if (folio::tests::samePage(f, QString::fromUtf8(readFile(jekyllOut + QLatin1Char('/') + f)),
                                   QString::fromUtf8(readFile(folioOut + QLatin1Char('/') + f)), &difference)) {
            ++identical;
            continue;
        }
        const QString line = QStringLiteral("%1\n      %2").arg(f, difference);
        if (exceptions.contains(f))
            qInfo().noquote() << "excepted:" << f << "-" << exceptions.value(f);
        else
            failures << line;
    }
    qInfo().noquote() << QStringLiteral("seed site: %1 of %2 pages identical to Jekyll's (%3%), %4 excepted")
                             .arg(identical)
                             .arg(compared)
                             .arg(compared ? 100.0 * identical / compared : 0, 0, 'f', 1)
                             .arg(compared - identical - failures.size());
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("pages that differ from Jekyll's:\n  ") + failures.join(QStringLiteral("\n  "))));
}

QTEST_GUILESS_MAIN(DifferentialTest)
#include "tst_differential.moc"
