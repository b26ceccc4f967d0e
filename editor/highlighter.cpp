#include "highlighter.h"

#include "site/markdown/prepass.h"

#include <QPalette>
#include <QRegularExpression>
#include <QTextDocument>

#include <algorithm>

namespace folio::editor {

namespace {

// Lines scanned on each side of a line for the paragraph's math: enough for
// any real paragraph, and a bound on the work per keystroke in one that is not.
constexpr int kParagraphWindow = 40;

bool isBlank(const QString &text)
{
    for (QChar c : text)
        if (!c.isSpace())
            return false;
    return true;
}

// A code fence opening line (CommonMark/kramdown): up to three spaces, three
// or more ` or ~; a backtick fence's info string holds no backtick.
bool fenceOf(const QString &text, QChar *fenceChar, int *fenceLength)
{
    int i = 0;
    while (i < text.size() && i < 3 && text[i] == QLatin1Char(' '))
        ++i;
    if (i >= text.size() || (text[i] != QLatin1Char('`') && text[i] != QLatin1Char('~')))
        return false;
    const QChar c = text[i];
    int j = i;
    while (j < text.size() && text[j] == c)
        ++j;
    if (j - i < 3 || (c == QLatin1Char('`') && text.indexOf(c, j) >= 0))
        return false;
    *fenceChar = c;
    *fenceLength = j - i;
    return true;
}

bool closesFence(const QString &text, QChar fenceChar, int fenceLength)
{
    int i = 0;
    while (i < text.size() && text[i] == QLatin1Char(' '))
        ++i;
    int j = i;
    while (j < text.size() && text[j] == fenceChar)
        ++j;
    return j - i >= fenceLength && isBlank(text.mid(j));
}

int fencedState(QChar fenceChar, int fenceLength)
{
    return 2 /*FencedCode*/ | (fenceChar == QLatin1Char('~') ? 1 << 4 : 0) | (qMin(fenceLength, 1000) << 5);
}

bool isFrontMatterDelimiter(const QString &text, bool closing)
{
    static const QRegularExpression open(QStringLiteral("^---\\s*$"));
    static const QRegularExpression close(QStringLiteral("^(---|\\.\\.\\.)\\s*$"));
    return (closing ? close : open).match(text).hasMatch();
}

// UTF-16 index of each UTF-8 byte offset of `text` (one entry per byte, plus
// the end), to map the engine's byte ranges back onto the block.
std::vector<int> utf16Offsets(const QString &text, int utf8Size)
{
    std::vector<int> map;
    map.reserve(size_t(utf8Size) + 1);
    for (int i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        int bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            for (int b = 0; b < 4; ++b)
                map.push_back(i);
            ++i;
            continue;
        }
        for (int b = 0; b < bytes; ++b)
            map.push_back(i);
    }
    map.push_back(int(text.size()));
    return map;
}

// The math spans of a paragraph as the engine finds them (same rules: code
// skipped, pandoc's single-$ rule, \(…\), \[…\], \begin…\end), in UTF-16
// offsets. The engine replaces each span by a placeholder; walking its output
// against the input recovers where each span was.
QList<Highlighter::Range> engineMathSpans(const QString &paragraph)
{
    namespace md = site::markdown::detail;
    const QByteArray utf8 = paragraph.toUtf8();
    const std::string_view input(utf8.constData(), size_t(utf8.size()));
    md::Extracted extracted;
    const std::string output = md::extractMath(input, site::markdown::Options{}, extracted);
    if (extracted.math.empty())
        return {};

    std::string open, close;
    md::appendUtf8(open, md::kMathOpen);
    md::appendUtf8(close, md::kMathClose);
    const auto map = utf16Offsets(paragraph, int(utf8.size()));
    QList<Highlighter::Range> spans;
    size_t in = 0, out = 0;
    while (out < output.size() && in <= input.size()) {
        if (output.compare(out, open.size(), open) != 0) {
            ++out;
            ++in;
            continue;
        }
        const size_t end = output.find(close, out);
        if (end == std::string::npos)
            break;
        const size_t index = std::stoul(output.substr(out + open.size(), end - out - open.size()));
        out = end + close.size();
        if (index >= extracted.math.size())
            break;
        const std::string &original = extracted.math[index].original;
        // `\$$…$$` drops its backslash: the span starts one byte later.
        if (input.compare(in, original.size(), original) != 0 && in + 1 <= input.size()
            && input.compare(in + 1, original.size(), original) == 0)
            ++in;
        const int from = map[std::min(in, input.size())];
        const int to = map[std::min(in + original.size(), input.size())];
        spans.append({from, to - from});
        in += original.size();
    }
    return spans;
}

} // namespace

