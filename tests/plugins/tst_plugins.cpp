// The plugins academicpages uses, checked against Debian's Jekyll 4.3.1: each
// site under sites/ is copied to a temporary folder (every file's mtime set to
// the one make-expected.sh gives it), built with loadSite + Builder into
// memory, and every file Jekyll rendered for it (expected/<site>/, made by
// make-expected.sh) must come out byte for byte, the feed's build time aside.
#include "site/build/builder.h"
#include "site/build/renderer.h"
#include "site/build/writer.h"
#include "site/jekyll/dates.h"
#include "site/jekyll/jekyll.h"
#include "site/jekyll/memory_host.h"
#include "site/plugins/plugins.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using namespace folio::site;

namespace {

const QString kSites = QStringLiteral(FOLIO_SOURCE_DIR "/tests/plugins/sites");
const QString kExpected = QStringLiteral(FOLIO_SOURCE_DIR "/tests/plugins/expected");

// The mtime make-expected.sh gives every source file (static files' lastmod).
QDateTime fixedMtime() { return QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC); }

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(file, target))
            return false;
        QFile f(target);
        if (!f.open(QIODevice::ReadWrite) || !f.setFileTime(fixedMtime(), QFileDevice::FileModificationTime))
            return false;
    }
    return true;
}

struct BuiltSite final {
    QTemporaryDir dir;
    std::unique_ptr<model::Site> site;
    build::MemoryWriter writer;
    std::vector<Diagnostic> diagnostics;
    build::BuildStats stats;

    QByteArray file(const QString &path) const { return writer.read(path).value_or(QByteArray()); }
    QStringList messages() const
    {
        QStringList out;
        for (const Diagnostic &d : diagnostics)
            out << d.format();
        return out;
    }
};

// Builds sites/<name> (or the files given) once per test run.
std::shared_ptr<BuiltSite> buildFrom(const std::function<bool(const QString &)> &fill, bool includeMemo = true)
{
    auto built = std::make_shared<BuiltSite>();
    if (!built->dir.isValid() || !fill(built->dir.path()))
        return nullptr;
    DiagnosticSink sink;
    built->site = build::loadSite(built->dir.path(), model::BuildOptions{}, sink);
    build::Renderer renderer(*built->site, sink);
    build::Builder builder(*built->site, renderer, built->writer, sink);
    builder.setJobs(2);
    builder.setIncludeMemo(includeMemo);
    built->stats = builder.run();
    built->diagnostics = sink.take();
    return built;
}

std::shared_ptr<BuiltSite> builtSite(const QString &name)
{
    static std::map<QString, std::shared_ptr<BuiltSite>> cache;
    auto &slot = cache[name];
    if (!slot)
        slot = buildFrom([&](const QString &dir) { return copyTree(kSites + QLatin1Char('/') + name, dir); });
    return slot;
}

std::shared_ptr<BuiltSite> buildFiles(const std::map<QString, QByteArray> &files)
{
    return buildFrom([&](const QString &dir) {
        for (const auto &[path, bytes] : files) {
            const QString target = dir + QLatin1Char('/') + path;
            QDir().mkpath(QFileInfo(target).path());
            QFile f(target);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                return false;
        }
        return true;
    });
}

// The feed's own <updated> (the first of the file) is the time of the build.
QByteArray maskBuildTime(QByteArray bytes)
{
    if (!bytes.contains("<feed xmlns"))
        return bytes;
    static const QRegularExpression re(QStringLiteral("<updated>[^<]*</updated>"));
    QString text = QString::fromUtf8(bytes);
    const QRegularExpressionMatch m = re.match(text);
    if (m.hasMatch())
        text.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("<updated>@SITE_TIME@</updated>"));
    return text.toUtf8();
}

// Where two outputs first differ (line, and the bytes around it), for a
// readable failure on one-line files such as the feed.
QString firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
        ++i;
    const qsizetype from = std::max<qsizetype>(0, i - 80);
    return QStringLiteral("line %1, byte %2:\n  folio:  %3\n  jekyll: %4")
        .arg(actual.left(i).count('\n') + 1)
        .arg(i)
        .arg(QString::fromUtf8(actual.mid(from, 200)), QString::fromUtf8(expected.mid(from, 200)));
}

