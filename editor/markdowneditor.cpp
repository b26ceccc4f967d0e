#include "markdowneditor.h"

#include "findbar.h"
#include "highlighter.h"
#include "spellchecker.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

namespace folio::editor {

namespace {

class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(MarkdownEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    MarkdownEditor *m_editor;
};

} // namespace

MarkdownEditor::MarkdownEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_lineNumbers(new LineNumberArea(this)), m_highlighter(new Highlighter(document())),
      m_findBar(new FindBar(this, this)), m_spell(new SpellChecker(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter->setPalette(palette());
    m_pause.setSingleShot(true);
    connect(&m_pause, &QTimer::timeout, this, &MarkdownEditor::paused);
    connect(this, &QPlainTextEdit::textChanged, this, [this] { m_pause.start(pauseInterval()); });
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateLineNumberAreaWidth(); });
    connect(this, &QPlainTextEdit::updateRequest, this, &MarkdownEditor::updateLineNumberArea);

    // Underlines wait for a short pause in typing or scrolling: a keystroke
    // never pays for them.
    m_marks.setSingleShot(true);
    m_marks.setInterval(120);
    connect(&m_marks, &QTimer::timeout, this, &MarkdownEditor::refreshVisibleMarks);
    auto later = [this] { m_marks.start(); };
    connect(this, &QPlainTextEdit::textChanged, this, later);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, later);
    connect(m_findBar, &FindBar::matchesChanged, this, later);
    connect(m_spell, &SpellChecker::dictionaryChanged, this, later);

    auto addShortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(QKeySequence::Find, [this] { m_findBar->activate(false); layoutFindBar(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_H), [this] { m_findBar->activate(true); layoutFindBar(); });
    addShortcut(QKeySequence::FindNext, [this] { m_findBar->findNext(); });
    addShortcut(QKeySequence::FindPrevious, [this] { m_findBar->findPrevious(); });
    connect(m_findBar, &FindBar::matchesChanged, this, [this] { layoutFindBar(); });
    updateLineNumberAreaWidth();
}

void MarkdownEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    setTextCursor(QTextCursor(block));
    centerCursor();
    setFocus();
}

void MarkdownEditor::ensureSpellChecker()
{
    if (!m_spellLanguageSet)
        setSpellLanguage(QString());
}

void MarkdownEditor::setSpellLanguage(const QString &siteLanguage)
{
    m_spellLanguageSet = true;
    if (!m_spell->setLanguage(siteLanguage)) {
        // Said once per run, not once per document or site.
        static bool told = false;
        if (!told) {
            told = true;
            Q_EMIT notice(tr("Spell checking is off: no Hunspell dictionary is installed (e.g. the hunspell-en-us package)."));
        }
    }
    m_marks.start();
}

void MarkdownEditor::setSpellCheckEnabled(bool enabled)
{
    m_spellEnabled = enabled;
    refreshVisibleMarks();
}

// The document range on screen, with a screen's worth of lines below so a
// short scroll shows marks at once.
QPair<int, int> MarkdownEditor::visibleRange() const
{
    QTextBlock block = firstVisibleBlock();
    const int from = block.isValid() ? block.position() : 0;
    const qreal limit = 2.0 * viewport()->height();
    qreal top = block.isValid() ? blockBoundingGeometry(block).translated(contentOffset()).top() : 0;
    int to = from;
    while (block.isValid() && top <= limit) {
        to = block.position() + block.length();
        top += blockBoundingRect(block).height();
        block = block.next();
    }
    return {from, to};
}