// Per-block record of the runs the spell checker must skip.
class Highlighter::BlockData final : public QTextBlockUserData
{
public:
    QList<Range> skips;
    bool whole = false;
};

Highlighter::Highlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    applyPalette(false);
    m_noteChange = connect(document, &QTextDocument::contentsChange, this, &Highlighter::noteChange);
}

// ~QSyntaxHighlighter detaches from the document, clearing every block's
// formats, and the document reports that as contentsChange: by then this
// class's part is destroyed, and noteChange would run on what is left of it
// (UBSan: "downcast ... which does not point to an object of type
// Highlighter"; a use-after-destroy when the editor closes).
Highlighter::~Highlighter()
{
    disconnect(m_noteChange);
}

void Highlighter::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (dark == m_dark)
        return;
    applyPalette(dark);
    rehighlight();
}

// Two sets of colours, each with enough contrast on its background (WCAG AA
// for body-size text against white / against #1e1e1e).
void Highlighter::applyPalette(bool dark)
{
    m_dark = dark;
    auto colour = [dark](QRgb light, QRgb onDark) { return QColor::fromRgb(dark ? onDark : light); };
    for (auto &f : m_formats)
        f = QTextCharFormat();
    auto &fm = m_formats;
    fm[size_t(Kind::FrontMatterDelimiter)].setForeground(colour(0x6a737d, 0x9da5b4));
    fm[size_t(Kind::YamlKey)].setForeground(colour(0x7a3e9d, 0xd19af0));
    fm[size_t(Kind::YamlKey)].setFontWeight(QFont::DemiBold);
    fm[size_t(Kind::YamlValue)].setForeground(colour(0x22607a, 0x8fd0e8));
    fm[size_t(Kind::YamlComment)].setForeground(colour(0x6a737d, 0x9da5b4));
    fm[size_t(Kind::YamlComment)].setFontItalic(true);
    fm[size_t(Kind::Heading)].setForeground(colour(0x1f5fa8, 0x79b8ff));
    fm[size_t(Kind::Heading)].setFontWeight(QFont::Bold);
    fm[size_t(Kind::Emphasis)].setFontItalic(true);
    fm[size_t(Kind::Strong)].setFontWeight(QFont::Bold);
    fm[size_t(Kind::Code)].setForeground(colour(0x8a3b12, 0xf0a070));
    fm[size_t(Kind::Code)].setFontFamilies({QStringLiteral("monospace")});
    fm[size_t(Kind::Math)].setForeground(colour(0x6f42c1, 0xb392f0));
    fm[size_t(Kind::Liquid)].setForeground(colour(0x0b7a52, 0x56d39b));
    fm[size_t(Kind::Link)].setForeground(colour(0x1f5fa8, 0x79b8ff));
    fm[size_t(Kind::Url)].setForeground(colour(0x4d6a88, 0x9cb4cc));
    fm[size_t(Kind::Url)].setFontUnderline(true);
    fm[size_t(Kind::ListMarker)].setForeground(colour(0xb3461d, 0xffab70));
    fm[size_t(Kind::ListMarker)].setFontWeight(QFont::Bold);
    fm[size_t(Kind::Quote)].setForeground(colour(0x55606b, 0xa8b1bb));
    fm[size_t(Kind::HtmlTag)].setForeground(colour(0x996800, 0xe3c16f));
}

QList<Highlighter::Range> Highlighter::nonProse(const QTextBlock &block)
{
    const auto *data = dynamic_cast<const BlockData *>(block.userData());
    return data ? data->skips : QList<Range>{};
}

bool Highlighter::wholeBlockSkipped(const QTextBlock &block)
{
    const auto *data = dynamic_cast<const BlockData *>(block.userData());
    return data && data->whole;
}

