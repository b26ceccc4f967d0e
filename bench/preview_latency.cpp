// Preview latency on a 2,000-line post with math (issue 3, "How it is shown"):
// from the end of a typing pause to the first frame showing the change, with
// the engine's render and MathJax's re-typesetting reported apart; the pause
// itself; and cold start (process start to the post's first painted preview,
// then to the math in view typeset, then to all of it). Beside them, the floor
// this machine sets: a page change that alters nothing, to its frame.
//
// Built with -DFOLIO_BUILD_BENCH=ON -DFOLIO_BUILD_GUI=ON as `preview_latency`;
// run under a display (xvfb-run -a bench/preview_latency). Arguments:
// [iterations] (default 40).
#include "editor/markdowneditor.h"
#include "preview/previewsite.h"
#include "preview/previewview.h"
#include "preview/schemehandler.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebEnginePage>

#include <algorithm>
#include <cstdio>
#include <vector>

using folio::preview::PreviewSite;
using folio::preview::PreviewView;
using folio::preview::UpdateTiming;

namespace {

constexpr int kBlocks = 400; // five lines each: 2,000 lines, 1,200 formulas

QString paragraph(int i, const QString &extra = {}, const QString &mathExtra = {})
{
    return QStringLiteral("Paragraph %1%2 with inline math $x_{%1} = \\alpha_{%1} + \\beta^{2}%3$ and some words\n"
                          "continuing the sentence on a second line, with $\\int_0^{%1} t\\,dt$.\n")
        .arg(i)
        .arg(extra, mathExtra);
}

// The post, with the words typed so far into some of its paragraphs and the
// terms typed into some of their first formulas.
QString post(const QMap<int, QString> &typed = {}, const QMap<int, QString> &typedMath = {})
{
    QString text = QStringLiteral("---\ntitle: \"Latency\"\n---\n");
    for (int i = 0; i < kBlocks; ++i) {
        text += paragraph(i, typed.value(i), typedMath.value(i));
        text += QStringLiteral("\n$$\\sum_{k=1}^{%1} k = \\frac{%1(%1+1)}{2}$$\n\n").arg(i);
    }
    return text;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

// The updates of one kind of edit, stage by stage.
struct Series final {
    std::vector<double> frames, renders, transfers, patches, typesets, paints;
    int changed = 0;

    void add(const UpdateTiming &t)
    {
        frames.push_back(t.frame);
        renders.push_back(t.render);
        transfers.push_back(t.transfer);
        patches.push_back(t.patch);
        typesets.push_back(t.typeset);
        paints.push_back(t.paint);
        changed = std::max(changed, t.changedBlocks);
    }
    void print(const char *what) const
    {
        auto line = [](const char *label, const std::vector<double> &values) {
            std::printf("  %-42s p50 %6.1f ms  p95 %6.1f ms\n", label, percentile(values, 0.5), percentile(values, 0.95));
        };
        std::printf(" %s (%zu updates, changed blocks <= %d)\n", what, frames.size(), changed);
        line("pause end -> first frame with the change", frames);
        line("  of which engine render", renders);
        line("  of which window <-> page (IPC)", transfers);
        line("  of which page parse + diff + staging", patches);
        line("  of which MathJax on the changed blocks", typesets);
        line("  of which shown -> frame (page)", paints);
    }
};

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QVariant evaluate(PreviewView &view, const QString &script)
{
    QVariant result;
    bool done = false;
    view.page()->runJavaScript(script, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    waitFor([&] { return done; }, 20000);
    return result;
}

// The machine's load (1, 5, 15 minutes): the figures are wall-clock times.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2) : QStringLiteral("?");
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer processClock;
    processClock.start();
    const double processStartEpoch = double(QDateTime::currentMSecsSinceEpoch());
    folio::preview::SchemeHandler::registerScheme();
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, atoi(argv[1])) : 40;

    QTemporaryDir tmp;
    const QString site = tmp.path() + QStringLiteral("/site");
    QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), QStringLiteral(FOLIO_SOURCE_DIR "/resources/sample-site"), site});
    const QString postPath = site + QStringLiteral("/_posts/2024-02-01-latency.md");
    {
        QFile file(postPath);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(post().toUtf8());
    }

    // Cold start: site loaded and built, window shown, the post painted.
    // As the window does it: the preview is made and shown, then the site is
    // loaded and built (on the GUI thread), then the post is shown.
    PreviewSite previewSite;
    PreviewView view(previewSite);
    view.resize(900, 800);
    view.show();
    if (auto loaded = previewSite.load(site); !loaded) {
        std::fprintf(stderr, "cannot load %s: %s\n", qPrintable(site), qPrintable(loaded.error()));
        return 1;
    }
    const double siteLoaded = processClock.nsecsElapsed() / 1e6;
    view.showDocument(postPath);
    if (!waitFor([&] { return view.isLoaded(); }, 60000)) {
        std::fprintf(stderr, "the preview did not load\n");
        return 1;
    }
    const double loadFinished = processClock.nsecsElapsed() / 1e6;
    // The page's own clock (epoch milliseconds at its navigation start),
    // to put its first paint and typesetting on the process clock.
    const double pageOrigin = evaluate(view, QStringLiteral("performance.timeOrigin")).toDouble() - processStartEpoch;
    const double firstPaint = pageOrigin
        + evaluate(view, QStringLiteral("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime")).toDouble();
    if (!waitFor([&] { return evaluate(view, QStringLiteral("!!(window.__folio && __folio.mathTimes())")).toBool(); }, 120000)) {
        std::fprintf(stderr, "MathJax did not finish (is MathJax 3 vendored? scripts/install-deps.sh)\n");
        return 1;
    }
    const double visibleMath = pageOrigin + evaluate(view, QStringLiteral("__folio.mathTimes().inView")).toDouble();
    const double mathStarted = pageOrigin + evaluate(view, QStringLiteral("__folio.mathTimes().started")).toDouble();
    const int formulas = evaluate(view, QStringLiteral("document.querySelectorAll('mjx-container').length")).toInt();
    const int typesetNow = evaluate(view, QStringLiteral("document.querySelectorAll('mjx-container').length - document.querySelectorAll('mjx-lazy').length")).toInt();

    // The floor: a script that changes one attribute nothing depends on, from
    // its start in the page to the frame after (the same two animation frames
    // the updates wait for), and a script's round trip from the window.
    std::vector<double> floorFrames, roundTrips;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer trip;
        trip.start();
        evaluate(view, QStringLiteral("window.__floor = -1; (function(){var t=performance.now();document.documentElement.setAttribute('data-folio-floor', '%1');"
                                      "requestAnimationFrame(function(){requestAnimationFrame(function(){window.__floor=performance.now()-t;});});})(); 0").arg(i));
        roundTrips.push_back(trip.nsecsElapsed() / 1e6);
        double floor = -1;
        waitFor([&] { return (floor = evaluate(view, QStringLiteral("window.__floor")).toDouble()) >= 0; }, 5000);
        floorFrames.push_back(floor);
    }

    // The pause the editor waits before asking for a preview of this text.
    folio::editor::MarkdownEditor editor;
    editor.setPlainText(post());
    const int pause = editor.pauseInterval();

    // Even updates: a word typed into a paragraph's prose (its formulas
    // unchanged); odd ones: a term typed into one of its formulas.
    Series prose, math;
    int sentMax = 0, sentFirst = 0;
    size_t landed = 0;
    QObject::connect(&view, &PreviewView::updated, [&](const UpdateTiming &t) {
        (t.sequence % 2 ? prose : math).add(t);
        if (t.sequence == 1)
            sentFirst = t.sentChars;
        else
            sentMax = std::max(sentMax, t.sentChars);
        ++landed;
    });
    QMap<int, QString> typed, typedMath;
    for (int i = 0; i < iterations; ++i) {
        const size_t before = landed;
        // Somewhere in the post; what earlier pauses typed stays.
        if (i % 2 == 0)
            typed[(i * 37) % kBlocks] += QStringLiteral(" edit%1").arg(i);
        else
            typedMath[(i * 37) % kBlocks] += QStringLiteral(" + y_{%1}").arg(i);
        view.updateDocument(postPath, post(typed, typedMath));
        if (!waitFor([&] { return landed > before; }, 30000)) {
            std::fprintf(stderr, "update %d never landed\n", i);
            return 1;
        }
        // The user keeps reading before the next pause.
        QEventLoop idle;
        QTimer::singleShot(50, &idle, &QEventLoop::quit);
        idle.exec();
    }

    std::printf("preview latency, 2,000-line post with %d formulas (MathJax 3), %d updates, machine load %s\n", formulas,
                iterations, qPrintable(loadAverage()));
    std::printf("  pause (editor debounce for this size)         %6d ms\n", pause);
    std::printf("  target: pause end -> first frame with the change, p95 <= 50 ms; %d chars sent at most (%d the first time)\n",
                sentMax, sentFirst);
    prose.print("words typed into prose (the paragraph's formulas are reused)");
    math.print("a term typed into a formula (MathJax typesets it before it shows)");
    std::printf("  floor: attribute change -> frame (page)   p50 %6.1f ms  p95 %6.1f ms; script round trip p50 %.1f ms p95 %.1f ms\n",
                percentile(floorFrames, 0.5), percentile(floorFrames, 0.95), percentile(roundTrips, 0.5),
                percentile(roundTrips, 0.95));
    std::printf("  cold start: preview made and site built %.0f ms, first paint %.0f ms (target <= 1500), loaded %.0f ms,\n"
                "              MathJax started (every formula found, placeholders in) %.0f ms,\n"
                "              math in view typeset %.0f ms (%d of %d formulas typeset then; the others as they are scrolled to)\n",
                siteLoaded, firstPaint, loadFinished, mathStarted, visibleMath, typesetNow, formulas);
    return 0;
}
