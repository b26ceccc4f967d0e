// Markdown as Jekyll's kramdown (GFM input) writes it.
//
// Expected outputs in fixtures/*.html were produced by Jekyll 4.3.1's own
// Markdown converter (kramdown 2.4.0, kramdown-parser-gfm 1.1.0, Rouge 3.30)
// through tests/markdown/kramdown-oracle.rb; Rouge's token <span>s are
// compared for the languages Folio highlights and stripped for the others.
// Math protection (Options::protectMath) differs from kramdown by design and
// is tested separately: fixtures/math/*.md and the seed site's math posts.
#include "site/markdown/markdown.h"
#include "site/highlight/highlight.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace folio::site::markdown;

namespace {

const QString kFixtures = QStringLiteral(FOLIO_SOURCE_DIR "/tests/markdown/fixtures");
const QString kSeedSite = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

Options kramdownOptions()
{
    Options o;
    o.protectMath = false;
    return o;
}

// Rouge's token spans inside code blocks of languages Folio does not lex
// (it leaves those unhighlighted); blocks of languages it lexes keep them and
// must match kramdown's byte for byte.
QString stripRougeSpans(QString html)
{
    static const QRegularExpression block(
        QStringLiteral("<div class=\"language-([^ \"]+)[^>]*><div class=\"highlight\"><pre class=\"highlight\"><code>(.*?)</code></pre>"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression span(QStringLiteral("</?span[^>]*>"));
    QString out;
    qsizetype last = 0;
    for (auto it = block.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += html.mid(last, m.capturedStart() - last);
        QString code = m.captured(0);
        if (!folio::site::highlight::findLanguage(m.captured(1).toStdString()))
            code.remove(span);
        out += code;
        last = m.capturedEnd();
    }
    out += html.mid(last);
    return out;
}

QString normaliseBetweenTags(QString html)
{
    static const QRegularExpression ws(QStringLiteral(">\\s+<"));
    return stripRougeSpans(html).replace(ws, QStringLiteral("><")).trimmed();
}

QString stripFrontMatter(const QString &text)
{
    if (!text.startsWith(QLatin1String("---")))
        return text;
    static const QRegularExpression fm(QStringLiteral("\\A---[ \\t]*\\r?\\n.*?\\n---[ \\t]*\\r?\\n"),
                                       QRegularExpression::DotMatchesEverythingOption);
    const auto m = fm.match(text);
    return m.hasMatch() ? text.mid(m.capturedEnd()) : text;
}

QString htmlEscaped(const QString &tex)
{
    QString s = tex;
    s.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    s.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    s.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return s;
}

// The math spans of a Markdown source, found independently of the converter:
// code (fences, indented blocks, code spans) removed, then $$…$$, \[…\],
// \(…\), \begin{env}…\end{env} and single $…$ (pandoc's rule).
// Returns the TeX each span must show in the HTML (escaped & < >).
QStringList mathSpans(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("^[ \\t]*(```|~~~)[^\\n]*\\n.*?^[ \\t]*\\1[^\\n]*$"),
                                   QRegularExpression::DotMatchesEverythingOption | QRegularExpression::MultilineOption));
    text.remove(QRegularExpression(QStringLiteral("(^|\\n)[ \\t]*\\n(    [^\\n]*\\n?)+")));
    text.remove(QRegularExpression(QStringLiteral("`[^`\\n]+`")));
    QStringList spans;
    auto take = [&](const QString &pattern, int group, bool trim) {
        const QRegularExpression re(pattern, QRegularExpression::DotMatchesEverythingOption);
        QString rest;
        qsizetype last = 0;
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            spans << (trim ? m.captured(group).trimmed() : m.captured(group));
            rest += text.mid(last, m.capturedStart() - last) + QLatin1Char(' ');
            last = m.capturedEnd();
        }
        text = rest + text.mid(last);
    };
    take(QStringLiteral("\\$\\$(.+?)\\$\\$"), 1, true);
    take(QStringLiteral("(?<!\\\\)\\\\\\[(.+?)\\\\\\]"), 1, false);
    take(QStringLiteral("(?<!\\\\)\\\\\\((.+?)\\\\\\)"), 1, false);
    take(QStringLiteral("(\\\\begin\\{([A-Za-z*]+)\\}.*?\\\\end\\{\\2\\})"), 1, false);
    take(QStringLiteral("(?<![\\\\$])\\$(?![\\s$])((?:\\\\.|[^$\\n\\\\])*?[^\\s\\\\])\\$(?!\\d)"), 1, false);
    return spans;
}

