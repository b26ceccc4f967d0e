// The open document keeps its text safe: saves are atomic, byte-exact and
// keep the file's permissions; the title marks unsaved text; leaving asks;
// autosave keeps a recovery copy while dirty; a file changed by another
// program reloads when clean and asks when dirty; a deleted file keeps its
// text as unsaved. Questions are answered by an injected decider, so nothing
// blocks; a decider that is not expected to be called fails the test.
#include "app/gui/documentsession.h"
#include "app/gui/recovery.h"

#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <sys/stat.h>

using folio::app::DocumentSession;
using folio::app::FileFingerprint;
using folio::app::RecoveryStore;
using Answer = DocumentSession::Answer;
using Question = DocumentSession::Question;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// What another editor does on save: a new file renamed over the old one.
void replaceBytes(const QString &path, const QByteArray &bytes)
{
    writeBytes(path + QStringLiteral(".tmp~"), bytes);
    QVERIFY(::rename(qPrintable(path + QStringLiteral(".tmp~")), qPrintable(path)) == 0);
}

ino_t inodeOf(const QString &path)
{
    struct stat st {};
    return ::stat(qPrintable(path), &st) == 0 ? st.st_ino : 0;
}

void typeAtEnd(QPlainTextEdit *editor, const QString &text)
{
    QTextCursor cursor(editor->document());
    cursor.movePosition(QTextCursor::End);
    editor->setTextCursor(cursor);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, lines.at(i));
    }
}

// A window with an editor and its session, recovery copies in a temp folder.
struct Fixture {
    QTemporaryDir dir;
    QWidget window;
    QPlainTextEdit *editor = new QPlainTextEdit;
    DocumentSession *session = nullptr;
    QList<Question> asked;
    QList<Answer> answers;   // consumed in order by the decider

    Fixture()
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(editor);
        session = new DocumentSession(editor, &window);
        session->setRecoveryStore(RecoveryStore(dir.filePath(QStringLiteral("recovery"))));
        session->setSiteDirectory(dir.path());
        session->setDecider([this](Question q, const QString &) {
            asked << q;
            return answers.isEmpty() ? Answer::Cancel : answers.takeFirst();
        });
        window.show();
    }
    QString file(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        writeBytes(path, bytes);
        return path;
    }
};

} // namespace

class TestDocuments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveIsByteExact_data();
    void saveIsByteExact();
    void saveIsAtomicAndKeepsPermissions();
    void titleMarksUnsavedText();
    void leavingAsks();
    void autosaveKeepsRecoveryWhileDirty();
    void changedOnDiskReloadsWhenClean_data();
    void changedOnDiskReloadsWhenClean();
    void changedOnDiskAsksWhenDirty_data();
    void changedOnDiskAsksWhenDirty();
    void deletedOnDiskKeepsText();
    void recoveryOfferRestoresUnsaved();
};

void TestDocuments::saveIsByteExact_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("lf") << QByteArray("---\ntitle: A\n---\nBody\n") << QStringLiteral("x") << QByteArray("---\ntitle: A\n---\nBody\nx");
    QTest::newRow("crlf stays crlf") << QByteArray("---\r\ntitle: A\r\n---\r\nBody\r\n") << QStringLiteral("x\ny")
                                     << QByteArray("---\r\ntitle: A\r\n---\r\nBody\r\nx\r\ny");
    QTest::newRow("bom and nbsp kept") << QByteArray("\xEF\xBB\xBF---\ntitle: A\xC2\xA0" "B\n---\n") << QStringLiteral("z")
                                       << QByteArray("\xEF\xBB\xBF---\ntitle: A\xC2\xA0" "B\n---\nz");
    QTest::newRow("no final newline, unicode") << QByteArray("数学 $x^2$ — ok") << QStringLiteral("!")
                                               << QByteArray("数学 $x^2$ — ok!");
}

void TestDocuments::saveIsByteExact()
{
    QFETCH(QByteArray, original);
    QFETCH(QString, typed);
    QFETCH(QByteArray, expected);
    Fixture f;
    const QString path = f.file(QStringLiteral("doc.md"), original);
    QVERIFY(f.session->open(path));
    QVERIFY(!f.session->isModified());
    // Saving untouched text writes back the very same bytes.
    f.editor->document()->setModified(true);
    QVERIFY(f.session->save());
    QCOMPARE(readBytes(path), original);
    typeAtEnd(f.editor, typed);
    QVERIFY(f.session->isModified());
    QVERIFY(f.session->save());
    QCOMPARE(readBytes(path), expected);
    QVERIFY(!f.session->isModified());
}

