// The publication checks and their fixes, as the Diagnostics dock and
// `folio-cli check --fix` use them: each check on the ways academicpages'
// items go wrong, each fix byte for byte (only the lines concerned change,
// compared line by line), read back with the intended values, and the seed
// site's two papers rendered with their titles and venue once fixed.
#include "site/build/builder.h"
#include "site/build/renderer.h"
#include "site/build/writer.h"
#include "site/publications/checks.h"
#include "site/publications/publication.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "common/files.h"

using namespace folio::site;
using namespace folio::site::publications;

Q_DECLARE_METATYPE(std::string)

namespace {

template<typename T>
T expected(const char *column)
{
    return *static_cast<T *>(QTest::qData(column, qMetaTypeId<T>()));
}

std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    return lines;
}

// The lines of `before` a change replaced, as "first-last" (1-based; "3-2"
// is an insertion before line 3), found by comparing line by line from both
// ends: every line outside that range is the same in both texts.
QString changedLines(const std::string &before, const std::string &after)
{
    const auto a = linesOf(before), b = linesOf(after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    return QStringLiteral("%1-%2").arg(head + 1).arg(a.size() - tail);
}

const Check *findCheck(const std::vector<Check> &checks, const QString &id)
{
    for (const Check &c : checks)
        if (c.id == id)
            return &c;
    return nullptr;
}

QString ids(const std::vector<Check> &checks)
{
    QStringList out;
    for (const Check &c : checks)
        out << c.id;
    return out.join(QLatin1Char(','));
}

std::vector<Check> checksOf(const std::string &relativePath, const std::string &text,
                            const std::vector<Category> &categories = {})
{
    const Publication item = readPublication(QStringLiteral("/site/") + QString::fromStdString(relativePath),
                                             relativePath, text);
    return checkPublicationText(item, text, categories);
}

const std::vector<Category> kCategories = {{"manuscripts", "Journal Articles"}, {"conferences", "Conference Papers"}};

struct Built final {
    std::unique_ptr<model::Site> site;
    build::MemoryWriter writer;
    std::vector<Diagnostic> diagnostics;
};

std::unique_ptr<Built> buildSite(const QString &dir)
{
    auto built = std::make_unique<Built>();
    DiagnosticSink sink;
    built->site = build::loadSite(dir, {}, sink);
    build::Renderer renderer(*built->site, sink);
    build::Builder builder(*built->site, renderer, built->writer, sink);
    builder.run();
    built->diagnostics = sink.take();
    return built;
}

// What a reader sees: tags dropped without a space (so "<i>AAAI</i>," reads
// "AAAI,"), entities of the template decoded, spaces collapsed.
QString visibleText(const QByteArray &html)
{
    QString text = QString::fromUtf8(html);
    static const QRegularExpression script(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    text.remove(script).remove(tag);
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&")).replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    return text.simplified();
}

// The listing's item headings (academicpages' archive-single.html).
QStringList headings(const QByteArray &html)
{
    static const QRegularExpression heading(QStringLiteral("<h2 class=\"archive__item-title\"[^>]*>(.*?)</h2>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QStringList out;
    for (auto it = heading.globalMatch(QString::fromUtf8(html)); it.hasNext();)
        out << visibleText(it.next().captured(1).toUtf8());
    return out;
}

} // namespace

class TestChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksAndFixes_data();
    void checksAndFixes();
    void venuesThatAreNotNames_data();
    void venuesThatAreNotNames();
    void joinersInATitleAreKept();
    void applyFixRefusesStaleEdits();
    void unifiedDiff();
    void duplicateUrls();
    void relativeAddressOfASiteFile();
    void editorBuffer();
    void fixTextChainsFixes();
    void seedSiteFixedRendersTitlesAndVenue();
};

void TestChecks::checksAndFixes_data()
{
    QTest::addColumn<std::string>("file");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messageHas");
    QTest::addColumn<std::string>("fixed");   // "" = no fix
    QTest::addColumn<QString>("changed");     // the lines of `text` the fix replaced
    QTest::addColumn<QString>("field");       // a record field and the value it reads back with
    QTest::addColumn<QString>("value");

    const std::string seed2 = "---\n"
                              "---\n"
                              "title: \"Fine-Grained Position Helps Memorizing More\"\n"
                              "collection: publications\n"
                              "venue: 'AAAI 2023'\n"
                              "paperurl: 'https://ojs.aaai.org/index.php/AAAI/article/view/25650'\n";
    QTest::newRow("keys in the body (seed)")
        << std::string("_publications/2010-10-01-x.md") << seed2 << QStringLiteral("keys-in-body") << 3
        << QStringLiteral("keys (title, collection, venue, paperurl) are below it, on lines 3-6")
        << std::string("---\n"
                       "title: \"Fine-Grained Position Helps Memorizing More\"\n"
                       "collection: publications\n"
                       "venue: 'AAAI 2023'\n"
                       "paperurl: 'https://ojs.aaai.org/index.php/AAAI/article/view/25650'\n"
                       "---\n")
        << QStringLiteral("2-6") << QStringLiteral("venue") << QStringLiteral("AAAI 2023");
    QTest::newRow("keys in the body, CRLF, comment, body kept")
        << std::string("_publications/2010-10-01-x.md")
        << std::string("---\r\n# keep me\r\n---\r\ntitle: T\r\nvenue: \"Journal 1\"\r\n\r\nAbstract text.\r\n")
        << QStringLiteral("keys-in-body") << 4 << QStringLiteral("(title, venue)")
        << std::string("---\r\n# keep me\r\ntitle: T\r\nvenue: \"Journal 1\"\r\n---\r\n\r\nAbstract text.\r\n")
        << QStringLiteral("3-5") << QStringLiteral("title") << QStringLiteral("T");
    QTest::newRow("keys in the body, no last line end")
        << std::string("_publications/2010-10-01-x.md") << std::string("---\n---\ntitle: T\nvenue: V")
        << QStringLiteral("keys-in-body") << 3 << QString() << std::string("---\ntitle: T\nvenue: V\n---\n")
        << QStringLiteral("2-4") << QStringLiteral("venue") << QStringLiteral("V");

    const std::string names = "---\n"
                              "title: \"Bidirectional Looking\"\n"
                              "collection: publications\n"
                              "venue: 'Yineng Chen, Zuchao Li, Lefei Zhang, Bo Du, Hai Zhao' # from the PDF\n"
                              "paperurl: 'https://proceedings.mlr.press/v202/chen23r/chen23r.pdf'\n"
                              "---\n"
                              "Body.\n";
    QTest::newRow("venue of names")
        << std::string("_publications/2009-10-01-x.md") << names << QStringLiteral("venue-is-authors") << 4
        << QStringLiteral("is a list of 5 names")
        << std::string("---\n"
                       "title: \"Bidirectional Looking\"\n"
                       "collection: publications\n"
                       "authors:\n"
                       "  - Yineng Chen\n"
                       "  - Zuchao Li\n"
                       "  - Lefei Zhang\n"
                       "  - Bo Du\n"
                       "  - Hai Zhao\n"
                       "paperurl: 'https://proceedings.mlr.press/v202/chen23r/chen23r.pdf'\n"
                       "---\n"
                       "Body.\n")
        << QStringLiteral("4-4") << QStringLiteral("authors") << QStringLiteral("Yineng Chen|Zuchao Li|Lefei Zhang|Bo Du|Hai Zhao");
    QTest::newRow("venue of BibTeX names, empty authors key")
        << std::string("_publications/2009-10-01-x.md")
        << std::string("---\ntitle: T\nauthors:\nvenue: \"Chen, Yineng and Li, Zuchao\"\n---\n")
        << QStringLiteral("venue-is-authors") << 4 << QStringLiteral("list of 2 names")
        << std::string("---\ntitle: T\nauthors: [\"Chen, Yineng\", \"Li, Zuchao\"]\n---\n") << QStringLiteral("3-4")
        << QStringLiteral("authors") << QStringLiteral("Chen, Yineng|Li, Zuchao");
    QTest::newRow("venue repeating the authors")
        << std::string("_publications/2009-10-01-x.md")
        << std::string("---\ntitle: T\nauthors: [Ada Lovelace, Charles Babbage]\nvenue: Ada Lovelace and Charles Babbage\n---\n")
        << QStringLiteral("venue-is-authors") << 4 << QString()
        << std::string("---\ntitle: T\nauthors: [Ada Lovelace, Charles Babbage]\n---\n") << QStringLiteral("4-4")
        << QStringLiteral("venue") << QString();
    QTest::newRow("empty venue") << std::string("_publications/2009-10-01-x.md")
                                 << std::string("---\ntitle: T\nvenue: ''\n---\n") << QStringLiteral("empty-venue") << 3
                                 << QStringLiteral("\"Published in , 2009\"") << std::string() << QString()
                                 << QString() << QString();
    QTest::newRow("no venue") << std::string("_publications/2009-10-01-x.md") << std::string("---\ntitle: T\n---\n")
                              << QStringLiteral("empty-venue") << 2 << QStringLiteral("has no venue") << std::string()
                              << QString() << QString() << QString();
    QTest::newRow("no title") << std::string("_publications/2009-10-01-x.md") << std::string("---\nvenue: V\n---\n")
                              << QStringLiteral("missing-title") << 2 << QStringLiteral("no title") << std::string()
                              << QString() << QString() << QString();

    QTest::newRow("no date, year key (pubsFromBib)")
        << std::string("_publications/deep-things.md") << std::string("---\ntitle: T\nvenue: V\nyear: 2019\n---\n")
        << QStringLiteral("missing-date") << 2 << QStringLiteral("no date")
        << std::string("---\ntitle: T\nvenue: V\nyear: 2019\ndate: 2019-01-01\n---\n") << QStringLiteral("5-4")
        << QStringLiteral("date") << QStringLiteral("2019-01-01");
    QTest::newRow("no date, pub_date key (TSV)")
        << std::string("_publications/deep-things.md") << std::string("---\ntitle: T\nvenue: V\npub_date: 2018-03-04\n---\n")
        << QStringLiteral("missing-date") << 2 << QString()
        << std::string("---\ntitle: T\nvenue: V\npub_date: 2018-03-04\ndate: 2018-03-04\n---\n") << QStringLiteral("5-4")
        << QStringLiteral("date") << QStringLiteral("2018-03-04");
    QTest::newRow("no date at all") << std::string("_publications/deep-things.md")
                                    << std::string("---\ntitle: T\nvenue: V\n---\n") << QStringLiteral("missing-date") << 2
                                    << QStringLiteral("YYYY-MM-DD-title.md") << std::string() << QString() << QString()
                                    << QString();
    QTest::newRow("bare year date, dated file")
        << std::string("_publications/2023-05-01-x.md") << std::string("---\ntitle: T\nvenue: V\ndate: 2023 # year\n---\n")
        << QStringLiteral("invalid-date") << 4 << QStringLiteral("shows 1970")
        << std::string("---\ntitle: T\nvenue: V\ndate: 2023-05-01 # year\n---\n") << QStringLiteral("4-4")
        << QStringLiteral("date") << QStringLiteral("2023-05-01");
    QTest::newRow("bare year date (quoted)")
        << std::string("_publications/x.md") << std::string("---\ntitle: T\nvenue: V\ndate: \"2021\"\n---\n")
        << QStringLiteral("invalid-date") << 4 << QString()
        << std::string("---\ntitle: T\nvenue: V\ndate: 2021-01-01\n---\n") << QStringLiteral("4-4")
        << QStringLiteral("date") << QStringLiteral("2021-01-01");

    QTest::newRow("invisible characters")
        << std::string("_publications/2009-10-01-x.md")
        << std::string("---\ntitle: \"Deep\xE2\x80\x8B Learning\xC2\xAD\"\nven\xE2\x81\xA0ue: V\n"
                       "paperurl: '\xEF\xBB\xBFhttps://example.org/p.pdf'\n---\nBody\xE2\x80\x8B stays.\n")
        << QStringLiteral("invisible-chars") << 2 << QStringLiteral("ZERO WIDTH SPACE")
        << std::string("---\ntitle: \"Deep Learning\"\nvenue: V\npaperurl: 'https://example.org/p.pdf'\n---\n"
                       "Body\xE2\x80\x8B stays.\n")
        << QStringLiteral("2-4") << QStringLiteral("paperurl") << QStringLiteral("https://example.org/p.pdf");

    QTest::newRow("bare host") << std::string("_publications/2009-10-01-x.md")
                               << std::string("---\ntitle: T\nvenue: V\npaperurl: arxiv.org/abs/2301.00001\n---\n")
                               << QStringLiteral("invalid-url") << 4 << QStringLiteral("without https://")
                               << std::string("---\ntitle: T\nvenue: V\npaperurl: https://arxiv.org/abs/2301.00001\n---\n")
                               << QStringLiteral("4-4") << QStringLiteral("paperurl")
                               << QStringLiteral("https://arxiv.org/abs/2301.00001");
    QTest::newRow("DOI as slides address")
        << std::string("_publications/2009-10-01-x.md") << std::string("---\ntitle: T\nvenue: V\nslidesurl: 'doi:10.1000/xyz.123'\n---\n")
        << QStringLiteral("invalid-url") << 4 << QStringLiteral("a DOI")
        << std::string("---\ntitle: T\nvenue: V\nslidesurl: 'https://doi.org/10.1000/xyz.123'\n---\n")
        << QStringLiteral("4-4") << QStringLiteral("slidesurl") << QStringLiteral("https://doi.org/10.1000/xyz.123");
    QTest::newRow("spaces around")
        << std::string("_publications/2009-10-01-x.md") << std::string("---\ntitle: T\nvenue: V\nbibtexurl: ' /files/x.bib '\n---\n")
        << QStringLiteral("invalid-url") << 4 << QStringLiteral("spaces")
        << std::string("---\ntitle: T\nvenue: V\nbibtexurl: '/files/x.bib'\n---\n") << QStringLiteral("4-4")
        << QStringLiteral("bibtexurl") << QStringLiteral("/files/x.bib");
    QTest::newRow("placeholder") << std::string("_publications/2009-10-01-x.md")
                                 << std::string("---\ntitle: T\nvenue: V\npaperurl: '#'\n---\n") << QStringLiteral("invalid-url")
                                 << 4 << QStringLiteral("placeholder") << std::string() << QString() << QString()
                                 << QString();
    QTest::newRow("relative path, no site")
        << std::string("_publications/2009-10-01-x.md") << std::string("---\ntitle: T\nvenue: V\npaper_url: files/p.pdf\n---\n")
        << QStringLiteral("invalid-url") << 4 << QStringLiteral("neither a web address") << std::string() << QString()
        << QString() << QString();

    QTest::newRow("category in another case")
        << std::string("_publications/2009-10-01-x.md") << std::string("---\ntitle: T\nvenue: V\ncategory: Conference\n---\n")
        << QStringLiteral("unknown-category") << 4 << QStringLiteral("(manuscripts, conferences)")
        << std::string("---\ntitle: T\nvenue: V\ncategory: conferences\n---\n") << QStringLiteral("4-4")
        << QStringLiteral("category") << QStringLiteral("conferences");
    QTest::newRow("unknown category") << std::string("_publications/2009-10-01-x.md")
                                      << std::string("---\ntitle: T\nvenue: V\ncategory: talks\n---\n")
                                      << QStringLiteral("unknown-category") << 4 << QStringLiteral("\"talks\"")
                                      << std::string() << QString() << QString() << QString();
    QTest::newRow("no category") << std::string("_publications/2009-10-01-x.md")
                                 << std::string("---\ntitle: T\nvenue: V\n---\n") << QStringLiteral("unknown-category") << 2
                                 << QStringLiteral("not on the publications page") << std::string() << QString()
                                 << QString() << QString();

    QTest::newRow("stale citation")
        << std::string("_publications/2009-10-01-x.md")
        << std::string("---\ntitle: \"Paper Title Number 1\"\nvenue: 'Journal 1'\n"
                       "citation: 'Your Name, You. (2015). &quot;Paper Title Number 3.&quot; <i>Journal 1</i>. 1(3).'\n---\n")
        << QStringLiteral("stale-citation") << 4 << QStringLiteral("title, year 2009") << std::string() << QString()
        << QString() << QString();
}

void TestChecks::checksAndFixes()
{
    QFETCH(std::string, file);
    QFETCH(std::string, text);
    QFETCH(QString, id);
    QFETCH(std::string, fixed);
    const std::vector<Check> checks = checksOf(file, text, kCategories);
    const Check *check = findCheck(checks, id);
    QVERIFY2(check, qPrintable(QStringLiteral("found: ") + ids(checks)));
    QCOMPARE(check->diagnostic.file, QString::fromStdString(file));
    QCOMPARE(check->diagnostic.line, expected<int>("line"));
    QCOMPARE(check->diagnostic.severity, Severity::Warning);
    QVERIFY2(check->diagnostic.message.contains(expected<QString>("messageHas")), qPrintable(check->diagnostic.message));
    if (fixed.empty()) {
        QVERIFY2(!check->fix, qPrintable(check->fix ? check->fix->description : QString()));
        return;
    }
    QVERIFY(check->fix);
    QVERIFY(!check->fix->description.isEmpty());
    QCOMPARE(check->fix->file, QStringLiteral("/site/") + QString::fromStdString(file));
    const auto after = applyFix(text, *check->fix);
    QVERIFY2(after, after ? "" : qPrintable(after.error()));
    QCOMPARE(QByteArray::fromStdString(*after), QByteArray::fromStdString(fixed));
    QCOMPARE(changedLines(text, *after), expected<QString>("changed"));

    // Read back: the intended value, and the problem gone.
    const Publication p = readPublication(QStringLiteral("/site/x"), file, *after);
    const QString field = expected<QString>("field");
    const QString value = expected<QString>("value");
    if (field == QLatin1String("authors")) {
        QStringList authors;
        for (const auto &a : p.authors)
            authors << QString::fromStdString(a);
        QCOMPARE(authors.join(QLatin1Char('|')), value);
    } else {
        const std::map<QString, std::string> fields = {{QStringLiteral("venue"), p.venue},
                                                       {QStringLiteral("title"), p.title},
                                                       {QStringLiteral("date"), p.date},
                                                       {QStringLiteral("paperurl"), p.paperurl},
                                                       {QStringLiteral("slidesurl"), p.slidesurl},
                                                       {QStringLiteral("bibtexurl"), p.bibtexurl},
                                                       {QStringLiteral("category"), p.category}};
        QCOMPARE(QString::fromStdString(fields.at(field)), value);
    }
    const std::vector<Check> again = checksOf(file, *after, kCategories);
    QVERIFY2(!findCheck(again, id), qPrintable(ids(again)));
}

void TestChecks::venuesThatAreNotNames_data()
{
    QTest::addColumn<QString>("venue");
    for (const char *venue : {"AAAI 2023", "Proceedings of the AAAI Conference on Artificial Intelligence",
                              "Journal of Machine Learning Research", "Nature Communications",
                              "IEEE Transactions on Pattern Analysis and Machine Intelligence", "NeurIPS 2023",
                              "arXiv preprint arXiv:2301.00001", "Cambridge University Press",
                              "Neural Computation", "Lecture Notes in Computer Science, Springer",
                              "ICML, Honolulu, Hawaii", "Physical Review Letters, 2019", "Journal 1"})
        QTest::newRow(venue) << QString::fromUtf8(venue);
}

void TestChecks::venuesThatAreNotNames()
{
    QFETCH(QString, venue);
    const std::string text = "---\ntitle: T\nvenue: \"" + venue.toStdString() + "\"\n---\n";
    const std::vector<Check> checks = checksOf("_publications/2009-10-01-x.md", text);
    QVERIFY2(!findCheck(checks, QStringLiteral("venue-is-authors")), qPrintable(ids(checks)));
}

void TestChecks::joinersInATitleAreKept()
{
    // Persian needs its zero-width non-joiner; an emoji sequence its joiner.
    const std::string text = "---\ntitle: \"\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85 "
                             "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB\"\nvenue: V\n---\n";
    QVERIFY(!findCheck(checksOf("_publications/2009-10-01-x.md", text), QStringLiteral("invisible-chars")));
    // Next to ASCII it is a stray.
    const std::string stray = "---\ntitle: \"Deep\xE2\x80\x8CLearning\"\nvenue: V\n---\n";
    QVERIFY(findCheck(checksOf("_publications/2009-10-01-x.md", stray), QStringLiteral("invisible-chars")));
}

void TestChecks::applyFixRefusesStaleEdits()
{
    const std::string text = "---\ntitle: T\n---\n";
    QVERIFY(!applyFix(text, Fix{QString(), QString(), {{40, 50, "x"}}}));
    QVERIFY(!applyFix(text, Fix{QString(), QString(), {{4, 10, "a"}, {8, 12, "b"}}}));
    const auto ok = applyFix(text, Fix{QString(), QString(), {{4, 4, "a: 1\n"}, {4, 13, "title: U\n"}}});
    QVERIFY(ok);
    QCOMPARE(*ok, std::string("---\na: 1\ntitle: U\n---\n"));
}

void TestChecks::unifiedDiff()
{
    const std::string before = "---\n---\ntitle: T\nvenue: V\n\nline 7\nline 8\nline 9\nline 10\nline 11\n";
    const std::string after = "---\ntitle: T\nvenue: V\n---\n\nline 7\nline 8\nline 9\nline 10\nline 11 changed";
    QCOMPARE(QString::fromStdString(diff(before, after, QStringLiteral("_publications/x.md"))),
             QStringLiteral("--- a/_publications/x.md\n"
                            "+++ b/_publications/x.md\n"
                            "@@ -1,10 +1,10 @@\n"   // changes 5 lines apart: one hunk, as diff -u makes it
                            " ---\n"
                            "----\n"
                            " title: T\n"
                            " venue: V\n"
                            "+---\n"
                            " \n"
                            " line 7\n"
                            " line 8\n"
                            " line 9\n"
                            " line 10\n"
                            "-line 11\n"
                            "+line 11 changed\n"
                            "\\ No newline at end of file\n"));
    // Changes 8 lines apart: two hunks.
    const std::string long1 = "a\n1\n2\n3\n4\n5\n6\n7\nb\n";
    const std::string long2 = "A\n1\n2\n3\n4\n5\n6\n7\nB\n";
    QCOMPARE(QString::fromStdString(diff(long1, long2, QStringLiteral("f"))),
             QStringLiteral("--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n"));
    QCOMPARE(diff(before, before, QStringLiteral("x")), std::string());
    // Insertion at the start.
    QCOMPARE(QString::fromStdString(diff("b\n", "a\nb\n", QStringLiteral("f"))),
             QStringLiteral("--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+a\n b\n"));
}

void TestChecks::duplicateUrls()
{
    QTemporaryDir dir;
    folio::tests::writeFile(dir.path(), QStringLiteral("_config.yml"),
                            "title: t\ncollections:\n  publications:\n    output: true\n");
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2020-01-01-a.md"),
                            "---\ntitle: A\nvenue: V\npermalink: /publication/paper/\n---\n");
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2021-01-01-b.md"),
                            "---\ntitle: B\nvenue: W\npermalink: /publication/paper/\n---\n");
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2022-01-01-c.md"),
                            "---\ntitle: C\nvenue: W\npermalink: /publication/c/\n---\n");
    DiagnosticSink sink;
    const auto site = build::loadSite(dir.path(), {}, sink);
    const std::vector<Check> checks = checkPublications(*site);
    std::vector<const Check *> duplicates;
    for (const Check &c : checks)
        if (c.id == QLatin1String("duplicate-url"))
            duplicates.push_back(&c);
    QCOMPARE(duplicates.size(), std::size_t(2));
    QCOMPARE(duplicates[0]->diagnostic.file, QStringLiteral("_publications/2020-01-01-a.md"));
    QCOMPARE(duplicates[0]->diagnostic.line, 4);
    QVERIFY(duplicates[0]->diagnostic.message.contains(QLatin1String("/publication/paper/ is also the address of "
                                                                     "_publications/2021-01-01-b.md")));
    QVERIFY(duplicates[1]->diagnostic.message.contains(QLatin1String("_publications/2020-01-01-a.md")));
    QVERIFY(!duplicates[0]->fix);
}

