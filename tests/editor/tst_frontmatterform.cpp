// The front-matter form on a small academicpages-like site the test writes:
// the fields of a publication with the defaults as placeholders, a title
// change that reaches the file as one changed line, undo through the editor's
// history, the link warnings, and the form following the text.
#include "editor/frontmatterform.h"
#include "site/core/diagnostic.h"
#include "site/model/site.h"

#include "common/files.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>

using folio::editor::FrontMatterForm;
using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

const QByteArray kPublication = "---\n"
                                "title: \"Paper Title Number 1\"\n"
                                "collection: publications\n"
                                "permalink: /publication/2009-10-01-paper-title-number-1\n"
                                "excerpt: 'This paper is about the number 1.' # shown in lists\n"
                                "date: 2009-10-01\n"
                                "venue: 'Journal 1'\n"
                                "paperurl: 'http://academicpages.github.io/files/paper1.pdf'\n"
                                "citation: 'Your Name, You. (2009). \"Paper Title Number 1.\" <i>Journal 1</i>. 1(1).'\n"
                                "---\n"
                                "This paper is about the number 1.\n";

void writeSite(const QString &root)
{
    writeFile(root, QStringLiteral("_config.yml"),
              "title: Test\n"
              "timezone: America/Los_Angeles\n"
              "collections:\n"
              "  publications:\n"
              "    output: true\n"
              "    permalink: /:collection/:path/\n"
              "defaults:\n"
              "  - scope:\n"
              "      path: \"\"\n"
              "      type: publications\n"
              "    values:\n"
              "      layout: single\n"
              "      author_profile: true\n"
              "      share: true\n");
    writeFile(root, QStringLiteral("_layouts/default.html"), "{{ content }}\n");
    writeFile(root, QStringLiteral("_layouts/single.html"), "---\nlayout: default\n---\n{{ content }}\n");
    writeFile(root, QStringLiteral("_publications/2009-10-01-paper-title-number-1.md"), kPublication);
    writeFile(root, QStringLiteral("_publications/2010-10-01-paper-title-number-2.md"),
              "---\ntitle: 'Paper 2'\ncollection: publications\ndoi: 10.1000/xyz\nheader:\n  teaser: t.png\n---\nText.\n");
}

// The lines of `after` that differ from `before` (same line count expected).
QStringList changedLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = before.split('\n'), b = after.split('\n');
    QStringList changed;
    if (a.size() != b.size())
        return {QStringLiteral("line count %1 -> %2").arg(a.size()).arg(b.size())};
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            changed << QStringLiteral("%1: %2").arg(i + 1).arg(QString::fromUtf8(b[i]));
    return changed;
}

// Types `text` as key presses (QTest::keyClicks takes Latin-1 only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace

class TestFrontMatterForm final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void publicationFields();
    void titleEditChangesOneLine();
    void linkWarnings();
    void followsTheText();
    void dateKeepsItsLine();
    void textView();
    void keysBelowTheFrontMatter();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<folio::site::model::Site> m_site;
    folio::site::DiagnosticSink m_sink;
    std::unique_ptr<QWidget> m_window;
    QPlainTextEdit *m_editor = nullptr;
    FrontMatterForm *m_form = nullptr;
    QString m_path;
};

void TestFrontMatterForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    writeSite(m_dir->path());
    m_site = folio::site::model::Site::load(m_dir->path(), {}, m_sink);
    QVERIFY(m_site);
    m_path = m_dir->path() + QStringLiteral("/_publications/2009-10-01-paper-title-number-1.md");
    m_window = std::make_unique<QWidget>();
    auto *layout = new QHBoxLayout(m_window.get());
    m_form = new FrontMatterForm;
    m_editor = new QPlainTextEdit;
    layout->addWidget(m_form, 1);
    layout->addWidget(m_editor, 1);
    m_window->resize(1100, 700);
    m_editor->setPlainText(QString::fromUtf8(readFile(m_path)));
    m_form->setDocument(m_editor->document(), m_site.get(), m_path);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestFrontMatterForm::cleanup()
{
    m_window.reset();
    m_site.reset();
    m_dir.reset();
}

