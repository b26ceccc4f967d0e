// Sass through libsass with jekyll-sass-converter 2.2's options. The expected
// CSS in tests/sass/data was produced by Ruby's sassc gem and by `jekyll build`.
#include "site/sass/sass.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <thread>
#include <vector>

using namespace folio::site;

namespace {

QString dataDir() { return QStringLiteral(FOLIO_SOURCE_DIR "/tests/sass/data/"); }

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

sass::Options fixtureOptions(sass::Style style)
{
    sass::Options options;
    options.style = style;
    // Jekyll's order: user load_paths, then sass_dir.
    options.loadPaths = {dataDir() + "site/vendor", dataDir() + "site/_sass"};
    options.inputPath = dataDir() + "site/assets/css/main.scss";
    return options;
}

std::string fixtureSource() { return readFile(dataDir() + "site/assets/css/main.scss").toStdString(); }

// Jekyll hands the converter the file minus its front matter.
std::string withoutFrontMatter(const QByteArray &text)
{
    const qsizetype close = text.indexOf("\n---", 3);
    const qsizetype bodyStart = text.indexOf('\n', close + 1) + 1;
    return text.mid(bodyStart).toStdString();
}

} // namespace

class TestSass final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void styles_data();
    void styles();
    void defaultStyleIsCompact();
    void styleFromName_data();
    void styleFromName();
    void includedFilesAreReported();
    void jekyllLoadPaths();
    void jekyllWritesSourceMap_data();
    void jekyllWritesSourceMap();
    void emptySource();
    void indentedSyntax();
    void syntaxErrorNamesFileLineColumn();
    void errorInImportedFile();
    void missingImportSaysWhereToPutIt();
    void sourceMapOnlyWhenAsked();
    void concurrentCompiles();
    void seedSiteMatchesJekyll();
};

void TestSass::styles_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("expectedFile");
    QTest::newRow("nested") << int(sass::Style::Nested) << "main-nested.css";
    QTest::newRow("expanded") << int(sass::Style::Expanded) << "main-expanded.css";
    QTest::newRow("compact") << int(sass::Style::Compact) << "main-compact.css";
    QTest::newRow("compressed") << int(sass::Style::Compressed) << "main-compressed.css";
}

void TestSass::styles()
{
    QFETCH(int, style);
    QFETCH(QString, expectedFile);
    auto css = sass::compile(fixtureSource(), fixtureOptions(sass::Style(style)));
    QVERIFY2(css, qPrintable(css.ok() ? QString() : css.error()));
    QCOMPARE(QByteArray::fromStdString(*css), readFile(dataDir() + expectedFile));
}

void TestSass::defaultStyleIsCompact()
{
    QCOMPARE(sass::Options().style, sass::Style::Compact);
    sass::Options options = fixtureOptions(sass::Style::Compact);
    options.style = sass::Options().style;
    auto css = sass::compile(fixtureSource(), options);
    QVERIFY(css);
    QCOMPARE(QByteArray::fromStdString(*css), readFile(dataDir() + "main-compact.css"));
}

void TestSass::styleFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("style");
    QTest::newRow("compressed") << "compressed" << int(sass::Style::Compressed);
    QTest::newRow("symbol") << ":expanded" << int(sass::Style::Expanded);
    QTest::newRow("nested") << "nested" << int(sass::Style::Nested);
    QTest::newRow("compact") << "compact" << int(sass::Style::Compact);
    QTest::newRow("unknown") << "pretty" << int(sass::Style::Compact);
    QTest::newRow("empty") << "" << int(sass::Style::Compact);
}

void TestSass::styleFromName()
{
    QFETCH(QString, name);
    QFETCH(int, style);
    QCOMPARE(int(sass::styleFromName(name.toStdString())), style);
}

void TestSass::includedFilesAreReported()
{
    auto out = sass::compileWithDetails(fixtureSource(), fixtureOptions(sass::Style::Compact));
    QVERIFY(out);
    QStringList names;
    for (const QString &f : out->includedFiles)
        names << QFileInfo(f).fileName();
    QVERIFY2(names.contains("_colors.scss"), qPrintable(names.join(',')));
    QVERIFY(names.contains("_mixins.scss"));
    QVERIFY(names.contains("_grid.scss"));
    QVERIFY(names.contains("_local.scss"));
    QVERIFY(out->sourceMap.empty());
}

void TestSass::jekyllLoadPaths()
{
    const QString site = dataDir() + "site";
    const QString root = QDir::cleanPath(site);
    QCOMPARE(sass::jekyllLoadPaths(site, QString()), QStringList{root + "/_sass"});
    QCOMPARE(sass::jekyllLoadPaths(site, "_sass", {"vendor", "missing", "_s*", "assets/*"}),
             (QStringList{root + "/vendor", root + "/_sass", root + "/assets/css"}));
    QCOMPARE(sass::jekyllLoadPaths(site, "nowhere"), QStringList());
    QCOMPARE(sass::jekyllLoadPaths(site, root + "/vendor"), QStringList{root + "/vendor"});
}

void TestSass::jekyllWritesSourceMap_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("env");
    QTest::addColumn<bool>("expected");
    QTest::newRow("default") << "" << "development" << true;
    QTest::newRow("always") << "always" << "production" << true;
    QTest::newRow("never") << "never" << "development" << false;
    QTest::newRow("symbol-never") << ":never" << "development" << false;
    QTest::newRow("development-in-dev") << "development" << "development" << true;
    QTest::newRow("development-in-prod") << "development" << "production" << false;
}

