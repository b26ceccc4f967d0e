// The preview inside the window: a link clicked in the preview opens that
// page's document in the editor, and the editor's scrolling moves the preview.
#include "app/gui/mainwindow.h"
#include "editor/markdowneditor.h"
#include "preview/previewview.h"
#include "preview/schemehandler.h"

#include "common/files.h"
#include "common/webview.h"

#include <QApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>

using folio::app::MainWindow;

using folio::tests::evaluate;

namespace {

} // namespace

class TestPreviewWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkInThePreviewOpensItsDocument();
};

void TestPreviewWindow::linkInThePreviewOpensItsDocument()
{
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    MainWindow window;
    window.show();
    QVERIFY(window.openSite(site));
    const QString post = site + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    const QString hello = site + QStringLiteral("/_posts/2023-11-02-hello.md");
    QVERIFY(window.openDocument(post));
    folio::preview::PreviewView *view = window.previewView();
    QTRY_VERIFY_WITH_TIMEOUT(view->isLoaded() && view->currentPath().contains(QLatin1String("normalizing")), 30000);

    const QVariantList point = evaluate(view, QStringLiteral(
        "(function(){var a=[].find.call(document.querySelectorAll('article a'),function(x){return x.textContent.indexOf('Hello')>=0;});"
        "a.scrollIntoView();var r=a.getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2];})()")).toList();
    QCOMPARE(point.size(), 2);
    QTest::mouseClick(view->focusProxy() ? view->focusProxy() : view, Qt::LeftButton, {}, QPoint(point[0].toInt(), point[1].toInt()));
    QTRY_COMPARE_WITH_TIMEOUT(window.currentDocument(), hello, 15000);
    QVERIFY(window.editor()->toPlainText().contains(QStringLiteral("title:")));
    QTRY_VERIFY_WITH_TIMEOUT(view->isLoaded() && view->currentPath().contains(QLatin1String("hello")), 15000);
    QVERIFY(view->blockedRequests().isEmpty());
}

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestPreviewWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_previewwindow.moc"
