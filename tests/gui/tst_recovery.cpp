// Kill during editing -> recovery offers the text. The test runs its own
// executable again as a child (`--edit-and-wait SITE`) that opens the site,
// types into a post and waits until the autosave has written the recovery
// copy; the test SIGKILLs it, then opens a window on the same site with the
// same XDG folders: the offer lists the typed text, Restore puts it in the
// editor as unsaved, and the file on disk is what it was.
#include "app/gui/documentsession.h"
#include "app/gui/mainwindow.h"
#include "app/gui/recovery.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include "common/files.h"

#include <QApplication>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using folio::app::MainWindow;
using folio::app::RecoveryDialog;

namespace {

const char kChildFlag[] = "--edit-and-wait";
const QString kTyped = QStringLiteral("Words typed just before the crash.");

QString postOf(const QString &site) { return site + QStringLiteral("/_posts/2023-11-02-hello.md"); }

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void setupApplication()
{
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    QApplication::setApplicationName(QStringLiteral("tst_recovery"));
}

// The child: edits and then waits to be killed (never saves, never quits).
int editAndWait(const QString &site)
{
    MainWindow window;
    window.show();
    window.session()->setAutosaveInterval(300);
    window.session()->setDecider([](auto, const QString &) { return folio::app::DocumentSession::Answer::Cancel; });
    if (!window.openSite(site) || !window.openDocument(postOf(site)))
        return 2;
    QTextCursor cursor(window.editor()->document());
    cursor.movePosition(QTextCursor::End);
    window.editor()->setTextCursor(cursor);
    QTest::keyClick(window.editor(), Qt::Key_Return);
    QTest::keyClicks(window.editor(), kTyped);
    const auto &store = window.session()->recoveryStore();
    if (!QTest::qWaitFor([&] { return store.find(postOf(site)) && store.find(postOf(site))->text.contains(kTyped); }, 20000))
        return 3;
    std::fputs("AUTOSAVED\n", stdout);
    std::fflush(stdout);
    return QApplication::exec();
}

} // namespace

class TestRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringEditingOffersTheText();
};

void TestRecovery::killDuringEditingOffersTheText()
{
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    QVERIFY(!site.isEmpty());
    const QByteArray original = readBytes(postOf(site));
    QVERIFY(!original.isEmpty());

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kChildFlag), site});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QByteArray childOutput;
    QTRY_VERIFY_WITH_TIMEOUT((childOutput += child.readAllStandardOutput()).contains("AUTOSAVED")
                                 || child.state() != QProcess::Running,
                             60000);
    QVERIFY2(child.state() == QProcess::Running, "the child stopped before it was killed");
    child.kill();   // SIGKILL: no destructor, no close event, nothing saved
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(readBytes(postOf(site)), original);

    // The next start: the offer appears as a dialog; the test reads it and
    // presses Restore, as a user would.
    QString offeredText, offeredItem;
    bool dialogSeen = false;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<RecoveryDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        dialogSeen = true;
        offeredItem = dialog->list()->count() == 1 ? dialog->list()->item(0)->text() : QStringLiteral("<%1 items>").arg(dialog->list()->count());
        offeredText = dialog->textPreview()->toPlainText();
        dialog->grab().save(QDir::temp().filePath(QStringLiteral("folio-recovery-dialog.png")));
        dialog->restoreSelected();
    });
    poll.start();
    MainWindow window;
    window.show();
    QVERIFY(window.openSite(site));
    poll.stop();
    QVERIFY2(dialogSeen, "no recovery offer after the kill");
    QVERIFY2(offeredItem.contains(QStringLiteral("_posts/2023-11-02-hello.md")), qPrintable(offeredItem));
    QVERIFY2(offeredText.contains(kTyped), qPrintable(offeredText));

    QCOMPARE(window.currentDocument(), postOf(site));
    QVERIFY(window.editor()->toPlainText().contains(kTyped));
    QVERIFY(window.editor()->document()->isModified());
    QVERIFY(window.isWindowModified());
    QCOMPARE(readBytes(postOf(site)), original);

    // Saving now writes the restored text and clears the recovery copy.
    QVERIFY(window.session()->save());
    QVERIFY(readBytes(postOf(site)).contains(kTyped.toUtf8()));
    QVERIFY(!window.session()->recoveryStore().find(postOf(site)));
}

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    setupApplication();
    if (argc == 3 && qstrcmp(argv[1], kChildFlag) == 0)
        return editAndWait(QString::fromLocal8Bit(argv[2]));
    TestRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
