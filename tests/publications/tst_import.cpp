// Import of BibTeX, RIS and academicpages' publications.tsv into a site's
// _publications: the TSV reader, file names, YAML that reads back, the
// plan (create / merge / skip) and its application, and folio-cli
// import-bib on the seed site (its two broken items are the two papers of
// the user's .bib) and on Folio's starter site.
#include "importtestutil.h"

#include "site/publications/citation.h"
#include "site/publications/import.h"
#include "site/publications/tsv.h"
#include "site/scaffold/scaffold.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/yaml.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace folio::site;
using namespace folio::site::publications;
using namespace importtest;

namespace {

liquid::Hash frontMatterOf(const std::string &text)
{
    const yaml::FrontMatterSplit parts = yaml::split(text);
    auto loaded = yaml::load(parts.yaml);
    if (!loaded)
        qWarning("front matter does not load: %s", why(loaded).constData());
    return loaded ? loaded->hash() : liquid::Hash{};
}

ImportRecord record(std::string title, int year, std::string doi = {}, std::string key = {})
{
    ImportRecord r;
    r.title = std::move(title);
    r.year = year;
    r.doi = std::move(doi);
    r.key = std::move(key);
    r.type = "article";
    r.venue = "Journal of Tests";
    r.authors = {"Ada Lovelace", "Charles Babbage"};
    r.file = QStringLiteral("refs.bib");
    r.line = 1;
    r.csl = QJsonObject{{QStringLiteral("id"), QString::fromStdString(r.key)}};
    if (!r.key.empty())
        r.bibtex = "@article{" + r.key + ",\n  title = {" + r.title + "},\n}";
    return r;
}

// Citations without citeproc: the plan's logic is what is tested here.
std::vector<std::string> fakeCitations(const std::vector<const ImportRecord *> &records)
{
    std::vector<std::string> out;
    for (const ImportRecord *r : records)
        out.push_back("CITE " + r->title);
    return out;
}

Publication existingItem(const QString &siteDir, const std::string &relativePath, const std::string &text)
{
    writeFile(QDir(siteDir).filePath(QString::fromStdString(relativePath)), QByteArray::fromStdString(text));
    return readPublication(QDir(siteDir).filePath(QString::fromStdString(relativePath)), relativePath, text);
}

QStringList linesOf(const QByteArray &text) { return QString::fromUtf8(text).split(QLatin1Char('\n')); }

QString pageText(const QString &html)
{
    QString t = html;
    t.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return t.simplified();
}

const char *kSeedTwo = "---\n---\ntitle: \"Fine-Grained Position Helps\"\ncollection: publications\n"
                       "venue: 'AAAI 2023'\npaperurl: 'https://example.org/p2'\n";

} // namespace

class TestImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tsvColumns();
    void tsvProblems();
    void slugs_data();
    void slugs();
    void categories();
    void yamlSafety_data();
    void yamlSafety();
    void planCreatesAndSkips();
    void planDuplicatesWithinInput();
    void nameClashes();
    void applyNeverOverwrites();
    void mergeChangesOnlyFilledLines();
    void mergeMovesKeysInBody();
    void bibEntries();
    void risAndTsvFiles();
    void seedSite();
    void seedSiteMerge();
    void starterSite();
    void brokenEntry();
    void dryRun();
    void citationsStandAlone();
};

void TestImport::tsvColumns()
{
    // Columns in another order than publications.py's, a quoted citation
    // with a tab, a line break and "" inside, CRLF, a BOM and pandas' "nan".
    const QByteArray tsv =
        "\xEF\xBB\xBFtitle\tpub_date\tvenue\texcerpt\tcitation\turl_slug\tpaper_url\tslides_url\r\n"
        "Paper Title Number 1\t2009-10-01\tJournal 1\tThis paper is about the number 1.\t"
        "\"Your Name, You. (2009). \"\"Paper Title Number 1.\"\"\t<i>Journal 1</i>.\r\n1(1).\"\t"
        "paper-title-number-1\thttp://academicpages.github.io/files/paper1.pdf\tnan\r\n"
        "\r\n"
        "Second\t12/14/17\tJournal 2\t\t\tsecond\t\t\r\n";
    const TsvTable table = parseTsv(tsv, QStringLiteral("publications.tsv"));
    QCOMPARE(table.header.front(), std::string("title"));
    QCOMPARE(table.rows.size(), std::size_t(2));
    QCOMPARE(table.rows[1].line, 5);
    const ImportInput input = recordsFromTsv(table, QStringLiteral("publications.tsv"));
    QVERIFY(input.diagnostics.empty());
    QCOMPARE(input.records.size(), std::size_t(2));
    const ImportRecord &first = input.records[0];
    QCOMPARE(first.title, std::string("Paper Title Number 1"));
    QCOMPARE(first.date(), std::string("2009-10-01"));
    QCOMPARE(first.venue, std::string("Journal 1"));
    QCOMPARE(first.citation, std::string("Your Name, You. (2009). \"Paper Title Number 1.\"\t<i>Journal 1</i>.\n1(1)."));
    QCOMPARE(first.slug, std::string("paper-title-number-1"));
    QCOMPARE(first.paperurl, std::string("http://academicpages.github.io/files/paper1.pdf"));
    QCOMPARE(first.slidesurl, std::string());
    QCOMPARE(itemName(first), std::string("2009-10-01-paper-title-number-1"));
    QCOMPARE(input.records[1].date(), std::string("2017-12-14"));
}

