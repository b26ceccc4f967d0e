// The live preview as a user sees it: the page of a post from the site's own
// layouts and CSS, its math typeset offline by Folio's MathJax copies, edits
// patched into the page in place, links followed inside the site, list pages,
// and nothing fetched from the network.
#include "preview/mathjax.h"
#include "preview/previewsite.h"
#include "preview/previewview.h"
#include "preview/schemehandler.h"

#include "common/files.h"
#include "common/webview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>

using folio::preview::MathJaxLibrary;
using folio::preview::PreviewSite;
using folio::preview::PreviewView;

using folio::tests::evaluate;

namespace {

const QString kSampleSite = QStringLiteral(FOLIO_SOURCE_DIR "/resources/sample-site");
const QString kSeedSite = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Runs `script` in the page and waits for its value.
// The formulas in a Markdown body as MathJax reads them with the delimiters
// these sites configure, counted independently of the engine: $$…$$, \[…\],
// \(…\), \begin{…}…\end{…}, then $…$ pairs within a paragraph (an unescaped
// dollar opens, the next one closes), outside code fences and code spans.
int countFormulas(const QString &markdown)
{
    QString text;
    bool inFence = false;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("```")) || line.trimmed().startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
            continue;
        }
        if (!inFence)
            text += line + QLatin1Char('\n');
    }
    text.remove(QRegularExpression(QStringLiteral("`[^`\\n]*`")));
    int count = 0;
    const QList<QRegularExpression> paired{
        QRegularExpression(QStringLiteral("\\$\\$.+?\\$\\$"), QRegularExpression::DotMatchesEverythingOption),
        QRegularExpression(QStringLiteral("\\\\\\[.+?\\\\\\]"), QRegularExpression::DotMatchesEverythingOption),
        QRegularExpression(QStringLiteral("\\\\\\(.+?\\\\\\)"), QRegularExpression::DotMatchesEverythingOption),
        QRegularExpression(QStringLiteral("\\\\begin\\{(\\w+\\*?)\\}.+?\\\\end\\{\\1\\}"), QRegularExpression::DotMatchesEverythingOption),
    };
    for (const QRegularExpression &pattern : paired) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            ++count;
            // Counted once: blank it so no other rule sees it again.
            text.replace(match.capturedStart(), match.capturedLength(), QString(match.capturedLength(), QLatin1Char(' ')));
        }
    }
    static const QRegularExpression paragraphBreak(QStringLiteral("\\n[ \\t]*\\n"));
    static const QRegularExpression dollar(QStringLiteral("(?<!\\\\)\\$"));
    for (const QString &paragraph : text.split(paragraphBreak)) {
        int dollars = 0;
        for (auto it = dollar.globalMatch(paragraph); it.hasNext(); it.next())
            ++dollars;
        count += dollars / 2;
    }
    return count;
}

// Typeset formulas (MathJax 3 containers holding no ui/lazy placeholder,
// MathJax 2 CommonHTML frames) in the element `within` (the post's content:
// pages also show excerpts of other posts), and MathJax error marks anywhere
// in the page.
QString countMath(const QString &within)
{
    return QStringLiteral("[].filter.call(document.querySelector('%1').querySelectorAll('mjx-container, span.MathJax_CHTML'),"
                          "function(m){return !m.querySelector('mjx-lazy');}).length").arg(within);
}
const QString kCountErrors = QStringLiteral(
    "document.querySelectorAll('mjx-merror, .mjx-merror, .MathJax_Error, [data-mjx-error]').length");
// Whether the page's MathJax has finished its first typesetting.
const QString kMathJaxDone = QStringLiteral(
    "(function(){var m=window.MathJax;if(!m)return false;"
    "if(m.startup&&m.startup.promise&&m.typesetPromise){if(!window.__t){window.__t=1;m.startup.promise.then(function(){window.__t=2;});}return window.__t===2;}"
    "if(m.Hub&&m.Hub.queue){if(!window.__t){window.__t=1;m.Hub.Queue(function(){window.__t=2;});}return window.__t===2;}"
    "return false;})()");