QString renderWith(const QString &source, const liquid::Value &site, QStringList *errors = nullptr)
{
    liquid::Environment env = jekyll::jekyllEnvironment();
    plugins::registerTags(env);
    auto parsed = liquid::Template::parse(source.toStdString(), env, QStringLiteral("test.html"));
    if (!parsed.ok())
        return QStringLiteral("PARSE ERROR: ") + parsed.errorText();
    liquid::Context ctx(env, liquid::Hash{{"site", site}, {"page", liquid::Hash{}}, {"gistid", "abc/42"}});
    jekyll::MemoryHost host;
    host.url = "https://example.com";
    jekyll::setHost(ctx, &host);
    const std::string out = parsed.tmpl->render(ctx);
    if (errors)
        for (const Diagnostic &d : ctx.diagnostics())
            *errors << d.message;
    return QString::fromStdString(out);
}

} // namespace

class TestPlugins final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesJekyll_data();
    void matchesJekyll();
    void writesNoOtherPluginFiles_data();
    void writesNoOtherPluginFiles();
    void seedSite_data();
    void seedSite();
    void paginatorValues();
    void noPluginsNoGeneratedFiles();
    void safeModeNeedsWhitelist();
    void feedOffInDevelopment();
    void userFilesWin();
    void redirectUsesUserLayout();
    void gistTag_data();
    void gistTag();
    void tagsNeedTheirPlugin();
    void feedMeta();
    void warnsAboutUnsupportedPlugins();
    void includeMemoChangesNothing_data();
    void includeMemoChangesNothing();
};

void TestPlugins::includeMemoChangesNothing_data()
{
    QTest::addColumn<QString>("site");
    for (const QString &site : QDir(kSites).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QTest::newRow(qPrintable(site)) << site;
}

// The builder replays includes that read the same values (liquid/memo.h):
// every file must be the same as when each include is rendered.
void TestPlugins::includeMemoChangesNothing()
{
    QFETCH(QString, site);
    const auto memoised = builtSite(site);
    const auto plain = buildFrom([&](const QString &dir) { return copyTree(kSites + QLatin1Char('/') + site, dir); },
                                 false);
    QVERIFY(memoised && plain);
    const auto files = plain->writer.files();
    QCOMPARE(memoised->writer.files().size(), files.size());
    for (const auto &[path, file] : files)
        QVERIFY2(maskBuildTime(memoised->file(path)) == maskBuildTime(plain->file(path)),
                 qPrintable(path + QStringLiteral(": ") + firstDifference(memoised->file(path), plain->file(path))));
    QCOMPARE(plain->stats.includesAsked, 0LL);
}

void TestPlugins::matchesJekyll_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("path");
    QDirIterator sites(kExpected, QDir::Dirs | QDir::NoDotAndDotDot);
    QStringList rows;
    while (sites.hasNext()) {
        const QString site = QFileInfo(sites.next()).fileName();
        QDirIterator files(kExpected + QLatin1Char('/') + site, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext())
            rows << site + QLatin1Char('|') + QDir(kExpected + QLatin1Char('/') + site).relativeFilePath(files.next());
    }
    rows.sort();
    for (const QString &row : rows) {
        const QString site = row.section(QLatin1Char('|'), 0, 0), path = row.section(QLatin1Char('|'), 1);
        QTest::newRow(qPrintable(site + QLatin1Char('/') + path)) << site << path;
    }
}

