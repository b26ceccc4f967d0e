// Builds as a user runs them: the sample site to disk, bad pages next to good
// ones, the writer's promises (never outside the output, never deleting what
// Folio did not write), the preview's one-page render, parallel determinism.
#include "site/build/builder.h"
#include "site/build/linkcheck.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "common/files.h"

using namespace folio::site;

using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

QMap<QString, QByteArray> tree(const QString &root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(path.mid(root.size() + 1), readFile(path));
    }
    return out;
}

struct Built final {
    std::unique_ptr<model::Site> site;
    build::BuildStats stats;
    std::vector<Diagnostic> diagnostics;
};

Built buildTo(const QString &source, build::Writer &writer, int jobs = 0)
{
    Built b;
    DiagnosticSink sink;
    b.site = build::loadSite(source, {}, sink);
    build::Renderer renderer(*b.site, sink);
    build::Builder builder(*b.site, renderer, writer, sink);
    builder.setJobs(jobs);
    b.stats = builder.run();
    b.diagnostics = sink.take();
    return b;
}

const QString kSample = QStringLiteral(FOLIO_SOURCE_DIR "/resources/sample-site");

} // namespace

class BuildTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qputenv("FOLIO_CACHE_DIR", m_cache.path().toUtf8()); }
    void sampleSiteBuilds();
    void mathReachesThePageIntact();
    void badPagesAreSkippedAndReported();
    void includeRecursionIsAnErrorNotACrash();
    void writerStaysInsideTheOutput();
    void writerRefusesTheSourceAsOutput();
    void staleFilesRemovedOnlyIfFolioWroteThem();
    void keepFilesAreKept();
    void writerCreatesFilesAndFolders_data();
    void writerCreatesFilesAndFolders();
    void writerReplacesOnlyChangedFiles_data();
    void writerReplacesOnlyChangedFiles();
    void writerCopiesStaticFiles();
    void writerRefusesALinkAtTheTarget_data();
    void writerRefusesALinkAtTheTarget();
    void writerRefusesALinkedFolder_data();
    void writerRefusesALinkedFolder();
    void writerReportsAFileWhereAFolderGoes_data();
    void writerReportsAFileWhereAFolderGoes();
    void staleFileBehindALinkedFolderIsKept();
    void previewRendersUnsavedText();
    void parallelBuildIsDeterministic();
    void linkCheckFindsBrokenLinks();
    void laterDocumentsShowTheirSourceInLayouts();
    void earlierDocumentsShowTheirHtmlInBodies();
    void earlierPagesShowTheirHtmlInPages();

private:
    QTemporaryDir m_cache;
};

void BuildTest::sampleSiteBuilds()
{
    QTemporaryDir out;
    build::DiskWriter writer(out.path(), kSample, {});
    QVERIFY(writer.prepare());
    const Built b = buildTo(kSample, writer);
    for (const Diagnostic &d : b.diagnostics)
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.format()));
    QCOMPARE(b.stats.failed, 0);
    const auto files = tree(out.path());
    for (const char *expected : {"index.html", "about/index.html", "blog/index.html", "publications/index.html",
                                 "2024/01/normalizing-flows/index.html", "publications/2023-06-01-sharp-bounds/index.html",
                                 "assets/css/main.css", "feed.xml", "sitemap.xml", "404.html"})
        QVERIFY2(files.contains(QLatin1String(expected)), expected);
    QVERIFY2(!files.contains(QStringLiteral("unfinished-idea/index.html")), "drafts are not built by default");
    const QByteArray post = files.value(QStringLiteral("2024/01/normalizing-flows/index.html"));
    QVERIFY(post.contains("<title>Normalizing flows, briefly | Ada Example</title>"));
    QVERIFY(post.contains("<time datetime=\"2024-01-15T00:00:00+01:00\">January 15, 2024</time>"));
    QVERIFY(post.contains("<div class=\"language-python highlighter-rouge\">"));
    QVERIFY(post.contains("Prices such as $5 and $10 stay text."));
    const QByteArray home = files.value(QStringLiteral("index.html"));
    QVERIFY(home.contains("<a href=\"/2024/01/normalizing-flows/\">Normalizing flows, briefly</a>"));
    // Sass compiled with the site's style (compressed).
    QVERIFY(files.value(QStringLiteral("assets/css/main.css")).startsWith("body{color:#1d2330;"));
}