// The preview typesets MathJax 3 math lazily, as it comes into view (ui/lazy):
// scrolls the page from top to bottom a window at a time, waiting at each
// step for the math shown to be typeset, as a reader scrolling through would.
// Returns whether all of it was; leaves the page at the top.
bool scrollThrough(PreviewView &view)
{
    const QString lazyInView = QStringLiteral(
        "[].some.call(document.getElementsByTagName('mjx-lazy'),function(m){var r=m.getBoundingClientRect();"
        "return r.bottom>=0&&r.top<=window.innerHeight;})");
    for (int step = 0; step < 1000; ++step) {
        evaluate(&view, QStringLiteral("window.scrollTo(0, %1 * window.innerHeight)").arg(step));
        if (!QTest::qWaitFor([&] { return !evaluate(&view, lazyInView).toBool(); }, 10000))
            return false;
        if (evaluate(&view, QStringLiteral("window.scrollY + window.innerHeight >= document.documentElement.scrollHeight")).toBool())
            break;
    }
    evaluate(&view, QStringLiteral("window.scrollTo(0, 0)"));
    return true;
}

QString blockedList(const PreviewView &view)
{
    QStringList urls;
    for (const QUrl &url : view.blockedRequests())
        urls << url.toString();
    return urls.join(QLatin1Char('\n'));
}

bool waitLoaded(PreviewView &view, const QString &path)
{
    return QTest::qWaitFor([&] {
        return view.currentPath() == path && view.isLoaded()
               && evaluate(&view, QStringLiteral("document.readyState")).toString() == QLatin1String("complete");
    }, 30000);
}

// Shows a post and waits, as a reader would, until the page has loaded and
// MathJax has started and typeset what it shows.
bool showTypeset(PreviewView &view, const PreviewSite &site, const QString &post)
{
    view.showDocument(post);
    return waitLoaded(view, site.urlOf(post))
           && QTest::qWaitFor([&] { return evaluate(&view, kMathJaxDone).toBool(); }, 30000);
}

} // namespace

class TestPreview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cdnUrlsMapToTheLocalCopy_data();
    void cdnUrlsMapToTheLocalCopy();
    void localFilesStayInsideTheCopy();
    void formulaCounter();
    void sampleMathIsTypesetOfflineWithTheSiteCss();
    void typingPatchesThePageInPlace();
    void lineTypedAboveRetypesetsNothingElse();
    void wordsTypedKeepTheirFormulas();
    void latestTextWins();
    void editorLineScrollsThePreview();
    void linkOpensTheOtherPage();
    void listPagePreviews();
    void savedLayoutReloadsTheSite();
    void seedMathPostWithMathJax2();
    void seedListPages();
};