std::string bigPost(int lines)
{
    std::string md;
    int n = 0;
    while (n < lines) {
        md += "## Section " + std::to_string(n) + " -- \"quoted\" and it's\n\n";
        md += "A paragraph with *emphasis*, **strong**, `code`, a [link](https://example.com/" + std::to_string(n) +
              ") and math $x_" + std::to_string(n) + " + y^*$ plus $$\\sum_i a_i$$.\nSecond line of it...\n\n";
        md += "- item one\n- item two with `x`\n  - nested\n\n";
        md += "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n";
        md += "```python\ndef f(x):\n    return x < 1\n```\n\n";
        md += "> quote line\n\n$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$\n\n";
        n += 24;
    }
    return md;
}

} // namespace

class TstMarkdown final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kramdownFixtures_data();
    void kramdownFixtures();
    void nestedMarkdownInRawHtml();
    void linkTitleWithEscapedQuotes();
    void protectedMath_data();
    void protectedMath();
    void mathFixturesKeepEveryFormula_data();
    void mathFixturesKeepEveryFormula();
    void seedMathPostsKeepEveryFormula_data();
    void seedMathPostsKeepEveryFormula();
    void seedSiteMatchesKramdown();
    void randomCombinationsMatchKramdown();
    void smartifyFilter_data();
    void smartifyFilter();
    void options();
    void concurrentConversionsAgree();
    void largePostConvertsFast();
    void unmatchedDelimitersStayLinear_data();
    void unmatchedDelimitersStayLinear();
};

void TstMarkdown::kramdownFixtures_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const auto files = QDir(kFixtures).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, "tests/markdown/fixtures is incomplete");
    for (const QString &md : files) {
        const QString base = md.chopped(3);
        const QString html = kFixtures + QLatin1Char('/') + base + QStringLiteral(".html");
        QVERIFY2(QFile::exists(html), qPrintable(html + " missing: regenerate with kramdown-oracle.rb"));
        QTest::newRow(qPrintable(base)) << kFixtures + QLatin1Char('/') + md << html;
    }
}

void TstMarkdown::kramdownFixtures()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Converter converter(kramdownOptions());
    const QString actual = QString::fromStdString(converter.toHtml(toStd(readFile(input))));
    const QString want = stripRougeSpans(QString::fromUtf8(readFile(expected)));
    // fixtures/known-diff-*.md record kramdown behaviour Folio does not
    // reproduce yet (listed in the module report); they must still fail.
    if (QFileInfo(input).fileName().startsWith(QLatin1String("known-diff-")))
        QEXPECT_FAIL("", "known difference from kramdown", Continue);
    QCOMPARE(actual, want);
}

// academicpages' toc include: markdown="1" on a child of a raw <aside>.
// kramdown indents the raw children oddly (known-diff fixture); the elements
// and text must be the same.
void TstMarkdown::nestedMarkdownInRawHtml()
{
    const QString input = kFixtures + QStringLiteral("/known-diff-nested-markdown-toc.md");
    const Converter converter(kramdownOptions());
    auto collapse = [](QString html) {
        static const QRegularExpression between(QStringLiteral(">\\s+<"));
        return html.replace(between, QStringLiteral("><")).simplified();
    };
    const QString actual = QString::fromStdString(converter.toHtml(toStd(readFile(input))));
    const QString want = QString::fromUtf8(readFile(kFixtures + QStringLiteral("/known-diff-nested-markdown-toc.html")));
    QVERIFY(actual.contains(QLatin1String("<ul class=\"toc__menu\" id=\"markdown-toc\">")));
    QCOMPARE(collapse(actual), collapse(want));
}

