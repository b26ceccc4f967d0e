// _publications items read as records, whatever academicpages template
// version wrote them: the 2016 template and publications.py, the 2019
// slides, the 2024 categories and BibTeX links, pubsFromBib.py's author and
// year, forks' TSV and BibTeX key names, keys below an empty front matter
// (the seed site's two papers), CRLF and a BOM.
#include "site/build/builder.h"
#include "site/model/config.h"
#include "site/publications/publication.h"

#include <QTemporaryDir>
#include <QTest>

#include "common/files.h"

using namespace folio::site;
using namespace folio::site::publications;

Q_DECLARE_METATYPE(std::string)

namespace {

QString joined(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &s : items)
        out << QString::fromStdString(s);
    return out.join(QLatin1Char('|'));
}

QString keyOf(const Publication &p, const char *field)
{
    const auto it = p.sources.find(field);
    return it == p.sources.end() ? QStringLiteral("-") : QString::fromStdString(it->second.key);
}

int lineOf(const Publication &p, const char *field)
{
    const auto it = p.sources.find(field);
    return it == p.sources.end() ? -1 : it->second.line;
}

// A column of the current data row, inline (QFETCH declares a variable).
template<typename T>
T expected(const char *column)
{
    return *static_cast<T *>(QTest::qData(column, qMetaTypeId<T>()));
}

} // namespace

class TestPublication final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templateEras_data();
    void templateEras();
    void keysBelowAnEmptyFrontMatter();
    void crlfAndBom();
    void keyWithoutValueYieldsToAnAlias();
    void bareYearDate();
    void normalizedTitles_data();
    void normalizedTitles();
    void settings();
    void siteItemsAndCategories();
    void seedSite();
};