void BuildTest::mathReachesThePageIntact()
{
    build::MemoryWriter writer;
    buildTo(kSample, writer);
    const QByteArray post = *writer.read(QStringLiteral("2024/01/normalizing-flows/index.html"));
    // Inline $…$ untouched; \[…\] kept as a display block; $$…$$ written as kramdown does.
    QVERIFY(post.contains("$p_G(x_i) = \\pi(z_i) \\, |\\det J_{G^{-1}}|$"));
    QVERIFY(post.contains("\\[\n\\log p_G(x) = \\log \\pi(G^{-1}(x)) + \\log |\\det(J_{G^{-1}})|\n\\]"));
    QVERIFY(post.contains("\\[\\log p(x) = \\log \\pi(z) + \\sum_{k=1}^{K} \\log \\left| \\det \\frac{\\partial G_k^{-1}}{\\partial x} \\right|\\]"));
    QVERIFY2(!post.contains("<em>"), "no emphasis made from _ or * inside math");
}

void BuildTest::badPagesAreSkippedAndReported()
{
    QTemporaryDir src;
    writeFile(src.path(), "_config.yml", "title: t\n");
    writeFile(src.path(), "_layouts/default.html", "<html>{{ content }}</html>\n");
    writeFile(src.path(), "good.md", "---\nlayout: default\n---\nFine\n");
    writeFile(src.path(), "broken.md", "---\nlayout: default\n---\nline one\n{% if %}\n");
    writeFile(src.path(), "runtime.md", "---\nlayout: default\n---\n{{ 1 | divided_by: 0 }}\n");
    writeFile(src.path(), "nolayout.md", "---\nlayout: missing\n---\nStill here\n");
    writeFile(src.path(), "badinclude.md", "---\n---\n{% include nowhere.html %}\n");
    build::MemoryWriter writer;
    const Built b = buildTo(src.path(), writer);
    QVERIFY(writer.contains(QStringLiteral("good.html")));
    QVERIFY(writer.contains(QStringLiteral("nolayout.html")));
    QVERIFY(!writer.contains(QStringLiteral("broken.html")));
    QVERIFY(!writer.contains(QStringLiteral("runtime.html")));
    QVERIFY(!writer.contains(QStringLiteral("badinclude.html")));
    auto find = [&](const QString &file, Severity severity) -> const Diagnostic * {
        for (const Diagnostic &d : b.diagnostics)
            if (d.file == file && d.severity == severity && d.line > 0)
                return &d;
        return nullptr;
    };
    const Diagnostic *syntax = find(QStringLiteral("broken.md"), Severity::Error);
    QVERIFY(syntax);
    QCOMPARE(syntax->line, 5);   // the line of `{% if %}` in the file
    const Diagnostic *division = find(QStringLiteral("runtime.md"), Severity::Error);
    QVERIFY(division);
    QCOMPARE(division->line, 4);
    QVERIFY(division->message.contains(QLatin1String("divided by 0")));
    QVERIFY(find(QStringLiteral("nolayout.md"), Severity::Warning));
    bool includeNamed = false;
    for (const Diagnostic &d : b.diagnostics)
        includeNamed = includeNamed || (d.file == QLatin1String("badinclude.md") && d.message.contains(QLatin1String("nowhere.html")));
    QVERIFY(includeNamed);
    QCOMPARE(b.stats.failed, 3);
}

void BuildTest::includeRecursionIsAnErrorNotACrash()
{
    QTemporaryDir src;
    writeFile(src.path(), "_config.yml", "title: t\n");
    writeFile(src.path(), "_includes/loop.html", "x{% include loop.html %}");
    writeFile(src.path(), "page.html", "---\n---\n{% include loop.html %}\n");
    build::MemoryWriter writer;
    const Built b = buildTo(src.path(), writer);
    QVERIFY(!writer.contains(QStringLiteral("page.html")));
    bool reported = false;
    for (const Diagnostic &d : b.diagnostics)
        reported = reported || d.severity == Severity::Error;
    QVERIFY(reported);
}

