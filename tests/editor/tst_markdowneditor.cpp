// The editor's find/replace bar as a user drives it: Ctrl+F opens it, the
// count says how many matches, next/previous select them, regular
// expressions and whole words work, Replace All is one undo step.
#include "editor/findbar.h"
#include "editor/markdowneditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QTest>
#include <QTextBlock>

using folio::editor::FindBar;
using folio::editor::MarkdownEditor;
using folio::editor::SearchOptions;

class TestMarkdownEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ctrlFOpensTheBarWithTheSelection();
    void countAndOptions_data();
    void countAndOptions();
    void nextAndPreviousWrap();
    void replaceAllIsOneUndoStep();
    void regexReplacementUsesGroups();
    void replaceCurrentOnlyReplacesAMatch();
    void replaceAllKeepsNoBreakSpaces();
    void documentTextIsWhatWasTyped();
    void shiftEnterEndsTheLine();
    void goToLine();
    void matchesAreHighlighted();
};

void TestMarkdownEditor::ctrlFOpensTheBarWithTheSelection()
{
    MarkdownEditor editor;
    editor.resize(600, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.setFocus();
    editor.setPlainText(QStringLiteral("alpha beta gamma beta"));
    QTextCursor c(editor.document());
    c.setPosition(6);
    c.setPosition(10, QTextCursor::KeepAnchor);
    editor.setTextCursor(c);
    QTest::keyClick(&editor, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(editor.findBar()->isVisible());
    QCOMPARE(editor.findBar()->findText(), QStringLiteral("beta"));
    QCOMPARE(editor.findBar()->matchCount(), 2);
    // The bar takes room under the text, it does not cover it.
    QVERIFY(editor.viewport()->geometry().bottom() < editor.findBar()->geometry().top());
    QTest::keyClick(editor.findBar(), Qt::Key_Escape);
    QVERIFY(!editor.findBar()->isVisible());
}

void TestMarkdownEditor::countAndOptions_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    // Text: "Cat cat category cat. CAT $x$ (cat)"
    QTest::newRow("plain, any case") << QStringLiteral("cat") << false << false << false << 6;
    QTest::newRow("case sensitive") << QStringLiteral("cat") << true << false << false << 4;
    QTest::newRow("whole words") << QStringLiteral("cat") << false << true << false << 5;
    QTest::newRow("regex") << QStringLiteral("c.t\\b") << false << false << true << 5;
    QTest::newRow("dollar literal") << QStringLiteral("$x$") << false << false << false << 1;
    QTest::newRow("parens literal") << QStringLiteral("(cat)") << false << false << false << 1;
    QTest::newRow("broken regex") << QStringLiteral("(cat") << false << false << true << -1;
}

void TestMarkdownEditor::countAndOptions()
{
    QFETCH(QString, needle);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(int, count);
    MarkdownEditor editor;
    editor.setPlainText(QStringLiteral("Cat cat category cat. CAT $x$ (cat)"));
    FindBar *bar = editor.findBar();
    bar->activate();
    bar->setOptions({caseSensitive, wholeWords, regex});
    bar->setFindText(needle);
    QCOMPARE(bar->matchCount(), count);
}

void TestMarkdownEditor::nextAndPreviousWrap()
{
    MarkdownEditor editor;
    editor.setPlainText(QStringLiteral("one x\ntwo x\nthree x"));
    FindBar *bar = editor.findBar();
    bar->activate();
    bar->setOptions({true, true, false});
    bar->setFindText(QStringLiteral("x"));
    QCOMPARE(editor.textCursor().selectionStart(), 4); // the first match, found as typed
    QVERIFY(bar->findNext());
    QCOMPARE(editor.textCursor().blockNumber(), 1);
    QVERIFY(bar->findNext());
    QCOMPARE(editor.textCursor().blockNumber(), 2);
    QVERIFY(bar->findNext()); // wraps
    QCOMPARE(editor.textCursor().selectionStart(), 4);
    QVERIFY(bar->findPrevious()); // wraps back
    QCOMPARE(editor.textCursor().blockNumber(), 2);
    QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("x"));
}

void TestMarkdownEditor::replaceAllIsOneUndoStep()
{
    MarkdownEditor editor;
    const QString original = QStringLiteral("$a$ and $b$\n\n- $c$ item\n");
    editor.setPlainText(original);
    editor.document()->clearUndoRedoStacks();
    QTest::keyClicks(&editor, QStringLiteral("Typed. "));
    const QString typed = editor.toPlainText();

    FindBar *bar = editor.findBar();
    bar->activate(true);
    bar->setOptions({false, false, true});
    bar->setFindText(QStringLiteral("\\$([a-z])\\$"));
    bar->setReplaceText(QStringLiteral("\\(\\1\\)"));
    QCOMPARE(bar->replaceAll(), 3);
    QCOMPARE(editor.toPlainText(), QStringLiteral("Typed. \\(a\\) and \\(b\\)\n\n- \\(c\\) item\n"));
    QCOMPARE(bar->matchCount(), 0);

    editor.undo();
    QCOMPARE(editor.toPlainText(), typed);
    editor.redo();
    QCOMPARE(editor.toPlainText(), QStringLiteral("Typed. \\(a\\) and \\(b\\)\n\n- \\(c\\) item\n"));
    // The typing before is still on the same stack, under the replacement.
    editor.undo();
    while (editor.document()->isUndoAvailable())
        editor.undo();
    QCOMPARE(editor.toPlainText(), original);
}

