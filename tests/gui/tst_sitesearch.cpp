// Find/replace across a site as the user gets it: every text file of the
// source is searched (not _site, .git or images), results are file:line with
// the line; Replace All writes only the files whose text changes, leaves every
// other byte as it was (BOM, CRLF), and changes the document open in the
// editor in the editor (unsaved, one undo step), never on disk. In the window,
// Ctrl+Shift+F opens the panel and a double-click opens the file at the line.
#include "app/gui/mainwindow.h"
#include "app/gui/sitesearch.h"
#include "app/gui/sitesearchpanel.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include "common/files.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using folio::app::OpenDocument;
using folio::app::SiteSearch;
using folio::app::SiteSearchPanel;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// A small site with the awkward cases.
QMap<QString, QByteArray> siteFiles()
{
    return {
        {QStringLiteral("_config.yml"), "title: Gadget lab\nurl: https://gadget.example\n"},
        {QStringLiteral("_posts/2024-01-01-a.md"), "---\ntitle: A gadget\n---\nThe gadget works.\nNothing else.\n"},
        {QStringLiteral("_posts/2024-01-02-b.md"), "---\ntitle: B\n---\nNo match here.\n"},
        {QStringLiteral("_posts/2024-01-03-open.md"), "---\ntitle: Open\n---\nOn disk: gadget.\n"},
        {QStringLiteral("_data/people.yml"), "\xEF\xBB\xBF- name: gadget\r\n  role: x\r\n"},
        {QStringLiteral("_includes/foot.html"), "<p>{{ site.title }} gadget</p>\n"},
        {QStringLiteral("_layouts/default.html"), "<html>{{ content }}</html>\n"},
        {QStringLiteral("_site/index.html"), "gadget in the output\n"},
        {QStringLiteral(".git/config"), "gadget in git\n"},
        {QStringLiteral(".jekyll-cache/x"), "gadget cached\n"},
        {QStringLiteral("images/photo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0gadget", 16)},
        {QStringLiteral("files/latin1.txt"), "caf\xE9 gadget\n"},
    };
}

} // namespace

class TestSiteSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void findListsEveryTextFileOnce();
    void replaceAllWritesOnlyChangedFilesAndRoutesTheOpenDocument();
    void regexReplaceAcrossFiles();
    void windowPanelOpensTheFileAtTheLine();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_site;
};

void TestSiteSearch::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_site = m_tmp->path() + QStringLiteral("/site");
    const auto files = siteFiles();
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        write(m_site + QLatin1Char('/') + it.key(), it.value());
}

void TestSiteSearch::findListsEveryTextFileOnce()
{
    folio::editor::MarkdownEditor editor;
    editor.setPlainText(QStringLiteral("---\ntitle: Open\n---\nUnsaved: no match.\nStill none.\nA gadget here."));
    const auto pattern = folio::editor::searchPattern(QStringLiteral("gadget"), {});
    const auto matches = SiteSearch::find(m_site, pattern, {m_site + QStringLiteral("/_posts/2024-01-03-open.md"), editor.document()});
    QStringList found;
    for (const auto &m : matches)
        found << QStringLiteral("%1:%2:%3 %4").arg(QDir(m_site).relativeFilePath(m.path)).arg(m.line).arg(m.column).arg(m.lineText);
    QCOMPARE(found, (QStringList{
                        QStringLiteral("_config.yml:1:7 title: Gadget lab"),
                        QStringLiteral("_config.yml:2:13 url: https://gadget.example"),
                        QStringLiteral("_data/people.yml:1:8 - name: gadget"),
                        QStringLiteral("_includes/foot.html:1:20 <p>{{ site.title }} gadget</p>"),
                        QStringLiteral("_posts/2024-01-01-a.md:2:9 title: A gadget"),
                        QStringLiteral("_posts/2024-01-01-a.md:4:4 The gadget works."),
                        // The open document's unsaved text, not its file.
                        QStringLiteral("_posts/2024-01-03-open.md:6:2 A gadget here."),
                    }));
}