void BuildTest::writerStaysInsideTheOutput()
{
    QTemporaryDir out;
    build::DiskWriter writer(out.filePath(QStringLiteral("site")), out.filePath(QStringLiteral("src")), {});
    QVERIFY(writer.prepare());
    QVERIFY(!writer.write(QStringLiteral("../escaped.html"), "x"));
    QVERIFY(!writer.write(QStringLiteral("/etc/passwd"), "x"));
    QVERIFY(!writer.write(QStringLiteral("a/../../b.html"), "x"));
    // A NUL would cut the name the system sees short (here: "site/a/..", the output itself).
    QVERIFY(!writer.write(QStringLiteral("a/..") + QChar(0) + QStringLiteral("x/b.html"), "x"));
    QVERIFY(!QFile::exists(out.filePath(QStringLiteral("escaped.html"))));
    QVERIFY(writer.write(QStringLiteral("ok/index.html"), "fine"));
    QCOMPARE(readFile(out.filePath(QStringLiteral("site/ok/index.html"))), QByteArray("fine"));
}

void BuildTest::writerRefusesTheSourceAsOutput()
{
    QTemporaryDir dir;
    build::DiskWriter same(dir.path(), dir.path(), {});
    QVERIFY(!same.prepare());
    build::DiskWriter parent(dir.path(), dir.filePath(QStringLiteral("site")), {});
    QVERIFY(!parent.prepare());
}

void BuildTest::staleFilesRemovedOnlyIfFolioWroteThem()
{
    QTemporaryDir src, out;
    writeFile(src.path(), "_config.yml", "title: t\n");
    writeFile(src.path(), "a.html", "---\n---\nA\n");
    writeFile(src.path(), "b.html", "---\n---\nB\n");
    writeFile(out.path(), "users-own.txt", "not Folio's");   // was there before any build
    {
        build::DiskWriter writer(out.path(), src.path(), {});
        QVERIFY(writer.prepare());
        buildTo(src.path(), writer);
    }
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("b.html"))));
    QVERIFY(QFile::remove(src.filePath(QStringLiteral("b.html"))));
    build::DiskWriter writer(out.path(), src.path(), {});
    QVERIFY(writer.prepare());
    buildTo(src.path(), writer);
    QVERIFY2(!QFile::exists(out.filePath(QStringLiteral("b.html"))), "a page Folio wrote and no longer builds goes");
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("a.html"))));
    QCOMPARE(readFile(out.filePath(QStringLiteral("users-own.txt"))), QByteArray("not Folio's"));
    QCOMPARE(writer.removed(), QStringList{QStringLiteral("b.html")});
    // The sources are untouched.
    QCOMPARE(readFile(src.filePath(QStringLiteral("a.html"))), QByteArray("---\n---\nA\n"));
}

void BuildTest::keepFilesAreKept()
{
    QTemporaryDir src, out;
    writeFile(src.path(), "_config.yml", "keep_files: [CNAME]\n");
    writeFile(src.path(), "CNAME", "example.org\n");
    {
        build::DiskWriter writer(out.path(), src.path(), {QStringLiteral("CNAME")});
        QVERIFY(writer.prepare());
        buildTo(src.path(), writer);
    }
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("CNAME"))));
    QVERIFY(QFile::remove(src.filePath(QStringLiteral("CNAME"))));
    build::DiskWriter writer(out.path(), src.path(), {QStringLiteral("CNAME")});
    QVERIFY(writer.prepare());
    buildTo(src.path(), writer);
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("CNAME"))));
}

void BuildTest::previewRendersUnsavedText()
{
    DiagnosticSink sink;
    auto site = build::loadSite(kSample, {}, sink);
    build::Renderer renderer(*site, sink);
    const model::Document *post = site->documentForPath(kSample + QStringLiteral("/_posts/2023-11-02-hello.md"));
    QVERIFY(post);
    const std::string edited = "Edited *live* with $x_1$.\n";
    const auto html = renderer.renderDocument(*post, &edited);
    QVERIFY(html);
    QVERIFY(html->find("<p>Edited <em>live</em> with $x_1$.</p>") != std::string::npos);
    QVERIFY(html->find("<title>Hello | Ada Example</title>") != std::string::npos);
    // The file on disk is not what was rendered, and it is unchanged.
    QVERIFY(!readFile(kSample + QStringLiteral("/_posts/2023-11-02-hello.md")).contains("Edited"));
}

