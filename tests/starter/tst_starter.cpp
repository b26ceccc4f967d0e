// Folio's starter site end to end: `folio-cli new` makes it, folio-cli builds
// it without a warning, Jekyll 4.3 (Debian's) builds the same pages (visible
// text and links, formulas aside), and its sources stay inside what GitHub
// Pages (Jekyll 3.10, Liquid 4.0.4, Ruby Sass, the plugin whitelist) builds.
#include "common/files.h"
#include "common/pagediff.h"
#include "site/htmltext.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using folio::tests::maskFolioMath;
using folio::tests::readFile;
using folio::tests::sameButMath;
using folio::tests::viewOf;

namespace {

const QString kStarter = QStringLiteral(FOLIO_SOURCE_DIR "/resources/starter-site");

struct Run final {
    int exitCode = -1;
    QString output;   // stdout and stderr
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(300000))
        return {-1, QStringLiteral("%1 did not finish in 5 minutes").arg(program)};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QProcessEnvironment folioEnv(const QTemporaryDir &tmp)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FOLIO_CACHE_DIR"), tmp.filePath(QStringLiteral("cache")));
    return env;
}

// A starter site made by `folio-cli new` in tmp/site.
bool newSite(const QTemporaryDir &tmp, QString *log)
{
    const Run r = run(QStringLiteral(FOLIO_CLI),
                      {QStringLiteral("new"), tmp.filePath(QStringLiteral("site")), QStringLiteral("--title"),
                       QStringLiteral("Ada Lovelace"), QStringLiteral("--author"), QStringLiteral("Ada Lovelace")},
                      folioEnv(tmp));
    *log = r.output;
    return r.exitCode == 0;
}

// A dollar MathJax shows: Folio's \$ outside code (processEscapes), as a
// private character until the formulas are masked, so it ends none.
const QChar kShownDollar(0xE000);

QString markEscapedDollarsOutsideCode(const QString &html)
{
    static const QRegularExpression code(QStringLiteral("<(code|pre)\\b(?:.|\\n)*?</\\1>"));
    QString out;
    qsizetype last = 0;
    auto plain = [](QString text) { return text.replace(QLatin1String("\\$"), QString(kShownDollar)); };
    for (auto it = code.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += plain(html.mid(last, m.capturedStart() - last)) + m.captured(0);
        last = m.capturedEnd();
    }
    return out + plain(html.mid(last));
}