void TestDocuments::saveIsAtomicAndKeepsPermissions()
{
    Fixture f;
    const QString path = f.file(QStringLiteral("post.md"), "old text\n");
    QVERIFY(::chmod(qPrintable(path), 0640) == 0);
    // A second name for the old file: an atomic save replaces the directory
    // entry, so the old inode still holds the old text, never a half-written one.
    const QString link = f.dir.filePath(QStringLiteral("old-link"));
    QVERIFY(::link(qPrintable(path), qPrintable(link)) == 0);
    const ino_t before = inodeOf(path);
    QVERIFY(f.session->open(path));
    typeAtEnd(f.editor, QStringLiteral("new"));
    QVERIFY(f.session->save());
    QCOMPARE(readBytes(path), QByteArray("old text\nnew"));
    QCOMPARE(readBytes(link), QByteArray("old text\n"));
    QVERIFY(inodeOf(path) != before);
    struct stat st {};
    QVERIFY(::stat(qPrintable(path), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0640);
    // No temporary file is left next to it.
    QCOMPARE(QDir(f.dir.path()).entryList(QDir::Files).size(), 2);
}

void TestDocuments::titleMarksUnsavedText()
{
    Fixture f;
    const QString path = f.file(QStringLiteral("about.md"), "About\n");
    QVERIFY(f.session->open(path));
    QVERIFY(f.window.windowTitle().startsWith(QStringLiteral("about.md[*]")));
    QVERIFY(!f.window.isWindowModified());
    typeAtEnd(f.editor, QStringLiteral("more"));
    QVERIFY(f.window.isWindowModified());
    QVERIFY(f.session->save());
    QVERIFY(!f.window.isWindowModified());
    // Undo back to the saved text is clean again, redo dirty.
    typeAtEnd(f.editor, QStringLiteral("z"));
    QVERIFY(f.window.isWindowModified());
    f.editor->undo();
    QVERIFY(!f.window.isWindowModified());
}

void TestDocuments::leavingAsks()
{
    Fixture f;
    const QString path = f.file(QStringLiteral("a.md"), "A\n");
    QVERIFY(f.session->open(path));
    QVERIFY(f.session->maybeSave());            // clean: nothing asked
    QVERIFY(f.asked.isEmpty());
    typeAtEnd(f.editor, QStringLiteral("typed"));

    f.answers = {Answer::Cancel};
    QVERIFY(!f.session->maybeSave());
    QCOMPARE(f.asked, QList<Question>{Question::SaveChanges});
    QVERIFY(f.session->isModified());
    QCOMPARE(f.editor->toPlainText(), QStringLiteral("A\ntyped"));

    f.answers = {Answer::Discard};
    QVERIFY(f.session->maybeSave());
    QCOMPARE(readBytes(path), QByteArray("A\n"));

    QVERIFY(f.session->open(path));
    typeAtEnd(f.editor, QStringLiteral("kept"));
    f.answers = {Answer::Save};
    QVERIFY(f.session->maybeSave());
    QCOMPARE(readBytes(path), QByteArray("A\nkept"));
}

void TestDocuments::autosaveKeepsRecoveryWhileDirty()
{
    Fixture f;
    f.session->setAutosaveInterval(100);
    const QString path = f.file(QStringLiteral("post.md"), "Body\n");
    QVERIFY(f.session->open(path));
    const RecoveryStore &store = f.session->recoveryStore();
    QTest::qWait(300);
    QVERIFY2(!store.find(path), "nothing to recover from a clean document");

    typeAtEnd(f.editor, QStringLiteral("unsaved words"));
    QTRY_VERIFY_WITH_TIMEOUT(store.find(path) && store.find(path)->text == QStringLiteral("Body\nunsaved words"), 5000);
    const auto entry = *store.find(path);
    QCOMPARE(entry.path, path);
    QVERIFY(entry.opened.sameContent(FileFingerprint::of(path)));
    QVERIFY(!entry.diskChanged());
    QVERIFY(QFile::exists(store.folder() + QLatin1Char('/') + RecoveryStore::keyOf(path) + QStringLiteral(".json")));
    QCOMPARE(readBytes(path), QByteArray("Body\n"));   // the document itself is untouched

    typeAtEnd(f.editor, QStringLiteral("!"));
    QTRY_VERIFY_WITH_TIMEOUT(store.find(path)->text.endsWith(QLatin1Char('!')), 5000);
    QVERIFY(f.session->save());
    QVERIFY2(!store.find(path), "saved: the recovery copy is gone");

    typeAtEnd(f.editor, QStringLiteral("again"));
    QTRY_VERIFY_WITH_TIMEOUT(store.find(path).has_value(), 5000);
    f.answers = {Answer::Discard};
    QVERIFY(f.session->maybeSave());
    QVERIFY2(!store.find(path), "discarded: the recovery copy is gone");
    QTest::qWait(300);
    QVERIFY(!store.find(path));
}

void TestDocuments::changedOnDiskReloadsWhenClean_data()
{
    QTest::addColumn<bool>("replace");
    QTest::newRow("written in place") << false;
    QTest::newRow("replaced by rename") << true;
}

void TestDocuments::changedOnDiskReloadsWhenClean()
{
    QFETCH(bool, replace);
    Fixture f;
    const QString path = f.file(QStringLiteral("page.md"), "one\n");
    QVERIFY(f.session->open(path));
    QSignalSpy reloaded(f.session, &DocumentSession::reloaded);
    for (const QByteArray &bytes : {QByteArray("two\n"), QByteArray("three\r\n")}) {
        if (replace)
            replaceBytes(path, bytes);
        else
            writeBytes(path, bytes);
        // Watched still after a replace: the second change is seen too.
        QTRY_COMPARE_WITH_TIMEOUT(f.editor->toPlainText(), QString::fromUtf8(bytes).remove(QLatin1Char('\r')), 5000);
        QVERIFY(!f.session->isModified());
    }
    QVERIFY2(f.asked.isEmpty(), "a clean document reloads without asking");
    QCOMPARE(reloaded.size(), 2);
    // The reloaded CRLF file saves back as CRLF.
    typeAtEnd(f.editor, QStringLiteral("four"));
    QVERIFY(f.session->save());
    QCOMPARE(readBytes(path), QByteArray("three\r\nfour"));
    // Our own save is not taken for another program's change.
    QTest::qWait(500);
    QVERIFY(f.asked.isEmpty());
    QCOMPARE(reloaded.size(), 2);
}

void TestDocuments::changedOnDiskAsksWhenDirty_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("keep mine") << int(Answer::KeepMine);
    QTest::newRow("load theirs") << int(Answer::LoadTheirs);
}