// A title holding escaped quotes of its own kind: kramdown's URL ends at the
// first white space before a quote. kramdown keeps the title's backslashes
// (known-diff fixture); links, images and text must be the same.
void TstMarkdown::linkTitleWithEscapedQuotes()
{
    const Converter converter(kramdownOptions());
    auto withoutTitles = [](QString html) {
        static const QRegularExpression title(QStringLiteral(" title=\"[^\"]*\""));
        return html.remove(title);
    };
    const QString actual = QString::fromStdString(
        converter.toHtml(toStd(readFile(kFixtures + QStringLiteral("/known-diff-link-title-backslash.md")))));
    const QString want = QString::fromUtf8(readFile(kFixtures + QStringLiteral("/known-diff-link-title-backslash.html")));
    QVERIFY(actual.contains(QLatin1String("title=\"The causal tree in &quot;simulation1&quot;\"")));
    QCOMPARE(withoutTitles(actual), withoutTitles(want));
}

void TstMarkdown::protectedMath_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    // Folio's protection: TeX unchanged but for & < > escaping.
    QTest::newRow("single dollar keeps star") << "$x^*$ and $y^*$\n" << "<p>$x^*$ and $y^*$</p>\n";
    QTest::newRow("single dollar keeps escapes") << "$\\|v\\| \\\\ \\{x\\}$\n" << "<p>$\\|v\\| \\\\ \\{x\\}$</p>\n";
    QTest::newRow("money is not math") << "$5 and $10\n" << "<p>$5 and $10</p>\n";
    QTest::newRow("space after opening") << "a $ b$ c\n" << "<p>a $ b$ c</p>\n";
    QTest::newRow("digit after closing") << "$a$1 $b$\n" << "<p>$a$1 $b$</p>\n";
    QTest::newRow("escaped dollar") << "costs \\$5\n" << "<p>costs \\$5</p>\n";
    QTest::newRow("double dollar block") << "$$\na < b & c\n$$\n" << "\\[a &lt; b &amp; c\\]\n";
    QTest::newRow("double dollar inline") << "text $$a_1 * b_1$$ more\n" << "<p>text \\(a_1 * b_1\\) more</p>\n";
    QTest::newRow("display under text is inline")
        << "Text\n$$x$$\nafter.\n" << "<p>Text\n\\(x\\)\nafter.</p>\n";
    QTest::newRow("paren inline") << "see \\(a_1^*\\) here\n" << "<p>see \\(a_1^*\\) here</p>\n";
    QTest::newRow("bracket display") << "\\[\n\\int_0^1 f\\,dx\n\\]\n" << "\\[\n\\int_0^1 f\\,dx\n\\]\n";
    QTest::newRow("environment") << "\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n"
                                 << "<p>\\begin{align}\na &amp;= b \\\\\nc &amp;= d\n\\end{align}</p>\n";
    QTest::newRow("pipe in table cell")
        << "| a | b |\n|---|---|\n| $p(x|y)$ | 2 |\n"
        << "<table>\n  <thead>\n    <tr>\n      <th>a</th>\n      <th>b</th>\n    </tr>\n  </thead>\n  <tbody>\n"
           "    <tr>\n      <td>$p(x|y)$</td>\n      <td>2</td>\n    </tr>\n  </tbody>\n</table>\n";
    QTest::newRow("code span is not math") << "`$x_1$` and $x_1$\n"
                                           << "<p><code class=\"language-plaintext highlighter-rouge\">$x_1$</code> and $x_1$</p>\n";
    QTest::newRow("fenced code is not math")
        << "```\n$a_1 * b$\n```\n"
        << "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>$a_1 * b$\n</code></pre></div></div>\n";
    QTest::newRow("header id from math") << "# The $\\mathcal{O}(n)$ bound\n"
                                         << "<h1 id=\"the-mathcalon-bound\">The $\\mathcal{O}(n)$ bound</h1>\n";
    QTest::newRow("raw html keeps math as written") << "<div>\n$a<b$\n</div>\n" << "<div>\n$a<b$\n</div>\n";
}

void TstMarkdown::protectedMath()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    const Converter converter; // protectMath is the default
    QCOMPARE(QString::fromStdString(converter.toHtml(markdown.toStdString())), html);
}

