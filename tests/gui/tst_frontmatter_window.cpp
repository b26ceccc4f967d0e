// The front-matter form in the window: open a document of a copied site,
// change its title in the form, save with the window's Save action, and the
// file on disk differs from before in the title line only.
#include "app/gui/mainwindow.h"
#include "editor/frontmatterform.h"
#include "editor/markdowneditor.h"
#include "preview/previewview.h"
#include "preview/schemehandler.h"

#include "common/files.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using folio::app::MainWindow;
using folio::tests::readFile;

namespace {

QAction *saveAction(const MainWindow &window)
{
    for (QAction *action : window.findChildren<QAction *>())
        if (action->shortcut() == QKeySequence(QKeySequence::Save))
            return action;
    return nullptr;
}

QStringList changedLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = before.split('\n'), b = after.split('\n');
    if (a.size() != b.size())
        return {QStringLiteral("line count %1 -> %2").arg(a.size()).arg(b.size())};
    QStringList changed;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            changed << QStringLiteral("%1: %2").arg(i + 1).arg(QString::fromUtf8(b[i]));
    return changed;
}

// Opens `relative` of a copy of `siteSource` in `window`, types `title` into
// the form's title field, saves with the window's Save action, and returns
// what changed in the file.
QStringList editTitle(MainWindow &window, const QTemporaryDir &tmp, const QString &siteSource, const QString &relative,
                      const QString &title, const QString &screenshot)
{
    const QString site = folio::tests::copySite(siteSource, tmp.path());
    const QString path = site + QLatin1Char('/') + relative;
    const QByteArray before = readFile(path);
    if (!window.openSite(site) || !window.openDocument(path))
        return {QStringLiteral("cannot open %1").arg(path)};
    auto *field = qobject_cast<QLineEdit *>(window.frontMatterForm()->fieldWidget(QStringLiteral("title")));
    if (!field)
        return {QStringLiteral("no title field")};
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, title);
    QAction *save = saveAction(window);
    if (!save)
        return {QStringLiteral("no Save action")};
    save->trigger();
    // Let the preview settle before the next site is opened.
    QTest::qWaitFor([&] { return window.previewView()->isLoaded() && !window.previewView()->isUpdating(); }, 10000);
    window.grab().save(screenshot);
    return changedLines(before, readFile(path));
}

} // namespace

class TestFrontMatterWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sampleSite();
    void seedSite();

private:
    // One window for the suite, as the app has one.
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_sample, m_seed;
};

void TestFrontMatterWindow::initTestCase()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestFrontMatterWindow::cleanupTestCase()
{
    m_window.reset();
}

void TestFrontMatterWindow::sampleSite()
{
    const QStringList changed = editTitle(*m_window, m_sample, QStringLiteral(FOLIO_SOURCE_DIR "/resources/sample-site"),
                                          QStringLiteral("_publications/2023-06-01-sharp-bounds.md"),
                                          QStringLiteral("Sharper bounds: flow matching"),
                                          QDir::tempPath() + QStringLiteral("/folio-window-form-sample.png"));
    QCOMPARE(changed, QStringList{QStringLiteral("2: title: \"Sharper bounds: flow matching\"")});
}

void TestFrontMatterWindow::seedSite()
{
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QDir(seed).exists())
        QSKIP("needs ../shared/fixtures/seed-site");
    const QStringList changed = editTitle(*m_window, m_seed, seed, QStringLiteral("_talks/2012-03-01-talk-1.md"),
                                          QStringLiteral("Talk 1, revised"),
                                          QDir::tempPath() + QStringLiteral("/folio-window-form-seed.png"));
    QCOMPARE(changed, QStringList{QStringLiteral("2: title: \"Talk 1, revised\"")});
}

int main(int argc, char **argv)
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestFrontMatterWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_frontmatter_window.moc"