void MarkdownEditor::refreshVisibleMarks()
{
    m_marks.stop();
    QList<QTextEdit::ExtraSelection> selections;
    const auto [from, to] = visibleRange();

    QTextCharFormat found;
    found.setBackground(m_highlighter->darkColours() ? QColor(0x6b, 0x5b, 0x00) : QColor(0xff, 0xe5, 0x8f));
    for (const auto &[position, length] : m_findBar->matchesIn(from, to)) {
        QTextCursor c(document());
        c.setPosition(position);
        c.setPosition(position + length, QTextCursor::KeepAnchor);
        selections.append({c, found});
    }

    m_misspelt.clear();
    if (m_spellEnabled) {
        ensureSpellChecker();
        QTextCharFormat wrong;
        wrong.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        wrong.setUnderlineColor(m_highlighter->darkColours() ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x10, 0x10));
        for (QTextBlock b = document()->findBlock(from); b.isValid() && b.position() < to; b = b.next())
            for (const SpellChecker::Word &w : m_spell->misspelt(b)) {
                QTextCursor c(document());
                c.setPosition(b.position() + w.start);
                c.setPosition(b.position() + w.start + w.length, QTextCursor::KeepAnchor);
                selections.append({c, wrong});
                m_misspelt.append({b.position() + w.start, w.length});
            }
    }
    setExtraSelections(selections);
}

QList<QPair<int, int>> MarkdownEditor::misspeltRanges() const { return m_misspelt; }

void MarkdownEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    const QTextCursor at = cursorForPosition(event->pos());
    const QTextBlock block = at.block();
    const int inBlock = at.position() - block.position();
    QAction *first = menu->actions().value(0);
    if (m_spellEnabled && m_spell->isAvailable())
        for (const SpellChecker::Word &w : m_spell->misspelt(block)) {
            if (inBlock < w.start || inBlock > w.start + w.length)
                continue;
            const QString word = block.text().mid(w.start, w.length);
            const int position = block.position() + w.start;
            const QStringList suggestions = m_spell->suggestions(word).mid(0, 8);
            for (const QString &s : suggestions) {
                auto *action = new QAction(s, menu);
                connect(action, &QAction::triggered, this, [this, position, word, s] {
                    QTextCursor c(document());
                    c.setPosition(position);
                    c.setPosition(position + int(word.size()), QTextCursor::KeepAnchor);
                    if (c.selectedText() == word)
                        c.insertText(s);
                });
                menu->insertAction(first, action);
            }
            if (suggestions.isEmpty()) {
                auto *none = new QAction(tr("No suggestions"), menu);
                none->setEnabled(false);
                menu->insertAction(first, none);
            }
            auto *add = new QAction(tr("Add “%1” to Dictionary").arg(word), menu);
            connect(add, &QAction::triggered, this, [this, word] { m_spell->addToPersonalDictionary(word); });
            menu->insertAction(first, add);
            menu->insertSeparator(first);
            break;
        }
    menu->exec(event->globalPos());
    delete menu;
}

void MarkdownEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

int MarkdownEditor::pauseInterval() const
{
    return 150 + int(document()->characterCount() / (100 * 1024)) * 50;
}

int MarkdownEditor::firstVisibleLine() const { return firstVisibleBlock().blockNumber() + 1; }

int MarkdownEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void MarkdownEditor::updateLineNumberAreaWidth()
{
    const int bottom = m_findBar && m_findBar->isVisible() ? m_findBar->sizeHint().height() : 0;
    setViewportMargins(lineNumberAreaWidth(), 0, 0, bottom);
}

// The find bar sits under the text, inside the editor, so the window's
// layout needs no place for it.
void MarkdownEditor::layoutFindBar()
{
    updateLineNumberAreaWidth();
    if (!m_findBar->isVisible())
        return;
    const QRect r = contentsRect();
    const int height = m_findBar->sizeHint().height();
    const int scrollBar = verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0;
    const int hScroll = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0;
    m_findBar->setGeometry(r.left(), r.bottom() + 1 - hScroll - height, r.width() - scrollBar, height);
}

void MarkdownEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void MarkdownEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
    layoutFindBar();
    m_marks.start();
}

void MarkdownEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().alternateBase());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top())
            painter.drawText(0, top, m_lineNumbers->width() - 4, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QString documentText(const QTextDocument *document)
{
    QString text = document->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

// Shift+Enter: QPlainTextEdit inserts U+2028, which looks like a line end but
// reaches the file as an invisible character that Markdown does not break at.
// In a Markdown file a line end is a line end.
void MarkdownEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::InsertLineSeparator)) {
        textCursor().insertBlock();
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace folio::editor