static void addMathFileRows(const QStringList &paths)
{
    QTest::addColumn<QString>("path");
    for (const QString &p : paths)
        QTest::newRow(qPrintable(QFileInfo(p).fileName())) << p;
}

static void checkEveryFormulaSurvives(const QString &path)
{
    const QString source = stripFrontMatter(QString::fromUtf8(readFile(path)));
    const QStringList spans = mathSpans(source);
    QVERIFY2(!spans.isEmpty(), qPrintable(path + ": no math found; is the extractor broken?"));
    const Converter converter;
    const QString html = QString::fromStdString(converter.toHtml(source.toStdString()));
    int found = 0;
    for (const QString &tex : spans) {
        if (!html.contains(htmlEscaped(tex))) {
            qWarning().noquote() << "formula altered or lost:" << tex;
            continue;
        }
        ++found;
    }
    qInfo().noquote() << QFileInfo(path).fileName() << ":" << found << "/" << spans.size() << "formulas intact";
    QCOMPARE(found, spans.size());
}

void TstMarkdown::mathFixturesKeepEveryFormula_data()
{
    QStringList paths;
    for (const QString &f : QDir(kFixtures + QStringLiteral("/math")).entryList({QStringLiteral("*.md")}, QDir::Files))
        paths << kFixtures + QStringLiteral("/math/") + f;
    QVERIFY(paths.size() >= 2);
    addMathFileRows(paths);
}

void TstMarkdown::mathFixturesKeepEveryFormula()
{
    QFETCH(QString, path);
    checkEveryFormulaSurvives(path);
}

void TstMarkdown::seedMathPostsKeepEveryFormula_data()
{
    QStringList paths;
    for (const char *name : {"2023-04-01-normalizing-flow.md", "2023-05-20-wgan-notes.md", "2023-03-02-cyclotomic-polynomials.md"})
        paths << kSeedSite + QStringLiteral("/_posts/") + QLatin1String(name);
    addMathFileRows(paths);
}

void TstMarkdown::seedMathPostsKeepEveryFormula()
{
    QFETCH(QString, path);
    if (!QFile::exists(path))
        QSKIP("needs the shared seed site (FOLIO_SHARED_DIR/fixtures/seed-site)");
    checkEveryFormulaSurvives(path);
}

// Runs tests/markdown/kramdown-oracle.rb over `sources` (Markdown texts) and
// returns kramdown's HTML for each; empty when Ruby/Jekyll is unavailable
// (`why` says so).
static QStringList kramdownOutputs(const QStringList &sources, QString *why)
{
    const QString ruby = QStandardPaths::findExecutable(QStringLiteral("ruby"));
    if (ruby.isEmpty()) {
        *why = QStringLiteral("needs ruby with jekyll/kramdown to produce the expected outputs");
        return {};
    }
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        *why = QStringLiteral("no temporary directory");
        return {};
    }
    QStringList args{QStringLiteral(FOLIO_SOURCE_DIR "/tests/markdown/kramdown-oracle.rb")};
    for (int i = 0; i < sources.size(); ++i) {
        QFile f(tmp.filePath(QStringLiteral("%1.md").arg(i)));
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(sources[i].toUtf8());
        f.close();
        args << f.fileName() << tmp.filePath(QStringLiteral("%1.html").arg(i));
    }
    QProcess proc;
    proc.start(ruby, args);
    if (!proc.waitForFinished(180000) || proc.exitCode() != 0) {
        *why = QStringLiteral("kramdown-oracle.rb failed (jekyll gem missing?): ") + QString::fromUtf8(proc.readAllStandardError());
        return {};
    }
    QStringList out;
    for (int i = 0; i < sources.size(); ++i)
        out << QString::fromUtf8(readFile(tmp.filePath(QStringLiteral("%1.html").arg(i))));
    return out;
}

