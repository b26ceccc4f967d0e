// folio-cli as CI runs it: exit codes, the `path:line:col: error:` format, the
// default output folder, `check` writing nothing, `liquid` for theme authors.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "common/files.h"

using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

struct Run final {
    int exitCode = -1;
    QString out, err;
};

Run cli(const QStringList &args, const QString &cache)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FOLIO_CACHE_DIR"), cache);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FOLIO_CLI), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class CliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildWritesSiteSlashSiteByDefault();
    void errorsExitNonZeroWithFileLine();
    void checkWritesNothingAndReportsBrokenLinks();
    void liquidRendersATemplateWithData();
    void usageErrors();
    void checkReportsPublicationsWithTheirFixes();
    void checkFixDryRunShowsDiffsAndWritesNothing();
    void checkFixWritesTheFixedItems();
    void brokenLinkOfALayoutIsReportedOnce();
    void seedSiteCheckReportsEachProblemOnce();

private:
    QTemporaryDir m_cache;
};

void CliTest::buildWritesSiteSlashSiteByDefault()
{
    QTemporaryDir src;
    writeFile(src.path(), "_config.yml", "title: Site\n");
    writeFile(src.path(), "index.md", "---\n---\n# {{ site.title }}\n");
    const Run r = cli({QStringLiteral("build"), src.path()}, m_cache.path());
    QCOMPARE(r.exitCode, 0);
    QFile page(src.filePath(QStringLiteral("_site/index.html")));
    QVERIFY(page.open(QIODevice::ReadOnly));
    QCOMPARE(page.readAll(), QByteArray("<h1 id=\"site\">Site</h1>\n"));
    QVERIFY(r.out.contains(QLatin1String("1 pages")));
}

void CliTest::errorsExitNonZeroWithFileLine()
{
    QTemporaryDir src, out;
    writeFile(src.path(), "_config.yml", "title: Site\n");
    writeFile(src.path(), "good.md", "---\n---\nok\n");
    writeFile(src.path(), "bad.md", "---\ntitle: x\n---\n\n{% for x in %}\n");
    const Run r = cli({QStringLiteral("build"), src.path(), QStringLiteral("-d"), out.path(), QStringLiteral("-q")},
                      m_cache.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("^bad\\.md:5:\\d+: error: "), QRegularExpression::MultilineOption)),
             qPrintable(r.err));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("good.html"))));
    QVERIFY(!QFile::exists(out.filePath(QStringLiteral("bad.html"))));
}

void CliTest::checkWritesNothingAndReportsBrokenLinks()
{
    QTemporaryDir src;
    writeFile(src.path(), "_config.yml", "title: Site\n");
    writeFile(src.path(), "index.md", "---\n---\n[missing](/nope/)\n");
    const Run r = cli({QStringLiteral("check"), src.path()}, m_cache.path());
    QCOMPARE(r.exitCode, 0);   // broken links are warnings
    QVERIFY2(r.err.contains(QLatin1String("index.md:3:0: warning: broken link '/nope/'"))
                 || r.err.contains(QLatin1String("index.md:3: warning: broken link '/nope/'")),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(src.filePath(QStringLiteral("_site"))));
}

void CliTest::liquidRendersATemplateWithData()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "t.liquid", "{% include greet.html name=who %}|{{ items | join: '+' }}|{{ 'A b' | slugify }}");
    writeFile(dir.path(), "inc/greet.html", "Hello {{ include.name }}");
    writeFile(dir.path(), "data.json", "{\"who\": \"Ada\", \"items\": [1, 2, 3]}");
    const Run r = cli({QStringLiteral("liquid"), dir.filePath(QStringLiteral("t.liquid")), QStringLiteral("--data"),
                       dir.filePath(QStringLiteral("data.json")), QStringLiteral("--includes"), dir.filePath(QStringLiteral("inc"))},
                      m_cache.path());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Hello Ada|1+2+3|a-b"));
}

void CliTest::usageErrors()
{
    QCOMPARE(cli({}, m_cache.path()).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("frobnicate")}, m_cache.path()).exitCode, 2);
    const Run r = cli({QStringLiteral("build"), QStringLiteral("/no/such/site")}, m_cache.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("not a folder")));
}

namespace {

// A site whose publication has its keys below an empty front matter and a
// venue of names: what `check --fix` repairs in two steps.
const QByteArray kMisplaced = "---\n---\ntitle: \"Real Title\"\nvenue: 'Ada Lovelace, Charles Babbage'\n";

QString siteWithMisplacedKeys(const QString &root)
{
    writeFile(root, "_config.yml", "title: Site\ncollections:\n  publications:\n    output: true\n");
    writeFile(root, "_publications/2010-10-01-x.md", kMisplaced);
    return root + QStringLiteral("/_publications/2010-10-01-x.md");
}

} // namespace

void CliTest::checkReportsPublicationsWithTheirFixes()
{
    QTemporaryDir src;
    siteWithMisplacedKeys(src.path());
    const Run r = cli({QStringLiteral("check"), src.path()}, m_cache.path());
    QCOMPARE(r.exitCode, 0);   // warnings
    QVERIFY2(r.err.contains(QLatin1String("_publications/2010-10-01-x.md:3:1: warning: the front matter between the --- "
                                          "lines is empty and its keys (title, venue) are below it")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("\n    fix available: Move the 2 keys found in the body into the front matter\n")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("_publications/2010-10-01-x.md:4:1: warning: the venue \"Ada Lovelace, Charles "
                                          "Babbage\" is a list of 2 names")),
             qPrintable(r.err));
    // The site reader's own warning about the same lines is not repeated.
    QVERIFY2(!r.err.contains(QLatin1String("front matter keys found in the body")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("1 can be fixed with folio-cli check --fix")), qPrintable(r.out));
}