void TestFrontMatterForm::publicationFields()
{
    const QStringList keys = m_form->fieldKeys();
    const QStringList academicpages{QStringLiteral("title"), QStringLiteral("collection"), QStringLiteral("category"),
                                    QStringLiteral("permalink"), QStringLiteral("excerpt"), QStringLiteral("date"),
                                    QStringLiteral("venue"), QStringLiteral("slidesurl"), QStringLiteral("paperurl"),
                                    QStringLiteral("bibtexurl"), QStringLiteral("citation")};
    QCOMPARE(keys.mid(0, academicpages.size()), academicpages);
    // The defaults of _config.yml and the keys of the other publication.
    for (const char *k : {"layout", "author_profile", "share", "doi", "header"})
        QVERIFY2(keys.contains(QLatin1String(k)), k);

    QCOMPARE(qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("title")))->text(), QStringLiteral("Paper Title Number 1"));
    QCOMPARE(qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("venue")))->text(), QStringLiteral("Journal 1"));
    QCOMPARE(qobject_cast<QPlainTextEdit *>(m_form->fieldWidget(QStringLiteral("excerpt")))->toPlainText(),
             QStringLiteral("This paper is about the number 1."));
    QCOMPARE(qobject_cast<QDateEdit *>(m_form->fieldWidget(QStringLiteral("date")))->date(), QDate(2009, 10, 1));
    auto *layout = qobject_cast<QComboBox *>(m_form->fieldWidget(QStringLiteral("layout")));
    QVERIFY(layout);
    QCOMPARE(layout->currentText(), QString());
    QCOMPARE(layout->lineEdit()->placeholderText(), QStringLiteral("single"));   // the default, as a placeholder
    QVERIFY(layout->findText(QStringLiteral("single")) >= 0 && layout->findText(QStringLiteral("default")) >= 0);
    auto *profile = qobject_cast<QCheckBox *>(m_form->fieldWidget(QStringLiteral("author_profile")));
    QVERIFY(profile);
    QCOMPARE(profile->checkState(), Qt::PartiallyChecked);
    QVERIFY2(profile->text().contains(QStringLiteral("true")), qPrintable(profile->text()));
    QVERIFY(qobject_cast<QPlainTextEdit *>(m_form->fieldWidget(QStringLiteral("header"))));   // a map: raw YAML
    QVERIFY(qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("doi"))));
    QVERIFY(m_form->fieldWarning(QStringLiteral("paperurl"))->isHidden());
    m_window->grab().save(QDir::tempPath() + QStringLiteral("/folio-form-publication.png"));
}

void TestFrontMatterForm::titleEditChangesOneLine()
{
    auto *title = qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("title")));
    title->setFocus();
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("A Better Title"));
    // Saving is writing the editor's text.
    const QByteArray saved = m_editor->toPlainText().toUtf8();
    QCOMPARE(changedLines(kPublication, saved), QStringList{QStringLiteral("2: title: \"A Better Title\"")});
    // Fourteen keystrokes, one step of the editor's undo history.
    m_editor->setFocus();
    m_editor->document()->undo();
    QCOMPARE(m_editor->toPlainText().toUtf8(), kPublication);
    QTRY_COMPARE(title->text(), QStringLiteral("Paper Title Number 1"));
    m_editor->document()->redo();
    QCOMPARE(m_editor->toPlainText().toUtf8(), saved);
    QTRY_COMPARE(title->text(), QStringLiteral("A Better Title"));
}

void TestFrontMatterForm::linkWarnings()
{
    auto *url = qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("paperurl")));
    QLabel *warning = m_form->fieldWarning(QStringLiteral("paperurl"));
    url->setFocus();
    url->selectAll();
    typeText(url, QStringLiteral("https://example.org/paper") + QChar(0x200B) + QStringLiteral(".pdf"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("U+200B")), qPrintable(warning->text()));
    // The form writes what was typed; the warning is what tells.
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("paperurl: 'https://example.org/paper\u200B.pdf'")));
    m_window->grab().save(QDir::tempPath() + QStringLiteral("/folio-form-warning.png"));

    url->selectAll();
    typeText(url, QStringLiteral("https://example.org/paper") + QChar(0x00A0) + QStringLiteral(".pdf"));
    QVERIFY2(warning->text().contains(QStringLiteral("U+00A0")), qPrintable(warning->text()));
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("see the journal"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("not a link")), qPrintable(warning->text()));
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("/files/paper1.pdf"));
    QVERIFY(warning->isHidden());
}