void TestChecks::relativeAddressOfASiteFile()
{
    for (const QByteArray baseurl : {QByteArray(""), QByteArray("/blog")}) {
        QTemporaryDir dir;
        folio::tests::writeFile(dir.path(), QStringLiteral("_config.yml"),
                                "title: t\nbaseurl: \"" + baseurl + "\"\ncollections:\n  publications:\n    output: true\n");
        folio::tests::writeFile(dir.path(), QStringLiteral("files/paper.pdf"), "%PDF-1.4\n");
        const QByteArray item = "---\ntitle: A\nvenue: V\npaperurl: \"files/paper.pdf\"\n---\n";
        folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2020-01-01-a.md"), item);
        DiagnosticSink sink;
        const auto site = build::loadSite(dir.path(), {}, sink);
        const std::vector<Check> checks = checkPublications(*site);
        const Check *check = findCheck(checks, QStringLiteral("invalid-url"));
        QVERIFY2(check && check->fix, qPrintable(ids(checks)));
        const auto after = applyFix(item.toStdString(), *check->fix);
        QVERIFY(after);
        QCOMPARE(QByteArray::fromStdString(*after),
                 "---\ntitle: A\nvenue: V\npaperurl: \"" + baseurl + "/files/paper.pdf\"\n---\n");
    }
}

