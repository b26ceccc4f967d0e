// Publishing from the window's dialog: the engine builds a copy of the sample
// site into the output folder on a worker thread (the event loop keeps
// running), the summary's counts are the files on disk, Cancel stops a big
// build early and nothing outside the output folder is written.
#include "app/gui/publishdialog.h"
#include "app/gui/publishjob.h"
#include "common/files.h"

#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using folio::app::PublishDialog;
using folio::app::PublishSummary;
using folio::tests::writeFile;

namespace {

// Every file under `root` with its size and modification time, except those
// under `skip`: what a build must leave as it was.
QStringList snapshot(const QString &root, const QString &skip = {})
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!skip.isEmpty() && (path == skip || path.startsWith(skip + QLatin1Char('/'))))
            continue;
        const QFileInfo info(path);
        // A folder's time changes when the output folder is made inside it.
        out << (info.isDir() ? path + QStringLiteral("/")
                             : QStringLiteral("%1 %2 %3").arg(path).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch()));
    }
    out.sort();
    return out;
}

// A site of `posts` posts whose layout does some Liquid work per page, so a
// build takes long enough to be cancelled in the middle.
QString writeBigSite(const QString &root, int posts)
{
    writeFile(root, QStringLiteral("_config.yml"), "title: Big\npermalink: /:year/:title/\n");
    writeFile(root, QStringLiteral("_layouts/default.html"),
              "<html><body>{% for p in site.posts limit: 40 %}<a href=\"{{ p.url }}\">{{ p.title | upcase }}</a>{% endfor %}"
              "{% for i in (1..3000) %}{{ i | times: 3 | append: ',' }}{% endfor %}"
              "{{ content }}</body></html>\n");
    writeFile(root, QStringLiteral("index.md"), "---\nlayout: default\n---\n# Home\n");
    for (int i = 0; i < posts; ++i) {
        QByteArray body = "---\nlayout: default\ntitle: Post " + QByteArray::number(i) + "\n---\n";
        for (int p = 0; p < 20; ++p)
            body += "Paragraph " + QByteArray::number(p) + " with *emphasis*, `code` and a [link](/x/).\n\n";
        writeFile(root, QStringLiteral("_posts/2020-01-%1-post-%2.md").arg(1 + i % 28, 2, 10, QLatin1Char('0')).arg(i), body);
    }
    return root;
}

} // namespace

class TestPublish final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputFolderIsAPerSiteSetting();
    void publishesTheSampleSite();
    void saysWhenTheOpenDocumentIsUnsaved();
    void cancelStopsABigBuild();
};

void TestPublish::outputFolderIsAPerSiteSetting()
{
    QTemporaryDir tmp;
    const QString a = tmp.path() + QStringLiteral("/a"), b = tmp.path() + QStringLiteral("/b");
    QCOMPARE(folio::app::publishOutputFolder(a), a + QStringLiteral("/_site"));
    folio::app::setPublishOutputFolder(a, tmp.path() + QStringLiteral("/out-a"));
    QCOMPARE(folio::app::publishOutputFolder(a), tmp.path() + QStringLiteral("/out-a"));
    QCOMPARE(folio::app::publishOutputFolder(b), b + QStringLiteral("/_site"));
    // The dialog shows and keeps the setting.
    PublishDialog dialog(a);
    QCOMPARE(dialog.outputFolder(), tmp.path() + QStringLiteral("/out-a"));
    dialog.setOutputFolder(tmp.path() + QStringLiteral("/out-a2"));
    QCOMPARE(folio::app::publishOutputFolder(a), tmp.path() + QStringLiteral("/out-a2"));
}