void TestSass::jekyllWritesSourceMap()
{
    QFETCH(QString, option);
    QFETCH(QString, env);
    QFETCH(bool, expected);
    QCOMPARE(sass::jekyllWritesSourceMap(option.toStdString(), env.toStdString()), expected);
}

void TestSass::emptySource()
{
    auto css = sass::compile("", fixtureOptions(sass::Style::Compact));
    QVERIFY(css);
    QCOMPARE(*css, std::string());
}

void TestSass::indentedSyntax()
{
    sass::Options options;
    options.indentedSyntax = true;
    options.style = sass::Style::Compressed;
    auto css = sass::compile("$c: #fff\nbody\n  color: $c\n  a\n    margin: 0\n", options);
    QVERIFY2(css, qPrintable(css.ok() ? QString() : css.error()));
    QCOMPARE(*css, std::string("body{color:#fff}body a{margin:0}\n"));
}

void TestSass::syntaxErrorNamesFileLineColumn()
{
    sass::Options options;
    options.inputPath = "/site/assets/css/main.scss";
    auto css = sass::compile("body {\n  color: red;\n  a { color: blue; \n", options);
    QVERIFY(!css);
    QVERIFY2(css.error().startsWith("/site/assets/css/main.scss:3:19: "), qPrintable(css.error()));
    QVERIFY2(css.error().endsWith("Invalid CSS after \"  a { color: blue;\": expected \"}\", was \"\""),
             qPrintable(css.error()));
}

void TestSass::errorInImportedFile()
{
    QTemporaryDir dir;
    QFile partial(dir.path() + "/_broken.scss");
    QVERIFY(partial.open(QIODevice::WriteOnly));
    partial.write("a {\n  color: $undefined-variable;\n}\n");
    partial.close();
    sass::Options options;
    options.loadPaths = {dir.path()};
    options.inputPath = "main.scss";
    auto css = sass::compile("@import \"broken\";\n", options);
    QVERIFY(!css);
    QVERIFY2(css.error().startsWith(dir.path() + "/_broken.scss:2:10: "), qPrintable(css.error()));
    QVERIFY2(css.error().contains("Undefined variable"), qPrintable(css.error()));
}

void TestSass::missingImportSaysWhereToPutIt()
{
    sass::Options options;
    options.inputPath = "main.scss";
    auto css = sass::compile("@import \"nowhere\";\n", options);
    QVERIFY(!css);
    QVERIFY2(css.error().startsWith("main.scss:1:1: "), qPrintable(css.error()));
    QVERIFY2(css.error().contains("sass_dir"), qPrintable(css.error()));
}

void TestSass::sourceMapOnlyWhenAsked()
{
    sass::Options options = fixtureOptions(sass::Style::Compressed);
    auto plain = sass::compileWithDetails(fixtureSource(), options);
    QVERIFY(plain);
    QVERIFY(plain->sourceMap.empty());
    QVERIFY(plain->css.find("sourceMappingURL") == std::string::npos);

    options.sourceMapFile = dataDir() + "site/_site/assets/css/main.css.map";
    options.outputPath = dataDir() + "site/_site/assets/css/main.css";
    auto mapped = sass::compileWithDetails(fixtureSource(), options);
    QVERIFY(mapped);
    QVERIFY(mapped->css.ends_with("\n\n/*# sourceMappingURL=main.css.map */"));
    QVERIFY(mapped->sourceMap.find("\"version\": 3") != std::string::npos);
    QVERIFY(mapped->sourceMap.find("_colors.scss") != std::string::npos);
    QVERIFY(mapped->sourceMap.find("sourcesContent") != std::string::npos);
}

void TestSass::concurrentCompiles()
{
    // The build may compile Sass on worker threads; compile() serializes libsass.
    const std::string source = fixtureSource();
    const std::string expected = readFile(dataDir() + "main-expanded.css").toStdString();
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] {
            for (int k = 0; k < 5; ++k) {
                auto css = sass::compile(source, fixtureOptions(sass::Style::Expanded));
                results[i] = css ? *css : std::string("error");
                if (results[i] != expected)
                    return;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    for (const std::string &r : results)
        QCOMPARE(r, expected);
}

void TestSass::seedSiteMatchesJekyll()
{
    const QString site = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QDir(site).exists())
        QSKIP("needs ../shared/fixtures/seed-site (the seed site is not part of the repository)");
    // _config.yml: sass: {sass_dir: _sass, style: compressed}; Jekyll's default sourcemap: always.
    sass::Options options;
    options.style = sass::Style::Compressed;
    options.loadPaths = {site + "/_sass"};
    options.inputPath = site + "/assets/css/main.scss";
    const std::string source = withoutFrontMatter(readFile(site + "/assets/css/main.scss"));
    const QByteArray jekyll = readFile(dataDir() + "seed-main.css");
    const QByteArray mapComment = "\n\n/*# sourceMappingURL=main.css.map */";
    QVERIFY(jekyll.endsWith(mapComment));

    auto css = sass::compile(source, options);
    QVERIFY2(css, qPrintable(css.ok() ? QString() : css.error()));
    QCOMPARE(QByteArray::fromStdString(*css) + mapComment.mid(1), jekyll);

    options.sourceMapFile = site + "/_site/assets/css/main.css.map";
    options.outputPath = site + "/_site/assets/css/main.css";
    auto withMap = sass::compileWithDetails(source, options);
    QVERIFY(withMap);
    QCOMPARE(QByteArray::fromStdString(withMap->css), jekyll);
}

QTEST_GUILESS_MAIN(TestSass)
#include "tst_sass.moc"
