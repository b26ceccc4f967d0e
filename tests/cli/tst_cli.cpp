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

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
