// Export of a site's publications as BibTeX: stored entries kept (and
// supplemented from the front matter), entries made from front matter with
// Google Scholar's keys, and the round trip: importing the export into the
// same site creates nothing.
#include "importtestutil.h"

#include "site/publications/export.h"
#include "site/publications/import.h"
#include "site/scaffold/scaffold.h"

using namespace folio::site;
using namespace folio::site::publications;
using namespace importtest;

namespace {

Publication item(std::string title, std::vector<std::string> authors, int year, std::string category = "manuscripts")
{
    Publication p;
    p.title = std::move(title);
    p.authors = std::move(authors);
    p.year = year;
    p.date = std::to_string(year) + "-03-01";
    p.sources["date"] = Source{"date", 3, false};
    p.category = std::move(category);
    p.venue = "Journal of Tests";
    p.relativePath = "_publications/x.md";
    return p;
}

bib::Database parsed(const std::string &text)
{
    return bib::parse(QByteArray::fromStdString(text));
}

} // namespace

class TestExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scholarKeys();
    void fromFrontMatter();
    void storedEntryKept();
    void storedEntrySupplemented();
    void starterRoundTrip();
    void seedRoundTrip();
    void outputNeverOverwritten();
};

void TestExport::scholarKeys()
{
    QCOMPARE(scholarKey(item("Bidirectional Looking with A Novel", {"Yineng Chen"}, 2023)),
             std::string("chen2023bidirectional"));
    QCOMPARE(scholarKey(item("The Art of Computer Programming", {"Knuth, Donald E."}, 1968)),
             std::string("knuth1968art"));
    QCOMPARE(QString::fromStdString(scholarKey(item(QStringLiteral("Über die Zahl").toStdString(),
                                                    {QStringLiteral("Jürgen Müller").toStdString()}, 1999))),
             QStringLiteral("muller1999uber"));
    QCOMPARE(scholarKey(item("On a Theorem", {}, 2001)), std::string("2001theorem"));
}

void TestExport::fromFrontMatter()
{
    Publications pubs;
    pubs.items = {item("Sharp & Fast: 100% of $x_1$ #1", {"Ada Lovelace", "Charles Babbage"}, 2020),
                  item("Sharp again", {"Ada Lovelace"}, 2020, "conferences"),
                  item("Sharp again", {"Ada Lovelace"}, 2020, "books")};
    pubs.items[0].doi = "10.1/x";
    pubs.items[0].paperurl = "https://doi.org/10.1/x";
    pubs.items[1].paperurl = "https://example.org/p.pdf";
    ExportReport report;
    const std::string out = exportBibtex(pubs, {}, &report);
    QCOMPARE(report.fromFrontMatter, 3);
    const bib::Database db = parsed(out);
    QVERIFY(db.diagnostics.empty());
    QCOMPARE(db.entries.size(), std::size_t(3));
    QCOMPARE(db.entries[0].type, std::string("article"));
    QCOMPARE(db.entries[0].key, std::string("lovelace2020sharp"));
    QCOMPARE(db.entries[0].value("title"), std::string("Sharp \\& Fast: 100\\% of $x_1$ \\#1"));
    QCOMPARE(db.entries[0].value("author"), std::string("Ada Lovelace and Charles Babbage"));
    QCOMPARE(db.entries[0].value("journal"), std::string("Journal of Tests"));
    QCOMPARE(db.entries[0].value("month"), std::string("3"));
    QCOMPARE(db.entries[0].value("doi"), std::string("10.1/x"));
    QVERIFY(!db.entries[0].has("url"));   // the DOI says it
    QCOMPARE(db.entries[1].type, std::string("inproceedings"));
    QCOMPARE(db.entries[1].key, std::string("lovelace2020sharpb"));
    QCOMPARE(db.entries[1].value("booktitle"), std::string("Journal of Tests"));
    QCOMPARE(db.entries[1].value("url"), std::string("https://example.org/p.pdf"));
    QCOMPARE(db.entries[2].key, std::string("lovelace2020sharpc"));
    QCOMPARE(db.entries[2].type, std::string("book"));
}

void TestExport::storedEntryKept()
{
    QTemporaryDir dir;
    const std::string stored = "@Article{Mine:2020,\n  title  = {Known},\n  author = {Lovelace, Ada},\n"
                               "  journal = {J}, year = 2020, month = mar,\n  note = {kept as written}\n}";
    writeFile(dir.path() + "/files/mine.bib", QByteArray::fromStdString(stored + "\n"));
    Publications pubs;
    pubs.items = {item("Known", {"Ada Lovelace"}, 2020)};
    pubs.items[0].bibtexurl = "https://me.github.io/blog/files/mine.bib";
    ExportOptions options{dir.path(), "https://me.github.io", "/blog"};
    QCOMPARE(siteFileOfUrl(pubs.items[0].bibtexurl, options), std::string("files/mine.bib"));
    QCOMPARE(siteFileOfUrl("https://elsewhere.org/files/mine.bib", options), std::string());
    ExportReport report;
    const std::string out = exportBibtex(pubs, options, &report);
    QCOMPARE(report.fromStored, 1);
    QCOMPARE(out, stored + "\n");   // every byte of the stored entry
}

