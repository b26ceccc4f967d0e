// The Diagnostics dock: a broken document's Liquid error is listed with its
// file:line when the site opens and after the preview renders the document;
// clicking it opens the file with the cursor on that line.
#include "app/gui/diagnosticspanel.h"
#include "app/gui/mainwindow.h"
#include "common/files.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using folio::app::DiagnosticsPanel;
using folio::app::MainWindow;
using folio::tests::writeFile;

namespace {

// The row whose text starts with `location`, or null.
QTreeWidgetItem *rowAt(QTreeWidget *list, const QString &location)
{
    for (int g = 0; g < list->topLevelItemCount(); ++g)
        for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i)
            if (list->topLevelItem(g)->child(i)->text(0).startsWith(location))
                return list->topLevelItem(g)->child(i);
    return nullptr;
}

void click(QTreeWidget *list, QTreeWidgetItem *item)
{
    list->scrollToItem(item);
    const QRect rect = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

constexpr int kBrokenLine = 7;
const QByteArray kBroken = "---\n"
                           "title: Broken\n"
                           "---\n"
                           "First paragraph.\n"
                           "\n"
                           "Second paragraph.\n"
                           "Here {% nosuchtag %} breaks.\n"
                           "\n"
                           "Last paragraph.\n";

} // namespace

class TestDiagnostics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void panelListsAndOpens();
    void brokenDocumentOpensAtItsLine();
};

void TestDiagnostics::panelListsAndOpens()
{
    DiagnosticsPanel panel;
    panel.setSiteDir(QStringLiteral("/sites/a"));
    folio::site::Diagnostic error;
    error.file = QStringLiteral("_layouts/post.html");
    error.line = 12;
    error.column = 3;
    error.message = QStringLiteral("Unknown tag 'x'");
    folio::site::Diagnostic warning;
    warning.severity = folio::site::Severity::Warning;
    warning.file = QStringLiteral("_config.yml");
    warning.message = QStringLiteral("plugin not run");
    panel.setSiteDiagnostics({error, warning});
    panel.resize(600, 300);
    panel.show();
    QCOMPARE(panel.rows(), (QStringList{QStringLiteral("_layouts/post.html:12:3: Unknown tag 'x'"),
                                        QStringLiteral("_config.yml: plugin not run")}));
    QVERIFY(panel.windowTitle().contains(QStringLiteral("1 errors, 1 warnings")));
    QVERIFY(!rowAt(panel.list(), QStringLiteral("_layouts"))->icon(0).isNull());

    QSignalSpy open(&panel, &DiagnosticsPanel::openRequested);
    click(panel.list(), rowAt(panel.list(), QStringLiteral("_layouts/post.html")));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), QStringLiteral("/sites/a/_layouts/post.html"));
    QCOMPARE(open.first().at(1).toInt(), 12);

    panel.setDocumentDiagnostics(QStringLiteral("/sites/a/index.md"), {});
    QVERIFY(panel.list()->topLevelItem(0)->text(0).contains(QStringLiteral("index.md")));
    QCOMPARE(panel.list()->topLevelItem(0)->text(1), QStringLiteral("No problems"));
}

void TestDiagnostics::brokenDocumentOpensAtItsLine()
{
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    const QString broken = site + QStringLiteral("/_posts/2024-03-01-broken.md");
    writeFile(site, QStringLiteral("_posts/2024-03-01-broken.md"), kBroken);

    MainWindow window;
    window.show();
    QVERIFY(window.openSite(site));
    DiagnosticsPanel *panel = window.diagnosticsPanel();
    QVERIFY(panel);
    // The View menu toggles the dock.
    QAction *toggle = panel->toggleViewAction();
    QVERIFY(toggle->isChecked());
    toggle->trigger();
    QVERIFY(!panel->isVisible());
    toggle->trigger();
    QVERIFY(panel->isVisible());

    const QString location = QStringLiteral("_posts/2024-03-01-broken.md:%1").arg(kBrokenLine);
    QTreeWidgetItem *row = rowAt(panel->list(), location);
    QVERIFY2(row, qPrintable(panel->rows().join(QLatin1Char('\n'))));
    QVERIFY2(row->text(1).contains(QStringLiteral("nosuchtag")), qPrintable(row->text(1)));

    click(panel->list(), row);
    QCOMPARE(window.currentDocument(), broken);
    QCOMPARE(window.editor()->textCursor().blockNumber(), kBrokenLine - 1);
    QVERIFY(window.editor()->textCursor().block().text().contains(QStringLiteral("nosuchtag")));

    // Typing renders the document: its own group lists the error of the
    // edited text at its new line (a line added above moves the tag down).
    window.editor()->setPlainText(QString::fromUtf8(kBroken)
                                      .replace(QStringLiteral("First paragraph.\n"), QStringLiteral("First paragraph.\nMore.\n"))
                                      .replace(QStringLiteral("nosuchtag"), QStringLiteral("othertag")));
    QTextCursor cursor(window.editor()->document());
    cursor.movePosition(QTextCursor::End);
    window.editor()->setTextCursor(cursor);
    QTest::keyClicks(window.editor(), QStringLiteral("More."));
    const QString moved = QStringLiteral("_posts/2024-03-01-broken.md:%1").arg(kBrokenLine + 1);
    auto documentRowMoved = [&] {
        const QTreeWidgetItem *group = panel->list()->topLevelItem(0);
        return group->text(0).contains(QStringLiteral("2024-03-01-broken.md")) && group->childCount() > 0
               && group->child(0)->text(0).startsWith(moved) && group->child(0)->text(1).contains(QStringLiteral("othertag"));
    };
    QTest::qWaitFor(documentRowMoved, 20000);
    window.grab().save(QDir::tempPath() + QStringLiteral("/folio-diagnostics.png")); // to look at
    QVERIFY2(documentRowMoved(), qPrintable(panel->list()->topLevelItem(0)->text(0) + QLatin1Char('\n')
                                            + panel->rows().join(QLatin1Char('\n'))));
}

int main(int argc, char **argv)
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("FolioTest"));
    app.setApplicationName(QStringLiteral("tst_diagnostics"));
    TestDiagnostics test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_diagnostics.moc"