// Text a reader sees on the page. Rouge's highlighting spans (Jekyll) are
// not text; Folio's formulas are masked (see common/pagediff.h).
QStringList wordsOf(QString html, bool folio)
{
    static const QRegularExpression span(QStringLiteral("</?span\\b[^>]*>"));
    html.remove(span);
    if (!folio)
        return viewOf(html).words;
    QString text = maskFolioMath(viewOf(markEscapedDollarsOutsideCode(html)).words.join(QLatin1Char(' ')));
    text.replace(kShownDollar, QLatin1Char('$'));
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Files of GitHub Pages' plugin whitelist (pages.github.com/versions) that a
// site may list under `plugins:`.
const QStringList kPagesPlugins{
    QStringLiteral("jekyll-coffeescript"), QStringLiteral("jekyll-commonmark-ghpages"), QStringLiteral("jekyll-default-layout"),
    QStringLiteral("jekyll-feed"), QStringLiteral("jekyll-gist"), QStringLiteral("jekyll-github-metadata"),
    QStringLiteral("jekyll-include-cache"), QStringLiteral("jekyll-mentions"), QStringLiteral("jekyll-optional-front-matter"),
    QStringLiteral("jekyll-paginate"), QStringLiteral("jekyll-readme-index"), QStringLiteral("jekyll-redirect-from"),
    QStringLiteral("jekyll-relative-links"), QStringLiteral("jekyll-remote-theme"), QStringLiteral("jekyll-seo-tag"),
    QStringLiteral("jekyll-sitemap"), QStringLiteral("jekyll-titles-from-headings"), QStringLiteral("jemoji"),
    QStringLiteral("jekyll-avatar")};

// Tags of Liquid 4.0.4, of Jekyll 3.10 and of the whitelisted plugins.
const QStringList kPagesTags{
    QStringLiteral("assign"), QStringLiteral("capture"), QStringLiteral("endcapture"), QStringLiteral("case"),
    QStringLiteral("when"), QStringLiteral("endcase"), QStringLiteral("comment"), QStringLiteral("endcomment"),
    QStringLiteral("cycle"), QStringLiteral("decrement"), QStringLiteral("increment"), QStringLiteral("for"),
    QStringLiteral("endfor"), QStringLiteral("break"), QStringLiteral("continue"), QStringLiteral("if"),
    QStringLiteral("elsif"), QStringLiteral("else"), QStringLiteral("endif"), QStringLiteral("unless"),
    QStringLiteral("endunless"), QStringLiteral("ifchanged"), QStringLiteral("endifchanged"), QStringLiteral("raw"),
    QStringLiteral("endraw"), QStringLiteral("tablerow"), QStringLiteral("endtablerow"), QStringLiteral("include"),
    QStringLiteral("include_relative"), QStringLiteral("highlight"), QStringLiteral("endhighlight"),
    QStringLiteral("link"), QStringLiteral("post_url"), QStringLiteral("seo"), QStringLiteral("feed_meta"),
    QStringLiteral("gist"), QStringLiteral("include_cached")};

// Liquid 4.0.4's standard filters and those Jekyll 3.10 adds (not find,
// find_exp: Jekyll 4.1).
const QStringList kPagesFilters = QStringLiteral(
    "abs append at_least at_most capitalize ceil compact concat date default divided_by downcase escape escape_once "
    "first floor join last lstrip map minus modulo newline_to_br plus prepend remove remove_first replace "
    "replace_first reverse round rstrip size slice sort sort_natural split strip strip_html strip_newlines times "
    "truncate truncatewords uniq upcase url_decode url_encode where "
    "relative_url absolute_url strip_index date_to_xmlschema date_to_rfc822 date_to_string date_to_long_string "
    "where_exp group_by group_by_exp jsonify markdownify smartify sassify scssify slugify xml_escape cgi_escape "
    "uri_escape normalize_whitespace number_of_words array_to_sentence_string to_integer push pop shift unshift "
    "sample inspect").split(QLatin1Char(' '));

struct Finding final {
    QString where;   // path:line
    QString what;
};

int lineOf(const QString &text, qsizetype offset)
{
    return int(text.left(offset).count(QLatin1Char('\n'))) + 1;
}

// What GitHub Pages could not build in one Liquid file.
QList<Finding> lintLiquid(const QString &path, const QString &text)
{
    QList<Finding> out;
    static const QRegularExpression tag(QStringLiteral("\\{%-?\\s*(#|[A-Za-z_][A-Za-z0-9_]*)((?:.|\\n)*?)-?%\\}"));
    static const QRegularExpression output(QStringLiteral("\\{\\{-?((?:.|\\n)*?)-?\\}\\}"));
    static const QRegularExpression filter(QStringLiteral("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)"));
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\"|'[^']*'"));
    auto checkFilters = [&](QString markup, qsizetype offset) {
        const QString unquoted = QString(markup).replace(quoted, QStringLiteral("\"\""));
        for (auto it = filter.globalMatch(unquoted); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!kPagesFilters.contains(name))
                out << Finding{QStringLiteral("%1:%2").arg(path).arg(lineOf(text, offset)),
                               QStringLiteral("filter '%1' is not in Liquid 4.0.4 or Jekyll 3.10").arg(name)};
        }
        if (markup.contains(QLatin1String("allow_false")))
            out << Finding{QStringLiteral("%1:%2").arg(path).arg(lineOf(text, offset)),
                           QStringLiteral("default's allow_false arrived in Liquid 5")};
        // Jekyll 3.10's where_exp takes one condition, no and/or.
        static const QRegularExpression whereExp(QStringLiteral("where_exp\\s*:\\s*(\"[^\"]*\"|'[^']*')\\s*,\\s*(\"[^\"]*\"|'[^']*')"));
        for (auto it = whereExp.globalMatch(markup); it.hasNext();) {
            const QString condition = it.next().captured(2);
            if (condition.contains(QLatin1String(" and ")) || condition.contains(QLatin1String(" or ")))
                out << Finding{QStringLiteral("%1:%2").arg(path).arg(lineOf(text, offset)),
                               QStringLiteral("where_exp with and/or needs Jekyll 4")};
        }
    };
    // Comments and raw blocks hold text, not Liquid.
    static const QRegularExpression skipped(QStringLiteral("\\{%-?\\s*(comment|raw)\\s*-?%\\}(?:.|\\n)*?\\{%-?\\s*end\\1\\s*-?%\\}"));
    QString code = text;
    for (auto it = skipped.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            if (code[i] != QLatin1Char('\n'))
                code[i] = QLatin1Char(' ');
    }
    for (auto it = tag.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(1);
        if (!kPagesTags.contains(name))
            out << Finding{QStringLiteral("%1:%2").arg(path).arg(lineOf(text, m.capturedStart())),
                           name == QLatin1String("#") ? QStringLiteral("inline comments {% # %} need Liquid 5")
                                                      : QStringLiteral("tag '%1' is not in Liquid 4.0.4 or Jekyll 3.10").arg(name)};
        checkFilters(m.captured(2), m.capturedStart());
    }
    for (auto it = output.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        checkFilters(m.captured(1), m.capturedStart());
    }
    return out;
}

