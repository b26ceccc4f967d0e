// The site model: what Jekyll 4.3 makes of a source tree (URLs, dates, titles,
// categories, defaults, include/exclude), and how bad input is reported.
#include "site/model/defaults.h"
#include "site/model/entryfilter.h"
#include "site/model/permalink.h"
#include "site/model/site.h"
#include "site/liquid/timeformat.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "common/files.h"

using namespace folio::site;
using namespace folio::site::model;

using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

const Document *find(const Site &site, const std::string &relativePath)
{
    for (const auto &doc : site.documents())
        if (doc->relativePath == relativePath)
            return doc.get();
    return nullptr;
}

bool hasDiagnostic(const std::vector<Diagnostic> &all, Severity severity, const QString &file, const QString &text)
{
    for (const Diagnostic &d : all)
        if (d.severity == severity && d.file == file && d.message.contains(text))
            return true;
    return false;
}

} // namespace

class ModelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanitizeUrl_data();
    void sanitizeUrl();
    void destinations();
    void documentTemplate();
    void pageTemplateDropsNilPlaceholders();
    void entryFilter_data();
    void entryFilter();
    void defaultsPrecedence();
    void readsPostsLikeJekyll();
    void rereadsOneDocumentFromUnsavedText();
    void pageUrlsFollowPermalinkStyle_data();
    void pageUrlsFollowPermalinkStyle();
    void draftsAndFutureAndUnpublished();
    void collectionsAndData();
    void collectionStaticFilesAsJekyll();
    void collectionLabelsSanitizedAsJekyll();
    void badInputIsReportedAndSkipped();
    void permalinkClimbingOutIsAnError();
    void conflictingDestinationsKeepJekyllsChoice();
};

void ModelTest::sanitizeUrl_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "/a/b/" << "/a/b/";
    QTest::newRow("leading slash added") << "a/b" << "/a/b";
    QTest::newRow("double slashes squeezed") << "/a//b///c" << "/a/b/c";
    QTest::newRow("dot segments") << "/a/./b" << "/a/b";
    QTest::newRow("dotdot as Jekyll rewrites it") << "/../x" << "/x";
}

void ModelTest::sanitizeUrl()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(QString::fromStdString(model::sanitizeUrl(in.toStdString())), out);
}

void ModelTest::destinations()
{
    QCOMPARE(documentDestination("/posts/a/", ".html"), std::string("posts/a/index.html"));
    QCOMPARE(documentDestination("/talks/a.html", ".html"), std::string("talks/a.html"));
    QCOMPARE(documentDestination("/a", ".html"), std::string("a.html"));
    QCOMPARE(pageDestination("/about/", ".html"), std::string("about/index.html"));
    QCOMPARE(pageDestination("/feed.xml", ".xml"), std::string("feed.xml"));
    QCOMPARE(pageDestination("/caf%C3%A9/", ".html"), std::string("café/index.html"));
}

void ModelTest::documentTemplate()
{
    auto lookup = [](std::string_view key) -> std::optional<std::string> {
        if (key == "year")
            return "2023";
        if (key == "title")
            return "normalizing flow";
        if (key == "categories")
            return "";
        return std::nullopt;
    };
    std::string unknown;
    auto url = expandDocumentTemplate("/:categories/:year/:title/", lookup, &unknown);
    QVERIFY(url);
    QCOMPARE(model::sanitizeUrl(*url), std::string("/2023/normalizing%20flow/"));
    QVERIFY(!expandDocumentTemplate("/:nope/", lookup, &unknown));
    QCOMPARE(unknown, std::string("nope"));
}

void ModelTest::pageTemplateDropsNilPlaceholders()
{
    const std::string url = expandPageTemplate("/:path/:basename:output_ext",
                                               {{"path", std::nullopt}, {"basename", "cv"}, {"output_ext", ".html"}});
    QCOMPARE(url, std::string("/cv.html"));
}

