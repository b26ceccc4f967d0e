// The starter site as the scaffold API hands it out: every file of
// resources/starter-site bundled, copied byte for byte into a new or empty
// folder, only title and author.name changed in _config.yml, and a folder
// with anything in it refused untouched.
#include "common/files.h"
#include "site/scaffold/scaffold.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using folio::tests::readFile;
using folio::tests::writeFile;
namespace scaffold = folio::site::scaffold;

namespace {

const QString kSource = QStringLiteral(FOLIO_SOURCE_DIR "/resources/starter-site");

// The lines of a that differ from b's (same number of lines expected).
QStringList changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> x = a.split('\n'), y = b.split('\n');
    QStringList out;
    if (x.size() != y.size())
        return {QStringLiteral("line count %1 != %2").arg(x.size()).arg(y.size())};
    for (qsizetype i = 0; i < x.size(); ++i)
        if (x[i] != y[i])
            out << QString::fromUtf8(x[i]);
    return out;
}

} // namespace

class ScaffoldTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundlesEveryStarterFile();
    void createsSiteInNewFolder();
    void createsSiteInEmptyFolder();
    void titleDefaultsToAuthor();
    void keepsPlaceholdersWithoutOptions();
    void quotesValuesForYaml_data();
    void quotesValuesForYaml();
    void refusesNonEmptyFolder_data();
    void refusesNonEmptyFolder();
    void refusesFile();
};

void ScaffoldTest::bundlesEveryStarterFile()
{
    QStringList expected = folio::tests::filesUnder(kSource);
    expected.removeIf([](const QString &f) { return f.startsWith(QLatin1String("_site/")) || f.startsWith(QLatin1String(".jekyll-cache/")); });
    QCOMPARE(scaffold::starterFiles(), expected);
    for (const QString &f : expected)
        QVERIFY2(scaffold::starterFile(f) == readFile(kSource + QLatin1Char('/') + f), qPrintable(f));
    // What the issue asks the starter to have.
    for (const char *needed : {"_config.yml", "_pages/about.md", "_pages/publications.html", "_pages/talks.html",
                               "_pages/teaching.html", "_pages/cv.md", "_pages/blog.html", "_pages/404.md",
                               "_data/navigation.yml", "assets/css/main.scss", "images/profile.svg"})
        QVERIFY2(expected.contains(QLatin1String(needed)), needed);
}

void ScaffoldTest::createsSiteInNewFolder()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("a/new/site"));
    const auto created = scaffold::createSite(dir, {QStringLiteral("Ada's Homepage"), QStringLiteral("Ada Lovelace")});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error()));

    QCOMPARE(folio::tests::filesUnder(dir), scaffold::starterFiles());
    for (const QString &f : folio::tests::filesUnder(dir)) {
        if (f == QLatin1String("_config.yml"))
            continue;
        QVERIFY2(readFile(dir + QLatin1Char('/') + f) == scaffold::starterFile(f), qPrintable(f));
        QVERIFY2(QFileInfo(dir + QLatin1Char('/') + f).isWritable(), qPrintable(f + QStringLiteral(" is read-only")));
    }
    // Only the two values changed; comments and every other line are kept.
    const QStringList changed = changedLines(readFile(dir + QStringLiteral("/_config.yml")), scaffold::starterFile(QStringLiteral("_config.yml")));
    QCOMPARE(changed, (QStringList{QStringLiteral("title: \"Ada's Homepage\""), QStringLiteral("  name: \"Ada Lovelace\"")}));
    // Nothing written beside the new folder.
    QCOMPARE(QDir(tmp.filePath(QStringLiteral("a/new"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("site")});
}

void ScaffoldTest::createsSiteInEmptyFolder()
{
    QTemporaryDir tmp;
    const auto created = scaffold::createSite(tmp.path(), {});
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error()));
    QCOMPARE(folio::tests::filesUnder(tmp.path()), scaffold::starterFiles());
}

