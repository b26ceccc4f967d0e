// What the editor's colours say about the text: a math span is math only where
// the engine would typeset it, multi-line regions (front matter, fenced code,
// display math) carry from line to line, and every colour is readable on a
// light and on a dark background.
#include "editor/highlighter.h"
#include "editor/markdowneditor.h"

#include <QApplication>
#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using folio::editor::Highlighter;
using Kind = folio::editor::Highlighter::Kind;

namespace {

// The format the user sees at `column` of line `line` (0-based).
QTextCharFormat formatAt(const QTextDocument &doc, int line, int column)
{
    const QTextBlock block = doc.findBlockByNumber(line);
    QTextCharFormat found;
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (column >= r.start && column < r.start + r.length)
            found = r.format;
    return found;
}

bool hasKind(const QTextDocument &doc, const Highlighter &h, int line, int column, Kind kind)
{
    const QTextCharFormat f = formatAt(doc, line, column);
    const QTextCharFormat want = h.format(kind);
    return f.foreground() == want.foreground() && f.fontWeight() == want.fontWeight();
}

// Columns [from, to) of `line` that have `kind`.
QString kindMask(const QTextDocument &doc, const Highlighter &h, int line, Kind kind)
{
    const QString text = doc.findBlockByNumber(line).text();
    QString mask;
    for (int i = 0; i < text.size(); ++i)
        mask += hasKind(doc, h, line, i, kind) ? QLatin1Char('^') : QLatin1Char(' ');
    while (mask.endsWith(QLatin1Char(' ')))
        mask.chop(1);
    return mask;
}

// The document's text, highlighted as the editor shows it. A QTextDocument
// reports changes (and so gets highlighted) once it has a layout, as the
// editor's always has.
void setText(QTextDocument &doc, const QString &text)
{
    doc.documentLayout();
    doc.setPlainText(text);
    QCoreApplication::processEvents();
}

double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestHighlighter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inlineMath_data();
    void inlineMath();
    void mathSpanningLinesOfAParagraph();
    void typingTheClosingDollarRecoloursTheLineAbove();
    void fencedCodeCarriesAcrossLines();
    void displayMathSpansBlankLines();
    void environmentAcrossLines();
    void frontMatterOnlyAtTheTop();
    void liquidAndMarkdown();
    void coloursReadableOnLightAndDark();
};

void TestHighlighter::inlineMath_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("math"); // '^' under the math characters
    QTest::newRow("dollar span in a paragraph") << QStringLiteral("Energy $E=mc^2$ holds.")
                                                << QStringLiteral("       ^^^^^^^^");
    QTest::newRow("prices are not math") << QStringLiteral("It costs $5 and $10 today.") << QString();
    QTest::newRow("space after opening dollar") << QStringLiteral("a $ x$ b") << QString();
    QTest::newRow("closing dollar before a digit") << QStringLiteral("a $x$5 b") << QString();
    QTest::newRow("double dollar inline") << QStringLiteral("so $$a+b$$ ok") << QStringLiteral("   ^^^^^^^");
    QTest::newRow("paren") << QStringLiteral("see \\(x_1\\) here") << QStringLiteral("    ^^^^^^^");
    QTest::newRow("bracket") << QStringLiteral("\\[y\\]") << QStringLiteral("^^^^^");
    QTest::newRow("escaped dollar") << QStringLiteral("a \\$x$ b") << QString();
    QTest::newRow("code span hides math") << QStringLiteral("run `$x$` now") << QString();
    QTest::newRow("non-ASCII before math") << QStringLiteral("é ü $\\alpha$") << QStringLiteral("    ^^^^^^^^");
}

void TestHighlighter::inlineMath()
{
    QFETCH(QString, line);
    QFETCH(QString, math);
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("Intro.\n\n") + line);
    QCOMPARE(kindMask(doc, h, 2, Kind::Math), math);
}

void TestHighlighter::mathSpanningLinesOfAParagraph()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("Let $a +\nb$ be.\n\nNot $c\n\nd$ here."));
    QCOMPARE(kindMask(doc, h, 0, Kind::Math), QStringLiteral("    ^^^^"));
    QCOMPARE(kindMask(doc, h, 1, Kind::Math), QStringLiteral("^^"));
    // A blank line ends the paragraph: no span across it.
    QCOMPARE(kindMask(doc, h, 3, Kind::Math), QString());
    QCOMPARE(kindMask(doc, h, 5, Kind::Math), QString());
}

void TestHighlighter::typingTheClosingDollarRecoloursTheLineAbove()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("Let $a +\nb be."));
    QCOMPARE(kindMask(doc, h, 0, Kind::Math), QString());
    QTextCursor c(doc.findBlockByNumber(1));
    c.movePosition(QTextCursor::NextCharacter);
    c.insertText(QStringLiteral("$"));
    QCoreApplication::processEvents(); // the paragraph's other lines follow at once
    QCOMPARE(doc.findBlockByNumber(1).text(), QStringLiteral("b$ be."));
    QCOMPARE(kindMask(doc, h, 0, Kind::Math), QStringLiteral("    ^^^^"));
    c.deletePreviousChar();
    QCoreApplication::processEvents();
    QCOMPARE(kindMask(doc, h, 0, Kind::Math), QString());
}

