#include "findbar.h"
#include "markdowneditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace folio::editor {

namespace {

// Counting stops here: a number beyond it helps nobody and costs time.
constexpr int kCountLimit = 10000;

} // namespace

QRegularExpression searchPattern(const QString &text, const SearchOptions &options)
{
    QString body = options.regularExpression ? text : QRegularExpression::escape(text);
    if (options.wholeWords)
        body = QStringLiteral("(?<!\\w)(?:%1)(?!\\w)").arg(body);
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption
                                               | QRegularExpression::MultilineOption;
    if (!options.caseSensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(body, flags);
}

QString expandReplacement(const QRegularExpressionMatch &match, const QString &replacement, bool regularExpression)
{
    if (!regularExpression)
        return replacement;
    QString out;
    out.reserve(replacement.size());
    for (int i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement[i];
        const bool escape = (c == QLatin1Char('\\') || c == QLatin1Char('$')) && i + 1 < replacement.size();
        if (!escape) {
            out += c;
            continue;
        }
        const QChar n = replacement[i + 1];
        if (n.isDigit()) {
            out += match.captured(n.digitValue());
            ++i;
        } else if (c == QLatin1Char('\\') && n == QLatin1Char('n')) {
            out += QLatin1Char('\n');
            ++i;
        } else if (c == QLatin1Char('\\') && n == QLatin1Char('t')) {
            out += QLatin1Char('\t');
            ++i;
        } else if (n == c) {
            out += c; // \\ or $$
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

QString replaceAllInText(const QString &text, const QRegularExpression &pattern, const QString &replacement,
                         bool regularExpression, int *count)
{
    QString out;
    int last = 0, n = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += expandReplacement(m, replacement, regularExpression);
        last = int(m.capturedEnd());
        ++n;
    }
    if (count)
        *count = n;
    if (n == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

int replaceAllInDocument(QTextDocument *document, const QRegularExpression &pattern, const QString &replacement,
                         bool regularExpression)
{
    const QString text = documentText(document);
    struct Edit {
        int start, end;
        QString with;
    };
    QList<Edit> edits;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString with = expandReplacement(m, replacement, regularExpression);
        if (with != m.captured(0))
            edits.append({int(m.capturedStart()), int(m.capturedEnd()), with});
    }
    if (edits.isEmpty())
        return 0;
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    // From the last match back, so earlier positions stay valid.
    for (auto it = edits.crbegin(); it != edits.crend(); ++it) {
        cursor.setPosition(it->start);
        cursor.setPosition(it->end, QTextCursor::KeepAnchor);
        cursor.insertText(it->with);
    }
    cursor.endEditBlock();
    return int(edits.size());
}

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_find(new QLineEdit), m_replace(new QLineEdit), m_case(new QCheckBox(tr("Match case"))),
      m_words(new QCheckBox(tr("Whole words"))), m_regex(new QCheckBox(tr("Regular expression"))),
      m_previous(new QToolButton), m_next(new QToolButton), m_close(new QToolButton),
      m_replaceOne(new QPushButton(tr("Replace"))), m_replaceAll(new QPushButton(tr("Replace All"))),
      m_replaceRow(new QWidget), m_status(new QLabel)
{
    setAutoFillBackground(true);
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (F3)"));
    m_close->setText(QStringLiteral("×"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAutoRaise(true);
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(tr("%n match(es)", nullptr, 10000)) + 8);

    auto *findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_previous);
    findRow->addWidget(m_next);
    findRow->addWidget(m_case);
    findRow->addWidget(m_words);
    findRow->addWidget(m_regex);
    findRow->addWidget(m_status);
    findRow->addWidget(m_close);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(m_replaceOne);
    replaceRow->addWidget(m_replaceAll);
    replaceRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 3, 4, 3);
    layout->setSpacing(3);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    m_recount.setSingleShot(true);
    m_recount.setInterval(200);
    connect(&m_recount, &QTimer::timeout, this, &FindBar::recount);
    connect(m_find, &QLineEdit::textChanged, this, [this] {
        recount();
        // Typing in the field moves to the first match from where it was.
        QTextCursor c = m_editor->textCursor();
        c.setPosition(c.selectionStart());
        m_editor->setTextCursor(c);
        if (!m_find->text().isEmpty())
            find(false);
    });
    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    connect(m_replaceOne, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(m_replaceAll, &QPushButton::clicked, this, &FindBar::replaceAll);
    for (QCheckBox *box : {m_case, m_words, m_regex})
        connect(box, &QCheckBox::toggled, this, &FindBar::recount);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, &FindBar::scheduleRecount);
    hide();
}

void FindBar::activate(bool replace)
{
    m_replaceRow->setVisible(replace);
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    show();
    m_find->setFocus();
    m_find->selectAll();
    recount();
}

void FindBar::setFindText(const QString &text) { m_find->setText(text); }
QString FindBar::findText() const { return m_find->text(); }
void FindBar::setReplaceText(const QString &text) { m_replace->setText(text); }

void FindBar::setOptions(const SearchOptions &options)
{
    m_case->setChecked(options.caseSensitive);
    m_words->setChecked(options.wholeWords);
    m_regex->setChecked(options.regularExpression);
}

SearchOptions FindBar::options() const
{
    return {m_case->isChecked(), m_words->isChecked(), m_regex->isChecked()};
}

QRegularExpression FindBar::pattern() const { return searchPattern(m_find->text(), options()); }

bool FindBar::findNext() { return find(false); }
bool FindBar::findPrevious() { return find(true); }

bool FindBar::find(bool backward)
{
    const QRegularExpression re = pattern();
    if (m_find->text().isEmpty() || !re.isValid())
        return false;
    QTextDocument *doc = m_editor->document();
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = doc->find(re, m_editor->textCursor(), flags);
    // An empty match where the cursor already is would repeat forever.
    if (!found.isNull() && !found.hasSelection())
        found = doc->find(re, found.position() + (backward ? -1 : 1), flags);
    if (found.isNull()) {
        // Wrap around.
        QTextCursor from(doc);
        from.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        found = doc->find(re, from, flags);
        if (!found.isNull())
            m_status->setText(tr("Wrapped"));
    }
    if (found.isNull() || !found.hasSelection())
        return false;
    m_editor->setTextCursor(found);
    m_editor->centerCursor();
    return true;
}

bool FindBar::replaceCurrent()
{
    const QRegularExpression re = pattern();
    if (m_find->text().isEmpty() || !re.isValid())
        return false;
    QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection()) {
        // Only a selection that is a whole match is replaced.
        const auto m = re.match(documentText(m_editor->document()), cursor.selectionStart(),
                                QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (m.hasMatch() && m.capturedEnd() == cursor.selectionEnd()) {
            cursor.insertText(expandReplacement(m, m_replace->text(), m_regex->isChecked()));
            m_editor->setTextCursor(cursor);
        }
    }
    return findNext();
}

int FindBar::replaceAll()
{
    const QRegularExpression re = pattern();
    if (m_find->text().isEmpty() || !re.isValid())
        return 0;
    const int n = replaceAllInDocument(m_editor->document(), re, m_replace->text(), m_regex->isChecked());
    recount();
    m_status->setText(tr("%n replaced", nullptr, n));
    return n;
}

QList<QPair<int, int>> FindBar::matchesIn(int from, int to) const
{
    QList<QPair<int, int>> out;
    const QRegularExpression re = pattern();
    if (!isVisible() || m_find->text().isEmpty() || !re.isValid())
        return out;
    // Block by block over the range: a match never spans lines in the bar's
    // searches, and the range is the visible part of the document.
    for (QTextBlock b = m_editor->document()->findBlock(from); b.isValid() && b.position() < to; b = b.next())
        for (auto it = re.globalMatch(b.text()); it.hasNext();) {
            const auto m = it.next();
            if (m.capturedLength() > 0)
                out.append({b.position() + int(m.capturedStart()), int(m.capturedLength())});
        }
    return out;
}

void FindBar::scheduleRecount()
{
    if (isVisible())
        m_recount.start();
}

void FindBar::recount()
{
    const QRegularExpression re = pattern();
    if (m_find->text().isEmpty()) {
        m_count = 0;
        m_status->clear();
    } else if (!re.isValid()) {
        m_count = -1;
        m_status->setText(tr("Invalid expression"));
        m_status->setToolTip(re.errorString());
    } else {
        int n = 0;
        for (auto it = re.globalMatch(documentText(m_editor->document())); it.hasNext() && n < kCountLimit;) {
            if (it.next().capturedLength() > 0)
                ++n;
        }
        m_count = n;
        m_status->setToolTip(QString());
        m_status->setText(n >= kCountLimit ? tr("%1+ matches").arg(kCountLimit) : tr("%n match(es)", nullptr, n));
    }
    m_find->setStyleSheet(m_count == 0 && !m_find->text().isEmpty() || m_count < 0
                              ? QStringLiteral("QLineEdit{background:#f8d7da;color:#58151c}")
                              : QString());
    Q_EMIT matchesChanged();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    if (event->key() == Qt::Key_F3) {
        find(event->modifiers() & Qt::ShiftModifier);
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    Q_EMIT matchesChanged();
}

} // namespace folio::editor