void TestPlugins::matchesJekyll()
{
    QFETCH(QString, site);
    QFETCH(QString, path);
    const auto built = builtSite(site);
    QVERIFY2(built, "could not copy or build the site");
    QVERIFY2(built->writer.contains(path), qPrintable(QStringLiteral("Folio wrote no %1; diagnostics:\n%2")
                                                          .arg(path, built->messages().join(QLatin1Char('\n')))));
    QFile file(kExpected + QLatin1Char('/') + site + QLatin1Char('/') + path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected = file.readAll();
    const QByteArray actual = maskBuildTime(built->file(path));
    // FOLIO_PLUGINS_DUMP=dir keeps Folio's output, for diffing by hand.
    if (const QString dump = qEnvironmentVariable("FOLIO_PLUGINS_DUMP"); !dump.isEmpty()) {
        const QString target = dump + QLatin1Char('/') + site + QLatin1Char('/') + path;
        QDir().mkpath(QFileInfo(target).path());
        QFile out(target);
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
    }
    QVERIFY2(actual == expected, qPrintable(firstDifference(actual, expected)));
}

// Files the plugins would make that Jekyll did not (a redirect page or feed
// too many) show up here: every page Folio writes must be expected.
void TestPlugins::writesNoOtherPluginFiles_data()
{
    QTest::addColumn<QString>("site");
    QDirIterator sites(kExpected, QDir::Dirs | QDir::NoDotAndDotDot);
    while (sites.hasNext()) {
        const QString site = QFileInfo(sites.next()).fileName();
        QTest::newRow(qPrintable(site)) << site;
    }
}

void TestPlugins::writesNoOtherPluginFiles()
{
    QFETCH(QString, site);
    const auto built = builtSite(site);
    QVERIFY(built);
    QStringList extra;
    for (const auto &[path, file] : built->writer.files())
        if (file.sourceFile.isEmpty() && !QFileInfo::exists(kExpected + QLatin1Char('/') + site + QLatin1Char('/') + path))
            extra << path;
    QVERIFY2(extra.isEmpty(), qPrintable(extra.join(QStringLiteral(", "))));
    QStringList errors;
    for (const Diagnostic &d : built->diagnostics)
        if (d.severity == Severity::Error)
            errors << d.format();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    for (const QString &message : built->messages())
        qInfo("%s", qPrintable(message));
}

// The academicpages site of ../shared (skipped without it): the plugin files
// Jekyll made for it (expected-seed/, same mtimes, same masking).
void TestPlugins::seedSite_data()
{
    QTest::addColumn<QString>("path");
    // Not feed.xml: its posts' content is Markdown that Folio converts
    // differently on purpose (LaTeX kept intact), which is no plugin's matter.
    for (const char *path : {"sitemap.xml", "robots.txt", "redirects.json"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestPlugins::seedSite()
{
    QFETCH(QString, path);
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QFileInfo(seed).isDir())
        QSKIP("needs ../shared/fixtures/seed-site");
    static std::shared_ptr<BuiltSite> built =
        buildFrom([&](const QString &dir) { return copyTree(seed, dir); });
    QVERIFY(built);
    QFile file(QStringLiteral(FOLIO_SOURCE_DIR "/tests/plugins/expected-seed/") + path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected = file.readAll();
    // Documents without a date are dated with the build time.
    QByteArray actual = built->file(path);
    const auto siteTime = jekyll::toSiteTime(liquid::Value(built->site->time()), built->site->config().timezone());
    QVERIFY(siteTime.ok());
    actual.replace("<lastmod>" + QByteArray::fromStdString(jekyll::xmlschema(*siteTime)) + "</lastmod>",
                   "<lastmod>@SITE_TIME@</lastmod>");
    if (const QString dump = qEnvironmentVariable("FOLIO_PLUGINS_DUMP"); !dump.isEmpty()) {
        QDir().mkpath(dump + QStringLiteral("/seed"));
        QFile out(dump + QStringLiteral("/seed/") + path);
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
    }
    QVERIFY2(actual == expected, qPrintable(firstDifference(actual, expected)));
}

void TestPlugins::paginatorValues()
{
    std::map<QString, QByteArray> files{
        {QStringLiteral("_config.yml"),
         "paginate: 2\npaginate_path: /blog/p:num/\nplugins: [jekyll-paginate]\n"},
        {QStringLiteral("index.html"), "---\n---\nroot {{ paginator.page }}\n"},
        {QStringLiteral("blog/index.html"),
         "---\ntitle: Blog\n---\n{{ page.title }} {{ paginator.page }}/{{ paginator.total_pages }} "
         "prev={{ paginator.previous_page_path }} next={{ paginator.next_page_path }} "
         "{% for p in paginator.posts %}[{{ p.title }}]{% endfor %} url={{ page.url }}\n"}};
    for (int i = 1; i <= 5; ++i)
        files[QStringLiteral("_posts/2021-01-0%1-p%1.md").arg(i)] =
            QStringLiteral("---\ntitle: P%1\n%2---\nx\n").arg(i).arg(i == 3 ? "hidden: true\n" : "").toUtf8();
    const auto built = buildFiles(files);
    QVERIFY(built);
    QCOMPARE(built->file(QStringLiteral("index.html")), QByteArray("root \n"));
    QCOMPARE(built->file(QStringLiteral("blog/index.html")),
             QByteArray("Blog 1/2 prev= next=/blog/p2/ [P5][P4] url=/blog/\n"));
    QCOMPARE(built->file(QStringLiteral("blog/p2/index.html")),
             QByteArray("Blog 2/2 prev=/blog/ next= [P2][P1] url=/blog/p2/\n"));
    QVERIFY(!built->writer.contains(QStringLiteral("blog/p3/index.html")));
}

void TestPlugins::noPluginsNoGeneratedFiles()
{
    const auto built = buildFiles({{QStringLiteral("_config.yml"), "paginate: 1\nurl: https://x.org\n"},
                                   {QStringLiteral("index.html"), "---\n---\n[{{ paginator.page }}]\n"},
                                   {QStringLiteral("_posts/2020-01-01-a.md"), "---\nredirect_from: /a/\n---\na\n"},
                                   {QStringLiteral("_posts/2020-01-02-b.md"), "---\n---\nb\n"}});
    QVERIFY(built);
    QStringList paths;
    for (const auto &[path, file] : built->writer.files())
        paths << path;
    QCOMPARE(paths, QStringList({QStringLiteral("2020/01/01/a.html"), QStringLiteral("2020/01/02/b.html"),
                                 QStringLiteral("index.html")}));
    QCOMPARE(built->file(QStringLiteral("index.html")), QByteArray("[]\n"));
}

// With `safe: true` Jekyll loads only the whitelisted plugins.
void TestPlugins::safeModeNeedsWhitelist()
{
    const auto built = buildFiles({{QStringLiteral("_config.yml"),
                                    "safe: true\nwhitelist: [jekyll-sitemap]\n"
                                    "plugins: [jekyll-sitemap, jekyll-feed, jekyll-redirect-from]\n"},
                                   {QStringLiteral("a.md"), "---\nredirect_from: /b/\n---\na\n"},
                                   {QStringLiteral("_posts/2020-01-02-b.md"), "---\n---\nb\n"}});
    QVERIFY(built);
    QVERIFY(built->writer.contains(QStringLiteral("sitemap.xml")));
    QVERIFY(built->writer.contains(QStringLiteral("robots.txt")));
    QVERIFY(!built->writer.contains(QStringLiteral("feed.xml")));
    QVERIFY(!built->writer.contains(QStringLiteral("redirects.json")));
    QVERIFY(!built->writer.contains(QStringLiteral("b/index.html")));
}

// feed.disable_in_development: no feed when building for development only.
void TestPlugins::feedOffInDevelopment()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile config(dir.filePath(QStringLiteral("_config.yml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("plugins: [jekyll-feed]\nfeed:\n  disable_in_development: true\n");
    config.close();
    for (const auto environment : {model::Environment::Production, model::Environment::Development}) {
        model::BuildOptions options;
        options.environment = environment;
        DiagnosticSink sink;
        const auto site = build::loadSite(dir.path(), options, sink);
        const bool hasFeed = std::any_of(site->pages().begin(), site->pages().end(),
                                         [](const model::Document *p) { return p->url == "/feed.xml"; });
        QCOMPARE(hasFeed, environment == model::Environment::Production);
    }
}

void TestPlugins::userFilesWin()
{
    const auto built = buildFiles(
        {{QStringLiteral("_config.yml"),
          "url: https://x.org\nplugins: [jekyll-sitemap, jekyll-feed, jekyll-redirect-from]\n"},
         {QStringLiteral("robots.txt"), "User-agent: *\n"},
         {QStringLiteral("sitemap.xml"), "---\n---\n<mine/>\n"},
         {QStringLiteral("feed.xml"), "static feed\n"},
         {QStringLiteral("redirects.json"), "{}\n"},
         {QStringLiteral("a.md"), "---\nredirect_from: /b/\n---\na\n"}});
    QVERIFY(built);
    QCOMPARE(built->file(QStringLiteral("sitemap.xml")), QByteArray("<mine/>\n"));
    QCOMPARE(built->file(QStringLiteral("robots.txt")), QByteArray("User-agent: *\n"));
    QCOMPARE(built->file(QStringLiteral("feed.xml")), QByteArray("static feed\n"));
    QCOMPARE(built->file(QStringLiteral("redirects.json")), QByteArray("{}\n"));
    QVERIFY(built->file(QStringLiteral("b/index.html")).contains("<a href=\"https://x.org/a.html\">"));
}

void TestPlugins::redirectUsesUserLayout()
{
    const auto built = buildFiles(
        {{QStringLiteral("_config.yml"), "plugins: [jekyll-redirect-from]\nredirect_from:\n  json: false\n"},
         {QStringLiteral("_layouts/redirect.html"), "GO {{ page.redirect.to }} from {{ page.redirect.from }}\n"},
         {QStringLiteral("a.md"), "---\nredirect_from: [/b/, /c.html]\n---\na\n"},
         {QStringLiteral("d.md"), "---\nredirect_to: [null, /a.html]\n---\n*d*\n"}});
    QVERIFY(built);
    QCOMPARE(built->file(QStringLiteral("b/index.html")), QByteArray("GO /a.html from /b/\n"));
    QCOMPARE(built->file(QStringLiteral("c.html")), QByteArray("GO /a.html from /c.html\n"));
    QCOMPARE(built->file(QStringLiteral("d.html")), QByteArray("GO /a.html from /d.html\n"));
    QVERIFY(!built->writer.contains(QStringLiteral("redirects.json")));
}

void TestPlugins::gistTag_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    const QString s = QStringLiteral("<script src=\"https://gist.github.com/%1\"> </script>");
    QTest::newRow("user/id") << "{% gist jdoe/123 %}" << s.arg(QStringLiteral("jdoe/123.js"));
    QTest::newRow("id and file") << "{% gist 28949e1d5ee2273f9fd3 best.md %}"
                                 << s.arg(QStringLiteral("28949e1d5ee2273f9fd3.js?file=best.md"));
    QTest::newRow("variable id") << "{% gist gistid  %}" << s.arg(QStringLiteral("abc/42.js"));
    QTest::newRow("numeric id") << "{% gist 1234567 a.rb %}" << s.arg(QStringLiteral("1234567.js?file=a.rb"));
}

void TestPlugins::gistTag()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const liquid::Value site = liquid::Hash{{"plugins", liquid::makeArray({"jekyll-gist"})}};
    QStringList errors;
    QCOMPARE(renderWith(source, site, &errors), expected);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestPlugins::tagsNeedTheirPlugin()
{
    const liquid::Value site = liquid::Hash{{"plugins", liquid::makeArray({"jekyll-gist"})}};
    for (const char *tag : {"{% seo %}", "{% feed_meta %}"}) {
        const QString out = renderWith(QString::fromLatin1(tag), site);
        QVERIFY2(out.contains(QStringLiteral("Unknown tag")), qPrintable(out));
    }
    const QString bad = renderWith(QStringLiteral("{% gist a b c %}"), site);
    QVERIFY2(bad.contains(QStringLiteral("Syntax error in tag 'gist'")), qPrintable(bad));
}

void TestPlugins::feedMeta()
{
    const liquid::Value site = liquid::Hash{{"plugins", liquid::makeArray({"jekyll-feed"})},
                                            {"name", "A \"quoted\" <name> & co"},
                                            {"feed", liquid::Hash{{"path", "atom.xml"}}}};
    QCOMPARE(renderWith(QStringLiteral("{% feed_meta %}"), site),
             QStringLiteral("<link type=\"application/atom+xml\" rel=\"alternate\" href=\"https://example.com/atom.xml\" "
                            "title=\"A &quot;quoted&quot; &lt;name&gt; &amp; co\" />"));
}

void TestPlugins::warnsAboutUnsupportedPlugins()
{
    const auto built = buildFiles(
        {{QStringLiteral("_config.yml"),
          "theme: minima\nplugins:\n  - jekyll-feed\n  - jemoji\n  - jekyll-include-cache\ngems: [jemoji, jekyll-archives]\n"},
         {QStringLiteral("_plugins/capitalize_all.rb"), "module Jekyll\n  module F\n    def capitalize_all(x) x end\n  end\nend\n"
                                                       "Liquid::Template.register_filter(Jekyll::F)\n"},
         {QStringLiteral("_plugins/sub/cite.rb"), "Liquid::Template.register_tag('mycite', Jekyll::Cite)\n"},
         {QStringLiteral("index.md"), "---\n---\nhi\n"}});
    QVERIFY(built);
    QStringList warnings;
    for (const Diagnostic &d : built->diagnostics)
        if (d.severity == Severity::Warning)
            warnings << d.format();
    const QString all = warnings.join(QLatin1Char('\n'));
    QCOMPARE(warnings.filter(QStringLiteral("'jemoji'")).size(), 1);
    QCOMPARE(warnings.filter(QStringLiteral("'jekyll-include-cache'")).size(), 1);
    // jekyll-scholar runs natively (site/scholar): no warning for it.
    QCOMPARE(warnings.filter(QStringLiteral("'jekyll-archives'")).size(), 1);
    QCOMPARE(warnings.filter(QStringLiteral("theme 'minima'")).size(), 1);
    QVERIFY2(warnings.filter(QStringLiteral("jekyll-feed")).isEmpty(), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_config.yml:4:")), qPrintable(all));   // the jemoji line
    // The Jekyll 3 `gems:` key: loaded as GitHub Pages does, with a word on Jekyll 4.
    QVERIFY2(all.contains(QStringLiteral("_config.yml:6: warning: `gems:` is the Jekyll 3 name for `plugins:`")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_plugins/capitalize_all.rb: warning: Folio cannot run Ruby plugins; "
                                         "tags or filters it defines render as errors or nothing")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("_plugins/sub/cite.rb: warning: Folio cannot run Ruby plugins; its tag "
                                         "{% mycite %} renders as an error")),
             qPrintable(all));
}

QTEST_GUILESS_MAIN(TestPlugins)
#include "tst_plugins.moc"