void TestImport::tsvProblems()
{
    const QByteArray tsv = "pub_date\ttitle\tvenue\n"
                           "2020-13-01\tBad month\tJ\n"
                           "2021-02-03\t\tJ\n"
                           "2022-03-04\tGood\tJ\textra\n"
                           "2023-01-01\t\"Unclosed\tJ\n";
    const TsvTable table = parseTsv(tsv, QStringLiteral("p.tsv"));
    const ImportInput input = recordsFromTsv(table, QStringLiteral("p.tsv"));
    QStringList messages;
    for (const Diagnostic &d : input.diagnostics)
        messages << d.format();
    const QString all = messages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("p.tsv:2: error: \"2020-13-01\" is not a date")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("p.tsv:3: error: this row has no title")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("p.tsv:4: warning: this row has 4 cells")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("p.tsv:5: error: a quoted cell is not closed")), qPrintable(all));
    QCOMPARE(input.records.front().title, std::string("Good"));
}

void TestImport::slugs_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("slug");
    // pubsFromBib.py's rule, on titles it handles the same way.
    QTest::newRow("plain") << "Paper Title Number 1" << "Paper-Title-Number-1";
    QTest::newRow("punctuation") << "Fine-Grained Position Helps Memorizing More, a Novel Model"
                                 << "Fine-Grained-Position-Helps-Memorizing-More-a-Novel-Model";
    QTest::newRow("brackets dropped") << "A study [extended version] of x" << "A-study-of-x";
    QTest::newRow("math") << "Bounds on $x^2$ -- sharp" << "Bounds-on-x2-sharp";
    // Folio folds accents where pubsFromBib drops the letter.
    QTest::newRow("accents") << QStringLiteral("Schrödinger’s cat: Ærø and Łódź") << "Schrodingers-cat-AEro-and-Lodz";
    QTest::newRow("no latin letters") << QStringLiteral("深度学习") << "";
}

void TestImport::slugs()
{
    QFETCH(QString, title);
    QFETCH(QString, slug);
    QCOMPARE(QString::fromStdString(slugFromTitle(title.toStdString())), slug);
    const std::string longTitle(300, 'a');
    QVERIFY(slugFromTitle(longTitle).size() <= 100);
}

void TestImport::categories()
{
    QCOMPARE(categoryFor("article", {}), std::string("manuscripts"));
    QCOMPARE(categoryFor("inproceedings", {}), std::string("conferences"));
    QCOMPARE(categoryFor("misc", {}), std::string());
    const std::vector<Category> site = {{"manuscripts", "Journal Articles"}, {"conferences", "Conference Papers"},
                                        {"books", "Books"}};
    QCOMPARE(categoryFor("incollection", site), std::string("books"));
    QCOMPARE(categoryFor("phdthesis", site), std::string("books"));
    // A type the site has no heading for goes under one it has, so its page lists it.
    QCOMPARE(categoryFor("misc", site), std::string("manuscripts"));
    QCOMPARE(categoryFor("misc", {{"preprints", "Preprints"}, {"manuscripts", "J"}}), std::string("preprints"));
}

