// Authoring in the window on a copy of the sample site: new post, page and
// collection item (file name and front matter byte for byte), free names,
// rename keeping the date prefix, move to the trash after confirmation,
// publishing a draft with today's date, and images dropped or pasted into the
// editor copied to images/ with a Markdown link at the cursor.
#include "app/gui/authoring.h"
#include "app/gui/documentsession.h"
#include "app/gui/mainwindow.h"
#include "editor/markdowneditor.h"
#include "preview/schemehandler.h"

#include "common/files.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using folio::app::Authoring;
using folio::app::MainWindow;
using folio::app::authoring::NewItem;

namespace {

const QDate kDay(2026, 3, 14);

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QStringList treeLabels(const QTreeWidget *tree)
{
    QStringList labels;
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            labels << tree->topLevelItem(g)->text(0) + QLatin1Char('|') + tree->topLevelItem(g)->child(i)->text(0);
    return labels;
}

// A window on a fresh copy of the sample site; every question answered by
// the test.
struct Fixture {
    QTemporaryDir tmp;
    QString site;
    MainWindow window;
    std::optional<NewItem> next;
    std::optional<QString> rename;
    QStringList confirmations;
    bool confirmAnswer = false;

    Fixture()
    {
        site = folio::tests::copySampleSite(tmp.path());
        Authoring *authoring = window.authoring();
        authoring->setNewItemPrompt([this](const auto &, const QString &) { return next; });
        authoring->setRenamePrompt([this](const QString &) { return rename; });
        authoring->setConfirm([this](const QString &question) {
            confirmations << question;
            return confirmAnswer;
        });
        window.session()->setDecider([](auto, const QString &) { return folio::app::DocumentSession::Answer::Cancel; });
        window.show();
    }
};

} // namespace

class TestAuthoring final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newItemCreatesFile_data();
    void newItemCreatesFile();
    void newItemNeverOverwrites();
    void publishDraftUsesToday();
    void renameKeepsDatePrefix();
    void trashAfterConfirmation();
    void droppedImageIsCopiedAndLinked();
    void pastedImageDataIsSavedAsPng();
};

void TestAuthoring::newItemCreatesFile_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("treeLabel");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("post") << "posts" << "Hello, World: a \"test\"!" << false << "_posts/2026-03-14-hello-world-a-test.md"
                          << "Posts|Hello, World: a \"test\"!"
                          << QByteArray("---\ntitle: \"Hello, World: a \\\"test\\\"!\"\ndate: 2026-03-14\n"
                                        "permalink: /posts/2026/03/hello-world-a-test/\ntags: []\n---\n\n");
    QTest::newRow("draft") << "posts" << "An idea" << true << "_drafts/an-idea.md" << QString() // the preview site loads no drafts
                           << QByteArray("---\ntitle: \"An idea\"\ntags: []\n---\n\n");
    QTest::newRow("page") << "pages" << "Research Notes" << false << "_pages/research-notes.md" << "Pages|Research Notes"
                          << QByteArray("---\ntitle: \"Research Notes\"\npermalink: /research-notes/\n---\n\n");
    // The sample site's _config.yml gives publications a permalink pattern,
    // so items carry none (academicpages' own items set one per file).
    QTest::newRow("publication") << "publications" << "Sharp bounds II" << false
                                 << "_publications/2026-03-14-sharp-bounds-ii.md" << "Publications|Sharp bounds II"
                                 << QByteArray("---\ntitle: \"Sharp bounds II\"\ncollection: publications\ncategory: manuscripts\n"
                                               "excerpt: ''\ndate: 2026-03-14\nvenue: ''\nslidesurl: ''\npaperurl: ''\n"
                                               "bibtexurl: ''\ncitation: ''\n---\n\n");
}

