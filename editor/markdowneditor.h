// The text of a document: a plain-text editor with line numbers and the
// Markdown/Liquid/math highlighter. It emits `paused()` when the user stops
// typing, after a delay that grows with the document's size (as ghostwriter
// does), so the preview renders once per pause instead of once per key.
#pragma once

#include <QPlainTextEdit>
#include <QTimer>

namespace folio::editor {

class Highlighter;

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

Q_SIGNALS:
    void paused();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);

    QWidget *m_lineNumbers;
    Highlighter *m_highlighter;
    QTimer m_pause;
};

} // namespace folio::editor