void TestDocuments::changedOnDiskAsksWhenDirty()
{
    QFETCH(int, answer);
    Fixture f;
    const QString path = f.file(QStringLiteral("post.md"), "base\n");
    QVERIFY(f.session->open(path));
    typeAtEnd(f.editor, QStringLiteral("mine"));
    f.answers = {Answer(answer)};
    replaceBytes(path, "theirs\n");
    QTRY_COMPARE_WITH_TIMEOUT(f.asked, QList<Question>{Question::ChangedOnDisk}, 5000);
    if (Answer(answer) == Answer::KeepMine) {
        QCOMPARE(f.editor->toPlainText(), QStringLiteral("base\nmine"));
        QVERIFY(f.session->isModified());
        QCOMPARE(readBytes(path), QByteArray("theirs\n"));
        QVERIFY(f.session->save());
        QCOMPARE(readBytes(path), QByteArray("base\nmine"));
    } else {
        QCOMPARE(f.editor->toPlainText(), QStringLiteral("theirs\n"));
        QVERIFY(!f.session->isModified());
        // Mine is one undo away.
        f.editor->undo();
        QCOMPARE(f.editor->toPlainText(), QStringLiteral("base\nmine"));
    }
    QTest::qWait(400);
    QCOMPARE(f.asked.size(), 1);   // asked once per change
}

void TestDocuments::deletedOnDiskKeepsText()
{
    Fixture f;
    const QString path = f.file(QStringLiteral("gone.md"), "text\n");
    QVERIFY(f.session->open(path));
    QSignalSpy deleted(f.session, &DocumentSession::deletedOnDisk);
    QVERIFY(QFile::remove(path));
    QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 5000);
    QCOMPARE(f.editor->toPlainText(), QStringLiteral("text\n"));
    QVERIFY(f.session->isModified());
    QVERIFY(f.window.isWindowModified());
    QVERIFY(f.session->recoveryStore().find(path).has_value());
    QVERIFY(f.asked.isEmpty());
    QVERIFY(f.session->save());
    QCOMPARE(readBytes(path), QByteArray("text\n"));
}

// The offer lists entries of this site only; Restore puts the text in the
// editor as unsaved without touching the file; Discard deletes the entry.
void TestDocuments::recoveryOfferRestoresUnsaved()
{
    Fixture f;
    const QString a = f.file(QStringLiteral("a.md"), "disk a\n");
    const QString b = f.file(QStringLiteral("b.md"), "disk b\n");
    const RecoveryStore &store = f.session->recoveryStore();
    QVERIFY(store.write(a, QStringLiteral("recovered a"), FileFingerprint::of(a)));
    QVERIFY(store.write(b, QStringLiteral("recovered b"), FileFingerprint::of(b)));
    QVERIFY(store.write(QStringLiteral("/elsewhere/c.md"), QStringLiteral("other site"), {}));
    QList<folio::app::RecoveryEntry> offered;
    f.session->setRecoveryChooser([&](const QList<folio::app::RecoveryEntry> &entries) {
        offered = entries;
        return QList<folio::app::RecoveryDecision>{{a, folio::app::RecoveryDecision::Action::Restore},
                                                   {b, folio::app::RecoveryDecision::Action::Discard}};
    });
    QCOMPARE(f.session->offerRecovery(), a);
    QCOMPARE(offered.size(), 2);
    QCOMPARE(f.session->path(), a);
    QCOMPARE(f.editor->toPlainText(), QStringLiteral("recovered a"));
    QVERIFY(f.session->isModified());
    QVERIFY(f.window.isWindowModified());
    QCOMPARE(readBytes(a), QByteArray("disk a\n"));
    QVERIFY(!store.find(b));
    QVERIFY(store.find(QStringLiteral("/elsewhere/c.md")));
    // Undo shows what the file holds.
    f.editor->undo();
    QCOMPARE(f.editor->toPlainText(), QStringLiteral("disk a\n"));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestDocuments test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_documents.moc"