void TestImport::yamlSafety_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes") << R"(A "quoted" 'word')";
    QTest::newRow("colon") << "Title: subtitle";
    QTest::newRow("backslash") << R"(C:\path \n not a newline)";
    QTest::newRow("hash") << "#1 in C# # comment?";
    QTest::newRow("leading dash") << "- not a list";
    QTest::newRow("leading at") << "@home";
    QTest::newRow("leading star") << "*alias";
    QTest::newRow("leading bang") << "!!str tag";
    QTest::newRow("leading percent") << "%YAML";
    QTest::newRow("math") << "Bounds on $x^2$ and {braces} [brackets]";
    QTest::newRow("unicode") << QStringLiteral("Schrödinger — 深度学习 🙂");
    QTest::newRow("yes") << "yes";
    QTest::newRow("number") << "2023";
    QTest::newRow("date-like") << "2023-01-01";
    QTest::newRow("null") << "~";
    QTest::newRow("html") << "<b>Chen, Y.</b> &amp; Li";
    QTest::newRow("trailing space") << "ends with space ";
}

void TestImport::yamlSafety()
{
    QFETCH(QString, text);
    const std::string s = text.toStdString();
    ImportRecord r = record(s, 2023);
    r.venue = s;
    r.citation = s;
    r.excerpt = s;
    r.authors = {s, "Plain Name"};
    r.doi = s;
    const std::string file = itemText(r, "/publication/2023-01-01-x");
    const liquid::Hash fm = frontMatterOf(file);
    QCOMPARE(QString::fromStdString(fm.value("title").toString()), text);
    QVERIFY(fm.value("title").isString());
    QCOMPARE(QString::fromStdString(fm.value("venue").toString()), text);
    QCOMPARE(QString::fromStdString(fm.value("citation").toString()), text);
    QCOMPARE(QString::fromStdString(fm.value("excerpt").toString()), text);
    QCOMPARE(QString::fromStdString(fm.value("doi").toString()), text);
    QVERIFY(fm.value("citation").isString());
    QCOMPARE(QString::fromStdString(fm.value("authors").array().at(0).toString()), text);
    QCOMPARE(fm.value("collection").toString(), std::string("publications"));
    QCOMPARE(fm.value("date").type(), liquid::Value::Type::Time);
    // The record as the site reads it.
    const Publication p = readPublication(QStringLiteral("/x/_publications/a.md"), "_publications/a.md", file);
    QCOMPARE(QString::fromStdString(p.title), text);
    QCOMPARE(QString::fromStdString(p.venue), text);
    QCOMPARE(p.year, 2023);
}

void TestImport::planCreatesAndSkips()
{
    QTemporaryDir dir;
    const QString site = dir.path();
    Publications existing;
    existing.items.push_back(existingItem(site, "_publications/2020-01-01-known.md",
                                          "---\ntitle: \"Known Paper\"\ndate: 2020-01-01\ndoi: \"10.1/KNOWN\"\n"
                                          "venue: \"J\"\n---\n"));
    existing.items.push_back(existingItem(site, "_publications/2010-10-01-paper-title-number-2.md",
                                          std::string(kSeedTwo)));
    QVERIFY(existing.items.back().keysInBody);
    const auto before = snapshot(site);

    ImportOptions options;
    options.siteDir = site;
    options.citations = fakeCitations;
    const std::vector<ImportRecord> records = {
        record("Something else entirely", 2021, "https://doi.org/10.1/known"),   // same DOI
        record("KNOWN paper.", 2020),                                              // same title and year
        record("Known Paper", 2019),                                               // same title, other year: new
        record("Fine-grained position helps", 2023),                               // the keys-in-body item
        record("A New Paper", 2024, {}, "new2024"),
    };
    const ImportPlan plan = planImport(existing, records, options);
    QCOMPARE(snapshot(site), before);   // planning writes nothing
    QCOMPARE(plan.count(ImportAction::Skip), 3);
    QCOMPARE(plan.count(ImportAction::Create), 2);
    QVERIFY(plan.items[0].reason.contains(QLatin1String("same DOI as _publications/2020-01-01-known.md")));
    QVERIFY(plan.items[1].reason.contains(QLatin1String("same title and year")));
    QCOMPARE(plan.items[2].action, ImportAction::Create);
    QVERIFY2(plan.items[3].reason.contains(QLatin1String("same title as _publications/2010-10-01-paper-title-number-2.md")),
             qPrintable(plan.items[3].reason));
    QVERIFY(plan.items[3].reason.contains(QLatin1String("--merge")));

    const PlannedItem &created = plan.items[4];
    QCOMPARE(created.relativePath, std::string("_publications/2024-01-01-A-New-Paper.md"));
    QCOMPARE(created.files.size(), std::size_t(2));
    QCOMPARE(created.files[1].relativePath, std::string("files/new2024.bib"));
    const liquid::Hash fm = frontMatterOf(created.files[0].text);
    QCOMPARE(fm.value("permalink").toString(), std::string("/publication/2024-01-01-A-New-Paper"));
    QCOMPARE(fm.value("bibtexurl").toString(), std::string("/files/new2024.bib"));
    QCOMPARE(fm.value("citation").toString(), std::string("CITE A New Paper"));
    QCOMPARE(fm.value("category").toString(), std::string("manuscripts"));
    QCOMPARE(fm.value("venue").toString(), std::string("Journal of Tests"));

    auto applied = applyImport(plan, site);
    QVERIFY2(applied, why(applied).constData());
    QCOMPARE(applied->created, 2);
    QCOMPARE(applied->skipped, 3);
    QCOMPARE(readAll(site + "/files/new2024.bib"), QByteArray("@article{new2024,\n  title = {A New Paper},\n}\n"));
    QCOMPARE(readAll(site + "/_publications/2024-01-01-A-New-Paper.md"), QByteArray::fromStdString(created.files[0].text));
    // The existing items are untouched.
    QCOMPARE(readAll(site + "/_publications/2010-10-01-paper-title-number-2.md"), QByteArray(kSeedTwo));
}

