// The front-matter form of the open document. The editor's QTextDocument is
// the only copy of the text: the form reads the front matter from it, and
// every field edit is one minimal QTextCursor edit of that document (only the
// changed key's lines, through site/yaml/frontmatteredit.h), so undo/redo is
// one history for form and text, and the file keeps every other byte. When
// the user types in the front matter, the form follows (leaving alone the
// field that has the keyboard focus).
#pragma once

#include "editor/schema.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <string>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QTextDocument;
class QToolButton;
class QFormLayout;

namespace folio::site::model {
class Site;
}
namespace folio::site::yaml {
struct FrontMatterLayout;
struct TextEdit;
}

namespace folio::editor {

class FrontMatterForm final : public QWidget
{
    Q_OBJECT

public:
    explicit FrontMatterForm(QWidget *parent = nullptr);
    ~FrontMatterForm() override;

    // Shows the form of the document at `sourcePath` whose text is `document`
    // (the editor's). `site` (may be null) gives the collection, its keys,
    // the defaults and the layouts; it is read here only, so the window may
    // reload the site afterwards.
    void setDocument(QTextDocument *document, const site::model::Site *site, const QString &sourcePath);
    void clear();

    const Schema &schema() const { return m_schema; }
    // The keys with a field, in the form's order.
    QStringList fieldKeys() const;
    // The widget editing `key` (QLineEdit, QPlainTextEdit, QDateEdit, QCheckBox,
    // QComboBox), or null.
    QWidget *fieldWidget(const QString &key) const;
    // The warning shown under a field (a URL that is not one, invisible
    // characters, an edit the file cannot take), or null.
    QLabel *fieldWarning(const QString &key) const;
    // The whole front matter as text, shown instead of the fields.
    QToolButton *textToggle() const { return m_textToggle; }
    QPlainTextEdit *textView() const { return m_textView; }
    // Reads the document again now (normally done shortly after each change).
    void refresh();
    // Keys written below an empty front matter (Jekyll shows them as text):
    // the warning shown, and the fix it offers (moving those lines into the
    // front matter, one undo step).
    QString misplacedWarning() const;
    bool moveMisplacedKeys();

Q_SIGNALS:
    // An edit the form could not make (the front matter does not load, the
    // value would not read back); the message names the line and what to do.
    void editFailed(const QString &message);

private:
    struct Field;

    void rebuild();
    void updateValues(bool force);
    void addField(const FieldSpec &spec);
    QWidget *makeWidget(Field &field);
    void completeItems(QLineEdit *edit, const QStringList &known, Field *field);
    void setFieldValue(Field &field);
    void fieldEdited(Field &field);
    void showTextView(bool on);
    void textViewEdited();

    // The document's text from its start through the front matter's closing
    // line (the body is never needed), as the document's characters.
    QString frontMatterText() const;
    std::string currentUtf8() const;
    site::yaml::FrontMatterLayout readLayout(const std::string &text) const;
    // Applies an edit computed on `utf8` (frontMatterText() in UTF-8) as one
    // cursor edit, joined with the previous one when it continues the same
    // field's typing.
    void apply(const std::string &utf8, const site::yaml::TextEdit &edit, const QString &key);
    void scheduleRefresh(int position, int removed, int added);
    // The front matter and the first lines of the body after it.
    QString headText(int bodyLines) const;
    void updateMisplaced();

    QPointer<QTextDocument> m_document;
    std::string m_timezone;       // the site's, for dates with a time
    QString m_sourcePath, m_relativePath, m_type;
    Schema m_schema;
    std::vector<std::unique_ptr<Field>> m_fields;
    QStringList m_builtKeys;      // the document's own keys when the form was built

    QToolButton *m_textToggle;
    QLabel *m_title;
    QLabel *m_error;
    QWidget *m_misplaced;         // "keys below the front matter" and its Move button
    QLabel *m_misplacedText;
    QScrollArea *m_scroll;
    QWidget *m_fieldsWidget = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QPlainTextEdit *m_textView;
    QTimer m_refresh;

    bool m_applying = false;          // our own edit: contentsChange is not the user typing
    int m_frontMatterEnd = 0;         // characters of the document the front matter spans
    QString m_lastKey;                // the field of the last edit and the undo depth after it
    int m_lastUndoSteps = -1;
};

} // namespace folio::editor