// What Ruby Sass 3.7 and libsass 3.6 do not know in one Sass file.
QList<Finding> lintSass(const QString &path, const QString &text)
{
    QList<Finding> out;
    static const QRegularExpression rules(QStringLiteral(
        "(@use\\b|@forward\\b|\\b(?:math|color|string|list|map|meta|selector)\\.[a-z-]+\\s*\\()"));
    static const QRegularExpression lineComment(QStringLiteral("//[^\\n]*"));
    QString code = text;
    code.replace(lineComment, QString());
    const QStringList lines = code.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i)
        for (auto it = rules.globalMatch(lines[i]); it.hasNext();)
            out << Finding{QStringLiteral("%1:%2").arg(path).arg(i + 1),
                           QStringLiteral("'%1' needs Dart Sass's module system; GitHub Pages' Sass lacks it").arg(it.next().captured(1))};
    return out;
}

QList<Finding> lintPlugins(const QString &config)
{
    QList<Finding> out;
    const QStringList lines = config.split(QLatin1Char('\n'));
    bool inPlugins = false;
    static const QRegularExpression item(QStringLiteral("^\\s+-\\s*\"?([^\"#\\s]+)"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &l = lines[i];
        if (!l.startsWith(QLatin1Char(' ')) && !l.startsWith(QLatin1Char('-')) && !l.startsWith(QLatin1Char('#')) && !l.trimmed().isEmpty())
            inPlugins = l.startsWith(QLatin1String("plugins:")) || l.startsWith(QLatin1String("gems:"));
        const auto m = item.match(l);
        if (inPlugins && m.hasMatch() && !kPagesPlugins.contains(m.captured(1)))
            out << Finding{QStringLiteral("_config.yml:%1").arg(i + 1),
                           QStringLiteral("plugin '%1' is not on GitHub Pages' whitelist").arg(m.captured(1))};
    }
    return out;
}

QList<Finding> lintForGitHubPages(const QString &root)
{
    QList<Finding> out;
    for (const QString &f : folio::tests::filesUnder(root)) {
        const QString text = QString::fromUtf8(readFile(root + QLatin1Char('/') + f));
        if (f.startsWith(QLatin1String("_plugins/")))
            out << Finding{f, QStringLiteral("GitHub Pages runs no custom plugins")};
        if (f.endsWith(QLatin1String(".scss")) || f.endsWith(QLatin1String(".sass")))
            out += lintSass(f, text);
        if (f.endsWith(QLatin1String(".html")) || f.endsWith(QLatin1String(".md")) || f.endsWith(QLatin1String(".xml"))
            || f.endsWith(QLatin1String(".scss")))
            out += lintLiquid(f, text);
        if (f == QLatin1String("_config.yml"))
            out += lintPlugins(text);
    }
    return out;
}

QString describe(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << f.where + QStringLiteral(": ") + f.what;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class StarterTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliNewCreatesSite();
    void cliNewRefusesNonEmptyFolder();
    void cliBuildsWithoutWarnings();
    void sameAsJekyll();
    void lintRejectsWhatGitHubPagesCannotBuild_data();
    void lintRejectsWhatGitHubPagesCannotBuild();
    void starterBuildsOnGitHubPages();
};

void StarterTest::cliNewCreatesSite()
{
    QTemporaryDir tmp;
    QString log;
    QVERIFY2(newSite(tmp, &log), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("Created a new site")), qPrintable(log));
    const QString site = tmp.filePath(QStringLiteral("site"));
    QCOMPARE(folio::tests::filesUnder(site), folio::tests::filesUnder(kStarter));
    const QString config = QString::fromUtf8(readFile(site + QStringLiteral("/_config.yml")));
    QVERIFY(config.contains(QLatin1String("\ntitle: \"Ada Lovelace\"\n")));
    QVERIFY(config.contains(QLatin1String("\n  name: \"Ada Lovelace\"\n")));
}