void TestExport::storedEntrySupplemented()
{
    QTemporaryDir dir;
    writeFile(dir.path() + "/files/k.bib", "@inproceedings{k,\n  title = {Known},\n  year = {2020}\n}\n");
    Publications pubs;
    pubs.items = {item("Known", {"Ada Lovelace"}, 2020, "conferences"), item("Other", {"Ada Lovelace"}, 2021)};
    pubs.items[0].bibtexurl = "/files/k.bib";
    pubs.items[0].doi = "10.5/k";
    // The second item's key would be Scholar's; the stored key wins the name.
    const std::string out = exportBibtex(pubs, {dir.path(), {}, {}});
    const bib::Database db = parsed(out);
    QCOMPARE(db.entries.size(), std::size_t(2));
    QCOMPARE(db.entries[0].key, std::string("k"));
    QCOMPARE(db.entries[0].value("booktitle"), std::string("Journal of Tests"));
    QCOMPARE(db.entries[0].value("author"), std::string("Ada Lovelace"));
    QCOMPARE(db.entries[0].value("doi"), std::string("10.5/k"));
    QCOMPARE(db.entries[0].value("year"), std::string("2020"));
    QCOMPARE(db.entries[1].key, std::string("lovelace2021other"));
}

void TestExport::starterRoundTrip()
{
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    QVERIFY(scaffold::createSite(site));
    if (QFile::exists(sharedFixture("bib/publications.bib")))
        QCOMPARE(runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib")}).exitCode, 0);
    const QString exported = dir.path() + "/export.bib";
    const CliRun run = runCli({QStringLiteral("export-bib"), site, QStringLiteral("-o"), exported});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const bib::Database db = parsed(readAll(exported).toStdString());
    QVERIFY(db.diagnostics.empty());
    const Publications pubs = loadPublications(site);
    QCOMPARE(db.entries.size(), pubs.items.size());
    QVERIFY(db.find("sharp-bounds2024"));   // the starter's stored key
    // Its paperurl is a DOI link: the entry gets the DOI.
    QCOMPARE(db.find("sharp-bounds2024")->value("doi"), std::string("10.0000/example.2024.001"));
    QCOMPARE(db.find("sharp-bounds2024")->value("journal"), std::string("Journal of Example Studies"));

    const auto before = snapshot(site);
    const CliRun again = runCli({QStringLiteral("import-bib"), site, exported});
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    QVERIFY2(again.out.contains(QStringLiteral("0 created, 0 merged, %1 skipped").arg(pubs.items.size())),
             qPrintable(again.out));
    QCOMPARE(snapshot(site), before);
}

void TestExport::seedRoundTrip()
{
    if (!QFile::exists(sharedFixture("seed-site/_config.yml")))
        QSKIP("needs ../shared/fixtures (the seed site)");
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    QVERIFY(copyTree(sharedFixture("seed-site"), site));
    // As the seed is (keys below the front matter), then merged.
    for (const bool merged : {false, true}) {
        if (merged)
            QCOMPARE(runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib"),
                             QStringLiteral("--merge")}).exitCode, 0);
        const QString exported = dir.path() + (merged ? "/merged.bib" : "/seed.bib");
        QCOMPARE(runCli({QStringLiteral("export-bib"), site, QStringLiteral("-o"), exported}).exitCode, 0);
        const bib::Database db = parsed(readAll(exported).toStdString());
        QCOMPARE(db.entries.size(), std::size_t(2));
        if (merged) {
            QVERIFY(db.find("chen2023bidirectional"));
            QCOMPARE(db.find("chen2023bidirectional")->value("year"), std::string("2023"));
            QVERIFY(!db.find("chen2023bidirectional")->has("month"));   // not the file name's placeholder
        }
        const auto before = snapshot(site);
        const CliRun again = runCli({QStringLiteral("import-bib"), site, exported});
        QVERIFY2(again.out.contains(QLatin1String("0 created")), qPrintable(again.out));
        QCOMPARE(snapshot(site), before);
    }
}

void TestExport::outputNeverOverwritten()
{
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    QVERIFY(scaffold::createSite(site));
    const QString mine = dir.path() + "/mine.bib";
    writeFile(mine, "my own bibliography\n");
    const CliRun run = runCli({QStringLiteral("export-bib"), site, QStringLiteral("-o"), mine});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QLatin1String("the file exists")));
    QCOMPARE(readAll(mine), QByteArray("my own bibliography\n"));
    // To standard output.
    const CliRun out = runCli({QStringLiteral("export-bib"), site});
    QCOMPARE(out.exitCode, 0);
    QVERIFY(out.out.contains(QLatin1String("@article{sharp-bounds2024,")));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