void BuildTest::parallelBuildIsDeterministic()
{
    const QString seed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    const QString source = QFileInfo(seed).isDir() ? seed : kSample;
    // The same site.time for both builds: documents without a date show it.
    qputenv("SOURCE_DATE_EPOCH", "1700000000");
    build::MemoryWriter one, many;
    buildTo(source, one, 1);
    buildTo(source, many, 4);
    qunsetenv("SOURCE_DATE_EPOCH");
    const auto a = one.files(), b = many.files();
    QCOMPARE(a.size(), b.size());
    for (const auto &[path, file] : a) {
        QVERIFY2(b.count(path), qPrintable(path));
        QVERIFY2(file.bytes == b.at(path).bytes, qPrintable(path));
    }
}

// Jekyll renders documents one at a time (posts first, oldest first), so a
// layout listing other posts sees the converted content of the posts already
// rendered and the Markdown source of the rest (academicpages' read-time counts
// words of post.content). Folio renders in parallel and must show the same.
void BuildTest::laterDocumentsShowTheirSourceInLayouts()
{
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("_config.yml"), "collections:\n  notes:\n    output: true\n");
    writeFile(dir.path(), QStringLiteral("_layouts/post.html"),
              "{% for p in site.posts reversed %}[{{ p.title }}:{{ p.content | strip }}]{% endfor %}"
              "{% for n in site.notes %}[{{ n.title }}:{{ n.content | strip }}]{% endfor %}");
    writeFile(dir.path(), QStringLiteral("_posts/2020-01-01-a.md"), "---\ntitle: A\nlayout: post\n---\n*a*\n");
    writeFile(dir.path(), QStringLiteral("_posts/2020-02-01-b.md"), "---\ntitle: B\nlayout: post\n---\n*b*\n");
    writeFile(dir.path(), QStringLiteral("_notes/n.md"), "---\ntitle: N\nlayout: post\n---\n*n*\n");
    writeFile(dir.path(), QStringLiteral("list.html"), "---\nlayout: post\n---\n");
    build::MemoryWriter writer;
    buildTo(dir.path(), writer, 4);
    // Expected outputs are Jekyll 4.3.1's for this site.
    QCOMPARE(writer.read(QStringLiteral("2020/01/01/a.html")).value_or(QByteArray()),
             QByteArray("[A:<p><em>a</em></p>][B:*b*][N:*n*]"));
    QCOMPARE(writer.read(QStringLiteral("2020/02/01/b.html")).value_or(QByteArray()),
             QByteArray("[A:<p><em>a</em></p>][B:<p><em>b</em></p>][N:*n*]"));
    QCOMPARE(writer.read(QStringLiteral("notes/n.html")).value_or(QByteArray()),
             QByteArray("[A:<p><em>a</em></p>][B:<p><em>b</em></p>][N:<p><em>n</em></p>]"));
    QCOMPARE(writer.read(QStringLiteral("list.html")).value_or(QByteArray()),
             QByteArray("[A:<p><em>a</em></p>][B:<p><em>b</em></p>][N:<p><em>n</em></p>]"));
}

void BuildTest::earlierDocumentsShowTheirHtmlInBodies()
{
    // Jekyll renders collections' documents one after another: a post's body
    // that lists posts prints the HTML of those rendered before it (a chain: C
    // sees B as B was rendered) and the source of itself and those after it.
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("_config.yml"), "collections:\n  notes:\n    output: true\n");
    writeFile(dir.path(), QStringLiteral("_layouts/post.html"), "{{ content }}");
    writeFile(dir.path(), QStringLiteral("_posts/2020-01-01-a.md"), "---\ntitle: A\nlayout: post\n---\n*a*\n");
    writeFile(dir.path(), QStringLiteral("_posts/2020-02-01-b.html"),
              "---\ntitle: B\nlayout: post\n---\n"
              "{% for p in site.posts reversed %}[{{ p.title }}:{{ p.content | strip }}]{% endfor %}\n");
    const QByteArray sizes = "---\ntitle: %1\nlayout: post\n---\n"
                             "{% for p in site.posts reversed %}[{{ p.title }}:{{ p.content | strip | size }}]{% endfor %}\n";
    writeFile(dir.path(), QStringLiteral("_posts/2020-03-01-c.html"), QByteArray(sizes).replace("%1", "C"));
    writeFile(dir.path(), QStringLiteral("_notes/n.html"), QByteArray(sizes).replace("%1", "N"));
    for (int jobs : {1, 4}) {
        build::MemoryWriter writer;
        const Built b = buildTo(dir.path(), writer, jobs);
        QVERIFY(b.diagnostics.empty());
        // Expected outputs are Jekyll 4.3.1's for this site.
        QCOMPARE(writer.read(QStringLiteral("2020/02/01/b.html")).value_or(QByteArray()),
                 QByteArray("[A:<p><em>a</em></p>]"
                            "[B:{% for p in site.posts reversed %}[{{ p.title }}:{{ p.content | strip }}]{% endfor %}]"
                            "[C:{% for p in site.posts reversed %}[{{ p.title }}:{{ p.content | strip | size }}]{% endfor %}]\n"));
        QCOMPARE(writer.read(QStringLiteral("2020/03/01/c.html")).value_or(QByteArray()), QByteArray("[A:17][B:206][C:92]\n"));
        QCOMPARE(writer.read(QStringLiteral("notes/n.html")).value_or(QByteArray()), QByteArray("[A:17][B:206][C:19]\n"));
    }
}