void TestSiteSearch::replaceAllWritesOnlyChangedFilesAndRoutesTheOpenDocument()
{
    const QString openPath = m_site + QStringLiteral("/_posts/2024-01-03-open.md");
    folio::editor::MarkdownEditor editor;
    const QString unsaved = QStringLiteral("---\ntitle: Open gadget\n---\nUnsaved gadget text.\n");
    editor.setPlainText(unsaved);
    editor.document()->setModified(false);
    const auto files = siteFiles();
    QMap<QString, QDateTime> before;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        before.insert(it.key(), QFileInfo(m_site + QLatin1Char('/') + it.key()).lastModified());
    QTest::qWait(1100); // so a rewrite would show in the modification time

    const auto pattern = folio::editor::searchPattern(QStringLiteral("gadget"), {true, true, false});
    const auto result = SiteSearch::replaceAll(m_site, pattern, QStringLiteral("widget"), false, {openPath, editor.document()});

    QStringList changed;
    for (const QString &path : result.changedFiles)
        changed << QDir(m_site).relativeFilePath(path);
    changed.sort();
    QCOMPARE(changed, (QStringList{QStringLiteral("_config.yml"), QStringLiteral("_data/people.yml"),
                                   QStringLiteral("_includes/foot.html"), QStringLiteral("_posts/2024-01-01-a.md")}));
    QVERIFY(result.errors.isEmpty());
    QVERIFY(result.openDocumentChanged);
    QCOMPARE(result.replacements, 7); // config 1, post 2, data 1, include 1, open document 2

    QCOMPARE(read(m_site + QStringLiteral("/_config.yml")), QByteArray("title: Gadget lab\nurl: https://widget.example\n"));
    QCOMPARE(read(m_site + QStringLiteral("/_posts/2024-01-01-a.md")),
             QByteArray("---\ntitle: A widget\n---\nThe widget works.\nNothing else.\n"));
    QCOMPARE(read(m_site + QStringLiteral("/_data/people.yml")), QByteArray("\xEF\xBB\xBF- name: widget\r\n  role: x\r\n"));
    QCOMPARE(read(m_site + QStringLiteral("/_includes/foot.html")), QByteArray("<p>{{ site.title }} widget</p>\n"));
    // Everything else: the same bytes, not even rewritten.
    for (const QString &untouched : {QStringLiteral("_posts/2024-01-02-b.md"), QStringLiteral("_posts/2024-01-03-open.md"),
                                     QStringLiteral("_layouts/default.html"), QStringLiteral("_site/index.html"),
                                     QStringLiteral(".git/config"), QStringLiteral(".jekyll-cache/x"),
                                     QStringLiteral("images/photo.png"), QStringLiteral("files/latin1.txt")}) {
        QCOMPARE(read(m_site + QLatin1Char('/') + untouched), files.value(untouched));
        QCOMPARE(QFileInfo(m_site + QLatin1Char('/') + untouched).lastModified(), before.value(untouched));
    }
    // The open document changed in the editor, unsaved, and one undo brings it back.
    QCOMPARE(editor.toPlainText(), QStringLiteral("---\ntitle: Open widget\n---\nUnsaved widget text.\n"));
    QVERIFY(editor.document()->isModified());
    editor.undo();
    QCOMPARE(editor.toPlainText(), unsaved);

    // Nothing left to replace: nothing is written.
    const auto again = SiteSearch::replaceAll(m_site, pattern, QStringLiteral("widget"), false, {openPath, editor.document()});
    QCOMPARE(again.changedFiles, QStringList());
    QCOMPARE(again.replacements, 2); // only the undone editor text had matches
}

void TestSiteSearch::regexReplaceAcrossFiles()
{
    const auto pattern = folio::editor::searchPattern(QStringLiteral("title: (\\w+)"), {true, false, true});
    const auto result = SiteSearch::replaceAll(m_site, pattern, QStringLiteral("title: \"$1\""), true);
    QCOMPARE(result.changedFiles.size(), 4); // config, three posts
    QCOMPARE(read(m_site + QStringLiteral("/_posts/2024-01-02-b.md")), QByteArray("---\ntitle: \"B\"\n---\nNo match here.\n"));
    QCOMPARE(read(m_site + QStringLiteral("/_config.yml")), QByteArray("title: \"Gadget\" lab\nurl: https://gadget.example\n"));
}

void TestSiteSearch::windowPanelOpensTheFileAtTheLine()
{
    const QString site = folio::tests::copySampleSite(m_tmp->path(), QStringLiteral("sample"));
    folio::app::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openSite(site));
    QVERIFY(window.openDocument(site + QStringLiteral("/_posts/2023-11-02-hello.md")));

    SiteSearchPanel *panel = window.siteSearchPanel();
    QVERIFY(panel && !panel->isVisible());
    window.editor()->setFocus();
    QTest::keyClick(window.editor(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(panel->isVisible());
    panel->setFindText(QStringLiteral("stack of"));
    QCOMPARE(panel->search(), 1);

    QTreeWidget *results = panel->results();
    QCOMPARE(results->topLevelItemCount(), 1);
    QTreeWidgetItem *line = results->topLevelItem(0)->child(0);
    QVERIFY2(line->text(0).startsWith(QStringLiteral("_posts/2024-01-15-normalizing-flows.md:14: and for a stack of $K$")),
             qPrintable(line->text(0)));
    QTest::qWait(50); // the dock's layout after showing
    results->scrollToItem(line);
    const QRect rect = results->visualItemRect(line);
    QVERIFY2(results->viewport()->rect().contains(rect.center()), qPrintable(QStringLiteral("%1,%2 in %3x%4")
                 .arg(rect.center().x()).arg(rect.center().y()).arg(results->viewport()->width()).arg(results->viewport()->height())));
    if (!qEnvironmentVariableIsEmpty("FOLIO_SCREENSHOT_DIR"))
        window.grab().save(qEnvironmentVariable("FOLIO_SCREENSHOT_DIR") + QStringLiteral("/site-search.png"));
    // A double-click is a press, a release and the double-click event (Qt
    // Test's mouseDClick sends only the last; the view wants the press).
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(window.currentDocument(), site + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md"));
    QCOMPARE(window.editor()->textCursor().blockNumber() + 1, 14);
}

int main(int argc, char **argv)
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    TestSiteSearch test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sitesearch.moc"
