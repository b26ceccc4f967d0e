// Citations from citeproc-js in Folio's QJSEngine. The expected entries in
// tests/csl/expected-*.json were made by the same pinned citeproc-js under
// Node (scripts/csl-fixtures.mjs) and checked in: Folio's output must equal
// them byte for byte. Needs the vendored citeproc-js (scripts/install-deps.sh)
// and Debian's CSL styles and locales; skips without them.
#include "site/csl/csl.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <thread>
#include <vector>

using namespace folio::site;
using namespace folio::site::csl;

namespace {

const QString kDebianStyles = QStringLiteral("/usr/share/citation-style-language/styles");

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll());
}

QString dataPath(const QString &name)
{
    return QStringLiteral(FOLIO_SOURCE_DIR "/tests/csl/") + name;
}

std::vector<QJsonObject> testItems()
{
    std::vector<QJsonObject> items;
    for (const QJsonValue &v : readJson(dataPath(QStringLiteral("items.json"))).array())
        items.push_back(v.toObject());
    return items;
}

QJsonObject itemById(const QString &id)
{
    for (const QJsonObject &item : testItems()) {
        if (item.value(QLatin1String("id")).toString() == id)
            return item;
    }
    qFatal("no item %s", qPrintable(id));
}

FormatOptions options(const QString &style, const QStringList &boldNames = {})
{
    FormatOptions o;
    o.style = style;
    o.boldNames = boldNames;
    return o;
}

Formatted formatOne(const QJsonObject &item, const FormatOptions &o)
{
    auto result = Citeproc::instance().bibliography({item}, o);
    if (!result)
        qFatal("%s", qPrintable(result.error()));
    if (result->size() != 1)
        qFatal("expected one entry");
    return result->front();
}

QString html(const Formatted &f) { return QString::fromStdString(f.html); }
QString text(const Formatted &f) { return QString::fromStdString(f.text); }

QStringList boldParts(const QString &html)
{
    QStringList parts;
    static const QRegularExpression bold(QStringLiteral("<b>(.*?)</b>"));
    for (auto it = bold.globalMatch(html); it.hasNext();)
        parts << it.next().captured(1);
    return parts;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(data);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

const QStringList kOwner = {QStringLiteral("Yineng Chen"), QStringLiteral("Y. Chen")};

} // namespace