void TestPublication::templateEras_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("authors");
    QTest::addColumn<QString>("venue");
    QTest::addColumn<QString>("date");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("paperurl");
    QTest::addColumn<QString>("paperKey");
    QTest::addColumn<QString>("slidesurl");
    QTest::addColumn<QString>("bibtexurl");
    QTest::addColumn<QString>("category");

    // academicpages 2016: the template's sample, as publications.py writes it.
    QTest::newRow("2016 template") << QStringLiteral("2009-10-01-paper-title-number-1.md")
                                   << std::string("---\n"
                                                  "title: \"Paper Title Number 1\"\n"
                                                  "collection: publications\n"
                                                  "permalink: /publication/2009-10-01-paper-title-number-1\n"
                                                  "excerpt: 'This paper is about the number 1. The number 2 is left for future work.'\n"
                                                  "date: 2009-10-01\n"
                                                  "venue: 'Journal 1'\n"
                                                  "paperurl: 'http://academicpages.github.io/files/paper1.pdf'\n"
                                                  "citation: 'Your Name, You. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1).'\n"
                                                  "---\n"
                                                  "This paper is about the number 1. The number 2 is left for future work.\n")
                                   << QStringLiteral("Paper Title Number 1") << QString() << QStringLiteral("Journal 1")
                                   << QStringLiteral("2009-10-01") << 2009
                                   << QStringLiteral("http://academicpages.github.io/files/paper1.pdf")
                                   << QStringLiteral("paperurl") << QString() << QString() << QString();
    // 2019: slides; the date from the file name only.
    QTest::newRow("2019 slides, file-name date")
        << QStringLiteral("2015-10-01-paper-title-number-3.md")
        << std::string("---\n"
                       "title: \"Paper Title Number 3\"\n"
                       "collection: publications\n"
                       "venue: 'Journal 1'\n"
                       "slidesurl: 'http://academicpages.github.io/files/slides3.pdf'\n"
                       "paperurl: 'http://academicpages.github.io/files/paper3.pdf'\n"
                       "---\n")
        << QStringLiteral("Paper Title Number 3") << QString() << QStringLiteral("Journal 1")
        << QStringLiteral("2015-10-01") << 2015 << QStringLiteral("http://academicpages.github.io/files/paper3.pdf")
        << QStringLiteral("paperurl") << QStringLiteral("http://academicpages.github.io/files/slides3.pdf") << QString()
        << QString();
    // 2024: categories, BibTeX links, commented-out values (nil), authors list.
    QTest::newRow("2024 template")
        << QStringLiteral("2024-02-17-paper-title-number-4.md")
        << std::string("---\n"
                       "title: \"Paper Title Number 4\"\n"
                       "collection: publications\n"
                       "category: conferences\n"
                       "permalink: /publication/2024-02-17-paper-title-number-4\n"
                       "excerpt: # 'This paper is about the number 4.'\n"
                       "date: 2024-02-17\n"
                       "venue: 'GitHub Journal of Bugs'\n"
                       "authors:\n"
                       "  - Ada Lovelace\n"
                       "  - Charles Babbage\n"
                       "slidesurl: #'http://academicpages.github.io/files/slides1.pdf'\n"
                       "paperurl: 'http://academicpages.github.io/files/paper4.pdf'\n"
                       "bibtexurl: 'http://academicpages.github.io/files/bibtex4.bib'\n"
                       "citation: 'Lovelace, A. (2024). &quot;Paper Title Number 4.&quot; <i>GitHub Journal of Bugs</i>.'\n"
                       "---\n")
        << QStringLiteral("Paper Title Number 4") << QStringLiteral("Ada Lovelace|Charles Babbage")
        << QStringLiteral("GitHub Journal of Bugs") << QStringLiteral("2024-02-17") << 2024
        << QStringLiteral("http://academicpages.github.io/files/paper4.pdf") << QStringLiteral("paperurl") << QString()
        << QStringLiteral("http://academicpages.github.io/files/bibtex4.bib") << QStringLiteral("conferences");
    // pubsFromBib.py: `author` as one string, `year`, venue from booktitle.
    QTest::newRow("pubsFromBib.py")
        << QStringLiteral("2019-06-01-Deep-Things.md")
        << std::string("---\n"
                       "title: \"Deep Things\"\n"
                       "collection: publications\n"
                       "permalink: /publication/2019-06-01-Deep-Things\n"
                       "date: 2019-06-01\n"
                       "year: 2019\n"
                       "author: ' Grace Hopper,  Alan Turing'\n"
                       "venue: 'Proceedings of the Example Conference'\n"
                       "paperurl: 'https://example.org/deep.pdf'\n"
                       "links: <a href=\"https://example.org/x.bib\" download target=\"_blank\">bib</a>\n"
                       "---\n")
        << QStringLiteral("Deep Things") << QStringLiteral("Grace Hopper|Alan Turing")
        << QStringLiteral("Proceedings of the Example Conference") << QStringLiteral("2019-06-01") << 2019
        << QStringLiteral("https://example.org/deep.pdf") << QStringLiteral("paperurl") << QString() << QString()
        << QString();
    // Forks that kept the TSV's column names as keys.
    QTest::newRow("TSV column names")
        << QStringLiteral("deep-paper.md")
        << std::string("---\n"
                       "title: 'Shallow Things'\n"
                       "pub_date: 2018-03-04\n"
                       "venue: 'Journal 2'\n"
                       "paper_url: 'https://example.org/shallow.pdf'\n"
                       "slides_url: 'https://example.org/shallow-slides.pdf'\n"
                       "bibtex_url: '/files/shallow.bib'\n"
                       "---\n")
        << QStringLiteral("Shallow Things") << QString() << QStringLiteral("Journal 2") << QStringLiteral("2018-03-04")
        << 2018 << QStringLiteral("https://example.org/shallow.pdf") << QStringLiteral("paper_url")
        << QStringLiteral("https://example.org/shallow-slides.pdf") << QStringLiteral("/files/shallow.bib") << QString();
    // BibTeX-minded forks: journal, pdf, doi, "A and B" authors.
    QTest::newRow("BibTeX key names")
        << QStringLiteral("2020-01-01-x.md")
        << std::string("---\n"
                       "title: \"{BERT} for {C}hinese\"\n"
                       "journal: \"Transactions of Examples\"\n"
                       "authors: \"Chen, Yineng and Li, Zuchao\"\n"
                       "pdf: /files/bert.pdf\n"
                       "doi: 10.1000/xyz123\n"
                       "date: \"May 2020\"\n"
                       "---\n")
        << QStringLiteral("{BERT} for {C}hinese") << QStringLiteral("Chen, Yineng|Li, Zuchao")
        << QStringLiteral("Transactions of Examples") << QStringLiteral("2020-05-01") << 2020
        << QStringLiteral("/files/bert.pdf") << QStringLiteral("pdf") << QString() << QString() << QString();
}