void Highlighter::mark(int start, int length, Kind kind, bool prose)
{
    if (length <= 0)
        return;
    // Emphasis and strong combine with what they cover (bold inside a link).
    if (kind == Kind::Emphasis || kind == Kind::Strong) {
        for (int i = start; i < start + length; ++i) {
            QTextCharFormat f = QSyntaxHighlighter::format(i);
            f.merge(m_formats[size_t(kind)]);
            setFormat(i, 1, f);
        }
    } else {
        setFormat(start, length, m_formats[size_t(kind)]);
    }
    if (!prose)
        m_skips.append({start, length});
}

void Highlighter::highlightBlock(const QString &text)
{
    m_skips.clear();
    m_wholeSkipped = false;
    const int previous = previousBlockState() < 0 ? Normal : previousBlockState();

    if (!highlightRegionLine(text, previous) && !startRegion(text, previous)) {
        setCurrentBlockState(Normal);
        highlightMarkdownLine(text);
        highlightInlineMath(text);
    }

    auto *data = dynamic_cast<BlockData *>(currentBlockUserData());
    if (!data) {
        data = new BlockData;
        setCurrentBlockUserData(data);
    }
    data->skips = m_skips;
    data->whole = m_wholeSkipped;
}

// A line inside front matter, fenced code or display math: coloured whole,
// and the state says whether the region goes on.
bool Highlighter::highlightRegionLine(const QString &text, int previous)
{
    const int kind = previous & 0xf;
    const int length = int(text.size());
    if (kind == FrontMatter) {
        if (isFrontMatterDelimiter(text, true)) {
            mark(0, length, Kind::FrontMatterDelimiter);
            setCurrentBlockState(FrontMatterEnd);
        } else {
            highlightYaml(text);
            setCurrentBlockState(FrontMatter);
        }
        return true;
    }
    if (kind == FencedCode) {
        const QChar fenceChar = (previous >> 4) & 1 ? QLatin1Char('~') : QLatin1Char('`');
        const int fenceLength = previous >> 5;
        mark(0, length, Kind::Code);
        m_wholeSkipped = true;
        setCurrentBlockState(closesFence(text, fenceChar, fenceLength) ? RegionEnd : previous);
        return true;
    }
    if (kind == DisplayMath) {
        const int close = int(text.indexOf(QLatin1String("$$")));
        if (close < 0) {
            mark(0, length, Kind::Math);
            m_wholeSkipped = true;
            setCurrentBlockState(DisplayMath);
            return true;
        }
        mark(0, close + 2, Kind::Math);
        setCurrentBlockState(RegionEnd);
        return true;
    }
    return false;
}

// A line that opens front matter (the document's first line), fenced code, or
// kramdown block math: `$$` at the start of a block with no closing `$$` on
// the line, which may then span blank lines (the engine's rule).
bool Highlighter::startRegion(const QString &text, int previous)
{
    const QTextBlock block = currentBlock();
    const int length = int(text.size());
    if (block.blockNumber() == 0 && isFrontMatterDelimiter(text, false)) {
        mark(0, length, Kind::FrontMatterDelimiter);
        setCurrentBlockState(FrontMatter);
        return true;
    }
    QChar fenceChar;
    int fenceLength = 0;
    if (fenceOf(text, &fenceChar, &fenceLength)) {
        mark(0, length, Kind::Code);
        m_wholeSkipped = true;
        setCurrentBlockState(fencedState(fenceChar, fenceLength));
        return true;
    }
    const QString trimmed = text.trimmed();
    const bool atBlockStart = !block.previous().isValid() || previous == FrontMatterEnd || isBlank(block.previous().text());
    if (atBlockStart && trimmed.startsWith(QLatin1String("$$")) && trimmed.indexOf(QLatin1String("$$"), 2) < 0
        && text.indexOf(QLatin1String("$$")) <= 3) {
        mark(0, length, Kind::Math);
        m_wholeSkipped = true;
        setCurrentBlockState(DisplayMath);
        return true;
    }
    return false;
}