void TestPreview::cdnUrlsMapToTheLocalCopy_data()
{
    QTest::addColumn<QString>("cdn");
    QTest::addColumn<QString>("local");
    QTest::newRow("cdnjs 2.7.4 latest.js (academicpages)")
        << "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.4/latest.js?config=TeX-MML-AM_CHTML"
        << "folio://mathjax/2/latest.js?config=TeX-MML-AM_CHTML";
    QTest::newRow("cdnjs 2.7.9 MathJax.js") << "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.9/MathJax.js?config=TeX-AMS_CHTML"
                                            << "folio://mathjax/2/MathJax.js?config=TeX-AMS_CHTML";
    QTest::newRow("cdnjs 2 font") << "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.4/fonts/HTML-CSS/TeX/woff/MathJax_Main-Regular.woff"
                                  << "folio://mathjax/2/fonts/HTML-CSS/TeX/woff/MathJax_Main-Regular.woff";
    QTest::newRow("cdnjs 3") << "https://cdnjs.cloudflare.com/ajax/libs/mathjax/3.2.2/es5/tex-mml-chtml.js"
                             << "folio://mathjax/3/es5/tex-mml-chtml.js";
    QTest::newRow("jsdelivr 3") << "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"
                                << "folio://mathjax/3/es5/tex-mml-chtml.js";
    QTest::newRow("jsdelivr 3 font") << "https://cdn.jsdelivr.net/npm/mathjax@3/es5/output/chtml/fonts/woff-v2/MathJax_Zero.woff"
                                     << "folio://mathjax/3/es5/output/chtml/fonts/woff-v2/MathJax_Zero.woff";
    QTest::newRow("jsdelivr 2") << "https://cdn.jsdelivr.net/npm/mathjax@2.7.9/MathJax.js?config=TeX-AMS-MML_HTMLorMML"
                                << "folio://mathjax/2/MathJax.js?config=TeX-AMS-MML_HTMLorMML";
    QTest::newRow("unpkg 3") << "https://unpkg.com/mathjax@3.2.0/es5/tex-chtml.js" << "folio://mathjax/3/es5/tex-chtml.js";
    QTest::newRow("mathjax.org") << "https://cdn.mathjax.org/mathjax/latest/MathJax.js?config=TeX-AMS-MML_HTMLorMML"
                                 << "folio://mathjax/2/MathJax.js?config=TeX-AMS-MML_HTMLorMML";
    QTest::newRow("MathJax 4: no copy") << "https://cdn.jsdelivr.net/npm/mathjax@4/tex-mml-chtml.js" << "";
    QTest::newRow("other library") << "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js" << "";
    QTest::newRow("web font") << "https://fonts.googleapis.com/css?family=Roboto" << "";
    QTest::newRow("climbing out") << "https://cdn.jsdelivr.net/npm/mathjax@3/../../../etc/passwd" << "";
    QTest::newRow("climbing out, encoded") << "https://cdn.jsdelivr.net/npm/mathjax@3/es5/%2e%2e/%2e%2e/x.js" << "";
}

void TestPreview::cdnUrlsMapToTheLocalCopy()
{
    QFETCH(QString, cdn);
    QFETCH(QString, local);
    const MathJaxLibrary library(QStringLiteral("/nonexistent/mj2"), QStringLiteral("/nonexistent/mj3"));
    const auto mapped = library.localUrlFor(QUrl(cdn));
    QCOMPARE(mapped ? mapped->toString() : QString(), local);
}