void TestPublication::templateEras()
{
    QFETCH(QString, file);
    QFETCH(std::string, text);
    const std::string relative = "_publications/" + file.toStdString();
    const Publication p = readPublication(QStringLiteral("/site/") + QString::fromStdString(relative), relative, text);
    QCOMPARE(QString::fromStdString(p.title), expected<QString>("title"));
    QCOMPARE(joined(p.authors), expected<QString>("authors"));
    QCOMPARE(QString::fromStdString(p.venue), expected<QString>("venue"));
    QCOMPARE(QString::fromStdString(p.date), expected<QString>("date"));
    QCOMPARE(p.year, expected<int>("year"));
    QCOMPARE(QString::fromStdString(p.paperurl), expected<QString>("paperurl"));
    QCOMPARE(keyOf(p, "paperurl"), expected<QString>("paperKey"));
    QCOMPARE(QString::fromStdString(p.slidesurl), expected<QString>("slidesurl"));
    QCOMPARE(QString::fromStdString(p.bibtexurl), expected<QString>("bibtexurl"));
    QCOMPARE(QString::fromStdString(p.category), expected<QString>("category"));
    QVERIFY(!p.keysInBody);
    QCOMPARE(p.relativePath, relative);
    // Where each field was read: the line of its key.
    const std::string beforeTitle = text.substr(0, text.find("title:"));
    const int titleLine = int(std::count(beforeTitle.begin(), beforeTitle.end(), '\n')) + 1;
    QCOMPARE(lineOf(p, "title"), titleLine);
    QVERIFY(!p.sources.at("title").inBody);
}

void TestPublication::keysBelowAnEmptyFrontMatter()
{
    const std::string text = "---\n"
                             "---\n"
                             "title: \"Fine-Grained Position Helps Memorizing More\"\n"
                             "collection: publications\n"
                             "venue: 'AAAI 2023'\n"
                             "paperurl: 'https://ojs.aaai.org/index.php/AAAI/article/view/25650'\n";
    const Publication p = readPublication(QStringLiteral("/s/_publications/2010-10-01-x.md"),
                                          "_publications/2010-10-01-x.md", text);
    QVERIFY(p.keysInBody);
    QCOMPARE(p.bodyKeysFirstLine, 3);
    QCOMPARE(p.bodyKeysLastLine, 6);
    QCOMPARE(p.title, std::string("Fine-Grained Position Helps Memorizing More"));
    QCOMPARE(p.venue, std::string("AAAI 2023"));
    QCOMPARE(p.paperurl, std::string("https://ojs.aaai.org/index.php/AAAI/article/view/25650"));
    QCOMPARE(p.date, std::string("2010-10-01"));   // the file name's
    QCOMPARE(lineOf(p, "venue"), 5);
    QVERIFY(p.sources.at("venue").inBody);
    QVERIFY(!p.sources.count("date"));   // no key: the file name's date

    // The layout points at the body's bytes.
    const RecordLayout record = recordLayout(text);
    QVERIFY(record.inBody);
    const yaml::FrontMatterKey *venue = record.keys.find("venue");
    QVERIFY(venue);
    QCOMPARE(text.substr(venue->begin, venue->end - venue->begin), std::string("venue: 'AAAI 2023'\n"));
    QCOMPARE(text.substr(record.closingBegin, 4), std::string("---\n"));
    QCOMPARE(record.closingBegin, std::size_t(4));
    QCOMPARE(record.bodyKeysEnd, text.size());
}