void TestImport::planDuplicatesWithinInput()
{
    QTemporaryDir dir;
    ImportOptions options;
    options.siteDir = dir.path();
    options.citations = fakeCitations;
    const ImportPlan plan = planImport({}, {record("One", 2020, "10.5/a"), record("Two", 2021, "10.5/A"),
                                            record("Three", 2022, {}, "k3"), record("three!", 2022)},
                                       options);
    QCOMPARE(plan.count(ImportAction::Create), 2);
    QVERIFY(plan.items[1].reason.contains(QLatin1String("same DOI as refs.bib:1")));
    QVERIFY(plan.items[3].reason.contains(QLatin1String("same title and year")));
}

void TestImport::nameClashes()
{
    QTemporaryDir dir;
    const QString site = dir.path();
    writeFile(site + "/_publications/2024-01-01-Clash.md", "not an item of the site's list\n");
    writeFile(site + "/files/k1.bib", "@article{k1, title = {Something else}}\n");
    // The same entry already saved: reused, not copied.
    writeFile(site + "/files/k2.bib", "@article{k2,\n  title = {Clash},\n}\n");
    ImportOptions options;
    options.siteDir = site;
    options.citations = fakeCitations;
    ImportRecord a = record("Clash", 2024, {}, "k1");
    ImportRecord b = record("Clash", 2024, {}, "k2");
    b.title = "Clash";
    b.doi = "10.9/other";
    a.doi = "10.9/one";
    b.paperurl = "https://x.org/b";
    // Same title and year within the input is a duplicate; make the second another paper.
    b.year = 2024;
    b.month = 1;
    const ImportPlan first = planImport({}, {a}, options);
    QCOMPARE(first.items[0].relativePath, std::string("_publications/2024-01-01-Clash-2.md"));
    QCOMPARE(first.items[0].files[1].relativePath, std::string("files/k1-2.bib"));
    QVERIFY(QByteArray::fromStdString(first.items[0].files[0].text).contains("bibtexurl: \"/files/k1-2.bib\""));
    const ImportPlan second = planImport({}, {b}, options);
    QCOMPARE(second.items[0].files.size(), std::size_t(1));   // files/k2.bib is already there
    QVERIFY(QByteArray::fromStdString(second.items[0].files[0].text).contains("bibtexurl: \"/files/k2.bib\""));
    // With a baseurl the site prints raw (academicpages' href="{{ post.bibtexurl }}").
    options.baseurl = "/site";
    options.baseurlInLinks = true;
    QCOMPARE(bibtexUrl("k.bib", options), std::string("/site/files/k.bib"));
    writeFile(site + "/_includes/archive-single.html", "<a href=\"{{ post.bibtexurl }}\">Download Bibtex</a>");
    QVERIFY(templatesPrintBibtexUrlRaw(site));
    writeFile(site + "/_includes/archive-single.html", "<a href=\"{% include url.html url=pub.bibtexurl %}\">");
    QVERIFY(!templatesPrintBibtexUrlRaw(site));
}