void TestPreview::localFilesStayInsideTheCopy()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("mj3/es5"));
    QFile script(dir.path() + QStringLiteral("/mj3/es5/tex-chtml.js"));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("/* mathjax */");
    script.close();
    QFile secret(dir.path() + QStringLiteral("/secret.txt"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.close();
    const MathJaxLibrary library(QString(), dir.path() + QStringLiteral("/mj3"));
    QCOMPARE(library.fileFor(QUrl(QStringLiteral("folio://mathjax/3/es5/tex-chtml.js"))).value_or(QString()), script.fileName());
    QVERIFY(!library.fileFor(QUrl(QStringLiteral("folio://mathjax/3/../secret.txt"))));
    QVERIFY(!library.fileFor(QUrl(QStringLiteral("folio://mathjax/3/es5/%2e%2e/%2e%2e/secret.txt"))));
    QVERIFY(!library.fileFor(QUrl(QStringLiteral("folio://mathjax/2/MathJax.js")))); // no copy of 2 here
    QVERIFY(!library.fileFor(QUrl(QStringLiteral("folio://site/es5/tex-chtml.js"))));
    // Without a copy, a CDN URL is not redirected (it is blocked instead).
    QVERIFY(!library.localUrlFor(QUrl(QStringLiteral("https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.4/MathJax.js"))));
}

void TestPreview::formulaCounter()
{
    // The counter the math tests rely on, on text whose answer is known.
    QCOMPARE(countFormulas(QStringLiteral("a $x$ b $$y$$ \\(z\\)\n\n\\[\nw\n\\]\n")), 4);
    QCOMPARE(countFormulas(QStringLiteral("`$code$`\n```\n$fenced$\n```\n")), 0);
    QCOMPARE(countFormulas(QStringLiteral("\\begin{align}a&=b\\end{align} and \\$ 5\n")), 1);
    // MathJax reads "$5 and $" as a formula (tex2jax and MathJax 3 alike).
    QCOMPARE(countFormulas(QStringLiteral("Prices $5 and $10\n\nand $x$\n")), 2);
}

void TestPreview::sampleMathIsTypesetOfflineWithTheSiteCss()
{
    if (MathJaxLibrary().root(3).isEmpty())
        QSKIP("MathJax 3 is not vendored (scripts/install-deps.sh puts it in resources/mathjax3)");
    PreviewSite site;
    QVERIFY(site.load(kSampleSite));
    PreviewView view(site);
    view.resize(900, 700);
    view.show();
    const QString post = kSampleSite + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    QVERIFY(showTypeset(view, site, post));
    QVERIFY(scrollThrough(view));

    const int formulas = countFormulas(readText(post));
    // $\pi(z)$ $G$ $p_G…$ \[…\] $K$ $$…$$ $z$ $x$, and "$5 and $" which MathJax
    // reads as math (as it does on the published page).
    QCOMPARE(formulas, 9);
    QCOMPARE(evaluate(&view, countMath(QStringLiteral("article"))).toInt(), formulas);
    QCOMPARE(evaluate(&view, kCountErrors).toInt(), 0);
    // MathJax's fonts came from Folio's copy: CommonHTML measured real glyphs.
    QVERIFY(evaluate(&view, QStringLiteral("document.fonts.check('12px MJXZERO')")).toBool());
    // The theme's Sass: links in the accent colour, the text column 42rem wide.
    QCOMPARE(evaluate(&view, QStringLiteral("getComputedStyle(document.querySelector('main')).maxWidth")).toString(), QStringLiteral("672px"));
    QCOMPARE(evaluate(&view, QStringLiteral("getComputedStyle(document.querySelector('.site-title')).color")).toString(),
             QStringLiteral("rgb(31, 95, 168)"));
    // MathJax came from jsDelivr's URL, answered locally: nothing was blocked.
    QVERIFY2(view.blockedRequests().isEmpty(), qPrintable(blockedList(view)));
}

void TestPreview::typingPatchesThePageInPlace()
{
    if (MathJaxLibrary().root(3).isEmpty())
        QSKIP("MathJax 3 is not vendored (scripts/install-deps.sh puts it in resources/mathjax3)");
    QTemporaryDir tmp;
    const QString root = folio::tests::copySite(kSampleSite, tmp.path());
    PreviewSite site;
    QVERIFY(site.load(root));
    PreviewView view(site);
    view.resize(900, 300); // short, so the page scrolls
    view.show();
    const QString post = root + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    QVERIFY(showTypeset(view, site, post));
    QVERIFY(scrollThrough(view));
    // Marks on the shown nodes tell whether the page was reloaded or replaced.
    evaluate(&view, QStringLiteral("document.querySelector('h1').__kept = 1; window.__sameDocument = 1;"
                                   "window.scrollTo(0, 120); window.scrollY"));
    const int scrolled = evaluate(&view, QStringLiteral("window.scrollY")).toInt();
    QVERIFY(scrolled > 0);

    QSignalSpy updated(&view, &PreviewView::updated);
    const QString text = readText(post) + QStringLiteral("\nA new line with $e^{i\\pi} + 1 = 0$ typed in.\n");
    view.updateDocument(post, text);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, 20000);
    const auto timing = updated.first().first().value<folio::preview::UpdateTiming>();
    QVERIFY(evaluate(&view, QStringLiteral("document.body.innerText")).toString().contains(QStringLiteral("typed in.")));
    QCOMPARE(evaluate(&view, QStringLiteral("window.__sameDocument")).toInt(), 1);
    QCOMPARE(evaluate(&view, QStringLiteral("document.querySelector('h1').__kept")).toInt(), 1);
    QCOMPARE(evaluate(&view, QStringLiteral("window.scrollY")).toInt(), scrolled);
    // Only the new paragraph was inserted and typeset; the rest kept its math.
    QCOMPARE(timing.changedBlocks, 1);
    QCOMPARE(evaluate(&view, countMath(QStringLiteral("article"))).toInt(), countFormulas(text));
    QCOMPARE(evaluate(&view, kCountErrors).toInt(), 0);
    QVERIFY(timing.frame > 0);
    // Unsaved text: the file on disk is unchanged.
    QVERIFY(!readText(post).contains(QStringLiteral("typed in.")));
}

