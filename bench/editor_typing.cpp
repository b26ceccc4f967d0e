// bench/editor_typing: how long the Markdown editor takes to handle a
// keystroke on a 1 MB Markdown+math document with highlighting and spell
// check on. Each keystroke is timed from the key press to the repainted
// viewport (the highlighter's work, the paragraph refresh it queues, layout
// and paint); the spell/match pass that runs after a typing pause is timed
// apart, as are opening the document and the worst case of typing a code fence
// (every line below changes colour).
//
// Run: build with -DFOLIO_BUILD_BENCH=ON, then
//   QT_QPA_PLATFORM=offscreen build/bench/editor_typing [keys]
#include "editor/markdowneditor.h"
#include "editor/spellchecker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>
#include <cstdio>
#include <vector>

using folio::editor::MarkdownEditor;

namespace {

// One section of an academic post: prose with inline math, prices that are
// not math, display math, a list, a link, Liquid, a code fence, a typo.
QString section(int n)
{
    return QStringLiteral(
               "## Section %1: normalizing flows\n\n"
               "A flow maps a simple density $\\pi(z)$ through an invertible $G$, so that\n"
               "$p_G(x_i) = \\pi(z_i) \\, |\\det J_{G^{-1}}|$ for every sample. It costs $5 and $10\n"
               "to run, see [the paper](https://example.org/flows/%1) and {{ site.data.refs[%1] }}.\n"
               "Some wrods are misspelt on purpose, and \\(\\alpha_k\\) stays math.\n\n"
               "$$\n\\log p(x) = \\log \\pi(z) + \\sum_{k=1}^{K} \\log \\left| \\det \\frac{\\partial G_k^{-1}}{\\partial x} \\right|\n$$\n\n"
               "- first point with *emphasis* and **strong** text\n"
               "- second point with `inline code` and a {% include note.html %}\n"
               "> A quotation about \\[ \\int f \\, d\\mu \\] in a block quote.\n\n"
               "```python\n"
               "def log_prob(x, flows, base):\n"
               "    return sum(f.log_det(x) for f in flows) + base.log_prob(x)\n"
               "```\n\n"
               "\\begin{align}\n a &= b + c \\\\\n d &= e\n\\end{align}\n\n")
        .arg(n);
}

QString document(int bytes)
{
    QString text = QStringLiteral("---\ntitle: \"A long post\"\ntags: [flows, notes]\n---\n\n");
    for (int n = 1; text.size() < bytes; ++n)
        text += section(n);
    return text;
}

struct Stats {
    double p50, p95, max;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size())))]; };
    return {at(0.5), at(0.95), v.back()};
}

void report(const char *what, const std::vector<double> &samples)
{
    const Stats s = stats(samples);
    std::printf("%-44s n=%-4zu p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", what, samples.size(), s.p50, s.p95, s.max);
}

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

void key(QWidget *w, int k, const QString &text)
{
    QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier, text);
    QKeyEvent release(QEvent::KeyRelease, k, Qt::NoModifier, text);
    QApplication::sendEvent(w, &press);
    QApplication::sendEvent(w, &release);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int keys = argc > 1 ? std::max(50, std::atoi(argv[1])) : 400;
    const QString text = document(1024 * 1024);

    MarkdownEditor editor;
    editor.resize(1000, 800);
    editor.show();
    editor.setSpellLanguage(QStringLiteral("en-US"));
    std::printf("document: %lld characters, %d lines; spell check: %s\n", qlonglong(text.size()),
                int(text.count(QLatin1Char('\n'))) + 1,
                editor.spellChecker()->isAvailable() ? qPrintable(editor.spellChecker()->language()) : "no dictionary");

    QElapsedTimer t;
    t.start();
    editor.setPlainText(text);
    QApplication::processEvents();
    std::printf("open (set text + highlight all + first layout): %.0f ms\n", msSince(t));

    // Type in paragraphs spread over the document: each burst scrolls to a
    // prose line and types words, spaces, `$` and backspaces there.
    const QString typed = QStringLiteral("the map $x$ is ");
    std::vector<double> keystrokes, handling, marks;
    QRandomGenerator random(42);
    const int bursts = 8;
    for (int b = 0; b < bursts; ++b) {
        const int line = 5 + int(random.bounded(editor.document()->blockCount() - 10));
        QTextBlock block = editor.document()->findBlockByNumber(line);
        while (block.isValid() && !block.text().startsWith(QStringLiteral("A flow maps")))
            block = block.next();
        if (!block.isValid())
            block = editor.document()->findBlockByNumber(7);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor.setTextCursor(cursor);
        editor.centerCursor();
        QApplication::processEvents();
        editor.refreshVisibleMarks();
        for (int i = 0; i < keys / bursts; ++i) {
            const QChar c = typed[i % typed.size()];
            t.restart();
            if (i % 17 == 16)
                key(editor.viewport(), Qt::Key_Backspace, QString());
            else
                key(editor.viewport(), c == QLatin1Char(' ') ? Qt::Key_Space : Qt::Key_A, QString(c));
            QApplication::processEvents(); // the queued paragraph refresh
            handling.push_back(msSince(t));
            editor.viewport()->repaint();  // the frame that shows the key
            keystrokes.push_back(msSince(t));
        }
        // The pause: spelling and match marks of the visible lines.
        t.restart();
        editor.refreshVisibleMarks();
        editor.viewport()->repaint();
        marks.push_back(msSince(t));
    }
    report("keystroke handled (edit, highlight, layout)", handling);
    report("keystroke -> repainted frame", keystrokes);
    report("after the pause: spell marks of visible lines", marks);
    std::printf("misspelt words marked on screen at the end: %d\n", int(editor.misspeltRanges().size()));

    // Worst case: opening a fence turns every following line into code
    // (QSyntaxHighlighter re-highlights until the states agree again).
    std::vector<double> fence;
    for (int i = 0; i < 3; ++i) {
        QTextCursor cursor(editor.document()->findBlockByNumber(6));
        editor.setTextCursor(cursor);
        t.restart();
        editor.textCursor().insertText(QStringLiteral("```\n"));
        QApplication::processEvents();
        editor.viewport()->repaint();
        fence.push_back(msSince(t));
        editor.undo();
        QApplication::processEvents();
    }
    report("typing a fence opener at the top (worst case)", fence);
    return 0;
}
