// Preview latency on a 2,000-line post with math (issue 3, "How it is shown"):
// from the end of a typing pause to the first frame showing the change, with
// the engine's render and MathJax's re-typesetting reported apart; the pause
// itself; and cold start (process start to the post's first painted preview,
// then to its math typeset).
//
// Built with -DFOLIO_BUILD_BENCH=ON -DFOLIO_BUILD_GUI=ON as `preview_latency`;
// run under a display (xvfb-run -a bench/preview_latency). Arguments:
// [iterations] (default 40).
#include "editor/markdowneditor.h"
#include "preview/previewsite.h"
#include "preview/previewview.h"
#include "preview/schemehandler.h"

#include <QApplication>
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

QString paragraph(int i, const QString &extra = {})
{
    return QStringLiteral("Paragraph %1%2 with inline math $x_{%1} = \\alpha_{%1} + \\beta^{2}$ and some words\n"
                          "continuing the sentence on a second line, with $\\int_0^{%1} t\\,dt$.\n")
        .arg(i)
        .arg(extra);
}

// The post, with the words typed so far into some of its paragraphs.
QString post(const QMap<int, QString> &typed = {})
{
    QString text = QStringLiteral("---\ntitle: \"Latency\"\n---\n");
    for (int i = 0; i < kBlocks; ++i) {
        text += paragraph(i, typed.value(i));
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

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer processClock;
    processClock.start();
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
    PreviewSite previewSite;
    if (auto loaded = previewSite.load(site); !loaded) {
        std::fprintf(stderr, "cannot load %s: %s\n", qPrintable(site), qPrintable(loaded.error()));
        return 1;
    }
    const double siteLoaded = processClock.nsecsElapsed() / 1e6;
    PreviewView view(previewSite);
    view.resize(900, 800);
    view.show();
    view.showDocument(postPath);
    if (!waitFor([&] { return view.isLoaded(); }, 60000)) {
        std::fprintf(stderr, "the preview did not load\n");
        return 1;
    }
    evaluate(view, QStringLiteral("document.readyState")); // one round trip to the page
    const double firstPaint = processClock.nsecsElapsed() / 1e6;
    const QString mathDone = QStringLiteral(
        "(function(){var m=window.MathJax;if(!m||!m.startup||!m.startup.promise||!m.typesetPromise)return false;"
        "if(!window.__t){window.__t=1;m.startup.promise.then(function(){window.__t=2;});}return window.__t===2;})()");
    if (!waitFor([&] { return evaluate(view, mathDone).toBool(); }, 120000)) {
        std::fprintf(stderr, "MathJax did not finish (is MathJax 3 vendored? scripts/install-deps.sh)\n");
        return 1;
    }
    const double firstMath = processClock.nsecsElapsed() / 1e6;
    const int formulas = evaluate(view, QStringLiteral("document.querySelectorAll('mjx-container').length")).toInt();

    // The pause the editor waits before asking for a preview of this text.
    folio::editor::MarkdownEditor editor;
    editor.setPlainText(post());
    const int pause = editor.pauseInterval();

    std::vector<double> frames, renders, typesets, patches, paints;
    int changed = 0;
    QObject::connect(&view, &PreviewView::updated, [&](const UpdateTiming &t) {
        frames.push_back(t.frame);
        renders.push_back(t.render);
        typesets.push_back(t.typeset);
        patches.push_back(t.patch);
        paints.push_back(t.paint);
        changed = std::max(changed, t.changedBlocks);
    });
    QMap<int, QString> typed;
    for (int i = 0; i < iterations; ++i) {
        const size_t before = frames.size();
        // A word typed into a paragraph somewhere in the post; the words of
        // earlier pauses stay.
        typed[(i * 37) % kBlocks] += QStringLiteral(" edit%1").arg(i);
        view.updateDocument(postPath, post(typed));
        if (!waitFor([&] { return frames.size() > before; }, 30000)) {
            std::fprintf(stderr, "update %d never landed\n", i);
            return 1;
        }
        // The user keeps reading before the next pause.
        QEventLoop idle;
        QTimer::singleShot(50, &idle, &QEventLoop::quit);
        idle.exec();
    }

    std::printf("preview latency, 2,000-line post with %d formulas (MathJax 3), %d updates\n", formulas, iterations);
    std::printf("  pause (editor debounce for this size)         %6d ms\n", pause);
    std::printf("  pause end -> first frame with the change  p50 %6.1f ms  p95 %6.1f ms  (target p95 <= 50)\n",
                percentile(frames, 0.5), percentile(frames, 0.95));
    std::printf("    of which engine render                  p50 %6.1f ms  p95 %6.1f ms\n", percentile(renders, 0.5),
                percentile(renders, 0.95));
    std::printf("    of which page patch (parse + diff)      p50 %6.1f ms  p95 %6.1f ms\n", percentile(patches, 0.5),
                percentile(patches, 0.95));
    std::printf("    of which patch start -> frame (page)    p50 %6.1f ms  p95 %6.1f ms\n", percentile(paints, 0.5),
                percentile(paints, 0.95));
    std::printf("  MathJax re-typeset after that frame       p50 %6.1f ms  p95 %6.1f ms  (changed blocks <= %d)\n",
                percentile(typesets, 0.5), percentile(typesets, 0.95), changed);
    std::printf("  cold start: site built %.0f ms, first preview loaded %.0f ms (target <= 1500), math typeset %.0f ms\n",
                siteLoaded, firstPaint, firstMath);
    return 0;
}
