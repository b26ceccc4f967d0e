// Find and replace in the open document (Ctrl+F, Ctrl+H): a bar at the
// bottom of the editor with next/previous, case, whole words, regular
// expressions, replace, replace all (one undo step) and the match count.
// The search helpers are shared with the site-wide search.
#pragma once

#include <QRegularExpression>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextDocument;
class QToolButton;

namespace folio::editor {

struct SearchOptions {
    bool caseSensitive = false;
    bool wholeWords = false;
    bool regularExpression = false;
};

// The pattern a search text stands for (escaped unless a regular
// expression); !isValid() with errorString() for a broken expression.
QRegularExpression searchPattern(const QString &text, const SearchOptions &options);
// What replaces one match: with regular expressions \0…\9 and $0…$9 are the
// captured groups, \n and \t a newline and a tab, \\ a backslash; otherwise
// the replacement as written.
QString expandReplacement(const QRegularExpressionMatch &match, const QString &replacement, bool regularExpression);
// `text` with every match replaced; *count receives the number of matches.
QString replaceAllInText(const QString &text, const QRegularExpression &pattern, const QString &replacement,
                         bool regularExpression, int *count = nullptr);
// Replaces every match in `document` in one edit block, so one undo takes
// them all back; the document's undo stack is kept. Returns the count.
int replaceAllInDocument(QTextDocument *document, const QRegularExpression &pattern, const QString &replacement,
                         bool regularExpression);

class FindBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    // Shows the bar (with the replace row when `replace`), takes the
    // selection as the search text and focuses the search field.
    void activate(bool replace = false);

    void setFindText(const QString &text);
    QString findText() const;
    void setReplaceText(const QString &text);
    void setOptions(const SearchOptions &options);
    SearchOptions options() const;

    bool findNext();
    bool findPrevious();
    // Replaces the selected match (if the selection is one) and finds the next.
    bool replaceCurrent();
    int replaceAll();
    // Matches in the whole document; -1 when the expression is invalid.
    int matchCount() const { return m_count; }
    // Matches overlapping [from, to), for highlighting the visible ones.
    QList<QPair<int, int>> matchesIn(int from, int to) const;

Q_SIGNALS:
    void matchesChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool find(bool backward);
    QRegularExpression pattern() const;
    void recount();
    void scheduleRecount();

    QPlainTextEdit *m_editor;
    QLineEdit *m_find, *m_replace;
    QCheckBox *m_case, *m_words, *m_regex;
    QToolButton *m_previous, *m_next, *m_close;
    QPushButton *m_replaceOne, *m_replaceAll;
    QWidget *m_replaceRow;
    QLabel *m_status;
    QTimer m_recount;
    int m_count = 0;
};

} // namespace folio::editor