void TestPublication::crlfAndBom()
{
    const std::string text = "\xEF\xBB\xBF---\r\ntitle: \"CRLF paper\"\r\nvenue: Journal 3\r\ndate: 2021-01-02\r\n---\r\nbody\r\n";
    const Publication p = readPublication(QStringLiteral("/s/_publications/a.md"), "_publications/a.md", text);
    QCOMPARE(p.title, std::string("CRLF paper"));
    QCOMPARE(p.venue, std::string("Journal 3"));
    QCOMPARE(p.date, std::string("2021-01-02"));
    QCOMPARE(lineOf(p, "venue"), 3);
}

void TestPublication::keyWithoutValueYieldsToAnAlias()
{
    const std::string text = "---\ntitle: T\npaperurl: # none yet\npaper_url: 'https://example.org/p.pdf'\n"
                             "slidesurl: # 'http://academicpages.github.io/files/slides1.pdf'\n---\n";
    const Publication p = readPublication(QStringLiteral("/s/_publications/a.md"), "_publications/a.md", text);
    QCOMPARE(p.paperurl, std::string("https://example.org/p.pdf"));
    QCOMPARE(keyOf(p, "paperurl"), QStringLiteral("paper_url"));
    // Written but empty: the key is known, for a fix to fill it where it is.
    QCOMPARE(p.slidesurl, std::string());
    QCOMPARE(keyOf(p, "slidesurl"), QStringLiteral("slidesurl"));
    QCOMPARE(lineOf(p, "slidesurl"), 5);
}

void TestPublication::bareYearDate()
{
    // `date: 2023` is no date to Jekyll (it shows 1970); the record keeps the
    // year the author meant and no date.
    const std::string text = "---\ntitle: T\ndate: 2023\n---\n";
    const Publication p = readPublication(QStringLiteral("/s/_publications/t.md"), "_publications/t.md", text);
    QCOMPARE(p.date, std::string());
    QCOMPARE(p.year, 2023);
    QCOMPARE(keyOf(p, "date"), QStringLiteral("date"));
}

void TestPublication::normalizedTitles_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("plain") << QStringLiteral("Paper Title Number 1") << QStringLiteral("paper title number 1");
    QTest::newRow("braces and punctuation") << QStringLiteral("{BERT}: Pre-training of  Deep {T}ransformers!")
                                            << QStringLiteral("bert pre training of deep transformers");
    QTest::newRow("accents") << QStringLiteral("Über die Größe von Café") << QStringLiteral("uber die grosse von cafe");
    QTest::newRow("entities and tags") << QStringLiteral("&quot;Sharp&quot; bounds for <i>Langevin</i>")
                                       << QStringLiteral("sharp bounds for langevin");
    QTest::newRow("ligature") << QStringLiteral("Eﬃcient ﬁlters") << QStringLiteral("efficient filters");
    QTest::newRow("invisible characters") << QStringLiteral("Deep\u200B Learn\u00ADing") << QStringLiteral("deep learning");
    QTest::newRow("chinese") << QStringLiteral("深度学习：综述") << QStringLiteral("深度学习 综述");
}

void TestPublication::normalizedTitles()
{
    QFETCH(QString, title);
    QCOMPARE(QString::fromStdString(normalizedTitle(title.toStdString())), expected<QString>("normalized"));
}