void BuildTest::earlierPagesShowTheirHtmlInPages()
{
    // Jekyll renders pages after all documents, one after another in
    // site.pages order: a page (its body or its layout) listing pages prints
    // the HTML of those before it and the source of itself and those after.
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("_layouts/plain.html"), "{{ content }}");
    writeFile(dir.path(), QStringLiteral("_layouts/listing.html"),
              "{{ content }}|{% for p in site.pages %}[{{ p.name }}:{{ p.content | strip }}]{% endfor %}");
    const QByteArray list = "---\nlayout: plain\n---\n{% for p in site.pages %}[{{ p.name }}:{{ p.content | strip }}]{% endfor %}\n";
    const QByteArray sizes = "---\nlayout: plain\n---\n{% for p in site.pages %}[{{ p.name }}:{{ p.content | strip | size }}]{% endfor %}\n";
    writeFile(dir.path(), QStringLiteral("a.md"), "---\nlayout: plain\n---\n*a*\n");
    writeFile(dir.path(), QStringLiteral("b.html"), list);
    writeFile(dir.path(), QStringLiteral("c.html"), sizes);
    writeFile(dir.path(), QStringLiteral("d.html"), "---\nlayout: listing\n---\nd\n");
    writeFile(dir.path(), QStringLiteral("z.md"), "---\nlayout: plain\n---\n_z_\n");
    writeFile(dir.path(), QStringLiteral("_posts/2020-01-01-p.html"),
              "---\nlayout: plain\n---\n{% for p in site.pages %}[{{ p.name }}:{{ p.content | size }}]{% endfor %}\n");
    const QByteArray bSource = "[b.html:{% for p in site.pages %}[{{ p.name }}:{{ p.content | strip }}]{% endfor %}]";
    const QByteArray cSource = "[c.html:{% for p in site.pages %}[{{ p.name }}:{{ p.content | strip | size }}]{% endfor %}]";
    const QByteArray b = "[a.md:<p><em>a</em></p>]" + bSource + cSource + "[d.html:d][z.md:_z_]";
    for (int jobs : {1, 4}) {
        build::MemoryWriter writer;
        const Built built = buildTo(dir.path(), writer, jobs);
        QVERIFY(built.diagnostics.empty());
        // Expected outputs are Jekyll 4.3.1's for this site.
        QCOMPARE(writer.read(QStringLiteral("b.html")).value_or(QByteArray()), b + "\n");
        QCOMPARE(writer.read(QStringLiteral("c.html")).value_or(QByteArray()),
                 QByteArray("[a.md:17][b.html:219][c.html:82][d.html:1][z.md:3]\n"));
        QCOMPARE(writer.read(QStringLiteral("d.html")).value_or(QByteArray()),
                 "d\n|[a.md:<p><em>a</em></p>][b.html:" + b + "][c.html:[a.md:17][b.html:219][c.html:82][d.html:1][z.md:3]]"
                 "[d.html:d][z.md:_z_]");
        QCOMPARE(writer.read(QStringLiteral("2020/01/01/p.html")).value_or(QByteArray()),
                 QByteArray("[a.md:4][b.html:76][c.html:83][d.html:2][z.md:4]\n"));
    }
}