// Random combinations of typical snippets (fixed seed), joined with one or
// two newlines, so that blocks meet without blank lines: kramdown's lazy
// lines and paragraph ends get exercised. Reports the share identical to
// kramdown; the floor guards against regressions (known misses: lazy lines
// into definition lists, footnotes and HTML, see the module report). Set
// FOLIO_MARKDOWN_VERBOSE=1 to print the documents that differ.
void TstMarkdown::randomCombinationsMatchKramdown()
{
    const QStringList pool = {
        "Plain paragraph with *em* and **strong** text.", "A \"quoted\" word, it's fine -- really... yes --- no.",
        "- item a\n- item b\n  - nested c", "1. first\n2. second\n\n   para in second", "> quote *x*\n> more",
        "```python\nx = 1 < 2\n```", "    indented code", "| a | b |\n|---|---|\n| 1 | 2 |", "Term\n: definition",
        "# Header one", "## Header *two* `code`", "Para with footnote[^f1].", "[^f1]: Footnote text.",
        "Text with $$x^2_1$$ inline.", "$$\n\\frac{a}{b} < c\n$$", "<div>\nraw *md*\n</div>",
        "<div markdown=\"1\">\n*md* inside\n</div>", "Para.\n{: .cls}", "{: #myid}\nPara after ial.",
        "[link](http://a.b \"t\") and ![img](i.png)", "Line one  \nline two", "***", "* [ ] task\n* [x] done",
        "Text <span>*span*</span> <br> x", "<!-- comment -->", "A & B < C > D", "Setext\n======",
        "~~gone~~ and ^sup", "`code with <tag>` and ``double ` tick``", "Email <me@x.org> and <http://u.rl>",
        "\\*not em\\* and \\_x\\_ and \\\\ back", "'single' and \"double\" and 'tis and 80's",
        "Intra_word_underscore and __dunder__", "1986\\. A great year.", "+ plus item\n+ another",
        "Para\n* list right after", "<p>raw p</p>", "Hard\\\nbreak", "## Dup\n\n## Dup"};
    quint32 state = 12345;
    auto next = [&](quint32 bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    QStringList docs;
    for (int i = 0; i < 120; ++i) {
        QString doc;
        const int parts = 2 + int(next(5));
        for (int k = 0; k < parts; ++k)
            doc += pool[int(next(quint32(pool.size())))] + (next(3) == 0 ? "\n" : "\n\n");
        docs << doc;
    }
    QString why;
    const QStringList expected = kramdownOutputs(docs, &why);
    if (expected.isEmpty())
        QSKIP(qPrintable(why));
    const Converter converter(kramdownOptions());
    int identical = 0;
    for (int i = 0; i < docs.size(); ++i) {
        const QString actual = normaliseBetweenTags(QString::fromStdString(converter.toHtml(docs[i].toStdString())));
        if (actual == normaliseBetweenTags(expected[i]))
            ++identical;
        else if (qEnvironmentVariableIsSet("FOLIO_MARKDOWN_VERBOSE"))
            qWarning().noquote() << "differs:\n" << docs[i] << "\n--- kramdown:\n" << normaliseBetweenTags(expected[i])
                                 << "\n--- folio:\n" << actual;
    }
    qInfo().noquote() << QStringLiteral("random combinations: %1/%2 identical to kramdown").arg(identical).arg(docs.size());
    QVERIFY2(identical * 100 >= docs.size() * 80, qPrintable(QStringLiteral("%1/%2").arg(identical).arg(docs.size())));
}

void TstMarkdown::seedSiteMatchesKramdown()
{
    if (!QDir(kSeedSite).exists())
        QSKIP("needs the shared seed site (FOLIO_SHARED_DIR/fixtures/seed-site)");
    const QString ruby = QStandardPaths::findExecutable(QStringLiteral("ruby"));
    if (ruby.isEmpty())
        QSKIP("needs ruby with jekyll/kramdown to produce the expected outputs");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QStringList args{QStringLiteral(FOLIO_SOURCE_DIR "/tests/markdown/kramdown-oracle.rb")};
    QStringList sources;
    QDirIterator it(kSeedSite, {QStringLiteral("*.md"), QStringLiteral("*.markdown")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/_site/")))
            continue;
        sources << path;
    }
    sources.sort();
    for (int i = 0; i < sources.size(); ++i) {
        const QString in = tmp.filePath(QStringLiteral("%1.md").arg(i));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(stripFrontMatter(QString::fromUtf8(readFile(sources[i]))).toUtf8());
        f.close();
        args << in << tmp.filePath(QStringLiteral("%1.html").arg(i));
    }
    QProcess proc;
    proc.start(ruby, args);
    QVERIFY(proc.waitForFinished(120000));
    if (proc.exitCode() != 0)
        QSKIP(qPrintable("kramdown-oracle.rb failed (jekyll gem missing?): " + QString::fromUtf8(proc.readAllStandardError())));

    const Converter converter(kramdownOptions());
    int identical = 0;
    for (int i = 0; i < sources.size(); ++i) {
        const QString md = QString::fromUtf8(readFile(tmp.filePath(QStringLiteral("%1.md").arg(i))));
        const QString expected = normaliseBetweenTags(QString::fromUtf8(readFile(tmp.filePath(QStringLiteral("%1.html").arg(i)))));
        const QString actual = normaliseBetweenTags(QString::fromStdString(converter.toHtml(md.toStdString())));
        if (actual == expected)
            ++identical;
        else
            qWarning().noquote() << "differs from kramdown:" << QDir(kSeedSite).relativeFilePath(sources[i]);
    }
    qInfo().noquote() << QStringLiteral("seed site: %1/%2 Markdown files identical to kramdown (%3%)")
                             .arg(identical).arg(sources.size()).arg(100.0 * identical / qMax(1, int(sources.size())), 0, 'f', 1);
    QVERIFY(!sources.isEmpty());
    // All of them matched when this test was written; a regression shows here.
    QCOMPARE(identical, int(sources.size()));
}

void TstMarkdown::smartifyFilter_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    // Expected values: Jekyll 4.3.1's SmartyPants converter (the smartify filter).
    QTest::newRow("jekyll docs example") << "\"Quote\" it's -- ok..." << "“Quote” it’s – ok…";
    QTest::newRow("em dash") << "a---b" << "a—b";
    QTest::newRow("guillemets") << "<< x >>" << "«\u00A0x\u00A0»";
    QTest::newRow("decade") << "the '90s" << "the ’90s";
    QTest::newRow("escaping") << "a & b < c" << "a &amp; b &lt; c";
    QTest::newRow("tags pass through") << "<em>\"x\"</em>" << "<em>“x”</em>";
    QTest::newRow("entities pass through") << "a &amp; b" << "a &amp; b";
    QTest::newRow("no markdown") << "*no md*\n\nline2" << "*no md*\n\nline2";
}

void TstMarkdown::smartifyFilter()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QCOMPARE(QString::fromStdString(smartify(input.toStdString())), output);
}

