// The window on a site the test copies: the tree lists its documents, opening
// one shows its text, typing reaches the preview's DOM (character for
// character, as saving writes it), and the window's layout survives a restart.
#include "app/gui/diagnosticspanel.h"
#include "app/gui/documentsession.h"
#include "app/gui/mainwindow.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include "common/files.h"
#include "common/webview.h"

#include <QApplication>
#include <QDir>
#include <QLayout>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWebEnginePage>
#include <QWebEngineView>

using folio::app::MainWindow;

using folio::tests::evaluate;

namespace {

// A copy of Folio's sample site the test may change.
// Runs `script` in the preview and waits for its result.
QStringList treeLabels(const QTreeWidget *tree)
{
    QStringList labels;
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            labels << tree->topLevelItem(g)->text(0) + QLatin1Char('|') + tree->topLevelItem(g)->child(i)->text(0);
    return labels;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingReachesThePreview();
    void previewAndFileGetTheSameText();
    void layoutIsRestored();
};

void TestMainWindow::typingReachesThePreview()
{
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    MainWindow window;
    window.show();
    QVERIFY(window.openSite(site));
    const QStringList labels = treeLabels(window.siteTree());
    QVERIFY2(labels.contains(QStringLiteral("Posts|Hello")), qPrintable(labels.join(QLatin1Char(','))));
    // Drafts are listed (and previewed) though a publish leaves them out.
    QVERIFY2(std::any_of(labels.begin(), labels.end(), [](const QString &l) { return l.startsWith(QLatin1String("Drafts|")); }),
             qPrintable(labels.join(QLatin1Char(','))));

    const QString post = site + QStringLiteral("/_posts/2023-11-02-hello.md");
    QVERIFY(window.openDocument(post));
    QVERIFY(window.editor()->toPlainText().startsWith(QStringLiteral("---")));
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(window.previewView(), QStringLiteral("document.readyState")).toString() == QStringLiteral("complete"), 20000);

    QTextCursor cursor(window.editor()->document());
    cursor.movePosition(QTextCursor::End);
    window.editor()->setTextCursor(cursor);
    QTest::keyClick(window.editor(), Qt::Key_Return);
    QTest::keyClick(window.editor(), Qt::Key_Return);
    QTest::keyClicks(window.editor(), QStringLiteral("A sentence typed in the editor."));
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(window.previewView(), QStringLiteral("document.body.innerText"))
                                 .toString()
                                 .contains(QStringLiteral("A sentence typed in the editor.")),
                             20000);
    // Nothing was saved: the file on disk is as it was.
    QFile file(post);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("typed in the editor"));
}

// A no-break space typed, and one with a U+2028 already in the file, reach
// the preview's page as they are, and saving writes the same characters.
void TestMainWindow::previewAndFileGetTheSameText()
{
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    const QString post = site + QStringLiteral("/_posts/2024-02-01-exact.md");
    folio::tests::writeFile(site, QStringLiteral("_posts/2024-02-01-exact.md"),
                            "---\ntitle: Exact\n---\nKept\u00a0nbsp and line\u2028separator.\n\n");
    MainWindow window;
    window.show();
    QVERIFY(window.openSite(site));
    QVERIFY(window.openDocument(post));
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(window.previewView(), QStringLiteral("document.readyState")).toString() == QStringLiteral("complete"), 20000);
    window.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window.editor(), QStringLiteral("Typed") + QChar(0x00A0) + QStringLiteral("here."));
    const QString typed = QStringLiteral("Typed") + QChar(0x00A0) + QStringLiteral("here.");
    const QString script = QStringLiteral("document.body.textContent");
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(window.previewView(), script).toString().contains(typed), 20000);
    const QString page = evaluate(window.previewView(), script).toString();
    QVERIFY2(page.contains(QStringLiteral("Kept") + QChar(0x00A0) + QStringLiteral("nbsp")), qPrintable(page));
    QVERIFY2(page.contains(QStringLiteral("line") + QChar(QChar::LineSeparator) + QStringLiteral("separator")), qPrintable(page));

    QVERIFY(window.session()->save());
    QFile file(post);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("---\ntitle: Exact\n---\nKept") + QChar(0x00A0) + QStringLiteral("nbsp and line")
                 + QChar(QChar::LineSeparator) + QStringLiteral("separator.\n\n") + typed);
}

// Splitters, docks and the window's geometry are as the user left them when
// the window opens again.
void TestMainWindow::layoutIsRestored()
{
    QSettings().remove(QStringLiteral("window"));
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    const QRect geometry(40, 30, 1300, 850);
    QList<int> mainSizes, editorSizes;
    {
        MainWindow window;
        window.setGeometry(geometry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openSite(site));
        auto *mainSplitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        auto *editorSplitter = window.findChild<QSplitter *>(QStringLiteral("editorSplitter"));
        QVERIFY(mainSplitter && editorSplitter);
        // The dock first: hiding it gives its height to the splitters.
        window.diagnosticsPanel()->hide();
        window.layout()->activate();
        mainSplitter->setSizes({200, 700, 400});
        editorSplitter->setSizes({120, 600});
        QCoreApplication::processEvents();
        mainSizes = mainSplitter->sizes();
        editorSizes = editorSplitter->sizes();
        QVERIFY(editorSizes.front() < 200); // the form was given less room than it opens with
        QVERIFY(window.close());
    }
    MainWindow again; // as on the next start, which reopens the last site
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(again.openSite(site));
    QCOMPARE(again.size(), geometry.size());
    QVERIFY(!again.diagnosticsPanel()->isVisible());
    QTRY_COMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), mainSizes);
    QTRY_COMPARE(again.findChild<QSplitter *>(QStringLiteral("editorSplitter"))->sizes(), editorSizes);
    QSettings().remove(QStringLiteral("window")); // the next run's first window opens as a new user's
}

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
