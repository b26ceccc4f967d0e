// markdown::Options::sourceLines (Folio's preview scroll sync): top-level
// blocks carry the Markdown line they start on, through the pre-pass's folding
// of math, HTML blocks and tables; with the option off nothing changes.
#include "site/markdown/markdown.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using folio::site::markdown::Converter;
using folio::site::markdown::Options;

namespace {

const char *kText =
    "# Title\n"                          // 1
    "\n"
    "A paragraph with $x$ and\n"         // 3
    "a second line.\n"
    "\n"
    "$$\n"                               // 6
    "a = |b|\n"                         // a bar: not the table
    "$$\n"
    "\n"
    "<div class=\"note\">\n"             // 10
    "\n"
    "raw\n"
    "</div>\n"
    "\n"
    "| a | b |\n"                        // 15
    "|---|---|\n"
    "| 1 | 2 |\n"
    "\n"
    "- one\n"                            // 19
    "- two\n"
    "\n"
    "```\n"                              // 22
    "code\n"
    "```\n"
    "\n"
    "Last *words*.\n";                   // 26

Converter annotating()
{
    Options o;
    o.sourceLines = true;
    return Converter(o);
}

} // namespace

class TestSourceLines final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksCarryTheirLine_data()
    {
        QTest::addColumn<QString>("opening");
        QTest::addColumn<int>("line");
        QTest::newRow("heading") << "<h1" << 1;
        QTest::newRow("paragraph with math") << "<p" << 3;
        QTest::newRow("table after display math and an HTML block") << "<table" << 15;
        QTest::newRow("list") << "<ul" << 19;
        QTest::newRow("last paragraph") << "<p>Last" << 26;
    }
    void blocksCarryTheirLine()
    {
        QFETCH(QString, opening);
        QFETCH(int, line);
        const QString html = QString::fromStdString(annotating().toHtml(kText));
        const QString tag = opening.startsWith(QLatin1String("<p>")) ? QStringLiteral("<p") : opening;
        const QString words = opening.mid(tag.size() + 1);
        const QRegularExpression pattern(QRegularExpression::escape(tag) + QStringLiteral("[^>]*data-source-line=\"(\\d+)\"[^>]*>")
                                         + QRegularExpression::escape(words));
        const auto match = pattern.match(html);
        QVERIFY2(match.hasMatch(), qPrintable(html));
        QCOMPARE(match.captured(1).toInt(), line);
    }

    void nestedBlocksAreNotAnnotated()
    {
        const QString html = QString::fromStdString(annotating().toHtml(kText));
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("<li[^>]*data-source-line"))));
    }

    void offChangesNothing()
    {
        // Every Markdown fixture converts byte for byte as before.
        const QDir fixtures(QStringLiteral(FOLIO_SOURCE_DIR "/tests/markdown/fixtures"));
        int compared = 0;
        for (const QString &name : fixtures.entryList({QStringLiteral("*.md")}, QDir::Files)) {
            QFile file(fixtures.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const std::string text = file.readAll().toStdString();
            Options off;
            off.sourceLines = false;
            QCOMPARE(Converter(off).toHtml(text), Converter().toHtml(text));
            const std::string on = annotating().toHtml(text);
            QRegularExpression attribute(QStringLiteral(" data-source-line=\"\\d+\""));
            QCOMPARE(QString::fromStdString(on).remove(attribute), QString::fromStdString(Converter().toHtml(text)));
            ++compared;
        }
        QVERIFY(compared > 0);
    }
};

QTEST_GUILESS_MAIN(TestSourceLines)
#include "tst_sourcelines.moc"