void TestChecks::editorBuffer()
{
    QTemporaryDir dir;
    folio::tests::writeFile(dir.path(), QStringLiteral("_config.yml"),
                            "title: t\ncollections:\n  publications:\n    output: true\n"
                            "publication_category:\n  manuscripts:\n    title: Journal Articles\n");
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2020-01-01-a.md"),
                            "---\ntitle: A\nvenue: V\ncategory: manuscripts\n---\n");
    DiagnosticSink sink;
    const auto site = build::loadSite(dir.path(), {}, sink);
    const QString path = QDir(dir.path()).filePath(QStringLiteral("_publications/2020-01-01-a.md"));
    QCOMPARE(ids(checkPublicationText(*site, path, "---\ntitle: A\nvenue: V\ncategory: manuscripts\n---\n")), QString());
    // The unsaved buffer, not the file: its category is the site's to check.
    const std::vector<Check> checks =
        checkPublicationText(*site, path, "---\ntitle: A\nvenue: V\ncategory: Manuscript\n---\n");
    const Check *check = findCheck(checks, QStringLiteral("unknown-category"));
    QVERIFY2(check && check->fix, qPrintable(ids(checks)));
    QCOMPARE(check->diagnostic.file, QStringLiteral("_publications/2020-01-01-a.md"));
    QCOMPARE(check->fix->file, path);
}