void TestImport::applyNeverOverwrites()
{
    QTemporaryDir dir;
    const QString site = dir.path();
    ImportOptions options;
    options.siteDir = site;
    options.citations = fakeCitations;
    const ImportPlan plan = planImport({}, {record("Racing", 2020)}, options);
    // Between the plan and its application another program writes the file.
    writeFile(site + "/_publications/2020-01-01-Racing.md", "mine\n");
    auto applied = applyImport(plan, site);
    QVERIFY(!applied);
    QVERIFY(applied.error().contains(QLatin1String("_publications/2020-01-01-Racing.md changed")));
    QCOMPARE(readAll(site + "/_publications/2020-01-01-Racing.md"), QByteArray("mine\n"));
}

void TestImport::mergeChangesOnlyFilledLines()
{
    QTemporaryDir dir;
    const QString site = dir.path();
    const std::string text = "---\r\n# my comment\r\ntitle: 'Known Paper'   # keep\r\nvenue: \"\"\r\n"
                             "date: 2020-05-01\r\npaperurl: 'https://x.org/p'\r\n---\r\nBody *kept*.\r\n";
    Publications existing;
    existing.items.push_back(existingItem(site, "_publications/2020-05-01-known.md", text));
    ImportOptions options;
    options.siteDir = site;
    options.merge = true;
    options.citations = fakeCitations;
    ImportRecord r = record("Known paper", 2020, "10.1/k", "known2020");
    r.paperurl = "https://other.org/should-not-replace";
    const ImportPlan plan = planImport(existing, {r}, options);
    QCOMPARE(plan.count(ImportAction::Merge), 1);
    const PlannedItem &item = plan.items[0];
    QVERIFY(!item.movedKeys);
    QCOMPARE(item.filled, (std::vector<std::string>{"category", "venue", "bibtexurl", "citation", "authors", "doi"}));
    auto applied = applyImport(plan, site);
    QVERIFY2(applied, why(applied).constData());
    const QByteArray after = readAll(site + "/_publications/2020-05-01-known.md");
    const QStringList oldLines = linesOf(QByteArray::fromStdString(text));
    const QStringList newLines = linesOf(after);
    // Every old line is still there, in order, except the empty venue's.
    QStringList kept;
    for (const QString &l : newLines)
        if (oldLines.contains(l))
            kept << l;
    QStringList expectedKept = oldLines;
    expectedKept.removeAll(QStringLiteral("venue: \"\"\r"));
    QCOMPARE(kept, expectedKept);
    QVERIFY(after.contains("venue: \"Journal of Tests\"\r\n"));
    QVERIFY2(after.contains("citation: \"CITE Known paper\"\r\n"), after.constData());
    QVERIFY(after.contains("bibtexurl: \"/files/known2020.bib\"\r\n"));
    QVERIFY(after.contains("doi: \"10.1/k\"\r\n"));
    QVERIFY(after.contains("paperurl: 'https://x.org/p'\r\n"));   // not replaced
    QVERIFY(!after.contains("should-not-replace"));
    QVERIFY(QFile::exists(site + "/files/known2020.bib"));
    const liquid::Hash fm = frontMatterOf(after.toStdString());
    QCOMPARE(fm.value("title").toString(), std::string("Known Paper"));
    QCOMPARE(fm.value("authors").array().size(), std::size_t(2));
}

void TestImport::mergeMovesKeysInBody()
{
    QTemporaryDir dir;
    const QString site = dir.path();
    Publications existing;
    existing.items.push_back(existingItem(site, "_publications/2010-10-01-paper-title-number-2.md", kSeedTwo));
    ImportOptions options;
    options.siteDir = site;
    options.merge = true;
    options.citations = fakeCitations;
    ImportRecord r = record("Fine-Grained Position Helps", 2023, {}, "li2023");
    r.venue = "Proceedings of the AAAI Conference";
    const ImportPlan plan = planImport(existing, {r}, options);
    QCOMPARE(plan.count(ImportAction::Merge), 1);
    QVERIFY(plan.items[0].movedKeys);
    QVERIFY(applyImport(plan, site));
    const QByteArray after = readAll(site + "/_publications/2010-10-01-paper-title-number-2.md");
    const liquid::Hash fm = frontMatterOf(after.toStdString());
    QCOMPARE(fm.value("title").toString(), std::string("Fine-Grained Position Helps"));
    QCOMPARE(fm.value("venue").toString(), std::string("AAAI 2023"));   // its own venue is kept
    QCOMPARE(fm.value("citation").toString(), std::string("CITE Fine-Grained Position Helps"));
    QVERIFY(!fm.contains("date"));   // the file name's date stands
    QVERIFY(after.startsWith("---\ntitle: \"Fine-Grained Position Helps\"\ncollection: publications\n"
                             "venue: 'AAAI 2023'\npaperurl: 'https://example.org/p2'\n"));
}