void BuildTest::linkCheckFindsBrokenLinks()
{
    QTemporaryDir src;
    writeFile(src.path(), "_config.yml", "title: t\n");
    writeFile(src.path(), "index.md", "---\n---\n[ok](/about/) [gone](/nowhere/) ![img](/images/missing.png) [ext](https://example.org/)\n");
    writeFile(src.path(), "about.md", "---\npermalink: /about/\n---\nhi\n");
    build::MemoryWriter writer;
    const Built b = buildTo(src.path(), writer);
    DiagnosticSink sink;
    QCOMPARE(build::checkLinks(*b.site, writer, sink), 2);
    const auto found = sink.take();
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(found.front().file, QStringLiteral("index.md"));
    QCOMPARE(found.front().line, 3);
}

// --- DiskWriter: what each write does on disk -------------------------------------

namespace {

// Files named like ReplacingFile's temporaries: none may be left after a write.
QStringList temporaries(const QString &root)
{
    QStringList out;
    for (const QString &f : folio::tests::filesUnder(root))
        if (f.contains(QLatin1String(".folio-")))
            out << f;
    return out;
}

// QFile::link makes a shortcut, not a link, outside Unix.
#ifdef Q_OS_UNIX
#define skipWithoutSymlinks() do {} while (false)
#else
#define skipWithoutSymlinks() QSKIP("needs symbolic links")
#endif

QDateTime longAgo() { return QDateTime(QDate(2001, 2, 3), QTime(4, 5, 6), Qt::UTC); }

void setModified(const QString &path, const QDateTime &when)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadWrite), qPrintable(path));
    QVERIFY2(f.setFileTime(when, QFileDevice::FileModificationTime), qPrintable(path));
}

} // namespace

void BuildTest::writerCreatesFilesAndFolders_data()
{
    QTest::addColumn<QString>("existingFolder");   // made before the write, or empty
    QTest::addColumn<QString>("path");
    QTest::newRow("top level") << QString() << QStringLiteral("index.html");
    QTest::newRow("new nested folders") << QString() << QStringLiteral("2024/01/02/post/index.html");
    QTest::newRow("existing folder") << QStringLiteral("blog") << QStringLiteral("blog/index.html");
    QTest::newRow("below an existing folder") << QStringLiteral("blog") << QStringLiteral("blog/a/b/index.html");
}

void BuildTest::writerCreatesFilesAndFolders()
{
    QFETCH(QString, existingFolder);
    QFETCH(QString, path);
    QTemporaryDir out;
    if (!existingFolder.isEmpty())
        QVERIFY(QDir(out.path()).mkpath(existingFolder));
    build::DiskWriter writer(out.path(), out.path() + QStringLiteral("-src"), {});   // a source beside it
    QVERIFY(writer.prepare());
    const auto written = writer.write(path, "<p>new</p>");
    QVERIFY2(written, qPrintable(written ? QString() : written.error()));
    // A sibling in the same (now known) folder, and an empty page.
    const QString sibling = QFileInfo(path).path() + QStringLiteral("/empty.html");
    QVERIFY(writer.write(sibling, ""));
    QCOMPARE(readFile(out.filePath(path)), QByteArray("<p>new</p>"));
    QVERIFY(QFileInfo(out.filePath(sibling)).isFile());
    QCOMPARE(QFileInfo(out.filePath(sibling)).size(), 0);
    QCOMPARE(writer.written(), 2);
    QCOMPARE(writer.unchanged(), 0);
    QCOMPARE(temporaries(out.path()), QStringList());
}

void BuildTest::writerReplacesOnlyChangedFiles_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("same bytes") << QByteArray("<p>same</p>") << QByteArray("<p>same</p>");
    QTest::newRow("same size, other bytes") << QByteArray("<p>aaaa</p>") << QByteArray("<p>bbbb</p>");
    QTest::newRow("last byte differs") << QByteArray("<p>same</p>") << QByteArray("<p>same</q>");
    QTest::newRow("longer") << QByteArray("<p>a</p>") << QByteArray("<p>a longer page</p>");
    QTest::newRow("shorter") << QByteArray("<p>a longer page</p>") << QByteArray("<p>a</p>");
    QTest::newRow("emptied") << QByteArray("<p>a</p>") << QByteArray();
    QTest::newRow("empty, same") << QByteArray() << QByteArray();
    // More than one read's worth, differing only at the end.
    QTest::newRow("large, same") << QByteArray(200000, 'x') << QByteArray(200000, 'x');
    QTest::newRow("large, last byte differs") << QByteArray(200000, 'x') << QByteArray(199999, 'x') + 'y';
}