void StarterTest::cliNewRefusesNonEmptyFolder()
{
    QTemporaryDir tmp;
    folio::tests::writeFile(tmp.path(), QStringLiteral("site/thesis.tex"), "\\documentclass{book}\n");
    QString log;
    QVERIFY(!newSite(tmp, &log));
    QVERIFY2(log.contains(QLatin1String("is not empty")), qPrintable(log));
    QCOMPARE(folio::tests::filesUnder(tmp.filePath(QStringLiteral("site"))), QStringList{QStringLiteral("thesis.tex")});
    // And a usage error without a folder.
    const Run bare = run(QStringLiteral(FOLIO_CLI), {QStringLiteral("new")});
    QCOMPARE(bare.exitCode, 2);
}

void StarterTest::cliBuildsWithoutWarnings()
{
    QTemporaryDir tmp;
    QString log;
    QVERIFY2(newSite(tmp, &log), qPrintable(log));
    const QString site = tmp.filePath(QStringLiteral("site"));
    const Run build = run(QStringLiteral(FOLIO_CLI), {QStringLiteral("build"), site, QStringLiteral("-d"), tmp.filePath(QStringLiteral("out"))}, folioEnv(tmp));
    QVERIFY2(build.exitCode == 0, qPrintable(build.output));
    // Diagnostics read `path:line:col: warning|error: …`.
    QVERIFY2(!build.output.contains(QLatin1String(": warning:")) && !build.output.contains(QLatin1String(": error:")), qPrintable(build.output));
    // `check` also follows every link between the pages.
    const Run check = run(QStringLiteral(FOLIO_CLI), {QStringLiteral("check"), site}, folioEnv(tmp));
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    QVERIFY2(!check.output.contains(QLatin1String(": warning:")) && !check.output.contains(QLatin1String(": error:")), qPrintable(check.output));
    QVERIFY2(check.output.contains(QLatin1String("0 errors, 0 warnings (0 broken links)")), qPrintable(check.output));

    // The pages the issue names, with the user's name in them.
    const QString out = tmp.filePath(QStringLiteral("out"));
    for (const char *page : {"index.html", "publications/index.html", "talks/index.html", "teaching/index.html",
                             "cv/index.html", "blog/index.html", "portfolio/index.html", "404.html", "feed.xml",
                             "sitemap.xml", "assets/css/main.css"})
        QVERIFY2(QFileInfo::exists(out + QLatin1Char('/') + QLatin1String(page)), page);
    const QString home = QString::fromUtf8(readFile(out + QStringLiteral("/index.html")));
    QVERIFY(home.contains(QLatin1String("<title>About me | Ada Lovelace</title>")));
    QVERIFY(home.contains(QLatin1String("<p class=\"author__name\">Ada Lovelace</p>")));
    // Publications grouped by year, newest first, with badges and links.
    const QString pubs = QString::fromUtf8(readFile(out + QStringLiteral("/publications/index.html")));
    const qsizetype y2024 = pubs.indexOf(QLatin1String(">2024</h2>")), y2022 = pubs.indexOf(QLatin1String(">2022</h2>")),
                    y2021 = pubs.indexOf(QLatin1String(">2021</h2>"));
    QVERIFY(y2024 > 0 && y2022 > y2024 && y2021 > y2022);
    QVERIFY(pubs.contains(QLatin1String("<span class=\"badge badge--manuscripts\">Journal article</span>")));
    QVERIFY(pubs.contains(QLatin1String("<a href=\"/files/sharp-bounds.bib\">BibTeX</a>")));
    // The only outside request of any page: MathJax from jsDelivr.
    static const QRegularExpression src(QStringLiteral("<(?:script|link|img|iframe)\\b[^>]*(?:src|href)=\"(https?:)?//([^/\"]+)"));
    for (const QString &f : folio::tests::filesUnder(out)) {
        if (!f.endsWith(QLatin1String(".html")))
            continue;
        const QString html = QString::fromUtf8(readFile(out + QLatin1Char('/') + f));
        for (auto it = src.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(0).startsWith(QLatin1String("<link")) && m.captured(0).contains(QLatin1String("rel=\"canonical\"")))
                continue;   // not fetched
            QVERIFY2(m.captured(2) == QLatin1String("cdn.jsdelivr.net"), qPrintable(f + QStringLiteral(": ") + m.captured(0)));
        }
    }
}