void TstMarkdown::options()
{
    Options o = kramdownOptions();
    o.footnoteNr = 5;
    o.autoIdPrefix = "p-";
    o.smartQuotes = "sbquo,lsquo,bdquo,ldquo";
    const std::string html = Converter(o).toHtml("# Title\n\n\"Hi\" 'x' a[^n]\n\n[^n]: Note.\n");
    QVERIFY2(html.find("<h1 id=\"p-title\">") != std::string::npos, html.c_str());
    QVERIFY2(html.find("„Hi“ ‚x‘") != std::string::npos, html.c_str());
    QVERIFY2(html.find(">5</a></sup>") != std::string::npos, html.c_str());
    QVERIFY2(html.find("<ol start=\"5\">") != std::string::npos, html.c_str());

    o.autoIds = false;
    QCOMPARE(Converter(o).toHtml("# Title\n"), std::string("<h1>Title</h1>\n"));

    // hard_wrap: true, as kramdown-parser-gfm writes it (checked with kramdown 2.4).
    Options wrap = kramdownOptions();
    wrap.hardWrap = true;
    QCOMPARE(Converter(wrap).toHtml("Line one\nline two *em\nstill* three\n\n- item\n  continued\n"),
             std::string("<p>Line one<br />\nline two <em>em<br />\nstill</em> three</p>\n\n"
                         "<ul>\n  <li>item<br />\ncontinued</li>\n</ul>\n"));

    // Private-use characters in the input: the BMP ones (icon fonts) pass
    // through, the block Folio reserves for placeholders becomes U+FFFD.
    QCOMPARE(Converter().toHtml("icon \uE000\uE001 and \U000FFF00 7\U000FFF01 x\n"),
             std::string("<p>icon \uE000\uE001 and \uFFFD 7\uFFFD x</p>\n"));

    // toc_levels limits the generated table of contents.
    Options levels = kramdownOptions();
    levels.tocLevelMin = 2;
    levels.tocLevelMax = 2;
    const std::string toc = Converter(levels).toHtml("* x\n{:toc}\n\n# A\n\n## B\n\n### C\n");
    QVERIFY2(toc.find("markdown-toc-b") != std::string::npos, toc.c_str());
    QVERIFY2(toc.find("markdown-toc-a") == std::string::npos && toc.find("markdown-toc-c") == std::string::npos, toc.c_str());
}