void TestPreview::lineTypedAboveRetypesetsNothingElse()
{
    QTemporaryDir tmp;
    const QString root = folio::tests::copySite(kSampleSite, tmp.path());
    PreviewSite site;
    QVERIFY(site.load(root));
    PreviewView view(site);
    view.resize(900, 250);
    view.show();
    const QString post = root + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    QVERIFY(showTypeset(view, site, post));
    evaluate(&view, QStringLiteral("document.querySelector('table').__kept = 1"));

    // A paragraph typed right after the front matter moves every block below
    // it two lines down: only the paragraph is new to the page.
    const QString text = readText(post);
    const int bodyStart = int(text.indexOf(QStringLiteral("\n---\n"), 3)) + 5;
    QVERIFY(bodyStart > 5);
    const QString edited = text.left(bodyStart) + QStringLiteral("A first paragraph.\n\n") + text.mid(bodyStart);
    QSignalSpy updated(&view, &PreviewView::updated);
    view.updateDocument(post, edited);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, 20000);
    QCOMPARE(updated.first().first().value<folio::preview::UpdateTiming>().changedBlocks, 1);
    QCOMPARE(evaluate(&view, QStringLiteral("document.querySelector('table').__kept")).toInt(), 1);
    QVERIFY(evaluate(&view, QStringLiteral("document.querySelector('article').innerText")).toString().contains(QStringLiteral("A first paragraph.")));

    // Scroll sync follows the table to its new line.
    const QStringList lines = edited.split(QLatin1Char('\n'));
    const int tableLine = int(lines.indexOf(QRegularExpression(QStringLiteral("^\\| symbol.*")))) + 1;
    view.scrollToSourceLine(tableLine);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::abs(evaluate(&view, QStringLiteral("document.querySelector('table').getBoundingClientRect().top")).toDouble() - 8) < 3,
        5000);
}