void TestImport::bibEntries()
{
    const QByteArray bib = "@article{k1,\n  title = {The {DNA} of Schr{\\\"o}dinger's $x^2$},\n"
                           "  author = {M{\\\"u}ller, Hans and Li, Wei},\n  journal = {Nature},\n"
                           "  year = 2021, month = aug, doi = {10.1038/ABC},\n"
                           "  abstract = {We show that things hold. Then more follows here.}\n}\n";
    bib::ReadOptions ro;
    ro.fileName = QStringLiteral("refs.bib");
    const ImportInput input = recordsFromDatabase(bib::parse(bib, ro));
    QCOMPARE(input.records.size(), std::size_t(1));
    const ImportRecord &r = input.records.front();
    QCOMPARE(QString::fromStdString(r.title), QStringLiteral("The DNA of Schrödinger's $x^2$"));
    QCOMPARE(r.authors.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(r.authors[0]), QStringLiteral("Hans Müller"));
    QCOMPARE(r.venue, std::string("Nature"));
    QCOMPARE(r.date(), std::string("2021-08-01"));
    QCOMPARE(r.doi, std::string("10.1038/abc"));
    QCOMPARE(r.paperurl, std::string("https://doi.org/10.1038/abc"));
    QCOMPARE(r.excerpt, std::string("We show that things hold. Then more follows here."));
    QVERIFY(r.bibtex.rfind("@article{k1,", 0) == 0);
}

void TestImport::risAndTsvFiles()
{
    QTemporaryDir dir;
    const QString ris = dir.path() + "/scopus.ris";
    writeFile(ris, "TY  - JOUR\r\nAU  - Chen, Yineng\r\nAU  - Li, Zuchao\r\nTI  - A RIS Paper\r\n"
                   "JO  - Journal of RIS\r\nPY  - 2021\r\nDO  - 10.1234/RIS.1\r\nER  - \r\n");
    auto input = readImportFile(ris);
    QVERIFY2(input, why(input).constData());
    QCOMPARE(input->records.size(), std::size_t(1));
    QCOMPARE(input->records[0].title, std::string("A RIS Paper"));
    QCOMPARE(input->records[0].venue, std::string("Journal of RIS"));
    QCOMPARE(input->records[0].year, 2021);
    QCOMPARE(input->records[0].doi, std::string("10.1234/ris.1"));
    QCOMPARE(input->records[0].authors, (std::vector<std::string>{"Yineng Chen", "Zuchao Li"}));
    QVERIFY(!input->records[0].bibtex.empty());
    QVERIFY(!readImportFile(dir.path() + "/refs.docx"));

    // academicpages' publications.tsv through folio-cli: its citation and url_slug as written.
    const QString site = dir.path() + "/site";
    QVERIFY(scaffold::createSite(site));
    const QString tsv = dir.path() + "/publications.tsv";
    writeFile(tsv, "pub_date\ttitle\tvenue\texcerpt\tcitation\turl_slug\tpaper_url\n"
                   "2015-10-01\tPaper Title Number 3\tJournal 1\tThis paper is about the number 3.\t"
                   "Your Name. (2015). \"Paper Title Number 3.\" <i>Journal 1</i>. 1(3).\tpaper-title-number-3\t"
                   "http://academicpages.github.io/files/paper3.pdf\n");
    const CliRun run = runCli({QStringLiteral("import-bib"), site, tsv});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QLatin1String("created  _publications/2015-10-01-paper-title-number-3.md")));
    const liquid::Hash fm = frontMatterOf(readAll(site + "/_publications/2015-10-01-paper-title-number-3.md").toStdString());
    QCOMPARE(fm.value("citation").toString(), std::string("Your Name. (2015). \"Paper Title Number 3.\" <i>Journal 1</i>. 1(3)."));
    QCOMPARE(fm.value("permalink").toString(), std::string("/publication/2015-10-01-paper-title-number-3/"));
    QCOMPARE(fm.value("excerpt").toString(), std::string("This paper is about the number 3."));
    QCOMPARE(fm.value("paperurl").toString(), std::string("http://academicpages.github.io/files/paper3.pdf"));
}