// Run under ThreadSanitizer (configure with -DFOLIO_SANITIZE=thread) to check
// the parse lock: cmark-gfm's extension attachment writes global tables.
void TstMarkdown::concurrentConversionsAgree()
{
    std::vector<std::string> inputs;
    for (const QString &f : QDir(kFixtures).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        inputs.push_back(toStd(readFile(kFixtures + QLatin1Char('/') + f)));
    const Converter converter;
    std::vector<std::string> reference;
    for (const auto &in : inputs)
        reference.push_back(converter.toHtml(in));
    constexpr int kThreads = 8;
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                for (size_t i = 0; i < inputs.size(); ++i)
                    if (converter.toHtml(inputs[(i + size_t(t)) % inputs.size()]) != reference[(i + size_t(t)) % inputs.size()])
                        ++mismatches[size_t(t)];
        });
    }
    for (auto &th : threads)
        th.join();
    for (int t = 0; t < kThreads; ++t)
        QCOMPARE(mismatches[size_t(t)], 0);
}

void TstMarkdown::largePostConvertsFast()
{
    const std::string md = bigPost(2000);
    QVERIFY(std::count(md.begin(), md.end(), '\n') >= 2000);
    const Converter converter;
    (void)converter.toHtml(md); // warm-up
    QElapsedTimer timer;
    timer.start();
    constexpr int kRuns = 5;
    size_t bytes = 0;
    for (int i = 0; i < kRuns; ++i)
        bytes += converter.toHtml(md).size();
    const double ms = double(timer.nsecsElapsed()) / 1e6 / kRuns;
    qInfo().noquote() << QStringLiteral("2000-line post: %1 ms per conversion").arg(ms, 0, 'f', 2);
    QVERIFY(bytes > md.size());
    // "A few ms" on a developer machine; the bound leaves room for sanitizers
    // and a loaded CI box but still catches quadratic behaviour.
    QVERIFY2(ms < 200.0, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

void TstMarkdown::unmatchedDelimitersStayLinear_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("repeat");
    QTest::addColumn<bool>("newlines");
    // Each unmatched opener once scanned to the end of its paragraph or of
    // the document (quadratic time).
    QTest::newRow("money dollars") << QStringLiteral("cost $5 and ") << 6000 << false;
    QTest::newRow("unclosed environments") << QStringLiteral("\\begin{x} ") << 6000 << false;
    QTest::newRow("unclosed parens") << QStringLiteral("\\( a ") << 6000 << false;
    QTest::newRow("unclosed divs") << QStringLiteral("<div>") << 6000 << true;
    QTest::newRow("backticks") << QStringLiteral("a ` b ") << 6000 << false;
    QTest::newRow("quotes") << QStringLiteral("\"'") << 6000 << false;
}

void TstMarkdown::unmatchedDelimitersStayLinear()
{
    QFETCH(QString, unit);
    QFETCH(int, repeat);
    QFETCH(bool, newlines);
    std::string md;
    for (int i = 0; i < repeat; ++i) {
        md += unit.toStdString();
        if (newlines) md += "\n";
    }
    md += "\n";
    const Converter converter;
    QElapsedTimer timer;
    timer.start();
    const std::string html = converter.toHtml(md);
    const qint64 ms = timer.elapsed();
    QVERIFY(!html.empty());
    QVERIFY2(ms < 250, qPrintable(QStringLiteral("%1 ms for %2 bytes").arg(ms).arg(md.size())));
}

QTEST_GUILESS_MAIN(TstMarkdown)
#include "tst_markdown.moc"
