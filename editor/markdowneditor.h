// The text of a document: a plain-text editor with line numbers, the
// Markdown/Liquid/math highlighter, a find/replace bar and spell checking.
// It emits `paused()` when the user stops typing, after a delay that grows
// with the document's size (as ghostwriter does), so the preview renders once
// per pause instead of once per key.
//
// Keeping typing fast on a 1 MB document: highlighting is per block (only the
// edited lines and their paragraph are redone), and spelling and match
// highlights are computed for the visible lines only, after a short pause.
#pragma once

#include <QPlainTextEdit>
#include <QTimer>

class QTextDocument;

namespace folio::editor {

// The document's text exactly as the user typed it, with '\n' between lines:
// what saving writes (before its BOM and CRLF) and what the preview renders.
// toPlainText() would turn no-break spaces into spaces and U+2028 (a line
// separator pasted in or read from the file) into line ends, so the preview
// would show another text than the file holds.
QString documentText(const QTextDocument *document);

class FindBar;
class Highlighter;
class SpellChecker;

class MarkdownEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MarkdownEditor(QWidget *parent = nullptr);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);
    // The pause before `paused()`: 150 ms, plus 50 ms per 100 KB of text.
    int pauseInterval() const;
    // The 1-based source line at the top of the viewport (for scroll sync).
    int firstVisibleLine() const;
    // Puts the cursor at the start of 1-based `line` and shows it.
    void goToLine(int line);

    Highlighter *highlighter() const { return m_highlighter; }
    FindBar *findBar() const { return m_findBar; }
    SpellChecker *spellChecker() const { return m_spell; }

    // The spelling dictionary for a site's `locale`/`lang` (empty: the
    // system's language; en_US when neither is installed). Without any
    // dictionary the editor works unchecked and says so once (notice()).
    void setSpellLanguage(const QString &siteLanguage);
    void setSpellCheckEnabled(bool enabled);
    bool spellCheckEnabled() const { return m_spellEnabled; }
    // The underlines of the visible lines, now rather than after the pause
    // (the context menu, tests and the benchmark use it).
    void refreshVisibleMarks();
    // The misspelt words underlined now: (position, length) in the document.
    QList<QPair<int, int>> misspeltRanges() const;

Q_SIGNALS:
    void paused();
    // Something the user should know once (shown in the status bar).
    void notice(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void layoutFindBar();
    void ensureSpellChecker();
    QPair<int, int> visibleRange() const;

    QWidget *m_lineNumbers;
    Highlighter *m_highlighter;
    FindBar *m_findBar;
    SpellChecker *m_spell;
    QTimer m_pause;
    QTimer m_marks; // visible-line spelling and match highlights
    bool m_spellEnabled = true;
    bool m_spellLanguageSet = false;
    QList<QPair<int, int>> m_misspelt;
};

} // namespace folio::editor