void BuildTest::writerReplacesOnlyChangedFiles()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QTemporaryDir out;
    writeFile(out.path(), "a/page.html", before);
    const QString file = out.filePath(QStringLiteral("a/page.html"));
    setModified(file, longAgo());
    build::DiskWriter writer(out.path(), out.path() + QStringLiteral("-src"), {});   // a source beside it
    QVERIFY(writer.prepare());
    QVERIFY(writer.write(QStringLiteral("a/page.html"), std::string_view(after.constData(), size_t(after.size()))));
    QCOMPARE(readFile(file), after);
    const bool same = before == after;
    QCOMPARE(writer.unchanged(), same ? 1 : 0);
    QCOMPARE(writer.written(), same ? 0 : 1);
    // An unchanged page keeps its date (sync tools and caches see no change).
    QCOMPARE(QFileInfo(file).lastModified() == longAgo(), same);
    QCOMPARE(temporaries(out.path()), QStringList());
}

void BuildTest::writerCopiesStaticFiles()
{
    QTemporaryDir src, out;
    writeFile(src.path(), "img/logo.png", QByteArray(3 << 20, 'p'));   // more than one chunk
    const QString source = src.filePath(QStringLiteral("img/logo.png"));
    {
        build::DiskWriter writer(out.path(), src.path(), {});
        QVERIFY(writer.prepare());
        QVERIFY(writer.copy(QStringLiteral("assets/img/logo.png"), source));
        QCOMPARE(writer.written(), 1);
    }
    const QString copy = out.filePath(QStringLiteral("assets/img/logo.png"));
    QCOMPARE(readFile(copy), readFile(source));
    {   // Same size and not older than the source: left alone.
        build::DiskWriter writer(out.path(), src.path(), {});
        QVERIFY(writer.prepare());
        QVERIFY(writer.copy(QStringLiteral("assets/img/logo.png"), source));
        QCOMPARE(writer.unchanged(), 1);
    }
    writeFile(src.path(), "img/logo.png", "changed");
    build::DiskWriter writer(out.path(), src.path(), {});
    QVERIFY(writer.prepare());
    QVERIFY(writer.copy(QStringLiteral("assets/img/logo.png"), source));
    QCOMPARE(writer.written(), 1);
    QCOMPARE(readFile(copy), QByteArray("changed"));
    QCOMPARE(temporaries(out.path()), QStringList());
}

void BuildTest::writerRefusesALinkAtTheTarget_data()
{
    QTest::addColumn<bool>("linkTargetExists");
    QTest::newRow("link to a file outside") << true;
    QTest::newRow("dangling link to outside") << false;
}

void BuildTest::writerRefusesALinkAtTheTarget()
{
    skipWithoutSymlinks();
    QFETCH(bool, linkTargetExists);
    QTemporaryDir root;
    const QString outside = root.filePath(QStringLiteral("users/notes.txt"));
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("users")));
    if (linkTargetExists)
        writeFile(root.path(), "users/notes.txt", "precious");
    const QString site = root.filePath(QStringLiteral("site"));
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("site/a")));
    QVERIFY(QFile::link(outside, site + QStringLiteral("/a/page.html")));
    build::DiskWriter writer(site, root.filePath(QStringLiteral("src")), {});
    QVERIFY(writer.prepare());
    // Refused whether the bytes differ or are of the same size (no compare through the link).
    for (const char *bytes : {"overwritten", "precious"}) {
        const auto written = writer.write(QStringLiteral("a/page.html"), bytes);
        QVERIFY(!written);
        QVERIFY2(written.error().contains(QLatin1String("symbolic link")), qPrintable(written.error()));
    }
    QVERIFY(!writer.copy(QStringLiteral("a/page.html"), root.filePath(QStringLiteral("users"))));
    QCOMPARE(QFileInfo::exists(outside), linkTargetExists);
    if (linkTargetExists)
        QCOMPARE(readFile(outside), QByteArray("precious"));
    QVERIFY(QFileInfo(site + QStringLiteral("/a/page.html")).isSymLink());
    QCOMPARE(QDir(root.filePath(QStringLiteral("users"))).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
             linkTargetExists ? QStringList{QStringLiteral("notes.txt")} : QStringList());
}