void TestPreview::wordsTypedKeepTheirFormulas()
{
    if (MathJaxLibrary().root(3).isEmpty())
        QSKIP("MathJax 3 is not vendored (scripts/install-deps.sh puts it in resources/mathjax3)");
    QTemporaryDir tmp;
    const QString root = folio::tests::copySite(kSampleSite, tmp.path());
    PreviewSite site;
    QVERIFY(site.load(root));
    PreviewView view(site);
    view.resize(900, 700);
    view.show();
    const QString post = root + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    QVERIFY(showTypeset(view, site, post));
    QVERIFY(scrollThrough(view));
    // The first paragraph holds $\pi(z)$, $G$ and $p_G(x_i) = …$.
    const QString firstFormulas = QStringLiteral("document.querySelector('article p:not(.meta)').querySelectorAll('mjx-container')");
    QCOMPARE(evaluate(&view, firstFormulas + QStringLiteral(".length")).toInt(), 3);
    evaluate(&view, firstFormulas + QStringLiteral("[0].__kept = 1"));
    const QString mathText = firstFormulas + QStringLiteral("[1].querySelector('mjx-assistive-mml').textContent");
    QCOMPARE(evaluate(&view, mathText).toString(), QStringLiteral("G"));

    // Words typed into the paragraph: it is replaced, its formulas are the
    // same typeset ones, moved into the new paragraph.
    QSignalSpy updated(&view, &PreviewView::updated);
    QString text = readText(post).replace(QStringLiteral("for every sample."), QStringLiteral("for every sample we draw."));
    view.updateDocument(post, text);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, 20000);
    QVERIFY(evaluate(&view, QStringLiteral("document.querySelector('article p:not(.meta)').textContent")).toString().contains(QStringLiteral("we draw.")));
    QCOMPARE(evaluate(&view, firstFormulas + QStringLiteral(".length")).toInt(), 3);
    QCOMPARE(evaluate(&view, firstFormulas + QStringLiteral("[0].__kept")).toInt(), 1);

    // A formula edited there is typeset anew; the others stay.
    text.replace(QStringLiteral("invertible $G$"), QStringLiteral("invertible $H$"));
    view.updateDocument(post, text);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 2, 20000);
    QCOMPARE(evaluate(&view, mathText).toString(), QStringLiteral("H"));
    QCOMPARE(evaluate(&view, firstFormulas + QStringLiteral("[0].__kept")).toInt(), 1);
    QCOMPARE(evaluate(&view, countMath(QStringLiteral("article"))).toInt(), countFormulas(text));
    QCOMPARE(evaluate(&view, kCountErrors).toInt(), 0);
    QCOMPARE(evaluate(&view, QStringLiteral("document.querySelectorAll('folio-math').length")).toInt(), 0);
}

void TestPreview::latestTextWins()
{
    QTemporaryDir tmp;
    const QString root = folio::tests::copySite(kSampleSite, tmp.path());
    PreviewSite site;
    QVERIFY(site.load(root));
    PreviewView view(site);
    view.show();
    const QString post = root + QStringLiteral("/_posts/2023-11-02-hello.md");
    view.showDocument(post);
    QVERIFY(waitLoaded(view, site.urlOf(post)));
    QSignalSpy updated(&view, &PreviewView::updated);
    const QString text = readText(post);
    // Three pauses in quick succession: the first goes, the second is
    // replaced by the third while the first is in flight.
    view.updateDocument(post, text + QStringLiteral("\nFirst version.\n"));
    QVERIFY(view.isUpdating());
    view.updateDocument(post, text + QStringLiteral("\nSecond version.\n"));
    view.updateDocument(post, text + QStringLiteral("\nThird version.\n"));
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 2, 20000);
    QTest::qWait(300);
    QCOMPARE(updated.count(), 2);
    const QString shown = evaluate(&view, QStringLiteral("document.body.innerText")).toString();
    QVERIFY(shown.contains(QStringLiteral("Third version.")));
    QVERIFY(!shown.contains(QStringLiteral("Second version.")));
    QVERIFY(!shown.contains(QStringLiteral("First version.")));
}

void TestPreview::editorLineScrollsThePreview()
{
    PreviewSite site;
    QVERIFY(site.load(kSampleSite));
    PreviewView view(site);
    view.resize(900, 250);
    view.show();
    const QString post = kSampleSite + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    view.showDocument(post);
    QVERIFY(waitLoaded(view, site.urlOf(post)));
    // The table starts on the file's line with "| symbol": the editor shows
    // that line at its top, the preview shows the table at its top.
    const QStringList lines = readText(post).split(QLatin1Char('\n'));
    const int tableLine = int(lines.indexOf(QRegularExpression(QStringLiteral("^\\| symbol.*")))) + 1;
    QVERIFY(tableLine > 1);
    view.scrollToSourceLine(tableLine);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::abs(evaluate(&view, QStringLiteral("document.querySelector('table').getBoundingClientRect().top")).toDouble() - 8) < 3,
        5000);
    // And back to the front matter: the top of the page.
    view.scrollToSourceLine(1);
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(&view, QStringLiteral("window.scrollY")).toInt(), 0, 5000);
}