void Highlighter::highlightYaml(const QString &text)
{
    // A comment starts at a '#' at the line start or after whitespace, outside quotes.
    int comment = -1;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace())) {
            comment = i;
            break;
        }
    }
    const QString content = comment < 0 ? text : text.left(comment);
    static const QRegularExpression key(QStringLiteral(R"(^(\s*(?:-\s+)?)([^\s#:'"][^:]*?|"[^"]*"|'[^']*')\s*:(?=\s|$))"));
    const auto m = key.match(content);
    int valueStart = 0;
    if (m.hasMatch()) {
        mark(int(m.capturedStart(2)), int(m.capturedLength(2)), Kind::YamlKey);
        valueStart = int(m.capturedEnd(0));
    } else {
        static const QRegularExpression item(QStringLiteral(R"(^\s*-\s+)"));
        const auto mi = item.match(content);
        if (mi.hasMatch())
            valueStart = int(mi.capturedEnd(0));
    }
    // Values are prose (titles, excerpts), except URLs and paths.
    const QString value = content.mid(valueStart);
    if (!isBlank(value)) {
        static const QRegularExpression pathLike(QStringLiteral(R"(^\s*["']?(?:[a-z][a-z0-9+.-]*:|/|\.{0,2}/|www\.)\S*["']?\s*$)"),
                                                 QRegularExpression::CaseInsensitiveOption);
        mark(valueStart, int(value.size()), Kind::YamlValue, !pathLike.match(value).hasMatch());
    }
    if (comment >= 0)
        mark(comment, int(text.size()) - comment, Kind::YamlComment, true);
}

void Highlighter::highlightMarkdownLine(const QString &text)
{
    struct Rule {
        const QRegularExpression &pattern;
        int group; // the captured group coloured
        Kind kind;
        bool prose;
    };
    static const QRegularExpression heading(QStringLiteral(R"(^ {0,3}#{1,6}(?=\s|$).*$)"));
    static const QRegularExpression setext(QStringLiteral(R"(^ {0,3}(?:=+|-{2,})\s*$)"));
    static const QRegularExpression quote(QStringLiteral(R"(^ {0,3}>.*$)"));
    static const QRegularExpression listMarker(QStringLiteral(R"(^\s*([-*+]|\d{1,9}[.)])(?=\s))"));
    static const QRegularExpression strong(QStringLiteral(R"((\*\*|__)(?=\S)(.+?)(?<=\S)\1)"));
    static const QRegularExpression emphasis(QStringLiteral(R"((?<![*\w\\])([*_])(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?![*\w]))"));
    static const QRegularExpression linkText(QStringLiteral(R"(!?\[([^\]]*)\](?=[(\[]))"));
    static const QRegularExpression linkTarget(QStringLiteral(R"((?<=\])(\([^)\s]*(?:\s+"[^"]*")?\)|\[[^\]]*\]))"));
    static const QRegularExpression refDefinition(QStringLiteral(R"(^ {0,3}\[[^\]]+\]:\s*\S+.*$)"));
    static const QRegularExpression url(QStringLiteral(R"(<(?:https?|ftp|mailto):[^>\s]+>|\b(?:https?|ftp)://[^\s<>()\[\]"']+|\bwww\.[^\s<>()\[\]"']+)"));
    static const QRegularExpression htmlTag(QStringLiteral(R"(</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>|<!--.*?(?:-->|$))"));
    static const QRegularExpression ial(QStringLiteral(R"(\{:[^}]*\}|\{#[\w-]+\})"));
    static const QRegularExpression codeSpan(QStringLiteral(R"((`+)(?!`).*?(?<!`)\1(?!`))"));
    static const QRegularExpression liquid(QStringLiteral(R"(\{\{.*?(?:\}\}|$)|\{%.*?(?:%\}|$))"));

    // Later rules win where runs overlap: code shows as code even inside
    // emphasis, Liquid as Liquid everywhere (it runs before Markdown).
    const Rule rules[] = {
        {heading, 0, Kind::Heading, true},
        {setext, 0, Kind::Heading, false},
        {quote, 0, Kind::Quote, true},
        {listMarker, 1, Kind::ListMarker, false},
        {linkText, 1, Kind::Link, true},
        {linkTarget, 1, Kind::Url, false},
        {refDefinition, 0, Kind::Url, false},
        {strong, 0, Kind::Strong, true},
        {emphasis, 0, Kind::Emphasis, true},
        {url, 0, Kind::Url, false},
        {htmlTag, 0, Kind::HtmlTag, false},
        {ial, 0, Kind::HtmlTag, false},
        {codeSpan, 0, Kind::Code, false},
        {liquid, 0, Kind::Liquid, false},
    };
    for (const Rule &rule : rules) {
        // Cheap pre-checks keep long plain lines fast.
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            mark(int(m.capturedStart(rule.group)), int(m.capturedLength(rule.group)), rule.kind, rule.prose);
        }
    }
}