class TestCsl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The engine itself is under test: no answers from the cache, except
        // in cachedAnswers(), which uses a folder of its own.
        qputenv("FOLIO_CSL_NO_CACHE", "1");
        qputenv("FOLIO_CACHE_DIR", m_cache.path().toUtf8());
        if (!QFile::exists(kDebianStyles + QStringLiteral("/apa.csl")))
            QSKIP("Debian's CSL styles are not installed (citation-style-language-styles)");
        const Result<QString> version = Citeproc::instance().version();
        if (!version)
            QSKIP(qPrintable(version.error()));
    }

    void matchesFixtures_data()
    {
        QTest::addColumn<QString>("style");
        QTest::newRow("apa") << QStringLiteral("apa");
        QTest::newRow("ieee") << QStringLiteral("ieee");
        QTest::newRow("chicago-author-date") << QStringLiteral("chicago-author-date");
    }

    // The whole list in one call, as a publications page asks for it.
    void matchesFixtures()
    {
        QFETCH(QString, style);
        const QJsonObject expected = readJson(dataPath(QStringLiteral("expected-%1.json").arg(style))).object();
        const QJsonArray entries = expected.value(QLatin1String("entries")).toArray();
        const std::vector<QJsonObject> items = testItems();
        QCOMPARE(entries.size(), qsizetype(items.size()));

        const auto result = Citeproc::instance().bibliography(items, options(style));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error()));
        QCOMPARE(result->size(), items.size());
        for (qsizetype n = 0; n < entries.size(); ++n) {
            const QJsonObject entry = entries.at(n).toObject();
            QCOMPARE(entry.value(QLatin1String("id")).toString(),
                     items[n].value(QLatin1String("id")).toString());
            QCOMPARE(QString::fromStdString(result->at(n).html), entry.value(QLatin1String("html")).toString());
            QCOMPARE(QString::fromStdString(result->at(n).text), entry.value(QLatin1String("text")).toString());
        }

        FormatOptions htmlOnly = options(style);
        htmlOnly.text = false;
        const auto html = Citeproc::instance().bibliography(items, htmlOnly);
        QVERIFY(html.ok());
        for (qsizetype n = 0; n < entries.size(); ++n) {
            QCOMPARE(QString::fromStdString(html->at(n).html),
                     entries.at(n).toObject().value(QLatin1String("html")).toString());
            QVERIFY(html->at(n).text.empty());
        }
    }

    void citationsMatchFixtures_data()
    {
        matchesFixtures_data();
    }

    // In-text citations with locators, labels, prefixes and suffixes.
    void citationsMatchFixtures()
    {
        QFETCH(QString, style);
        const QJsonObject expected = readJson(dataPath(QStringLiteral("expected-%1.json").arg(style))).object();
        const QJsonArray clusters = expected.value(QLatin1String("citations")).toArray();
        QVERIFY(!clusters.isEmpty());
        for (const QJsonValue &value : clusters) {
            const QJsonObject cluster = value.toObject();
            std::vector<CiteItem> cites;
            for (const QJsonValue &c : cluster.value(QLatin1String("cites")).toArray()) {
                const QJsonObject cite = c.toObject();
                CiteItem item;
                item.item = itemById(cite.value(QLatin1String("id")).toString());
                item.locator = cite.value(QLatin1String("locator")).toString();
                item.label = cite.value(QLatin1String("label")).toString();
                item.prefix = cite.value(QLatin1String("prefix")).toString();
                item.suffix = cite.value(QLatin1String("suffix")).toString();
                cites.push_back(item);
            }
            const auto result = Citeproc::instance().citation(cites, options(style));
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error()));
            QCOMPARE(html(*result), cluster.value(QLatin1String("html")).toString());
            QCOMPARE(text(*result), cluster.value(QLatin1String("text")).toString());
        }
    }

    void boldOwner_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("bold");   // what is printed in bold, in order
        const QStringList apa = {QStringLiteral("Chen, Y.")};
        const QStringList ieee = {QStringLiteral("Y. Chen")};
        // First author, with a co-author of the same family name who stays plain.
        QTest::newRow("apa first") << "apa" << "chen2023deep" << apa;
        QTest::newRow("ieee first") << "ieee" << "chen2023deep" << ieee;
        QTest::newRow("chicago first") << "chicago-author-date" << "chen2023deep"
                                       << QStringList{QStringLiteral("Chen, Yineng")};
        QTest::newRow("nature first") << "nature" << "chen2023deep" << apa;
        // Second author: Chicago prints it given name first.
        QTest::newRow("apa second") << "apa" << "li2020conf" << apa;
        QTest::newRow("ieee second") << "ieee" << "li2020conf" << ieee;
        QTest::newRow("chicago second") << "chicago-author-date" << "li2020conf"
                                        << QStringList{QStringLiteral("Yineng Chen")};
        QTest::newRow("nature second") << "nature" << "li2020conf" << apa;
        // 22 authors, the owner last: APA 7 prints "…, Chen, Y.", the others
        // truncate with et al. before reaching the owner.
        QTest::newRow("apa et al") << "apa" << "wang2024many" << apa;
        QTest::newRow("ieee et al") << "ieee" << "wang2024many" << QStringList{};
        QTest::newRow("chicago et al") << "chicago-author-date" << "wang2024many" << QStringList{};
        QTest::newRow("nature et al") << "nature" << "wang2024many" << QStringList{};
        // The item itself only has initials.
        QTest::newRow("apa initials") << "apa" << "smith2021markup" << apa;
        QTest::newRow("chicago initials") << "chicago-author-date" << "smith2021markup"
                                          << QStringList{QStringLiteral("Y. Chen")};
        QTest::newRow("apa not an author") << "apa" << "knuth1997book" << QStringList{};
    }

    // The owner is bold in every style's form of the name, and only the owner;
    // taking the bold away gives citeproc-js's entry exactly, and the text is
    // the same with or without.
    void boldOwner()
    {
        QFETCH(QString, style);
        QFETCH(QString, id);
        QFETCH(QStringList, bold);
        const QJsonObject item = itemById(id);
        const Formatted plain = formatOne(item, options(style));
        const Formatted owner = formatOne(item, options(style, kOwner));
        QString unbolded = html(owner);
        for (const QString &part : bold) {
            const QString marked = QStringLiteral("<b>%1</b>").arg(part);
            QVERIFY2(unbolded.contains(marked), qPrintable(html(owner)));
            unbolded.replace(unbolded.indexOf(marked), marked.size(), part);
        }
        QCOMPARE(unbolded, html(plain));
        QCOMPARE(text(owner), text(plain));
        QVERIFY2(!html(owner).contains(QLatin1String("<b>Chen, Z")), qPrintable(html(owner)));
        QVERIFY2(!html(owner).contains(QLatin1String("<b>Z. Chen")), qPrintable(html(owner)));
    }

    void boldOwnerInCitation()
    {
        CiteItem cite;
        cite.item = itemById(QStringLiteral("li2020conf"));
        const auto result = Citeproc::instance().citation({cite}, options(QStringLiteral("apa"), kOwner));
        QVERIFY(result.ok());
        QCOMPARE(html(*result), QStringLiteral("(Li &#38; <b>Chen</b>, 2020)"));
        QCOMPARE(text(*result), QStringLiteral("(Li & Chen, 2020)"));
    }

    void boldNameForms_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QStringList>("bold");
        const QStringList yineng = {QStringLiteral("Chen, Y.")};
        QTest::newRow("given family") << "Yineng Chen" << yineng;
        QTest::newRow("initial family") << "Y. Chen" << yineng;
        QTest::newRow("family, given") << "Chen, Yineng" << yineng;
        QTest::newRow("family, initial") << "Chen, Y." << yineng;
        QTest::newRow("other case, no accents") << "yineng CHEN" << yineng;
        QTest::newRow("the co-author") << "Zhao Chen" << QStringList{QStringLiteral("Chen, Z.")};
        QTest::newRow("accents folded") << "Anna Muller" << QStringList{QStringLiteral("Müller, A.")};
        QTest::newRow("another given name") << "Yang Chen" << QStringList{};
        QTest::newRow("another family") << "Yineng Cheng" << QStringList{};
    }

    void boldNameForms()
    {
        QFETCH(QString, written);
        QFETCH(QStringList, bold);
        const Formatted f = formatOne(itemById(QStringLiteral("chen2023deep")),
                                      options(QStringLiteral("apa"), {written}));
        QCOMPARE(boldParts(html(f)), bold);
    }

    void matchesName_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("written");
        QTest::addColumn<bool>("matches");
        QTest::newRow("same") << "Chen" << "Yineng" << "Yineng Chen" << true;
        QTest::newRow("initials in item") << "Chen" << "Y." << "Yineng Chen" << true;
        QTest::newRow("two initials in item") << "Chen" << "Y. N." << "Y. Chen" << true;
        QTest::newRow("hyphenated") << "Chen" << "Yi-Neng" << "Yineng Chen" << true;
        QTest::newRow("hyphenated initials") << "Chen" << "Yi-Neng" << "Chen, Y.-N." << true;
        QTest::newRow("other initial") << "Chen" << "Z." << "Yineng Chen" << false;
        QTest::newRow("other second initial") << "Chen" << "Y. Z." << "Chen, Y. N." << false;
        QTest::newRow("family only written") << "Chen" << "Zhao" << "Chen" << true;
        QTest::newRow("no given in item") << "Chen" << "" << "Yineng Chen" << false;
        QTest::newRow("particle in family") << "van Beethoven" << "Ludwig" << "Ludwig Beethoven" << true;
    }

    void matchesName()
    {
        QFETCH(QString, family);
        QFETCH(QString, given);
        QFETCH(QString, written);
        QFETCH(bool, matches);
        QJsonObject name{{QStringLiteral("family"), family}};
        if (!given.isEmpty())
            name.insert(QStringLiteral("given"), given);
        QCOMPARE(csl::matchesName(name, written), matches);
    }

    void literalNameMatches()
    {
        QVERIFY(csl::matchesName(QJsonObject{{QStringLiteral("literal"), QStringLiteral("Yineng Chen")}},
                                 QStringLiteral("Chen, Y.")));
        QVERIFY(!csl::matchesName(QJsonObject{{QStringLiteral("literal"), QStringLiteral("National Institute")}},
                                  QStringLiteral("Yineng Chen")));
    }

    // A site's own style file, relative to the site as jekyll-scholar reads `style:`.
    void siteStylePath()
    {
        QTemporaryDir site;
        QVERIFY(QDir(site.path()).mkpath(QStringLiteral("_styles")));
        writeFile(site.filePath(QStringLiteral("_styles/house.csl")),
                  readFile(kDebianStyles + QStringLiteral("/ieee.csl")));
        FormatOptions o = options(QStringLiteral("_styles/house.csl"));
        o.siteDir = site.path();
        const auto own = Citeproc::instance().bibliography(testItems(), o);
        QVERIFY2(own.ok(), qPrintable(own.ok() ? QString() : own.error()));
        const auto ieee = Citeproc::instance().bibliography(testItems(), options(QStringLiteral("ieee")));
        QVERIFY(ieee.ok());
        QCOMPARE(own->size(), ieee->size());
        for (size_t n = 0; n < own->size(); ++n)
            QCOMPARE(QString::fromStdString(own->at(n).html), QString::fromStdString(ieee->at(n).html));

        const Result<QString> resolved = resolveStyle(QStringLiteral("_styles/house.csl"), site.path());
        QVERIFY(resolved.ok());
        QCOMPARE(*resolved, QFileInfo(site.filePath(QStringLiteral("_styles/house.csl"))).absoluteFilePath());
    }

    // An edited style file is read again: the editor's preview reformats as it changes.
    void editedStyleIsReloaded()
    {
        QTemporaryDir site;
        const QString path = site.filePath(QStringLiteral("house.csl"));
        QByteArray xml = readFile(kDebianStyles + QStringLiteral("/ieee.csl"));
        writeFile(path, xml);
        const QJsonObject item = itemById(QStringLiteral("knuth1997book"));
        const Formatted before = formatOne(item, options(path));
        QVERIFY(text(before).contains(QLatin1String("3rd ed.")));
        // One more byte keeps the file's size from hiding the change.
        const QByteArray edition = "<number variable=\"edition\" form=\"ordinal\"/>";
        QVERIFY(xml.contains(edition));
        xml.replace(edition, "<number variable=\"edition\" form=\"ordinal\" prefix=\"Edition \"/>");
        writeFile(path, xml);
        const Formatted after = formatOne(item, options(path));
        QVERIFY2(text(after).contains(QLatin1String("Edition 3rd ed.")), qPrintable(text(after)));
    }

    // The same id with new content (the user edits the entry) is formatted anew.
    void editedItemIsFormattedAgain()
    {
        QJsonObject item = itemById(QStringLiteral("knuth1997book"));
        const Formatted before = formatOne(item, options(QStringLiteral("apa")));
        item.insert(QStringLiteral("title"), QStringLiteral("Seminumerical Algorithms"));
        const Formatted after = formatOne(item, options(QStringLiteral("apa")));
        QVERIFY(text(before).contains(QLatin1String("Fundamental Algorithms")));
        QVERIFY2(text(after).contains(QLatin1String("Seminumerical Algorithms")), qPrintable(text(after)));
        QVERIFY(!text(after).contains(QLatin1String("Fundamental")));
    }

    void dependentStyle()
    {
        if (!QFile::exists(kDebianStyles + QStringLiteral("/dependent/ieee-access.csl")))
            QSKIP("Debian's dependent style ieee-access is not installed");
        const Result<QString> resolved = resolveStyle(QStringLiteral("ieee-access"));
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error()));
        QCOMPARE(*resolved, kDebianStyles + QStringLiteral("/ieee.csl"));
        const QJsonObject item = itemById(QStringLiteral("chen2023deep"));
        QCOMPARE(html(formatOne(item, options(QStringLiteral("ieee-access")))),
                 html(formatOne(item, options(QStringLiteral("ieee")))));
        // A CSL id names the same style.
        const Result<QString> byUri = resolveStyle(QStringLiteral("http://www.zotero.org/styles/apa"));
        QVERIFY(byUri.ok());
        QCOMPARE(*byUri, kDebianStyles + QStringLiteral("/apa.csl"));
    }

    // FOLIO_CSL_STYLES_DIR replaces Debian's folder: its styles are listed
    // (not the dependent ones) and its dependent styles resolve within it.
    void stylesFolderOverride()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("dependent")));
        QByteArray apa = readFile(kDebianStyles + QStringLiteral("/apa.csl"));
        apa.replace("<title>American Psychological Association 7th edition</title>",
                    "<title>House &amp; Garden Style</title>");
        writeFile(dir.filePath(QStringLiteral("house.csl")), apa);
        writeFile(dir.filePath(QStringLiteral("dependent/house-journal.csl")),
                  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" default-locale=\"en-US\">\n"
                  "  <info>\n    <title>House Journal</title>\n"
                  "    <id>http://www.zotero.org/styles/house-journal</id>\n"
                  "    <link href=\"http://www.zotero.org/styles/house\" rel=\"independent-parent\"/>\n"
                  "  </info>\n</style>\n");
        writeFile(dir.filePath(QStringLiteral("orphan.csl")),
                  "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><info><title>Orphan</title>"
                  "<link href=\"http://www.zotero.org/styles/missing-parent\" rel=\"independent-parent\"/>"
                  "</info></style>");
        qputenv("FOLIO_CSL_STYLES_DIR", dir.path().toUtf8());
        const auto restore = qScopeGuard([] { qunsetenv("FOLIO_CSL_STYLES_DIR"); });

        const std::vector<StyleInfo> styles = installedStyles();
        QCOMPARE(styles.size(), size_t(1));
        QCOMPARE(styles.front().id, QStringLiteral("house"));
        QCOMPARE(styles.front().title, QStringLiteral("House & Garden Style"));
        QCOMPARE(styles.front().path, QDir(dir.path()).absoluteFilePath(QStringLiteral("house.csl")));

        const Result<QString> journal = resolveStyle(QStringLiteral("house-journal"));
        QVERIFY2(journal.ok(), qPrintable(journal.ok() ? QString() : journal.error()));
        QCOMPARE(*journal, styles.front().path);
        const Result<QString> orphan = resolveStyle(QStringLiteral("orphan"));
        QVERIFY(!orphan.ok());
        QVERIFY2(orphan.error().contains(QLatin1String("missing-parent")), qPrintable(orphan.error()));
        QVERIFY(!resolveStyle(QStringLiteral("apa")).ok());
    }

    void installedStylesFromDebian()
    {
        const std::vector<StyleInfo> styles = installedStyles();
        QVERIFY(styles.size() > 1000);
        const auto apa = std::find_if(styles.begin(), styles.end(),
                                      [](const StyleInfo &s) { return s.id == QLatin1String("apa"); });
        QVERIFY(apa != styles.end());
        QCOMPARE(apa->title, QStringLiteral("American Psychological Association 7th edition"));
        QCOMPARE(apa->path, kDebianStyles + QStringLiteral("/apa.csl"));
        for (size_t n = 1; n < styles.size(); ++n)
            QVERIFY(styles[n - 1].title.compare(styles[n].title, Qt::CaseInsensitive) <= 0);
        QVERIFY(std::none_of(styles.begin(), styles.end(),
                             [](const StyleInfo &s) { return s.id == QLatin1String("ieee-access"); }));
    }

    void missingStyle()
    {
        const auto result = Citeproc::instance().bibliography(testItems(), options(QStringLiteral("no-such-style")));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("\"no-such-style\"")), qPrintable(result.error()));
        QVERIFY2(result.error().contains(QLatin1String("\"apa\"")), qPrintable(result.error()));
        QVERIFY2(result.error().contains(kDebianStyles), qPrintable(result.error()));

        QTemporaryDir site;
        FormatOptions o = options(QStringLiteral("_styles/missing.csl"));
        o.siteDir = site.path();
        const auto file = Citeproc::instance().bibliography(testItems(), o);
        QVERIFY(!file.ok());
        QVERIFY2(file.error().contains(site.filePath(QStringLiteral("_styles/missing.csl"))), qPrintable(file.error()));

        QVERIFY(!Citeproc::instance().citation({CiteItem{itemById(QStringLiteral("chen2023deep")), {}, {}, {}, {}}},
                                              options(QStringLiteral("no-such-style"))).ok());
    }

    void malformedStyle()
    {
        QTemporaryDir site;
        const QString path = site.filePath(QStringLiteral("broken.csl"));
        writeFile(path, "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n"
                        "  <citation><layout><text variable=\"title\"></layout></citation>\n</style>\n");
        const auto result = Citeproc::instance().bibliography(testItems(), options(path));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().startsWith(path + QStringLiteral(":3:")), qPrintable(result.error()));
        QVERIFY2(result.error().contains(QLatin1String("not well-formed")), qPrintable(result.error()));
    }

    // Well-formed XML that citeproc-js refuses: its own message, named after the file.
    void styleCiteprocRejects()
    {
        QTemporaryDir site;
        const QString path = site.filePath(QStringLiteral("bogus.csl"));
        writeFile(path, "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\">"
                        "<info><title>Bogus</title></info>"
                        "<citation><layout><text variable=\"title\"/></layout></citation>"
                        "<bibliography><layout><bogus/></layout></bibliography></style>");
        const auto result = Citeproc::instance().bibliography(testItems(), options(path));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().startsWith(path + QLatin1Char(':')), qPrintable(result.error()));
        QVERIFY2(result.error().contains(QLatin1String("Undefined node name \"bogus\"")), qPrintable(result.error()));

        // The engine still works for the next call.
        QVERIFY(Citeproc::instance().bibliography(testItems(), options(QStringLiteral("apa"))).ok());
    }

    void styleWithoutBibliography()
    {
        QTemporaryDir site;
        const QString path = site.filePath(QStringLiteral("cites-only.csl"));
        writeFile(path, "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\">"
                        "<info><title>Cites only</title></info>"
                        "<citation><layout><text variable=\"title\"/></layout></citation></style>");
        const auto result = Citeproc::instance().bibliography({itemById(QStringLiteral("knuth1997book"))}, options(path));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("no <bibliography>")), qPrintable(result.error()));
        CiteItem cite;
        cite.item = itemById(QStringLiteral("knuth1997book"));
        const auto citation = Citeproc::instance().citation({cite}, options(path));
        QVERIFY(citation.ok());
        QCOMPARE(text(*citation), QStringLiteral("The Art of Computer Programming: Fundamental Algorithms"));
    }

    void locales()
    {
        const QJsonObject item = itemById(QStringLiteral("li2020conf"));
        FormatOptions o = options(QStringLiteral("chicago-author-date"));
        const Formatted english = formatOne(item, o);
        QVERIFY(text(english).startsWith(QLatin1String("Li, Wei, and Yineng Chen.")));
        o.locale = QStringLiteral("xx-YY");
        QCOMPARE(text(formatOne(item, o)), text(english));
        o.locale = QStringLiteral("fr-FR");
        const Formatted french = formatOne(item, o);
        QVERIFY2(text(french).startsWith(QLatin1String("Li, Wei, et Yineng Chen.")), qPrintable(text(french)));
        o.locale = QStringLiteral("de");
        QVERIFY2(text(formatOne(item, o)).startsWith(QLatin1String("Li, Wei, und Yineng Chen.")),
                 qPrintable(text(formatOne(item, o))));
    }

    // More styles than the engine keeps parsed: the least used are dropped
    // and parsed again when asked for.
    void manyStyles()
    {
        const QJsonObject item = itemById(QStringLiteral("li2020conf"));
        const QString apaBefore = html(formatOne(item, options(QStringLiteral("apa"))));
        const QStringList styles = {QStringLiteral("ieee"), QStringLiteral("nature"),
                                    QStringLiteral("vancouver"), QStringLiteral("modern-language-association"),
                                    QStringLiteral("elsevier-harvard"), QStringLiteral("harvard-cite-them-right"),
                                    QStringLiteral("american-medical-association")};
        for (const QString &style : styles) {
            if (!QFile::exists(kDebianStyles + QLatin1Char('/') + style + QStringLiteral(".csl")))
                continue;
            const Formatted f = formatOne(item, options(style, kOwner));
            QVERIFY2(text(f).contains(QLatin1String("Li")), qPrintable(style + QLatin1Char(' ') + text(f)));
            QVERIFY2(html(f).contains(QLatin1String("<b>")), qPrintable(style + QLatin1Char(' ') + html(f)));
        }
        QCOMPARE(html(formatOne(item, options(QStringLiteral("apa")))), apaBefore);
    }

    void emptyCalls()
    {
        const auto none = Citeproc::instance().bibliography({}, options(QStringLiteral("apa")));
        QVERIFY(none.ok());
        QVERIFY(none->empty());
        const auto noCites = Citeproc::instance().citation({}, options(QStringLiteral("apa")));
        QVERIFY(noCites.ok());
        QVERIFY(noCites->html.empty());
    }

    // A bad item is formatted as far as citeproc-js can; the rest are not affected.
    void oddItems()
    {
        std::vector<QJsonObject> items = {
            QJsonObject{{QStringLiteral("id"), QStringLiteral("no-type")}, {QStringLiteral("title"), QStringLiteral("Untyped")}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("string-date")}, {QStringLiteral("type"), QStringLiteral("book")},
                        {QStringLiteral("title"), QStringLiteral("Dated")}, {QStringLiteral("issued"), QStringLiteral("2020")}},
            itemById(QStringLiteral("knuth1997book")),
        };
        const auto result = Citeproc::instance().bibliography(items, options(QStringLiteral("apa")));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error()));
        QCOMPARE(result->size(), size_t(3));
        QVERIFY(text(result->at(0)).contains(QLatin1String("Untyped")));
        QVERIFY(text(result->at(1)).contains(QLatin1String("Dated")));
        QVERIFY(text(result->at(2)).startsWith(QLatin1String("Knuth, D. E. (1997).")));
    }

    // Answers are kept on disk by what they depend on: the same call is
    // answered from there, a changed item or option is formatted anew.
    void cachedAnswers()
    {
        qunsetenv("FOLIO_CSL_NO_CACHE");
        const auto restore = qScopeGuard([] { qputenv("FOLIO_CSL_NO_CACHE", "1"); });
        const QDir folder(m_cache.filePath(QStringLiteral("csl")));
        const auto files = [&] { return folder.entryList({QStringLiteral("*.json")}, QDir::Files); };
        const std::vector<QJsonObject> items = testItems();

        const auto first = Citeproc::instance().bibliography(items, options(QStringLiteral("ieee"), kOwner));
        QVERIFY(first.ok());
        QCOMPARE(files().size(), qsizetype(1));
        const QByteArray stored = readFile(folder.filePath(files().first()));
        QVERIFY(stored.contains(QByteArray::fromStdString(first->front().html).replace("\"", "\\\"")));

        const auto again = Citeproc::instance().bibliography(items, options(QStringLiteral("ieee"), kOwner));
        QVERIFY(again.ok());
        QCOMPARE(files().size(), qsizetype(1));
        for (size_t n = 0; n < first->size(); ++n)
            QCOMPARE(again->at(n).html, first->at(n).html);

        std::vector<QJsonObject> edited = items;
        edited.front().insert(QStringLiteral("title"), QStringLiteral("Retitled"));
        const auto changed = Citeproc::instance().bibliography(edited, options(QStringLiteral("ieee"), kOwner));
        QVERIFY(changed.ok());
        QVERIFY(text(changed->front()).contains(QLatin1String("Retitled")));
        const auto plain = Citeproc::instance().bibliography(items, options(QStringLiteral("ieee")));
        QVERIFY(plain.ok());
        QVERIFY(!html(plain->front()).contains(QLatin1String("<b>")));
        QCOMPARE(files().size(), qsizetype(3));
    }

    // Builds format from many threads: every call is answered as if alone.
    void concurrentCalls()
    {
        const QStringList styles = {QStringLiteral("apa"), QStringLiteral("ieee"), QStringLiteral("chicago-author-date")};
        const std::vector<QJsonObject> items = testItems();
        std::vector<std::vector<Formatted>> expected;
        for (const QString &style : styles)
            expected.push_back(*Citeproc::instance().bibliography(items, options(style, kOwner)));

        constexpr int kThreads = 6;
        constexpr int kCalls = 3;
        std::vector<int> mismatches(kThreads, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int c = 0; c < kCalls; ++c) {
                    const int s = (t + c) % styles.size();
                    const auto result = Citeproc::instance().bibliography(items, options(styles[s], kOwner));
                    if (!result || result->size() != expected[s].size()) {
                        ++mismatches[t];
                        continue;
                    }
                    for (size_t n = 0; n < result->size(); ++n) {
                        if (result->at(n).html != expected[s][n].html || result->at(n).text != expected[s][n].text)
                            ++mismatches[t];
                    }
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (int t = 0; t < kThreads; ++t)
            QCOMPARE(mismatches[t], 0);
    }

private:
    QTemporaryDir m_cache;
};

QTEST_GUILESS_MAIN(TestCsl)
#include "tst_csl.moc"