void TestImport::seedSite()
{
    if (!QFile::exists(sharedFixture("seed-site/_config.yml")))
        QSKIP("needs ../shared/fixtures (the seed site)");
    QTemporaryDir dir;
    QVERIFY(copyTree(sharedFixture("seed-site"), dir.path()));
    const auto before = snapshot(dir.path());
    const CliRun run = runCli({QStringLiteral("import-bib"), dir.path(), sharedFixture("bib/publications.bib")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QLatin1String("0 created, 0 merged, 2 skipped")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("chen2023bidirectional (line 1): same paper URL as "
                                           "_publications/2009-10-01-paper-title-number-1.md")));
    QVERIFY(run.out.contains(QLatin1String("_publications/2010-10-01-paper-title-number-2.md")));
    QCOMPARE(snapshot(dir.path()), before);
}

void TestImport::seedSiteMerge()
{
    if (!QFile::exists(sharedFixture("seed-site/_config.yml")))
        QSKIP("needs ../shared/fixtures (the seed site)");
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    QVERIFY(copyTree(sharedFixture("seed-site"), site));
    const QString html0 = pageText(QString::fromUtf8(
        readAll((runCli({QStringLiteral("build"), site, QStringLiteral("-d"), dir.path() + "/out0", QStringLiteral("-q")}),
                 dir.path() + "/out0/publications/index.html"))));
    QVERIFY2(html0.contains(QLatin1String("Published in , 2010")), qPrintable(html0.left(2000)));

    const CliRun run = runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib"),
                               QStringLiteral("--merge")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QLatin1String("0 created, 2 merged, 0 skipped")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("moved the keys below its front matter into it")));
    QCOMPARE(QDir(site + "/_publications").entryList(QDir::Files).size(), 2);
    QVERIFY(QFile::exists(site + "/files/chen2023bidirectional.bib"));

    const CliRun build = runCli({QStringLiteral("build"), site, QStringLiteral("-d"), dir.path() + "/out",
                                 QStringLiteral("-q")});
    QVERIFY2(build.exitCode == 0, qPrintable(build.err));
    const QString html = pageText(QString::fromUtf8(readAll(dir.path() + "/out/publications/index.html")));
    QVERIFY2(html.contains(QLatin1String("Published in AAAI 2023, 2010")), qPrintable(html.left(3000)));
    QVERIFY(!html.contains(QLatin1String("Published in , 2010")));
    // The first paper's venue held its author list: the BibTeX's booktitle
    // replaces it, the names are its authors now.
    QVERIFY2(html.contains(QLatin1String("Published in Proceedings of the 40th International Conference on Machine Learning, 2009")),
             qPrintable(html.left(3000)));
    QVERIFY(!html.contains(QLatin1String("Published in Yineng Chen")));
    QVERIFY(html.contains(QLatin1String("Bidirectional Looking with A Novel Double Exponential Moving Average")));
    QVERIFY(html.contains(QLatin1String("Fine-Grained Position Helps Memorizing More")));
    QVERIFY(html.contains(QLatin1String("Recommended citation:")));

    // Merging again finds nothing left to fill.
    const CliRun again = runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib"),
                                 QStringLiteral("--merge")});
    QVERIFY2(again.out.contains(QLatin1String("0 created, 0 merged, 2 skipped")), qPrintable(again.out));
}