void ScaffoldTest::titleDefaultsToAuthor()
{
    QTemporaryDir tmp;
    QVERIFY(scaffold::createSite(tmp.path(), {QString(), QStringLiteral("Grace Hopper")}).ok());
    const QStringList changed = changedLines(readFile(tmp.filePath(QStringLiteral("_config.yml"))), scaffold::starterFile(QStringLiteral("_config.yml")));
    QCOMPARE(changed, (QStringList{QStringLiteral("title: \"Grace Hopper\""), QStringLiteral("  name: \"Grace Hopper\"")}));
}

void ScaffoldTest::keepsPlaceholdersWithoutOptions()
{
    QTemporaryDir tmp;
    QVERIFY(scaffold::createSite(tmp.path(), {QStringLiteral("  "), QString()}).ok());
    QCOMPARE(readFile(tmp.filePath(QStringLiteral("_config.yml"))), scaffold::starterFile(QStringLiteral("_config.yml")));
}

void ScaffoldTest::quotesValuesForYaml_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("line");
    QTest::newRow("plain") << QStringLiteral("Notes") << QStringLiteral("title: \"Notes\"");
    QTest::newRow("double quote") << QStringLiteral("The \"best\" site") << QStringLiteral("title: \"The \\\"best\\\" site\"");
    QTest::newRow("backslash") << QStringLiteral("C:\\sites") << QStringLiteral("title: \"C:\\\\sites\"");
    QTest::newRow("colon and hash") << QStringLiteral("Math: a # b") << QStringLiteral("title: \"Math: a # b\"");
    QTest::newRow("newline folded") << QStringLiteral("two\nlines") << QStringLiteral("title: \"two lines\"");
    QTest::newRow("unicode") << QStringLiteral("陈一能的主页") << QStringLiteral("title: \"陈一能的主页\"");
}

void ScaffoldTest::quotesValuesForYaml()
{
    QFETCH(QString, title);
    QFETCH(QString, line);
    const QByteArray config = scaffold::withTitleAndAuthor(scaffold::starterFile(QStringLiteral("_config.yml")), title, {});
    QCOMPARE(changedLines(config, scaffold::starterFile(QStringLiteral("_config.yml"))), QStringList{line});
}

void ScaffoldTest::refusesNonEmptyFolder_data()
{
    QTest::addColumn<QString>("existing");
    QTest::newRow("a file") << QStringLiteral("notes.txt");
    QTest::newRow("a hidden file") << QStringLiteral(".git/config");
    QTest::newRow("a config") << QStringLiteral("_config.yml");
}

void ScaffoldTest::refusesNonEmptyFolder()
{
    QFETCH(QString, existing);
    QTemporaryDir tmp;
    writeFile(tmp.path(), existing, "mine\n");
    const auto created = scaffold::createSite(tmp.path(), {QStringLiteral("T"), QStringLiteral("A")});
    QVERIFY(!created.ok());
    QVERIFY2(created.error().contains(QLatin1String("is not empty")), qPrintable(created.error()));
    QVERIFY2(created.error().contains(tmp.path()), qPrintable(created.error()));
    // Untouched: the one file, with its bytes.
    QCOMPARE(folio::tests::filesUnder(tmp.path()), QStringList{existing});
    QCOMPARE(readFile(tmp.filePath(existing)), QByteArray("mine\n"));
}

void ScaffoldTest::refusesFile()
{
    QTemporaryDir tmp;
    writeFile(tmp.path(), QStringLiteral("site"), "x");
    const auto created = scaffold::createSite(tmp.filePath(QStringLiteral("site")), {});
    QVERIFY(!created.ok());
    QVERIFY2(created.error().contains(QLatin1String("is a file")), qPrintable(created.error()));
    QCOMPARE(readFile(tmp.filePath(QStringLiteral("site"))), QByteArray("x"));
    QVERIFY(!scaffold::createSite(QString(), {}).ok());
}

QTEST_GUILESS_MAIN(ScaffoldTest)
#include "tst_scaffold.moc"
