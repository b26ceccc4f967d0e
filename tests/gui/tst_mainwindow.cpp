// The window on a site the test copies: the tree lists its documents, opening
// one shows its text, and typing reaches the preview's DOM.
#include "app/gui/mainwindow.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include "common/files.h"
#include "common/webview.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
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

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