void TestChecks::fixTextChainsFixes()
{
    QTemporaryDir dir;
    folio::tests::writeFile(dir.path(), QStringLiteral("_config.yml"), "title: t\ncollections:\n  publications:\n    output: true\n");
    const QByteArray text = "---\n---\ntitle: \"T\"\nvenue: 'Ada Lovelace, Charles Babbage'\npaperurl: arxiv.org/abs/1\n";
    folio::tests::writeFile(dir.path(), QStringLiteral("_publications/2020-01-01-a.md"), text);
    DiagnosticSink sink;
    const auto site = build::loadSite(dir.path(), {}, sink);
    const QString path = QDir(dir.path()).filePath(QStringLiteral("_publications/2020-01-01-a.md"));
    const auto fixed = fixText(*site, path, text.toStdString());
    QVERIFY2(fixed, fixed ? "" : qPrintable(fixed.error()));
    // Moved up first; the venue and the address are fixable only then.
    QCOMPARE(fixed->applied.size(), std::size_t(3));
    QCOMPARE(fixed->applied[0].before, text.toStdString());
    QCOMPARE(fixed->applied[1].before, fixed->applied[0].after);
    QCOMPARE(QByteArray::fromStdString(fixed->text),
             QByteArray("---\ntitle: \"T\"\nauthors:\n  - Ada Lovelace\n  - Charles Babbage\n"
                        "paperurl: https://arxiv.org/abs/1\n---\n"));
    QCOMPARE(fixed->applied[2].after, fixed->text);
}