void ModelTest::entryFilter_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("ordinary file") << "" << "about.md" << true;
    QTest::newRow("underscore dir") << "" << "_layouts" << false;
    QTest::newRow("included underscore dir") << "" << "_pages" << true;
    QTest::newRow("dotfile") << "" << ".hidden" << false;
    QTest::newRow("included dotfile") << "" << ".htaccess" << true;
    QTest::newRow("backup") << "" << "notes.md~" << false;
    QTest::newRow("excluded by prefix") << "" << "README.md" << false;
    QTest::newRow("excluded glob") << "" << "site.sublime-project" << false;
    QTest::newRow("excluded nested path") << "assets" << "js/vendor" << false;
    QTest::newRow("inside an included dir") << "_pages" << "about.md" << true;
}

void ModelTest::entryFilter()
{
    QFETCH(QString, base);
    QFETCH(QString, entry);
    QFETCH(bool, accepted);
    EntryFilter filter(QStringLiteral("/site"), {QStringLiteral(".htaccess"), QStringLiteral("_pages")},
                       {QStringLiteral("README"), QStringLiteral("*.sublime-project"),
                        QStringLiteral("assets/js/vendor")});
    QCOMPARE(filter.accepts(base, entry), accepted);
}

void ModelTest::defaultsPrecedence()
{
    DiagnosticSink sink;
    const Config config = Config::fromYaml(R"(
defaults:
  - scope: {path: ""}
    values: {layout: base, share: false}
  - scope: {path: "", type: posts}
    values: {layout: single, author_profile: true}
  - scope: {path: "_posts/2020"}
    values: {layout: yearly}
)",
                                           QStringLiteral("/site"), sink);
    const liquid::Hash post = frontMatterDefaults(config, "_posts/2019-01-01-a.md", "posts");
    QCOMPARE(post.value("layout").toString(), std::string("single"));
    QCOMPARE(post.value("share").toBool(), false);
    QCOMPARE(post.value("author_profile").toBool(), true);
    const liquid::Hash yearly = frontMatterDefaults(config, "_posts/2020/2020-01-01-a.md", "posts");
    QCOMPARE(yearly.value("layout").toString(), std::string("yearly"));
    const liquid::Hash page = frontMatterDefaults(config, "about.md", "pages");
    QCOMPARE(page.value("layout").toString(), std::string("base"));
    QVERIFY(!page.contains("author_profile"));
}

// The preview renders the editor's buffer: its front matter counts, the site does not change.
void ModelTest::rereadsOneDocumentFromUnsavedText()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "defaults:\n  - scope: {type: posts}\n    values: {layout: post}\n");
    writeFile(dir.path(), "_posts/2023-04-01-flow.md", "---\ntitle: Old\n---\nBody\n");
    writeFile(dir.path(), "about.md", "---\ntitle: About\n---\nMe\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    const Document *post = find(*site, "_posts/2023-04-01-flow.md");
    QVERIFY(post);
    auto edited = site->rereadFromText(*post, "\xEF\xBB\xBF---\ntitle: New\ntags: [x]\n\n---\nChanged body\n", sink);
    QVERIFY(edited);
    QCOMPARE(edited->title(), std::string("New"));
    QCOMPARE(edited->layout(), std::string("post"));   // defaults still apply
    QCOMPARE(edited->data.value("tags").inspect(), std::string(R"(["x"])"));
    QCOMPARE(edited->content, std::string("Changed body\n"));
    QCOMPARE(edited->bodyLine, 6);
    QCOMPARE(edited->url, post->url);
    QCOMPARE(edited->index, post->index);
    QCOMPARE(post->title(), std::string("Old"));        // the loaded site is untouched

    const Document *about = find(*site, "about.md");
    auto page = site->rereadFromText(*about, "---\ntitle: Me\npermalink: /me/\n---\nHi\n", sink);
    QVERIFY(page);
    QCOMPARE(page->title(), std::string("Me"));
    QCOMPARE(page->url, std::string("/me/"));
    QVERIFY(sink.take().empty());
}