void BuildTest::writerRefusesALinkedFolder_data()
{
    // Before this was checked, both wrote into the link's target, outside the output.
    QTest::addColumn<QString>("path");
    QTest::newRow("file in the linked folder") << QStringLiteral("linked/page.html");
    QTest::newRow("new folder in the linked folder") << QStringLiteral("linked/new/page.html");
    QTest::newRow("linked folder deeper down") << QStringLiteral("real/linked/page.html");
}

void BuildTest::writerRefusesALinkedFolder()
{
    skipWithoutSymlinks();
    QFETCH(QString, path);
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("elsewhere")));
    const QString site = root.filePath(QStringLiteral("site"));
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("site/real")));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("elsewhere")), site + QStringLiteral("/linked")));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("elsewhere")), site + QStringLiteral("/real/linked")));
    build::DiskWriter writer(site, root.filePath(QStringLiteral("src")), {});
    QVERIFY(writer.prepare());
    for (int attempt = 0; attempt < 2; ++attempt) {   // not remembered as made after a refusal
        const auto written = writer.write(path, "page");
        QVERIFY(!written);
        QVERIFY2(written.error().contains(QLatin1String("symbolic link")), qPrintable(written.error()));
    }
    QCOMPARE(QDir(root.filePath(QStringLiteral("elsewhere"))).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
             QStringList());
    // A real folder next to it is still written.
    QVERIFY(writer.write(QStringLiteral("real/page.html"), "page"));
    QCOMPARE(readFile(site + QStringLiteral("/real/page.html")), QByteArray("page"));
}

void BuildTest::writerReportsAFileWhereAFolderGoes_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("file's folder is a file") << QStringLiteral("a/index.html");
    QTest::newRow("a folder above is a file") << QStringLiteral("a/b/c/index.html");
}

void BuildTest::writerReportsAFileWhereAFolderGoes()
{
    QFETCH(QString, path);
    QTemporaryDir out;
    writeFile(out.path(), "a", "the user's file");
    build::DiskWriter writer(out.path(), out.path() + QStringLiteral("-src"), {});   // a source beside it
    QVERIFY(writer.prepare());
    const auto written = writer.write(path, "page");
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QLatin1String("cannot create the folder")), qPrintable(written.error()));
    QVERIFY2(written.error().contains(out.filePath(QStringLiteral("a"))), qPrintable(written.error()));
    QCOMPARE(readFile(out.filePath(QStringLiteral("a"))), QByteArray("the user's file"));
    // And a folder where the page goes.
    QVERIFY(QDir(out.path()).mkpath(QStringLiteral("b/index.html")));
    QVERIFY(!writer.write(QStringLiteral("b/index.html"), "page"));
    QVERIFY(QFileInfo(out.filePath(QStringLiteral("b/index.html"))).isDir());
}

void BuildTest::staleFileBehindALinkedFolderIsKept()
{
    skipWithoutSymlinks();
    QTemporaryDir root;
    const QString site = root.filePath(QStringLiteral("site"));
    {
        build::DiskWriter writer(site, root.filePath(QStringLiteral("src")), {});
        QVERIFY(writer.prepare());
        QVERIFY(writer.write(QStringLiteral("sub/x.html"), "Folio's"));
        QVERIFY(writer.write(QStringLiteral("y.html"), "Folio's"));
        QVERIFY(writer.finish());
    }
    // The user replaces the folder with a link to their own, which has an x.html,
    // and the page y.html with a link to their file.
    writeFile(root.path(), "mine/x.html", "the user's");
    writeFile(root.path(), "mine/y.html", "the user's");
    QVERIFY(QDir(site).removeRecursively() && QDir().mkpath(site));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("mine")), site + QStringLiteral("/sub")));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("mine/y.html")), site + QStringLiteral("/y.html")));
    build::DiskWriter writer(site, root.filePath(QStringLiteral("src")), {});
    QVERIFY(writer.prepare());
    QVERIFY(writer.finish());   // writes nothing: both pages are stale
    QCOMPARE(writer.removed(), QStringList());
    QCOMPARE(readFile(root.filePath(QStringLiteral("mine/x.html"))), QByteArray("the user's"));
    QVERIFY(QFileInfo(site + QStringLiteral("/y.html")).isSymLink());
}

QTEST_GUILESS_MAIN(BuildTest)
#include "tst_build.moc"
