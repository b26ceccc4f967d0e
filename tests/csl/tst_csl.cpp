// Citations from citeproc-js in Folio's QJSEngine. The expected entries in
// tests/csl/expected-*.json were made by the same pinned citeproc-js under
// Node (scripts/csl-fixtures.mjs) and checked in: Folio's output must equal
// them byte for byte. Needs the vendored citeproc-js (scripts/install-deps.sh)
// and Debian's CSL styles and locales; skips without them.
#include "site/csl/csl.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

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
    }
};

QTEST_GUILESS_MAIN(TestCsl)
#include "tst_csl.moc"