void ModelTest::readsPostsLikeJekyll()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "timezone: America/Los_Angeles\npermalink: /:categories/:year/:month/:title/\n");
    writeFile(dir.path(), "_posts/2023-04-01-normalizing-flow.md", "---\ncategories: ML Notes\ntags: [a, b]\n---\nBody\n\nMore\n");
    writeFile(dir.path(), "blog/_posts/2022-01-05-dated.md", "---\ntitle: Explicit\ndate: 2022-01-06 10:00:00 +0800\n---\nText\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    QCOMPARE(site->posts().size(), std::size_t(2));

    const Document *flow = find(*site, "_posts/2023-04-01-normalizing-flow.md");
    QVERIFY(flow);
    QCOMPARE(flow->title(), std::string("Normalizing Flow"));   // titleized slug
    QCOMPARE(flow->data.value("slug").toString(), std::string("normalizing-flow"));
    QCOMPARE(flow->data.value("categories").inspect(), std::string(R"(["ML", "Notes"])"));
    QCOMPARE(flow->url, std::string("/ml/notes/2023/04/normalizing-flow/"));
    QCOMPARE(flow->destination, QStringLiteral("ml/notes/2023/04/normalizing-flow/index.html"));
    QCOMPARE(liquid::Value(flow->date).toString(), std::string("2023-04-01 00:00:00 -0700"));
    QCOMPARE(flow->excerptSource, std::string("Body"));

    const Document *dated = find(*site, "blog/_posts/2022-01-05-dated.md");
    QVERIFY(dated);
    // The front matter date wins over the file name, shown in the site's zone.
    QCOMPARE(liquid::Value(dated->date).toString(), std::string("2022-01-05 18:00:00 -0800"));
    QCOMPARE(dated->data.value("categories").inspect(), std::string(R"(["blog"])"));
    QCOMPARE(dated->url, std::string("/blog/2022/01/dated/"));
    // Posts sorted by date: the older first.
    QCOMPARE(site->posts().front(), dated);
}

void ModelTest::pageUrlsFollowPermalinkStyle_data()
{
    QTest::addColumn<QString>("style");
    QTest::addColumn<QString>("url");
    QTest::newRow("date") << "date" << "/notes/cv.html";
    QTest::newRow("pretty") << "pretty" << "/notes/cv/";
    QTest::newRow("custom ending in slash") << "/:categories/:title/" << "/notes/cv/";
    QTest::newRow("custom ending in output_ext") << "/:title:output_ext" << "/notes/cv.html";
}

void ModelTest::pageUrlsFollowPermalinkStyle()
{
    QFETCH(QString, style);
    QFETCH(QString, url);
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "permalink: \"" + style.toUtf8() + "\"\n");
    writeFile(dir.path(), "notes/cv.md", "---\n---\nCV\n");
    writeFile(dir.path(), "notes/index.html", "---\n---\nIndex\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    const Document *cv = find(*site, "notes/cv.md");
    QVERIFY(cv);
    QCOMPARE(QString::fromStdString(cv->url), url);
    QCOMPARE(QString::fromStdString(find(*site, "notes/index.html")->url), QStringLiteral("/notes/"));
}

void ModelTest::draftsAndFutureAndUnpublished()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "title: t\n");
    writeFile(dir.path(), "_posts/2199-01-01-future.md", "---\n---\nlater\n");
    writeFile(dir.path(), "_posts/2020-01-01-hidden.md", "---\npublished: false\n---\nno\n");
    writeFile(dir.path(), "_posts/2020-01-02-visible.md", "---\n---\nyes\n");
    writeFile(dir.path(), "_drafts/idea.md", "---\n---\ndraft\n");
    {
        DiagnosticSink sink;
        auto site = Site::load(dir.path(), {}, sink);
        QCOMPARE(site->posts().size(), std::size_t(1));
        QVERIFY(hasDiagnostic(sink.take(), Severity::Warning, QStringLiteral("_posts/2199-01-01-future.md"),
                              QStringLiteral("future date")));
    }
    {
        BuildOptions options;
        options.showDrafts = true;
        options.future = true;
        DiagnosticSink sink;
        auto site = Site::load(dir.path(), options, sink);
        QCOMPARE(site->posts().size(), std::size_t(3));
        const Document *draft = find(*site, "_drafts/idea.md");
        QVERIFY(draft);
        QVERIFY(draft->draft);
        // Drafts take the posts' permalink (Jekyll's default style: date).
        QVERIFY2(QString::fromStdString(draft->url).endsWith(QLatin1String("/idea.html")), draft->url.c_str());
    }
}

