// The site's highlighter settings (`highlighter:`, `kramdown: syntax_highlighter`,
// `syntax_highlighter_opts`, `guess_lang`, the show-whitespaces class) as a
// user sees them: tests/build/highlighter/code.md is built as a page of a site
// whose _config.yml is each NAME.yml there, and the page must be NAME.html,
// which Jekyll 4.3.1 wrote (tests/build/highlighter/oracle.rb).
#include "site/build/builder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "common/files.h"

using namespace folio::site;

using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

const QString kCases = QStringLiteral(FOLIO_SOURCE_DIR "/tests/build/highlighter");

struct Page final {
    QByteArray html;
    std::vector<Diagnostic> diagnostics;
};

// `body` (code.md by default) as a layout-less page of a site configured by `config`.
Page buildCodePage(const QByteArray &config, const QByteArray &body = readFile(kCases + QStringLiteral("/code.md")))
{
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("_config.yml"), config);
    writeFile(dir.path(), QStringLiteral("code.md"), "---\n---\n" + body);
    DiagnosticSink sink;
    const auto site = build::loadSite(dir.path(), {}, sink);
    build::Renderer renderer(*site, sink);
    build::MemoryWriter writer;
    build::Builder builder(*site, renderer, writer, sink);
    builder.run();
    return {writer.read(QStringLiteral("code.html")).value_or(QByteArray()), sink.take()};
}

} // namespace

class HighlighterConfigTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pageAsJekyllWritesIt_data();
    void pageAsJekyllWritesIt();
    void unsupportedSettingIsNamedOnce_data();
    void unsupportedSettingIsNamedOnce();
    void highlightTagFollowsHighlighter_data();
    void highlightTagFollowsHighlighter();
};

void HighlighterConfigTest::pageAsJekyllWritesIt_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("expected");
    const QStringList configs = QDir(kCases).entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY2(configs.size() >= 20, "tests/build/highlighter is incomplete");
    for (const QString &yml : configs) {
        const QString name = yml.chopped(4);
        QTest::newRow(qPrintable(name)) << kCases + u'/' + yml << kCases + u'/' + name + QStringLiteral(".html");
    }
}

void HighlighterConfigTest::pageAsJekyllWritesIt()
{
    QFETCH(QString, config);
    QFETCH(QString, expected);
    const Page page = buildCodePage(readFile(config));
    for (const Diagnostic &d : page.diagnostics)
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.format()));
    QCOMPARE(QString::fromUtf8(page.html), QString::fromUtf8(readFile(expected)));
}

void HighlighterConfigTest::unsupportedSettingIsNamedOnce_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("builtAs"); // the supported case whose page Folio writes instead

    QTest::newRow("formatter") << QByteArray("title: x\nkramdown:\n  syntax_highlighter_opts:\n    formatter: HTMLInline\n")
                               << "kramdown.syntax_highlighter_opts.formatter" << 4 << "default";
    QTest::newRow("block inline_theme")
        << QByteArray("kramdown:\n  syntax_highlighter_opts:\n    block:\n      inline_theme: github\n")
        << "kramdown.syntax_highlighter_opts.block.inline_theme" << 4 << "default";
    QTest::newRow("line_format")
        << QByteArray("kramdown:\n  syntax_highlighter_opts:\n    line_numbers: true\n    line_format: '%03i'\n")
        << "kramdown.syntax_highlighter_opts.line_format" << 4 << "line-numbers-all";
    QTest::newRow("minted") << QByteArray("kramdown:\n  syntax_highlighter: minted\n")
                            << "kramdown.syntax_highlighter: minted" << 2 << "highlighter-none";
    QTest::newRow("coderay") << QByteArray("highlighter: coderay\n") << "highlighter: coderay" << 1 << "highlighter-none";
}

void HighlighterConfigTest::unsupportedSettingIsNamedOnce()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, key);
    QFETCH(int, line);
    QFETCH(QString, builtAs);
    const Page page = buildCodePage(config);
    QCOMPARE(page.diagnostics.size(), std::size_t(1));
    const Diagnostic &d = page.diagnostics.front();
    QCOMPARE(d.severity, Severity::Warning);
    QCOMPARE(d.file, QStringLiteral("_config.yml"));
    QCOMPARE(d.line, line);
    QVERIFY2(d.message.contains(u'`' + key + u'`'), qPrintable(d.message));
    QCOMPARE(QString::fromUtf8(page.html), QString::fromUtf8(readFile(kCases + u'/' + builtAs + QStringLiteral(".html"))));
}

// `{% highlight %}` follows `highlighter:` alone (kramdown's settings are the
// Markdown's): Rouge's table for linenos, or the code escaped by CGI.escapeHTML.
void HighlighterConfigTest::highlightTagFollowsHighlighter_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("figure"); // as Jekyll 4.3.1 wrote it
    QTest::newRow("highlighter none")
        << QByteArray("highlighter: none\n")
        << R"(<figure class="highlight"><pre><code class="language-python" data-lang="python">x = &#39;a&#39; &lt; &quot;b&quot;</code></pre></figure>)";
    QTest::newRow("kramdown's none leaves the tag to Rouge")
        << QByteArray("highlighter: rouge\nkramdown:\n  syntax_highlighter: nil\n")
        << R"(<figure class="highlight"><pre><code class="language-python" data-lang="python"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1
</pre></td><td class="code"><pre><span class="n">x</span> <span class="o">=</span> <span class="s">'a'</span> <span class="o">&lt;</span> <span class="s">"b"</span>
</pre></td></tr></tbody></table></code></pre></figure>)";
}

void HighlighterConfigTest::highlightTagFollowsHighlighter()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, figure);
    const Page page = buildCodePage(config, "{% highlight python linenos %}\nx = 'a' < \"b\"\n{% endhighlight %}\n");
    QVERIFY2(page.diagnostics.empty(), page.diagnostics.empty() ? "" : qPrintable(page.diagnostics.front().format()));
    QVERIFY2(QString::fromUtf8(page.html).contains(figure), page.html.constData());
}

QTEST_GUILESS_MAIN(HighlighterConfigTest)
#include "tst_highlighter_config.moc"