void StarterTest::sameAsJekyll()
{
    const QString jekyll = QStandardPaths::findExecutable(QStringLiteral("jekyll"));
    if (jekyll.isEmpty())
        QSKIP("Jekyll is not installed (scripts/install-deps.sh installs Debian's); no reference to compare with");
    QTemporaryDir tmp;
    QString log;
    QVERIFY2(newSite(tmp, &log), qPrintable(log));
    const QString site = tmp.filePath(QStringLiteral("site"));
    const QString jekyllOut = tmp.filePath(QStringLiteral("jekyll")), folioOut = tmp.filePath(QStringLiteral("folio"));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JEKYLL_ENV"), QStringLiteral("production"));
    const Run j = run(jekyll, {QStringLiteral("build"), QStringLiteral("-s"), site, QStringLiteral("-d"), jekyllOut}, env);
    QVERIFY2(j.exitCode == 0, qPrintable(j.output));
    QVERIFY2(!j.output.contains(QLatin1String("Warning")) && !j.output.contains(QLatin1String("Deprecation")), qPrintable(j.output));
    const Run f = run(QStringLiteral(FOLIO_CLI), {QStringLiteral("build"), site, QStringLiteral("-d"), folioOut, QStringLiteral("-q")}, folioEnv(tmp));
    QVERIFY2(f.exitCode == 0, qPrintable(f.output));

    // Jekyll's Sass source map aside, the same files.
    QStringList jekyllFiles = folio::tests::filesUnder(jekyllOut);
    jekyllFiles.removeAll(QStringLiteral("assets/css/main.css.map"));
    QStringList folioFiles = folio::tests::filesUnder(folioOut);
    folioFiles.removeAll(QStringLiteral("assets/css/main.css.map"));
    QCOMPARE(folioFiles, jekyllFiles);

    static const QRegularExpression buildTime(QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)"));
    QStringList failures;
    int compared = 0;
    for (const QString &file : jekyllFiles) {
        const bool html = file.endsWith(QLatin1String(".html"));
        if (!html && !file.endsWith(QLatin1String(".xml")))
            continue;
        ++compared;
        QString a = QString::fromUtf8(readFile(jekyllOut + QLatin1Char('/') + file));
        QString b = QString::fromUtf8(readFile(folioOut + QLatin1Char('/') + file));
        if (!html) {
            // Feeds carry HTML in CDATA; build times differ between the runs.
            for (QString *x : {&a, &b}) {
                x->replace(buildTime, QStringLiteral("<time>"));
                x->remove(QStringLiteral("<![CDATA[")).remove(QStringLiteral("]]>"));
            }
        }
        QString difference;
        const bool sameText = sameButMath(wordsOf(a, false), wordsOf(b, true), &difference);
        const QStringList la = viewOf(a).links, lb = viewOf(b).links;
        if (!sameText || la != lb)
            failures << QStringLiteral("%1\n      %2%3").arg(file, difference,
                                                             la == lb ? QString() : QStringLiteral("\n      links: Jekyll %1\n      Folio  %2")
                                                                                       .arg(la.join(QLatin1Char(' ')), lb.join(QLatin1Char(' '))));
    }
    qInfo().noquote() << QStringLiteral("starter site: %1 of %2 pages the same as Jekyll's").arg(compared - failures.size()).arg(compared);
    QVERIFY2(compared >= 24, "the starter has 22 HTML pages, a feed and a sitemap");
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("pages that differ from Jekyll's:\n  ") + failures.join(QStringLiteral("\n  "))));
}

