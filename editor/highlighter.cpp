#include "highlighter.h"

#include <QRegularExpression>

namespace folio::editor {

Highlighter::Highlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_frontMatter.setForeground(QColor(0x6a, 0x73, 0x7d));
    m_heading.setForeground(QColor(0x1f, 0x5f, 0xa8));
    m_heading.setFontWeight(QFont::Bold);
    m_emphasis.setFontItalic(true);
    m_code.setForeground(QColor(0x8a, 0x3b, 0x12));
    m_code.setFontFamilies({QStringLiteral("monospace")});
    m_math.setForeground(QColor(0x6f, 0x42, 0xc1));
    m_liquid.setForeground(QColor(0x0b, 0x7a, 0x52));
    m_link.setForeground(QColor(0x1f, 0x5f, 0xa8));
    m_link.setFontUnderline(true);
    m_quote.setForeground(QColor(0x55, 0x5d, 0x66));
}

void Highlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState() < 0 ? (currentBlock().blockNumber() == 0 ? FrontMatterStart : Normal)
                                                  : previousBlockState();
    const QString trimmed = text.trimmed();

    // Front matter: from a first line `---` to the next `---` or `...`.
    if (previous == FrontMatterStart && currentBlock().blockNumber() == 0 && trimmed == QLatin1String("---")) {
        setFormat(0, int(text.size()), m_frontMatter);
        setCurrentBlockState(FrontMatter);
        return;
    }
    if (previous == FrontMatter) {
        setFormat(0, int(text.size()), m_frontMatter);
        setCurrentBlockState(trimmed == QLatin1String("---") || trimmed == QLatin1String("...") ? Normal : FrontMatter);
        return;
    }
    // Fenced code and display math spanning lines.
    if (previous == FencedCode) {
        setFormat(0, int(text.size()), m_code);
        setCurrentBlockState(trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~")) ? Normal : FencedCode);
        return;
    }
    if (previous == DisplayMath) {
        setFormat(0, int(text.size()), m_math);
        setCurrentBlockState(trimmed.contains(QLatin1String("$$")) || trimmed.contains(QLatin1String("\\]")) ? Normal : DisplayMath);
        return;
    }
    setCurrentBlockState(Normal);
    if (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))) {
        setFormat(0, int(text.size()), m_code);
        setCurrentBlockState(FencedCode);
        return;
    }
    if ((trimmed == QLatin1String("$$") || trimmed == QLatin1String("\\[")) ||
        (trimmed.startsWith(QLatin1String("$$")) && trimmed.count(QLatin1String("$$")) == 1)) {
        setFormat(0, int(text.size()), m_math);
        setCurrentBlockState(DisplayMath);
        return;
    }
    if (trimmed.startsWith(QLatin1Char('#')))
        setFormat(0, int(text.size()), m_heading);
    else if (trimmed.startsWith(QLatin1Char('>')))
        setFormat(0, int(text.size()), m_quote);

    struct Rule {
        QRegularExpression pattern;
        const QTextCharFormat *format;
    };
    static const QRegularExpression emphasis(QStringLiteral(R"((\*\*?|__?)(?=\S)(.+?)(?<=\S)\1)"));
    static const QRegularExpression link(QStringLiteral(R"(!?\[[^\]]*\]\([^)]*\))"));
    static const QRegularExpression code(QStringLiteral("`[^`]+`"));
    static const QRegularExpression math(QStringLiteral(R"(\$\$.+?\$\$|\$(?=\S)[^$]+?(?<=\S)\$(?!\d)|\\\(.+?\\\)|\\\[.+?\\\])"));
    static const QRegularExpression liquid(QStringLiteral(R"(\{\{.*?\}\}|\{%.*?%\})"));
    // Later rules win: math and Liquid are shown as what they are even
    // inside emphasis markers.
    const Rule rules[] = {{emphasis, &m_emphasis}, {link, &m_link}, {code, &m_code}, {math, &m_math}, {liquid, &m_liquid}};
    for (const Rule &rule : rules)
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), *rule.format);
        }
}

} // namespace folio::editor