void ModelTest::collectionsAndData()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml",
              "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n  notes:\n    output: false\n");
    writeFile(dir.path(), "_publications/2009-10-01-paper.md", "---\nvenue: J\n---\nAbstract\n");
    writeFile(dir.path(), "_publications/paper.pdf", "%PDF");
    writeFile(dir.path(), "_notes/private.md", "---\n---\nnot written\n");
    writeFile(dir.path(), "_data/people/authors.yml", "ada:\n  name: Ada\n");
    writeFile(dir.path(), "_data/ui-text.json", "{\"en\": {\"next\": \"Next\"}}");
    writeFile(dir.path(), "_data/talks.csv", "title,year\n\"A, B\",2020\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    const Document *paper = find(*site, "_publications/2009-10-01-paper.md");
    QVERIFY(paper);
    QCOMPARE(paper->url, std::string("/publications/2009-10-01-paper/"));
    QCOMPARE(liquid::toCivil(paper->date).year, 2009);
    const Document *note = find(*site, "_notes/private.md");
    QVERIFY(note);
    QVERIFY(note->destination.isEmpty());
    bool pdf = false;
    for (const StaticFile &f : site->staticFiles())
        pdf = pdf || (f.relativePath == "_publications/paper.pdf" && f.collection == "publications");
    QVERIFY(pdf);
    QCOMPARE(site->data().get("people").get("authors").get("ada").get("name").toString(), std::string("Ada"));
    QCOMPARE(site->data().get("ui-text").get("en").get("next").toString(), std::string("Next"));
    QCOMPARE(site->data().get("talks").at(0).get("title").toString(), std::string("A, B"));
}

void ModelTest::collectionStaticFilesAsJekyll()
{
    // Files without front matter in collections: written under the collection's
    // URL template with their own name, listed after the site's static files
    // collection by collection, their path without a leading slash. Expected
    // values are Jekyll 4.3.1's for this site.
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml",
              "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n"
              "  talks:\n    output: true\n  notes:\n    output: true\n    permalink: /n/:name/\n");
    for (const char *file : {"_publications/paper.pdf", "_publications/sub/a.b.txt", "_talks/t.md", "_notes/my note.md",
                             "a.txt", "z.txt", "assets/c.css"})
        writeFile(dir.path(), QString::fromLatin1(file), "x\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    QStringList listed;
    for (const StaticFile &f : site->staticFiles())
        listed << QString::fromStdString(f.relativePath) + QLatin1String(" -> ") + f.destination;
    QCOMPARE(listed, QStringList({QStringLiteral("/a.txt -> a.txt"), QStringLiteral("/assets/c.css -> assets/c.css"),
                                  QStringLiteral("/z.txt -> z.txt"),
                                  QStringLiteral("_publications/paper.pdf -> publications/paper.pdf"),
                                  QStringLiteral("_publications/sub/a.b.txt -> publications/sub/a.b.txt"),
                                  QStringLiteral("_talks/t.md -> talks/t.md"),
                                  QStringLiteral("_notes/my note.md -> n/my note.md")}));
}

void ModelTest::collectionLabelsSanitizedAsJekyll()
{
    // Jekyll 4.3.1 reads `reading list:` as the collection "readinglist", from
    // _readinglist/, with the settings of `readinglist:` (none): not written.
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "collections:\n  reading list:\n    output: true\n    permalink: /rl/:path/\n");
    writeFile(dir.path(), "_readinglist/a.md", "---\ntitle: A\n---\na\n");
    writeFile(dir.path(), "_reading list/b.md", "---\ntitle: B\n---\nb\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    const CollectionConfig *c = site->config().collection("readinglist");
    QVERIFY(c);
    QVERIFY(!c->output);
    QCOMPARE(site->collectionDocuments("readinglist").size(), std::size_t(1));
    const Document *a = find(*site, "_readinglist/a.md");
    QVERIFY(a);
    QVERIFY(a->destination.isEmpty());
    QVERIFY(!find(*site, "_reading list/b.md"));
    const auto diagnostics = sink.take();
    QVERIFY(std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.file == QLatin1String("_config.yml") && d.line == 2 && d.message.contains(QLatin1String("'readinglist'"));
    }));
}