void StarterTest::lintRejectsWhatGitHubPagesCannotBuild_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("render") << "_layouts/a.html" << "{% render 'x' %}" << "tag 'render'";
    QTest::newRow("liquid") << "_includes/b.html" << "{%- liquid\n assign a = 1\n-%}" << "tag 'liquid'";
    QTest::newRow("echo") << "index.md" << "x\n{% echo page.title %}" << "index.md:2: tag 'echo'";
    QTest::newRow("inline comment") << "a.html" << "{% # note %}" << "inline comments";
    QTest::newRow("find") << "a.html" << "{{ site.posts | find: 'title', 'x' }}" << "filter 'find'";
    QTest::newRow("sum") << "a.html" << "{% assign n = site.data.x | sum %}" << "filter 'sum'";
    QTest::newRow("base64") << "a.html" << "{{ 'x' | base64_encode }}" << "filter 'base64_encode'";
    QTest::newRow("allow_false") << "a.html" << "{{ x | default: true, allow_false: true }}" << "allow_false";
    QTest::newRow("where_exp and") << "a.html" << "{{ a | where_exp: \"p\", \"p.x and p.y\" }}" << "where_exp with and/or";
    QTest::newRow("@use") << "_sass/a.scss" << "@use \"sass:math\";" << "'@use'";
    QTest::newRow("@forward") << "_sass/a.scss" << "@forward \"x\";" << "'@forward'";
    QTest::newRow("math.div") << "_sass/a.scss" << "a { width: math.div(1, 2); }" << "'math.div('";
    QTest::newRow("color.adjust") << "_sass/a.scss" << "a { color: color.adjust(red, $lightness: 5%); }" << "'color.adjust('";
    QTest::newRow("plugin") << "_config.yml" << "plugins:\n  - jekyll-feed\n  - jekyll-scholar\n" << "_config.yml:3: plugin 'jekyll-scholar'";
    QTest::newRow("custom plugin") << "_plugins/x.rb" << "" << "no custom plugins";
    // And what is allowed must pass.
    QTest::newRow("ok liquid") << "a.html" << "{% for p in site.posts limit: 3 %}{{ p.title | escape | relative_url }}{% endfor %}{% comment %}{% render %}{% endcomment %}" << "";
    QTest::newRow("ok sass") << "_sass/a.scss" << "// @use is not used\na { width: (100% / 3); }" << "";
    QTest::newRow("ok quoted pipe") << "a.html" << "{{ x | append: '| sum' }}" << "";
}

void StarterTest::lintRejectsWhatGitHubPagesCannotBuild()
{
    QFETCH(QString, file);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QTemporaryDir tmp;
    folio::tests::writeFile(tmp.path(), file, text.toUtf8());
    const QString found = describe(lintForGitHubPages(tmp.path()));
    if (expected.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(expected), qPrintable(QStringLiteral("expected '%1' in:\n%2").arg(expected, found)));
}

void StarterTest::starterBuildsOnGitHubPages()
{
    const QList<Finding> findings = lintForGitHubPages(kStarter);
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    // No Gemfile: GitHub Pages needs none, and Debian's Jekyll would go through Bundler.
    QVERIFY(!QFileInfo::exists(kStarter + QStringLiteral("/Gemfile")));
}

QTEST_GUILESS_MAIN(StarterTest)
#include "tst_starter.moc"