void TestPublish::publishesTheSampleSite()
{
    QTemporaryDir tmp;
    const QString site = folio::tests::copySampleSite(tmp.path());
    const QString out = tmp.path() + QStringLiteral("/out");
    const QStringList before = snapshot(tmp.path(), out);

    PublishDialog dialog(site);
    dialog.setOutputFolder(out);
    dialog.show();
    QSignalSpy published(&dialog, &PublishDialog::published);
    // The event loop runs while the engine builds: the window stays responsive.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ticks += dialog.isRunning(); });
    ticker.start(1);
    dialog.publish();
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.openFolderButton()->isEnabled());
    QVERIFY(published.wait(60000));
    QVERIFY(!dialog.isRunning());
    QVERIFY(ticks > 0);

    const PublishSummary summary = published.first().first().value<PublishSummary>();
    QVERIFY2(summary.ok(), qPrintable(dialog.summaryText()));
    QVERIFY(!summary.cancelled);
    const QStringList files = folio::tests::filesUnder(out);
    for (const QString &page : {QStringLiteral("index.html"), QStringLiteral("404.html"), QStringLiteral("about/index.html"),
                                QStringLiteral("feed.xml"), QStringLiteral("sitemap.xml")})
        QVERIFY2(files.contains(page), qPrintable(page + QStringLiteral(" missing from ") + files.join(QLatin1Char(','))));
    QVERIFY(folio::tests::readFile(out + QStringLiteral("/index.html")).contains("Ada Example"));
    // The summary's counts are the files on disk.
    // (pages and documents, stylesheets included, plus the source map next to the CSS)
    QCOMPARE(summary.files, int(files.size()));
    QCOMPARE(summary.pages, int(files.size()) - 1);
    QCOMPARE(summary.changed, summary.files);
    QCOMPARE(summary.errors, 0);
    QVERIFY(dialog.summaryText().contains(QStringLiteral("Published %1 page").arg(summary.pages)));
    QVERIFY(dialog.summaryText().contains(QStringLiteral("0 error")));
    QCOMPARE(dialog.progressBar()->value(), dialog.progressBar()->maximum());
    QVERIFY(dialog.progressBar()->maximum() > 1);
    QVERIFY(dialog.openFolderButton()->isEnabled());
    dialog.grab().save(QDir::tempPath() + QStringLiteral("/folio-publish-dialog.png")); // to look at
    // Only the output folder changed.
    QCOMPARE(snapshot(tmp.path(), out), before);
}

void TestPublish::saysWhenTheOpenDocumentIsUnsaved()
{
    QTemporaryDir tmp;
    PublishDialog dialog(tmp.path());
    dialog.show();
    auto visibleLabelsText = [&] {
        QString text;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            if (label->isVisible())
                text += label->text();
        return text;
    };
    QVERIFY(!visibleLabelsText().contains(QStringLiteral("unsaved")));
    dialog.setUnsavedDocument(QStringLiteral("2023-11-02-hello.md"));
    QVERIFY(visibleLabelsText().contains(QStringLiteral("“2023-11-02-hello.md” has unsaved changes")));
}

void TestPublish::cancelStopsABigBuild()
{
    QTemporaryDir tmp;
    const int posts = 300;
    const QString site = writeBigSite(tmp.path() + QStringLiteral("/site"), posts);
    const QString out = site + QStringLiteral("/_site");
    const QStringList before = snapshot(tmp.path(), out);

    PublishDialog dialog(site);
    dialog.show();
    QCOMPARE(dialog.outputFolder(), out);
    QSignalSpy published(&dialog, &PublishDialog::published);
    // Cancel as soon as the bar shows the first jobs done, as a user would
    // click Cancel while it moves.
    bool clicked = false;
    connect(dialog.progressBar(), &QProgressBar::valueChanged, &dialog, [&](int value) {
        if (value > 0 && !clicked && dialog.cancelButton()->isEnabled()) {
            clicked = true;
            QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        }
    });
    dialog.publish();
    QVERIFY(published.wait(60000));
    QVERIFY(clicked);

    const PublishSummary summary = published.first().first().value<PublishSummary>();
    QVERIFY(summary.cancelled);
    QVERIFY(dialog.summaryText().contains(QStringLiteral("cancelled")));
    QVERIFY2(summary.pages < posts, qPrintable(QString::number(summary.pages)));
    QVERIFY(int(folio::tests::filesUnder(out).size()) < posts);
    QVERIFY(dialog.progressBar()->value() < dialog.progressBar()->maximum());
    // Nothing outside the output folder was written.
    QCOMPARE(snapshot(tmp.path(), out), before);

    // Publishing again completes the site.
    published.clear();
    dialog.publish();
    QVERIFY(published.wait(120000));
    const PublishSummary full = published.first().first().value<PublishSummary>();
    QVERIFY2(full.ok(), qPrintable(dialog.summaryText()));
    QCOMPARE(full.pages, posts + 1);
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/2020/post-299/index.html")));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("FolioTest"));
    app.setApplicationName(QStringLiteral("tst_publish"));
    TestPublish test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_publish.moc"