void TestPublication::settings()
{
    DiagnosticSink sink;
    const model::Config defaults = model::Config::fromYaml("title: x\n", QStringLiteral("/tmp"), sink);
    const Settings none = readSettings(defaults);
    QCOMPARE(none.style, QStringLiteral("apa"));
    QCOMPARE(none.locale, QStringLiteral("en-US"));
    QVERIFY(none.boldNames.isEmpty());

    const model::Config config = model::Config::fromYaml("author:\n  name: Yineng Chen\n"
                                                         "folio:\n  publications:\n    style: ieee\n"
                                                         "    locale: zh-CN\n"
                                                         "    owner_names: [\"Y. Chen\", \"Chen, Yineng\", Yineng Chen]\n",
                                                         QStringLiteral("/tmp"), sink);
    const Settings s = readSettings(config);
    QCOMPARE(s.style, QStringLiteral("ieee"));
    QCOMPARE(s.locale, QStringLiteral("zh-CN"));
    QCOMPARE(s.boldNames, QStringList({QStringLiteral("Yineng Chen"), QStringLiteral("Y. Chen"),
                                       QStringLiteral("Chen, Yineng")}));
    const model::Config single = model::Config::fromYaml("folio:\n  publications:\n    owner_names: A. Person\n",
                                                         QStringLiteral("/tmp"), sink);
    QCOMPARE(readSettings(single).boldNames, QStringList({QStringLiteral("A. Person")}));
}

void TestPublication::siteItemsAndCategories()
{
    QTemporaryDir dir;
    folio::tests::writeFile(dir.path(), QStringLiteral("_config.yml"),
                            "title: t\ncollections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n"
                            "publication_category:\n  manuscripts:\n    title: 'Journal Articles'\n"
                            "  conferences:\n    title: 'Conference Papers'\n");
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2020-01-01-b.md"),
                            "---\ntitle: B\ncategory: conferences\n---\n");
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2019-01-01-a.md"),
                            "---\ntitle: A\ncategory: manuscripts\npermalink: /publication/a\n---\n");
    DiagnosticSink sink;
    const auto site = build::loadSite(dir.path(), {}, sink);
    const Publications pubs = readPublications(*site);
    QCOMPARE(pubs.categories.size(), std::size_t(2));
    QCOMPARE(pubs.categories[0].key, std::string("manuscripts"));
    QCOMPARE(pubs.categories[0].title, std::string("Journal Articles"));
    QCOMPARE(pubs.categories[1].key, std::string("conferences"));
    QCOMPARE(pubs.items.size(), std::size_t(2));
    // The collection's order (by date), with the URLs the site gives them.
    QCOMPARE(pubs.items[0].title, std::string("A"));
    QCOMPARE(pubs.items[0].url, std::string("/publication/a"));
    QCOMPARE(pubs.items[1].url, std::string("/publications/2020-01-01-b/"));
    QCOMPARE(pubs.items[1].sourcePath, QDir(dir.path()).filePath(QStringLiteral("_publications/2020-01-01-b.md")));
}

void TestPublication::seedSite()
{
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QFileInfo::exists(seed))
        QSKIP("../shared/fixtures/seed-site is not there");
    QTemporaryDir dir;
    const QString site = folio::tests::copySite(seed, dir.path());
    QVERIFY(!site.isEmpty());
    DiagnosticSink sink;
    const auto loaded = build::loadSite(site, {}, sink);
    const Publications pubs = readPublications(*loaded);
    QCOMPARE(pubs.items.size(), std::size_t(2));
    QVERIFY(pubs.categories.empty());
    const Publication &first = pubs.items[0];
    QCOMPARE(first.relativePath, std::string("_publications/2009-10-01-paper-title-number-1.md"));
    QVERIFY(first.keysInBody);
    QCOMPARE(first.title, std::string("Bidirectional Looking with A Novel Double Exponential Moving Average to "
                                      "Adaptive and Non-adaptive Momentum Optimizers"));
    QCOMPARE(first.venue, std::string("Yineng Chen, Zuchao Li, Lefei Zhang, Bo Du, Hai Zhao"));
    QCOMPARE(first.paperurl, std::string("https://proceedings.mlr.press/v202/chen23r/chen23r.pdf"));
    QCOMPARE(first.year, 2009);
    QCOMPARE(first.url, std::string("/publications/2009-10-01-paper-title-number-1/"));
    const Publication &second = pubs.items[1];
    QCOMPARE(second.venue, std::string("AAAI 2023"));
    QCOMPARE(second.date, std::string("2010-10-01"));
    QCOMPARE(lineOf(second, "paperurl"), 6);
}

QTEST_GUILESS_MAIN(TestPublication)
#include "tst_publication.moc"