void TestPreview::linkOpensTheOtherPage()
{
    PreviewSite site;
    QVERIFY(site.load(kSampleSite));
    PreviewView view(site);
    view.resize(900, 700);
    view.show();
    const QString post = kSampleSite + QStringLiteral("/_posts/2024-01-15-normalizing-flows.md");
    const QString hello = kSampleSite + QStringLiteral("/_posts/2023-11-02-hello.md");
    view.showDocument(post);
    QVERIFY(waitLoaded(view, site.urlOf(post)));
    QSignalSpy activated(&view, &PreviewView::documentActivated);
    // A real click on the "previous post" link.
    const QString locate = QStringLiteral(
        "(function(){var a=[].find.call(document.querySelectorAll('article a'),function(x){return x.textContent.indexOf('Hello')>=0;});"
        "a.scrollIntoView();var r=a.getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2];})()");
    const QVariantList point = evaluate(&view, locate).toList();
    QCOMPARE(point.size(), 2);
    const QPoint at(point[0].toInt(), point[1].toInt());
    QWidget *target = view.focusProxy() ? view.focusProxy() : &view;
    QTest::mouseClick(target, Qt::LeftButton, {}, at);
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 10000);
    QCOMPARE(activated.first().first().toString(), hello);
    QVERIFY(waitLoaded(view, site.urlOf(hello)));
    QVERIFY(evaluate(&view, QStringLiteral("document.querySelector('h1').textContent")).toString().contains(QStringLiteral("Hello")));
}

void TestPreview::listPagePreviews()
{
    PreviewSite site;
    QVERIFY(site.load(kSampleSite));
    PreviewView view(site);
    view.show();
    view.showPath(QStringLiteral("/publications/"));
    QVERIFY(waitLoaded(view, QStringLiteral("/publications/")));
    const QString text = evaluate(&view, QStringLiteral("document.body.innerText")).toString();
    // The list shows the collection's items, by their titles.
    for (const QString &file : QDir(kSampleSite + QStringLiteral("/_publications")).entryList({QStringLiteral("*.md")})) {
        const QString source = readText(kSampleSite + QStringLiteral("/_publications/") + file);
        const auto title = QRegularExpression(QStringLiteral("(?m)^title:\\s*\"?([^\"\\n]+)\"?")).match(source).captured(1);
        QVERIFY2(text.contains(title.trimmed()), qPrintable(title + QStringLiteral(" not in: ") + text));
    }
}

void TestPreview::savedLayoutReloadsTheSite()
{
    QTemporaryDir tmp;
    const QString root = folio::tests::copySite(kSampleSite, tmp.path());
    PreviewSite site;
    QVERIFY(site.load(root));
    PreviewView view(site);
    view.show();
    const QString post = root + QStringLiteral("/_posts/2023-11-02-hello.md");
    view.showDocument(post);
    QVERIFY(waitLoaded(view, site.urlOf(post)));

    const QString layout = root + QStringLiteral("/_layouts/default.html");
    QString html = readText(layout);
    html.replace(QStringLiteral("<footer>"), QStringLiteral("<footer><p id=\"changed\">Edited layout</p>"));
    QFile out(layout);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(html.toUtf8());
    out.close();
    QVERIFY(!view.fileSaved(post)); // a post changes its own page only
    QVERIFY(view.fileSaved(layout));
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(&view, QStringLiteral("!!document.getElementById('changed')")).toBool(), 20000);
    QCOMPARE(view.currentPath(), site.urlOf(post));

    QVERIFY(PreviewView::affectsWholeSite(QStringLiteral("_config.yml")));
    QVERIFY(PreviewView::affectsWholeSite(QStringLiteral("_data/navigation.yml")));
    QVERIFY(PreviewView::affectsWholeSite(QStringLiteral("_includes/head.html")));
    QVERIFY(PreviewView::affectsWholeSite(QStringLiteral("_sass/_base.scss")));
    QVERIFY(PreviewView::affectsWholeSite(QStringLiteral("assets/css/main.scss")));
    QVERIFY(!PreviewView::affectsWholeSite(QStringLiteral("_posts/2023-11-02-hello.md")));
    QVERIFY(!PreviewView::affectsWholeSite(QStringLiteral("_pages/about.md")));
}