void TestChecks::seedSiteFixedRendersTitlesAndVenue()
{
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QFileInfo::exists(seed))
        QSKIP("../shared/fixtures/seed-site is not there");
    QTemporaryDir dir;
    const QString root = folio::tests::copySite(seed, dir.path());
    QVERIFY(!root.isEmpty());

    const QString secondTitle = QStringLiteral("Fine-Grained Position Helps Memorizing More, a Novel Music Compound "
                                               "Transformer Model with Feature Interaction Fusion");
    const QString firstTitle = QStringLiteral("Bidirectional Looking with A Novel Double Exponential Moving Average to "
                                              "Adaptive and Non-adaptive Momentum Optimizers");
    {
        // Before: the titles Jekyll makes of the file names, no venue.
        const auto before = buildSite(root);
        const QByteArray html = before->writer.read(QStringLiteral("publications/index.html")).value_or(QByteArray());
        const QString page = visibleText(html);
        QVERIFY2(page.contains(QLatin1String("Published in , 2010")), qPrintable(page));
        QCOMPARE(headings(html), QStringList({QStringLiteral("Paper Title Number 2"), QStringLiteral("Paper Title Number 1")}));
    }

    std::map<QString, std::string> fixedFiles;
    {
        DiagnosticSink sink;
        const auto site = build::loadSite(root, {}, sink);
        const std::vector<Check> checks = checkPublications(*site);
        QCOMPARE(ids(checks), QStringLiteral("keys-in-body,venue-is-authors,keys-in-body"));
        for (const Check &c : checks) {
            if (!c.fix || fixedFiles.count(c.fix->file))
                continue;
            const std::string text = folio::tests::readFile(c.fix->file).toStdString();
            const auto fixed = fixText(*site, c.fix->file, text);
            QVERIFY2(fixed, fixed ? "" : qPrintable(fixed.error()));
            fixedFiles[c.fix->file] = fixed->text;
        }
    }
    QCOMPARE(fixedFiles.size(), std::size_t(2));
    for (const auto &[path, text] : fixedFiles) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.data(), qint64(text.size()));
    }

    const auto after = buildSite(root);
    const QString page = visibleText(after->writer.read(QStringLiteral("publications/index.html")).value_or(QByteArray()));
    QVERIFY2(page.contains(QLatin1String("Published in AAAI 2023, 2010")), qPrintable(page));
    QVERIFY(!page.contains(QLatin1String("Published in , 2010")));
    const QByteArray html = after->writer.read(QStringLiteral("publications/index.html")).value_or(QByteArray());
    QCOMPARE(headings(html), QStringList({secondTitle, firstTitle}));
    // The names are no longer shown as the venue.
    QVERIFY(!page.contains(QLatin1String("Published in Yineng Chen")));
    QVERIFY(page.contains(QLatin1String("Published in , 2009")));   // the venue is still to be given
    const QString item = visibleText(
        after->writer.read(QStringLiteral("publications/2010-10-01-paper-title-number-2/index.html")).value_or(QByteArray()));
    QVERIFY(item.contains(secondTitle));
    QVERIFY(!item.contains(QLatin1String("collection: publications")));

    // What is left: the first paper's venue, which no fix can know.
    DiagnosticSink sink;
    const auto site = build::loadSite(root, {}, sink);
    QCOMPARE(ids(checkPublications(*site)), QStringLiteral("empty-venue"));
    for (const Diagnostic &d : sink.take())
        QVERIFY2(!d.message.contains(QLatin1String("front matter keys found in the body")), qPrintable(d.format()));
}

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