void TestAuthoring::newItemCreatesFile()
{
    QFETCH(QString, collection);
    QFETCH(QString, title);
    QFETCH(bool, draft);
    QFETCH(QString, file);
    QFETCH(QString, treeLabel);
    QFETCH(QByteArray, expected);
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    f.window.authoring()->setToday(kDay);
    f.next = NewItem{collection, title, draft};
    QVERIFY(f.window.authoring()->newItem(collection));
    const QString path = f.site + QLatin1Char('/') + file;
    QCOMPARE(readBytes(path), expected);
    QCOMPARE(f.window.currentDocument(), path);
    QCOMPARE(f.window.editor()->toPlainText().toUtf8(), expected);
    const QStringList labels = treeLabels(f.window.siteTree());
    QVERIFY2(treeLabel.isEmpty() || labels.contains(treeLabel), qPrintable(labels.join(QLatin1Char(','))));
}

void TestAuthoring::newItemNeverOverwrites()
{
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    f.window.authoring()->setToday(QDate(2023, 11, 2));
    f.next = NewItem{QStringLiteral("posts"), QStringLiteral("Hello"), false};
    const QString existing = f.site + QStringLiteral("/_posts/2023-11-02-hello.md");
    const QByteArray before = readBytes(existing);
    QVERIFY(f.window.authoring()->newItem(QStringLiteral("posts")));
    QCOMPARE(readBytes(existing), before);
    QCOMPARE(f.window.currentDocument(), f.site + QStringLiteral("/_posts/2023-11-02-hello-2.md"));
    QVERIFY(readBytes(f.window.currentDocument()).startsWith("---\ntitle: \"Hello\"\ndate: 2023-11-02\n"));
}

void TestAuthoring::publishDraftUsesToday()
{
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    const QString draft = f.site + QStringLiteral("/_drafts/unfinished-idea.md");
    QVERIFY(f.window.openDocument(draft));
    QVERIFY(f.window.authoring()->publishCurrent());
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString post = f.site + QStringLiteral("/_posts/") + today + QStringLiteral("-unfinished-idea.md");
    QVERIFY(!QFile::exists(draft));
    QCOMPARE(readBytes(post), QByteArray("---\ntitle: An unfinished idea\ndate: ") + today.toLatin1()
                                  + QByteArray("\n---\nOnly built with `--drafts`.\n"));
    QCOMPARE(f.window.currentDocument(), post);
    const QStringList labels = treeLabels(f.window.siteTree());
    QVERIFY2(labels.contains(QStringLiteral("Posts|An unfinished idea")), qPrintable(labels.join(QLatin1Char(','))));

    // A draft that has a date gets today's instead (the file name and the
    // front matter agree); its CRLF lines stay; the taken name becomes -2.
    {
        QFile file(draft);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("---\r\ntitle: Again\r\ndate: 2001-01-01 10:00\r\n---\r\nx\r\n");
    }
    QVERIFY(f.window.openSite(f.site));
    QVERIFY(f.window.openDocument(draft));
    QVERIFY(f.window.authoring()->publishCurrent());
    const QString second = f.site + QStringLiteral("/_posts/") + today + QStringLiteral("-unfinished-idea-2.md");
    QCOMPARE(f.window.currentDocument(), second);
    QCOMPARE(readBytes(second), QByteArray("---\r\ntitle: Again\r\ndate: ") + today.toLatin1() + QByteArray("\r\n---\r\nx\r\n"));
}

void TestAuthoring::renameKeepsDatePrefix()
{
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    const QString old = f.site + QStringLiteral("/_posts/2023-11-02-hello.md");
    const QByteArray bytes = readBytes(old);
    QVERIFY(f.window.openDocument(old));
    f.rename = QStringLiteral("Greetings, Reader");
    QVERIFY(f.window.authoring()->renameCurrent());
    const QString renamed = f.site + QStringLiteral("/_posts/2023-11-02-greetings-reader.md");
    QVERIFY(!QFile::exists(old));
    QCOMPARE(readBytes(renamed), bytes);
    QCOMPARE(f.window.currentDocument(), renamed);
    QVERIFY(!f.window.session()->isModified());
}