void TestPreview::seedMathPostWithMathJax2()
{
    if (!QFileInfo::exists(kSeedSite))
        QSKIP("../shared/fixtures/seed-site is absent");
    if (MathJaxLibrary().root(2).isEmpty())
        QSKIP("MathJax 2 is not installed (Debian's libjs-mathjax)");
    PreviewSite site;
    QVERIFY(site.load(kSeedSite));
    PreviewView view(site);
    view.resize(1000, 800);
    view.show();
    const QString post = kSeedSite + QStringLiteral("/_posts/2023-05-20-wgan-notes.md");
    QVERIFY(!site.urlOf(post).isEmpty());
    view.showDocument(post);
    QVERIFY(waitLoaded(view, site.urlOf(post)));
    // academicpages loads MathJax 2.7.4's latest.js from cdnjs with
    // ?config=TeX-MML-AM_CHTML; Folio's 2.7 copy answers.
    QTRY_VERIFY_WITH_TIMEOUT(evaluate(&view, kMathJaxDone).toBool(), 40000);
    QVERIFY(evaluate(&view, QStringLiteral("MathJax.version")).toString().startsWith(QStringLiteral("2.7")));
    QVERIFY(scrollThrough(view));
    const int formulas = countFormulas(readText(post));
    QVERIFY(formulas > 0);
    QCOMPARE(evaluate(&view, countMath(QStringLiteral(".page__content"))).toInt(), formulas);
    QCOMPARE(evaluate(&view, kCountErrors).toInt(), 0);
    // The theme's Sass (_masthead.scss): the masthead is positioned and ruled.
    QCOMPARE(evaluate(&view, QStringLiteral("getComputedStyle(document.querySelector('.masthead')).position")).toString(),
             QStringLiteral("relative"));
    QCOMPARE(evaluate(&view, QStringLiteral("getComputedStyle(document.querySelector('.masthead')).borderBottomStyle")).toString(),
             QStringLiteral("solid"));
    // What a user is told was blocked: nothing (MathJax is local, the theme's
    // fonts and scripts are the site's own).
    QVERIFY2(view.blockedRequests().isEmpty(), qPrintable(blockedList(view)));

    // A paragraph with math typed at the end: MathJax 2 typesets it before
    // it is shown, and every other formula keeps its typesetting.
    QSignalSpy updated(&view, &PreviewView::updated);
    const QString text = readText(post) + QStringLiteral("\nA new line with $e^{i\\pi} + 1 = 0$ typed in.\n");
    view.updateDocument(post, text);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, 20000);
    QVERIFY(evaluate(&view, QStringLiteral("document.querySelector('.page__content').innerText")).toString().contains(QStringLiteral("typed in.")));
    QCOMPARE(evaluate(&view, countMath(QStringLiteral(".page__content"))).toInt(), countFormulas(text));
    QCOMPARE(evaluate(&view, kCountErrors).toInt(), 0);
}

void TestPreview::seedListPages()
{
    if (!QFileInfo::exists(kSeedSite))
        QSKIP("../shared/fixtures/seed-site is absent");
    PreviewSite site;
    QVERIFY(site.load(kSeedSite));
    PreviewView view(site);
    view.show();
    for (const QString &path : {QStringLiteral("/publications/"), QStringLiteral("/year-archive/")}) {
        view.showPath(path);
        QVERIFY2(waitLoaded(view, path), qPrintable(path));
        const int entries = evaluate(&view, QStringLiteral("document.querySelectorAll('.archive__item-title').length")).toInt();
        QVERIFY2(entries > 0, qPrintable(path));
    }
}

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    qRegisterMetaType<folio::preview::UpdateTiming>();
    TestPreview test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_preview.moc"