void CliTest::checkFixDryRunShowsDiffsAndWritesNothing()
{
    QTemporaryDir src;
    const QString item = siteWithMisplacedKeys(src.path());
    const Run r = cli({QStringLiteral("check"), src.path(), QStringLiteral("--fix"), QStringLiteral("--dry-run")},
                      m_cache.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("fix: _publications/2010-10-01-x.md: Move the 2 keys found in the body into "
                                          "the front matter\n"
                                          "--- a/_publications/2010-10-01-x.md\n"
                                          "+++ b/_publications/2010-10-01-x.md\n"
                                          "@@ -1,4 +1,4 @@\n"
                                          " ---\n"
                                          "----\n"
                                          " title: \"Real Title\"\n"
                                          " venue: 'Ada Lovelace, Charles Babbage'\n"
                                          "+---\n")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("fix: _publications/2010-10-01-x.md: Move the 2 names of the venue to authors\n")),
             qPrintable(r.out));
    QVERIFY(r.err.contains(QLatin1String("--dry-run: nothing was written")));
    QCOMPARE(readFile(item), kMisplaced);
    QVERIFY(!QFileInfo::exists(src.filePath(QStringLiteral("_site"))));
}

void CliTest::checkFixWritesTheFixedItems()
{
    QTemporaryDir src;
    const QString item = siteWithMisplacedKeys(src.path());
    const Run r = cli({QStringLiteral("check"), src.path(), QStringLiteral("--fix")}, m_cache.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("fixed 1 file(s)")), qPrintable(r.err));
    QCOMPARE(readFile(item), QByteArray("---\ntitle: \"Real Title\"\nauthors:\n  - Ada Lovelace\n  - Charles Babbage\n---\n"));
    // Nothing else in the folder: no temporary file left, no output written.
    QCOMPARE(folio::tests::filesUnder(src.path()),
             QStringList({QStringLiteral("_config.yml"), QStringLiteral("_publications/2010-10-01-x.md")}));
    // Checked again: only what no fix can know is left.
    const Run again = cli({QStringLiteral("check"), src.path()}, m_cache.path());
    QVERIFY2(again.err.contains(QLatin1String("_publications/2010-10-01-x.md:2:1: warning: the item has no venue")),
             qPrintable(again.err));
    QVERIFY2(!again.err.contains(QLatin1String("fix available")), qPrintable(again.err));
}

void CliTest::brokenLinkOfALayoutIsReportedOnce()
{
    QTemporaryDir src;
    writeFile(src.path(), "_config.yml", "title: Site\n");
    writeFile(src.path(), "_layouts/default.html",
              "<html><head>\n<link rel=\"icon\" href=\"{{ site.baseurl }}/images/missing.ico\">\n</head>\n"
              "<body><a href=\"/{{ 'gone' }}/\">gone</a>{{ content }}\n"
              "<a href=\" /a.html \">spaces around an address, as archive-single.html writes them</a></body></html>\n");
    for (const char *name : {"a.md", "b.md", "c.md"})
        writeFile(src.path(), name, "---\nlayout: default\n---\ntext\n");
    writeFile(src.path(), "d.md", "---\nlayout: default\n---\n\n[own](/nowhere/)\n");
    const Run r = cli({QStringLiteral("check"), src.path()}, m_cache.path());
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // At the layout's line, once, with the pages it breaks.
    QCOMPARE(lines.filter(QStringLiteral("missing.ico")),
             QStringList({QStringLiteral("_layouts/default.html:2: warning: broken link '/images/missing.ico': the site has "
                                         "no /images/missing.ico; fix the address or add the file (in 4 pages)")}));
    // Made by Liquid, in every page of the layout: at the layout.
    QCOMPARE(lines.filter(QStringLiteral("/gone/")),
             QStringList({QStringLiteral("_layouts/default.html: warning: broken link '/gone/': the site has no /gone/; "
                                         "fix the address or add the file (in 4 pages)")}));
    // A page's own link stays at the page.
    QCOMPARE(lines.filter(QStringLiteral("/nowhere/")),
             QStringList({QStringLiteral("d.md:5: warning: broken link '/nowhere/': the site has no /nowhere/; fix the "
                                         "address or add the file")}));
    QVERIFY2(r.out.contains(QLatin1String("(9 broken links)")), qPrintable(r.out));
}

void CliTest::seedSiteCheckReportsEachProblemOnce()
{
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QFileInfo::exists(seed))
        QSKIP("../shared/fixtures/seed-site is not there");
    QTemporaryDir dir;
    const QString site = folio::tests::copySite(seed, dir.path());
    const Run r = cli({QStringLiteral("check"), site}, m_cache.path());
    QCOMPARE(r.exitCode, 0);
    // 547 lines before broken links of the head include were reported once.
    const int lines = int(r.err.count(QLatin1Char('\n')));
    QVERIFY2(lines < 60, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("_includes/head/custom.html:20: warning: broken link "
                                          "'/images/favicon.ico?v=M44lzPylqQ': the site has no /images/favicon.ico; fix "
                                          "the address or add the file (in 38 pages)")),
             qPrintable(r.err));
    QCOMPARE(int(r.err.count(QLatin1String("broken link '/images/favicon.ico"))), 1);
    QCOMPARE(int(r.err.count(QLatin1String("fix available: Move the 4 keys found in the body into the front matter"))), 2);
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