void TestHighlighter::fencedCodeCarriesAcrossLines()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("````python\n$x$ *a*\n```\n# not a heading\n````\n# Heading $y$"));
    for (int line = 0; line <= 4; ++line) {
        QVERIFY2(hasKind(doc, h, line, 0, Kind::Code), qPrintable(QString::number(line)));
        QCOMPARE(kindMask(doc, h, line, Kind::Math), QString());
        QCOMPARE(kindMask(doc, h, line, Kind::Heading), QString());
    }
    QVERIFY(hasKind(doc, h, 5, 0, Kind::Heading));
    QCOMPARE(kindMask(doc, h, 5, Kind::Math), QStringLiteral("          ^^^"));

    // Closing the fence early (editing one line) recolours the lines below.
    QTextCursor c(doc.findBlockByNumber(2));
    c.insertText(QStringLiteral("`"));
    QVERIFY(hasKind(doc, h, 3, 0, Kind::Heading));
    QVERIFY(!hasKind(doc, h, 3, 0, Kind::Code));
}

void TestHighlighter::displayMathSpansBlankLines()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("Text.\n\n$$\na = b\n\nc = d\n$$\n\nAfter $5 and $10."));
    for (int line = 2; line <= 6; ++line)
        if (!doc.findBlockByNumber(line).text().isEmpty())
            QVERIFY2(hasKind(doc, h, line, 0, Kind::Math), qPrintable(QString::number(line)));
    QCOMPARE(kindMask(doc, h, 8, Kind::Math), QString());
}

void TestHighlighter::environmentAcrossLines()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("\\begin{align}\nx &= 1 \\\\\ny &= 2\n\\end{align}\nplain"));
    for (int line = 0; line <= 3; ++line)
        QVERIFY2(hasKind(doc, h, line, 0, Kind::Math), qPrintable(QString::number(line)));
    QCOMPARE(kindMask(doc, h, 4, Kind::Math), QString());
}

void TestHighlighter::frontMatterOnlyAtTheTop()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("---\ntitle: \"A # b\" # note\n---\nBody\n\n---\nkey: v\n"));
    QVERIFY(hasKind(doc, h, 0, 0, Kind::FrontMatterDelimiter));
    QCOMPARE(kindMask(doc, h, 1, Kind::YamlKey), QStringLiteral("^^^^^"));
    QCOMPARE(kindMask(doc, h, 1, Kind::YamlComment), QStringLiteral("               ^^^^^^"));
    QVERIFY(hasKind(doc, h, 1, 10, Kind::YamlValue)); // the '#' inside quotes is the value's
    QVERIFY(hasKind(doc, h, 2, 0, Kind::FrontMatterDelimiter));
    QCOMPARE(kindMask(doc, h, 3, Kind::YamlValue), QString());
    // A later `---` block is Markdown (a rule or a setext underline), not YAML.
    QCOMPARE(kindMask(doc, h, 6, Kind::YamlKey), QString());

    // The first line must be exactly `---`.
    QTextDocument other;
    Highlighter h2(&other);
    setText(other, QStringLiteral("Intro\n---\ntitle: x\n---"));
    QCOMPARE(kindMask(other, h2, 2, Kind::YamlKey), QString());
}

void TestHighlighter::liquidAndMarkdown()
{
    QTextDocument doc;
    Highlighter h(&doc);
    setText(doc, QStringLiteral("{% include x.html %} and {{ page.title }}\n"
                                    "- item with [a link](https://example.org/p) and `code`\n"
                                    "> quoted **bold**\n"
                                    "## Heading"));
    QCOMPARE(kindMask(doc, h, 0, Kind::Liquid), QStringLiteral("^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^^^^^^^^^"));
    QVERIFY(hasKind(doc, h, 1, 0, Kind::ListMarker));
    QVERIFY(hasKind(doc, h, 1, 13, Kind::Link));
    QVERIFY(hasKind(doc, h, 1, 25, Kind::Url));
    QVERIFY(hasKind(doc, h, 1, 53, Kind::Code));
    QCOMPARE(formatAt(doc, 2, 0).foreground(), h.format(Kind::Quote).foreground());
    QCOMPARE(formatAt(doc, 2, 11).fontWeight(), int(QFont::Bold));
    QVERIFY(hasKind(doc, h, 3, 0, Kind::Heading));
}

void TestHighlighter::coloursReadableOnLightAndDark()
{
    folio::editor::MarkdownEditor editor;
    for (const QColor &base : {QColor(Qt::white), QColor(0x1e, 0x1e, 0x1e)}) {
        QPalette palette = editor.palette();
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, base.lightness() < 128 ? QColor(0xdd, 0xdd, 0xdd) : QColor(Qt::black));
        editor.setPalette(palette);
        QCOMPARE(editor.highlighter()->darkColours(), base.lightness() < 128);
        for (int k = 0; k < int(Kind::Count); ++k) {
            const QTextCharFormat f = editor.highlighter()->format(Kind(k));
            if (f.hasProperty(QTextFormat::ForegroundBrush))
                QVERIFY2(contrast(f.foreground().color(), base) >= 4.5,
                         qPrintable(QStringLiteral("kind %1 on %2: %3").arg(k).arg(base.name()).arg(contrast(f.foreground().color(), base))));
        }
    }
}

QTEST_MAIN(TestHighlighter)
#include "tst_highlighter.moc"
