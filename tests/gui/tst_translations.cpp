// Every string the window shows has a Simplified Chinese translation: lupdate
// run over today's sources finds nothing unfinished in translations/folio_zh_CN.ts,
// and with zh_CN installed the window's menus read in Chinese. Strings looked up
// under a context other than the one lupdate filed them in stay English at run
// time although the .ts is complete, so the strings made outside a widget class
// (site-tree groups, GitHub Pages warnings) are checked as the user sees them,
// and so are the engine's diagnostics (site/, one context per module).
#include "app/gui/diagnosticspanel.h"
#include "app/gui/gitpagescheck.h"
#include "app/gui/i18n.h"
#include "app/gui/mainwindow.h"
#include "preview/schemehandler.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySourceStringIsTranslated();
    void theWindowSpeaksChinese();
    void siteTreeGroupsAreChinese();
    void githubPagesWarningsAreChinese();
    void engineDiagnosticsAreChinese();
};

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

} // namespace

void TestTranslations::initTestCase()
{
    QVERIFY(folio::app::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
}

void TestTranslations::everySourceStringIsTranslated()
{
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (!QFile::exists(lupdate))
        QSKIP("lupdate is not installed (qt6-l10n-tools)");
    QTemporaryDir tmp;
    const QString ts = tmp.filePath(QStringLiteral("folio_zh_CN.ts"));
    QVERIFY(QFile::copy(QStringLiteral(FOLIO_SOURCE_DIR "/translations/folio_zh_CN.ts"), ts));
    QProcess run;
    run.setWorkingDirectory(QStringLiteral(FOLIO_SOURCE_DIR));
    run.start(lupdate, {QStringLiteral("app/gui"), QStringLiteral("editor"), QStringLiteral("preview"),
                        QStringLiteral("site"), QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                        QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), ts});
    QVERIFY(run.waitForFinished(120000));
    QCOMPARE(run.exitCode(), 0);
    QFile file(ts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(file.readAll());
    // Each message whose translation is unfinished or empty, with its source.
    static const QRegularExpression message(QStringLiteral("<message[^>]*>(.*?)</message>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QStringList missing;
    int total = 0;
    for (auto it = message.globalMatch(xml); it.hasNext();) {
        const QString body = it.next().captured(1);
        if (body.contains(QLatin1String("type=\"vanished\"")) || body.contains(QLatin1String("type=\"obsolete\"")))
            continue;
        ++total;
        if (body.contains(QLatin1String("type=\"unfinished\"")) || body.contains(QLatin1String("<translation></translation>")))
            missing << body.section(QLatin1String("<source>"), 1).section(QLatin1String("</source>"), 0, 0);
    }
    QVERIFY(total > 20);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 strings lack a zh_CN translation "
                                                          "(run the update_translations target and translate "
                                                          "translations/folio_zh_CN.ts): %3")
                                               .arg(missing.size())
                                               .arg(total)
                                               .arg(missing.join(QLatin1String(" | ")))));
}

void TestTranslations::theWindowSpeaksChinese()
{
    folio::app::MainWindow window;
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles << menu->text();
    QVERIFY2(titles.contains(QStringLiteral("文件(&F)")), qPrintable(titles.join(QLatin1Char(','))));
}

void TestTranslations::siteTreeGroupsAreChinese()
{
    QTemporaryDir site;
    writeFile(site.filePath(QStringLiteral("_config.yml")),
              "title: T\ncollections:\n  publications:\n    output: true\n  talks:\n    output: true\n");
    writeFile(site.filePath(QStringLiteral("_posts/2024-01-02-hello.md")), "---\ntitle: Hello\n---\nHi\n");
    writeFile(site.filePath(QStringLiteral("_publications/2024-paper.md")), "---\ntitle: Paper\n---\nAbstract\n");
    writeFile(site.filePath(QStringLiteral("_talks/2024-talk.md")), "---\ntitle: Talk\n---\nSlides\n");
    writeFile(site.filePath(QStringLiteral("about.md")), "---\ntitle: About\n---\nMe\n");
    writeFile(site.filePath(QStringLiteral("_data/navigation.yml")), "main:\n  - title: About\n    url: /about/\n");
    folio::app::MainWindow window;
    QVERIFY(window.openSite(site.path()));
    QStringList groups;
    for (int i = 0; i < window.siteTree()->topLevelItemCount(); ++i)
        groups << window.siteTree()->topLevelItem(i)->text(0);
    // In the window's fixed order (posts, pages, publications, talks, data,
    // config), not by the translated names' code points or pinyin.
    QCOMPARE(groups, QStringList({QStringLiteral("文章"), QStringLiteral("页面"), QStringLiteral("论文"),
                                  QStringLiteral("报告"), QStringLiteral("数据"), QStringLiteral("配置")}));
}

void TestTranslations::githubPagesWarningsAreChinese()
{
    QTemporaryDir site;
    writeFile(site.filePath(QStringLiteral("_config.yml")), "title: T\n");
    writeFile(site.filePath(QStringLiteral("_plugins/extra.rb")), "# a local plugin\n");
    const auto warnings = folio::app::githubPagesWarnings(site.path());
    QCOMPARE(warnings.size(), size_t(1));
    QVERIFY2(warnings.front().message.startsWith(QStringLiteral("GitHub Pages 以安全模式构建")),
             qPrintable(warnings.front().message));
}

// Problems found by the engine's modules (model, yaml, plugins, liquid) read in
// Chinese in the Diagnostics dock, with file names, keys and Liquid's own words
// left as they are.
void TestTranslations::engineDiagnosticsAreChinese()
{
    QTemporaryDir site;
    writeFile(site.filePath(QStringLiteral("_config.yml")), "title: T\nplugins:\n  - jekyll-include-cache\n");
    writeFile(site.filePath(QStringLiteral("_posts/2024-01-02-broken.md")),
              "---\ntitle: Part 1: the start\n---\nHi\n");
    writeFile(site.filePath(QStringLiteral("_posts/2024-01-03-tag.md")), "---\ntitle: Tag\n---\n{% if %}\n");
    writeFile(site.filePath(QStringLiteral("_posts/2024-01-04-date.md")), "---\ntitle: Date\ndate: someday\n---\nMe\n");
    folio::app::MainWindow window;
    QVERIFY(window.openSite(site.path()));
    const QString rows = window.diagnosticsPanel()->rows().join(QLatin1Char('\n'));
    for (const QString &expected :
         {QStringLiteral("Folio 不支持插件 'jekyll-include-cache'：它的 {% include_cached %} 标签会显示为错误"),
          QStringLiteral("含有 ': ' 的值必须加引号，例如 title: \"Part 1: the start\""),
          QStringLiteral("修正之前，front matter 将被忽略"),
          QStringLiteral("日期 'someday' 无效：请写成 YYYY-MM-DD"),
          QStringLiteral("Liquid 语法错误：")})
        QVERIFY2(rows.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + rows));
}

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FolioTest"));
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