void ModelTest::badInputIsReportedAndSkipped()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "title: ok\n");
    writeFile(dir.path(), "good.md", "---\ntitle: Good\n---\nfine\n");
    writeFile(dir.path(), "bad-yaml.md", "---\ntitle: [unclosed\n---\nbody\n");
    writeFile(dir.path(), "bad-utf8.md", "---\ntitle: x\n---\nline\n\xff\xfe broken\n");
    writeFile(dir.path(), "bom.md", "\xEF\xBB\xBF---\ntitle: With BOM\n---\nbody\n");
    writeFile(dir.path(), "_data/broken.yml", "a: [1, 2\n");
    writeFile(dir.path(), "_publications/2009-10-01-p.md", "---\n---\ntitle: Paper\nvenue: Journal\n");
    // A real site's typo (a letter O for a zero): the error names the date's line.
    writeFile(dir.path(), "_publications/typo.md", "---\ntitle: Typo\nvenue: V\ndate: 202O-06-21\n---\nbody\n");
    writeFile(dir.path(), "_config.yml", "collections: [publications]\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    const auto diagnostics = sink.take();
    QVERIFY(find(*site, "good.md"));
    QVERIFY2(hasDiagnostic(diagnostics, Severity::Error, QStringLiteral("bad-yaml.md"), QString()),
             "a front matter YAML error names the file");
    for (const Diagnostic &d : diagnostics)
        if (d.file == QLatin1String("bad-yaml.md"))
            QVERIFY2(d.line >= 2 && d.line <= 3, qPrintable(d.format()));   // in the front matter, not the body
    QVERIFY(hasDiagnostic(diagnostics, Severity::Error, QStringLiteral("bad-utf8.md"), QStringLiteral("UTF-8")));
    QVERIFY(!find(*site, "bad-utf8.md"));
    const Document *bom = find(*site, "bom.md");
    QVERIFY(bom);
    QCOMPARE(bom->title(), std::string("With BOM"));
    QVERIFY(hasDiagnostic(diagnostics, Severity::Error, QStringLiteral("_data/broken.yml"), QString()));
    QVERIFY(hasDiagnostic(diagnostics, Severity::Warning, QStringLiteral("_publications/2009-10-01-p.md"),
                          QStringLiteral("front matter keys found in the body")));
    const auto typo = std::find_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.file == QLatin1String("_publications/typo.md") && d.message.contains(QLatin1String("invalid date '202O-06-21'"));
    });
    QVERIFY(typo != diagnostics.end());
    QCOMPARE(typo->severity, Severity::Error);
    QCOMPARE(typo->line, 4);
}

void ModelTest::permalinkClimbingOutIsAnError()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "title: t\n");
    writeFile(dir.path(), "evil.md", "---\npermalink: /../../etc/x\n---\nbody\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    const Document *evil = find(*site, "evil.md");
    QVERIFY(evil);
    QVERIFY(evil->destination.isEmpty());
    QVERIFY(hasDiagnostic(sink.take(), Severity::Error, QStringLiteral("evil.md"), QStringLiteral("outside the site")));
}

void ModelTest::conflictingDestinationsKeepJekyllsChoice()
{
    QTemporaryDir dir;
    writeFile(dir.path(), "_config.yml", "future: true\n");
    writeFile(dir.path(), "_posts/2015-08-14-a.md", "---\npermalink: /same/\n---\nA\n");
    writeFile(dir.path(), "_posts/2199-01-01-b.md", "---\npermalink: /same/\n---\nB\n");
    DiagnosticSink sink;
    auto site = Site::load(dir.path(), {}, sink);
    QVERIFY(!find(*site, "_posts/2015-08-14-a.md")->write);
    QVERIFY(find(*site, "_posts/2199-01-01-b.md")->write);
    QVERIFY(hasDiagnostic(sink.take(), Severity::Warning, QStringLiteral("_posts/2015-08-14-a.md"),
                          QStringLiteral("both written")));
}

QTEST_GUILESS_MAIN(ModelTest)
#include "tst_model.moc"