void TestFrontMatterForm::followsTheText()
{
    // Typing in the editor's front matter updates the form.
    QTextCursor cursor = m_editor->document()->find(QStringLiteral("Journal 1"));
    QVERIFY(!cursor.isNull());
    m_editor->setFocus();
    cursor.insertText(QStringLiteral("Journal 9"));
    QTRY_COMPARE(qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("venue")))->text(), QStringLiteral("Journal 9"));
    // A new key gets its field.
    cursor = m_editor->document()->find(QStringLiteral("venue:"));
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.insertText(QStringLiteral("location: \"Paris, France\"\n"));
    QTRY_VERIFY(m_form->fieldKeys().contains(QStringLiteral("location")));
    QCOMPARE(qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("location")))->text(), QStringLiteral("Paris, France"));
    // Broken YAML: the form says where and stops editing.
    cursor.insertText(QStringLiteral("bad: [\n"));
    QTRY_VERIFY(!m_form->fieldWidget(QStringLiteral("title"))->isEnabled());
}

void TestFrontMatterForm::dateKeepsItsLine()
{
    auto *date = qobject_cast<QDateEdit *>(m_form->fieldWidget(QStringLiteral("date")));
    date->setDate(QDate(2011, 2, 3));
    QCOMPARE(changedLines(kPublication, m_editor->toPlainText().toUtf8()), QStringList{QStringLiteral("6: date: 2011-02-03")});
    auto *share = qobject_cast<QCheckBox *>(m_form->fieldWidget(QStringLiteral("share")));
    share->setCheckState(Qt::Unchecked);
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("citation: 'Your Name, You. (2009). \"Paper Title Number 1.\" <i>Journal 1</i>. 1(1).'\nshare: false\n---\n")));
    share->setCheckState(Qt::PartiallyChecked);
    QVERIFY(!m_editor->toPlainText().contains(QStringLiteral("share:")));
}

void TestFrontMatterForm::textView()
{
    QVERIFY(m_form->textView()->isHidden());
    m_form->textToggle()->click();
    QVERIFY(m_form->textView()->isVisible());
    QVERIFY(m_form->textView()->toPlainText().startsWith(QStringLiteral("title: \"Paper Title Number 1\"\n")));
    QTextCursor cursor = m_form->textView()->document()->find(QStringLiteral("Journal 1"));
    cursor.insertText(QStringLiteral("Journal 2"));
    QCOMPARE(changedLines(kPublication, m_editor->toPlainText().toUtf8()), QStringList{QStringLiteral("7: venue: 'Journal 2'")});
}

void TestFrontMatterForm::keysBelowTheFrontMatter()
{
    // As in academicpages' seed publications: an empty front matter and the
    // keys under it. The form says so and moves them, as one undo step.
    const QString text = QStringLiteral("---\n---\ntitle: \"Moved\"\nvenue: 'V'\n\nBody.\n");
    m_editor->setPlainText(text);
    QTRY_VERIFY(!m_form->misplacedWarning().isEmpty());
    QVERIFY2(m_form->misplacedWarning().contains(QStringLiteral("title, venue")), qPrintable(m_form->misplacedWarning()));
    QVERIFY(m_form->moveMisplacedKeys());
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("---\ntitle: \"Moved\"\nvenue: 'V'\n---\n\nBody.\n"));
    QTRY_COMPARE(qobject_cast<QLineEdit *>(m_form->fieldWidget(QStringLiteral("title")))->text(), QStringLiteral("Moved"));
    QVERIFY(m_form->misplacedWarning().isEmpty());
    m_editor->document()->undo();
    QCOMPARE(m_editor->toPlainText(), text);
}

QTEST_MAIN(TestFrontMatterForm)
#include "tst_frontmatterform.moc"