void Highlighter::highlightInlineMath(const QString &text)
{
    if (isBlank(text))
        return;
    int offset = 0;
    const QList<Range> spans = paragraphMath(currentBlock(), &offset);
    const int length = int(text.size());
    for (const Range &span : spans) {
        const int from = qMax(span.start, offset), to = qMin(span.start + span.length, offset + length);
        if (to > from)
            mark(from - offset, to - from, Kind::Math);
    }
}

// The engine's math spans of the paragraph holding `block` (consecutive
// non-blank lines outside fenced code and display math, at most
// kParagraphWindow lines each way), in paragraph offsets.
QList<Highlighter::Range> Highlighter::paragraphMath(const QTextBlock &block, int *offsetInParagraph)
{
    QTextBlock first = block;
    for (int n = 0; n < kParagraphWindow; ++n) {
        const QTextBlock prev = first.previous();
        if (!prev.isValid() || prev.userState() != Normal || isBlank(prev.text()))
            break;
        first = prev;
    }
    QString paragraph;
    for (QTextBlock b = first; b != block; b = b.next())
        paragraph += b.text() + QLatin1Char('\n');
    *offsetInParagraph = int(paragraph.size());
    paragraph += block.text();
    QTextBlock last = block;
    for (int n = 0; n < kParagraphWindow; ++n) {
        const QTextBlock next = last.next();
        QChar fenceChar;
        int fenceLength;
        if (!next.isValid() || isBlank(next.text()) || fenceOf(next.text(), &fenceChar, &fenceLength))
            break;
        paragraph += QLatin1Char('\n') + next.text();
        last = next;
    }
    if (paragraph == m_paragraphText)
        return m_paragraphMath;
    m_paragraphText = paragraph;
    m_paragraphMath.clear();
    if (paragraph.contains(QLatin1Char('$')) || paragraph.contains(QLatin1Char('\\')))
        m_paragraphMath = engineMathSpans(paragraph);
    return m_paragraphMath;
}

// After an edit, the other lines of the edited paragraph may change too
// (typing a closing `$` turns the line above into math): they are
// re-highlighted, which QSyntaxHighlighter alone does only for lines below
// whose state changed. Not from inside the signal: the highlighter itself
// emits contentsChange while it applies formats, and highlighting again from
// there would cut its pass short. So the range is noted and done as soon as
// the event loop runs (before the next paint).
void Highlighter::noteChange(int position, int removed, int added)
{
    if (m_refreshing)
        return;
    const int end = position + qMax(qMax(added, removed), 0);
    if (m_pendingFrom < 0) {
        m_pendingFrom = position;
        m_pendingTo = end;
        QMetaObject::invokeMethod(this, &Highlighter::refreshParagraphs, Qt::QueuedConnection);
    } else {
        m_pendingFrom = qMin(m_pendingFrom, position);
        m_pendingTo = qMax(m_pendingTo, end);
    }
}

void Highlighter::refreshParagraphs()
{
    QTextDocument *doc = document();
    const int from = m_pendingFrom, to = m_pendingTo;
    m_pendingFrom = m_pendingTo = -1;
    if (!doc || from < 0)
        return;
    const QTextBlock changedFirst = doc->findBlock(from);
    QTextBlock changedLast = doc->findBlock(to);
    if (!changedFirst.isValid())
        return;
    if (!changedLast.isValid())
        changedLast = doc->lastBlock();
    if (changedLast.blockNumber() - changedFirst.blockNumber() > 2 * kParagraphWindow)
        return; // a change that large was highlighted whole already
    m_refreshing = true;
    QTextBlock b = changedFirst;
    for (int n = 0; n < kParagraphWindow && b.previous().isValid() && b.previous().userState() == Normal
                    && !isBlank(b.previous().text());
         ++n)
        b = b.previous();
    for (; b.isValid() && b != changedFirst; b = b.next())
        rehighlightBlock(b);
    b = changedLast.next();
    for (int n = 0; n < kParagraphWindow && b.isValid() && !isBlank(b.text()) && b.userState() == Normal; ++n, b = b.next())
        rehighlightBlock(b);
    m_refreshing = false;
}

} // namespace folio::editor