void TestAuthoring::trashAfterConfirmation()
{
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    const QString page = f.site + QStringLiteral("/_pages/about.md");
    const QByteArray bytes = readBytes(page);
    QVERIFY(f.window.openDocument(page));
    QSignalSpy trashed(f.window.authoring(), &Authoring::trashed);
    f.confirmAnswer = false;
    QVERIFY(!f.window.authoring()->trashCurrent());
    QCOMPARE(f.confirmations.size(), 1);
    QVERIFY(f.confirmations.first().contains(QStringLiteral("about.md")));
    QVERIFY(QFile::exists(page));
    QCOMPARE(f.window.currentDocument(), page);

    f.confirmAnswer = true;
    QVERIFY(f.window.authoring()->trashCurrent());
    QVERIFY(!QFile::exists(page));
    QVERIFY(f.window.currentDocument().isEmpty());
    QVERIFY(!treeLabels(f.window.siteTree()).contains(QStringLiteral("Pages|About")));
    // It is in the trash, whole.
    QCOMPARE(trashed.size(), 1);
    QCOMPARE(trashed.first().at(0).toString(), page);
    const QString inTrash = trashed.first().at(1).toString();
    QVERIFY2(inTrash.contains(QStringLiteral("Trash")), qPrintable(inTrash));
    QCOMPARE(readBytes(inTrash), bytes);
}

void TestAuthoring::droppedImageIsCopiedAndLinked()
{
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    const QString post = f.site + QStringLiteral("/_posts/2023-11-02-hello.md");
    QVERIFY(f.window.openDocument(post));
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::red);
    const QString source = f.tmp.filePath(QStringLiteral("My Photo.PNG"));
    QVERIFY(image.save(source, "PNG"));

    auto *editor = f.window.editor();
    const QTextBlock first = editor->document()->firstBlock();
    const QPoint target = editor->cursorRect(QTextCursor(first)).center();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(source)});
    for (int round = 0; round < 2; ++round) {
        QDragEnterEvent enter(target, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(target), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor->viewport(), &drop);
        QVERIFY(drop.isAccepted());
    }
    QCOMPARE(readBytes(f.site + QStringLiteral("/images/my-photo.png")), readBytes(source));
    QCOMPARE(readBytes(f.site + QStringLiteral("/images/my-photo-2.png")), readBytes(source));
    // Dropped on the first line: the links are there, the rest follows.
    QVERIFY2(editor->toPlainText().startsWith(QStringLiteral("![my-photo-2](/images/my-photo-2.png)![my-photo](/images/my-photo.png)---")),
             qPrintable(editor->toPlainText().left(120)));
    QVERIFY(f.window.session()->isModified());
}

void TestAuthoring::pastedImageDataIsSavedAsPng()
{
    Fixture f;
    QVERIFY(f.window.openSite(f.site));
    QVERIFY(f.window.openDocument(f.site + QStringLiteral("/_posts/2023-11-02-hello.md")));
    auto *editor = f.window.editor();
    QTextCursor cursor(editor->document());
    cursor.movePosition(QTextCursor::End);
    editor->setTextCursor(cursor);
    QImage image(17, 9, QImage::Format_ARGB32);
    image.fill(QColor(10, 200, 30));
    QApplication::clipboard()->setImage(image);
    QTRY_VERIFY(QApplication::clipboard()->mimeData() && QApplication::clipboard()->mimeData()->hasImage());
    editor->setFocus();
    QTest::keySequence(editor, QKeySequence::Paste);
    const QString saved = f.site + QStringLiteral("/images/pasted-image.png");
    QTRY_VERIFY(QFile::exists(saved));
    QImage back(saved);
    QCOMPARE(back.size(), image.size());
    QCOMPARE(back.pixelColor(3, 3), QColor(10, 200, 30));
    QVERIFY(readBytes(saved).startsWith("\x89PNG"));
    QVERIFY2(editor->toPlainText().endsWith(QStringLiteral("![pasted-image](/images/pasted-image.png)")),
             qPrintable(editor->toPlainText().right(80)));
    // Text on the clipboard still pastes as text.
    QApplication::clipboard()->setText(QStringLiteral(" plain words"));
    QTest::keySequence(editor, QKeySequence::Paste);
    QVERIFY(editor->toPlainText().endsWith(QStringLiteral("pasted-image.png) plain words")));
}

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestAuthoring test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_authoring.moc"