void TestImport::starterSite()
{
    if (!QFile::exists(sharedFixture("bib/publications.bib")))
        QSKIP("needs ../shared/fixtures/bib");
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    auto created = scaffold::createSite(site);
    QVERIFY2(created, why(created).constData());
    const CliRun run = runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QLatin1String("2 created, 0 merged, 0 skipped")), qPrintable(run.out));
    const Publications pubs = loadPublications(site);
    int found = 0;
    for (const Publication &p : pubs.items) {
        if (p.title.rfind("Bidirectional Looking", 0) == 0) {
            ++found;
            QCOMPARE(p.venue, std::string("Proceedings of the 40th International Conference on Machine Learning"));
            QCOMPARE(p.year, 2023);
            QCOMPARE(p.category, std::string("conferences"));
            QCOMPARE(p.authors.size(), std::size_t(5));
            QCOMPARE(p.bibtexurl, std::string("/files/chen2023bidirectional.bib"));
            QVERIFY(p.citation.find("Bidirectional") != std::string::npos);
            QVERIFY(p.permalink.back() == '/');   // as the starter's items have it
        } else if (p.title.rfind("Fine-Grained Position", 0) == 0) {
            ++found;
            QCOMPARE(p.venue, std::string("Proceedings of the AAAI Conference on Artificial Intelligence"));
            QCOMPARE(p.year, 2023);
        }
    }
    QCOMPARE(found, 2);
    QVERIFY(readAll(site + "/files/li2023finegrained.bib").startsWith("@inproceedings{li2023finegrained,"));
    // And a second import finds them.
    const CliRun again = runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib")});
    QVERIFY2(again.out.contains(QLatin1String("0 created, 0 merged, 2 skipped")), qPrintable(again.out));
    const CliRun build = runCli({QStringLiteral("build"), site, QStringLiteral("-d"), dir.path() + "/out",
                                 QStringLiteral("-q")});
    QVERIFY2(build.exitCode == 0, qPrintable(build.err));
}

void TestImport::brokenEntry()
{
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    QVERIFY(scaffold::createSite(site));
    const QString bibPath = dir.path() + "/broken.bib";
    writeFile(bibPath, "@article{good1,\n  title = {First Good},\n  journal = {J},\n  year = 2020\n}\n\n"
                       "@article{bad,\n  title = {Broken\n  year = 2021\n\n"
                       "@article{good2,\n  title = {Second Good},\n  journal = {J},\n  year = 2022\n}\n");
    const CliRun run = runCli({QStringLiteral("import-bib"), site, bibPath});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("broken\\.bib:\\d+(:\\d+)?: error: "))), qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("2 created")), qPrintable(run.out + run.err));
    QVERIFY(QFile::exists(site + "/_publications/2020-01-01-First-Good.md"));
    QVERIFY(QFile::exists(site + "/_publications/2022-01-01-Second-Good.md"));
}

void TestImport::dryRun()
{
    if (!QFile::exists(sharedFixture("bib/publications.bib")))
        QSKIP("needs ../shared/fixtures/bib");
    QTemporaryDir dir;
    const QString site = dir.path() + "/site";
    QVERIFY(scaffold::createSite(site));
    const auto before = snapshot(site);
    const CliRun run = runCli({QStringLiteral("import-bib"), site, sharedFixture("bib/publications.bib"),
                               QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("2 created, 0 merged, 0 skipped (dry run: nothing was written)")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("created  _publications/2023-01-01-Bidirectional-Looking")));
    QCOMPARE(snapshot(site), before);
}

// Each stored citation is its paper's alone: two papers of the same authors
// and year imported together are not told apart as 2023a and 2023b, as one
// bibliography would, since each page shows only its own.
void TestImport::citationsStandAlone()
{
    auto item = [](const char *id, const char *title) {
        QJsonObject author{{QStringLiteral("family"), QStringLiteral("Chen")},
                           {QStringLiteral("given"), QStringLiteral("Yineng")}};
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("type"), QStringLiteral("article-journal")},
                           {QStringLiteral("title"), QLatin1String(title)},
                           {QStringLiteral("author"), QJsonArray{author}},
                           {QStringLiteral("issued"), QJsonObject{{QStringLiteral("date-parts"),
                                                                   QJsonArray{QJsonArray{2023}}}}}};
    };
    Settings settings;
    settings.boldNames = {QStringLiteral("Yineng Chen")};
    const auto made = makeCitations({item("a", "First paper"), item("b", "Second paper")},
                                    citationOptions(settings, QString()));
    if (!made && made.error().contains(QLatin1String("citeproc-js is not part")))
        QSKIP("citeproc-js is not vendored (scripts/install-deps.sh)");
    QVERIFY2(made, made ? "" : qPrintable(made.error()));
    QCOMPARE(made->size(), std::size_t(2));
    for (const std::string &c : *made) {
        QVERIFY2(c.find("(2023)") != std::string::npos, c.c_str());
        QVERIFY2(c.find("2023a") == std::string::npos && c.find("2023b") == std::string::npos, c.c_str());
        QVERIFY2(c.find("<b>Chen, Y.</b>") != std::string::npos, c.c_str());
    }
    QVERIFY(made->at(0).find("First paper") != std::string::npos);
    QVERIFY(made->at(1).find("Second paper") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