void TestMarkdownEditor::regexReplacementUsesGroups()
{
    QRegularExpression re = folio::editor::searchPattern(QStringLiteral("(\\w+)@(\\w+)"), {false, false, true});
    int n = 0;
    QCOMPARE(folio::editor::replaceAllInText(QStringLiteral("a@b c@d"), re, QStringLiteral("$2\\t\\1 \\\\ $$"), true, &n),
             QStringLiteral("b\ta \\ $ d\tc \\ $"));
    QCOMPARE(n, 2);
    // Without the regex option the replacement is literal.
    re = folio::editor::searchPattern(QStringLiteral("a.b"), {});
    QCOMPARE(folio::editor::replaceAllInText(QStringLiteral("a.b axb"), re, QStringLiteral("$1\\n"), false, &n),
             QStringLiteral("$1\\n axb"));
    QCOMPARE(n, 1);
}

void TestMarkdownEditor::replaceCurrentOnlyReplacesAMatch()
{
    MarkdownEditor editor;
    editor.setPlainText(QStringLiteral("foo bar foo"));
    FindBar *bar = editor.findBar();
    bar->activate(true);
    bar->setFindText(QStringLiteral("foo"));
    bar->setReplaceText(QStringLiteral("baz"));
    // The first match is selected as the text is typed; Replace changes it
    // and moves on to the next.
    QVERIFY(bar->replaceCurrent());
    QCOMPARE(editor.toPlainText(), QStringLiteral("baz bar foo"));
    QCOMPARE(editor.textCursor().selectionStart(), 8);
    // A selection that is not a match is left alone.
    QTextCursor c(editor.document());
    c.setPosition(4);
    c.setPosition(7, QTextCursor::KeepAnchor);
    editor.setTextCursor(c);
    bar->replaceCurrent();
    QCOMPARE(editor.toPlainText(), QStringLiteral("baz bar foo"));
}

void TestMarkdownEditor::replaceAllKeepsNoBreakSpaces()
{
    MarkdownEditor editor;
    const QString nbsp(QChar(0x00A0));
    editor.setPlainText(QStringLiteral("a") + nbsp + QStringLiteral("b x"));
    FindBar *bar = editor.findBar();
    bar->activate(true);
    bar->setFindText(QStringLiteral("x"));
    bar->setReplaceText(QStringLiteral("y"));
    QCOMPARE(bar->replaceAll(), 1);
    QCOMPARE(folio::editor::documentText(editor.document()), QStringLiteral("a") + nbsp + QStringLiteral("b y"));
}

// No-break spaces and a U+2028 read from the file stay themselves (the
// preview and the saved file get them); only block ends become '\n'.
void TestMarkdownEditor::documentTextIsWhatWasTyped()
{
    MarkdownEditor editor;
    const QString text = QStringLiteral("a") + QChar(0x00A0) + QStringLiteral("b\nc") + QChar(QChar::LineSeparator)
                         + QStringLiteral("d\n");
    editor.setPlainText(text);
    QCOMPARE(folio::editor::documentText(editor.document()), text);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClicks(&editor, QStringLiteral("e") + QChar(0x00A0) + QStringLiteral("f"));
    QCOMPARE(folio::editor::documentText(editor.document()), text + QStringLiteral("e") + QChar(0x00A0) + QStringLiteral("f"));
    QVERIFY(editor.toPlainText() != folio::editor::documentText(editor.document())); // what the preview used to get
}

// Shift+Enter makes a line end the file keeps, not an invisible U+2028.
void TestMarkdownEditor::shiftEnterEndsTheLine()
{
    MarkdownEditor editor;
    editor.setPlainText(QStringLiteral("first"));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(&editor, QStringLiteral("second"));
    QCOMPARE(folio::editor::documentText(editor.document()), QStringLiteral("first\nsecond"));
    QCOMPARE(editor.document()->blockCount(), 2);
    QCOMPARE(editor.textCursor().blockNumber(), 1);
}

void TestMarkdownEditor::goToLine()
{
    MarkdownEditor editor;
    QStringList lines;
    for (int i = 1; i <= 500; ++i)
        lines << QStringLiteral("line %1").arg(i);
    editor.setPlainText(lines.join(QLatin1Char('\n')));
    editor.resize(500, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.goToLine(321);
    QCOMPARE(editor.textCursor().blockNumber(), 320);
    QCOMPARE(editor.textCursor().positionInBlock(), 0);
    QVERIFY(editor.firstVisibleLine() > 250 && editor.firstVisibleLine() <= 321);
}

void TestMarkdownEditor::matchesAreHighlighted()
{
    MarkdownEditor editor;
    editor.resize(500, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setSpellCheckEnabled(false);
    editor.setPlainText(QStringLiteral("foo bar foo\nfoo"));
    editor.findBar()->activate();
    editor.findBar()->setFindText(QStringLiteral("foo"));
    editor.refreshVisibleMarks();
    int highlighted = 0;
    for (const auto &s : editor.extraSelections())
        highlighted += s.format.hasProperty(QTextFormat::BackgroundBrush) && s.cursor.selectedText() == QStringLiteral("foo");
    QCOMPARE(highlighted, 3);
    editor.findBar()->hide();
    editor.refreshVisibleMarks();
    QCOMPARE(editor.extraSelections().size(), 0);
}

QTEST_MAIN(TestMarkdownEditor)
#include "tst_markdowneditor.moc"
