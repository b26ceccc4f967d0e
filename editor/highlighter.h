// Colours what an academic post is made of: front matter (YAML keys, values,
// comments), Markdown structure, Liquid tags and output, math spans, code.
//
// Incremental per block, as QSyntaxHighlighter is: each line is coloured from
// its own text, the state the previous line left (front matter, fenced code,
// display math) and, for inline math only, the paragraph around it, since
// whether `$` opens math depends on the rest of the paragraph (pandoc's rule,
// the one the engine's math protection applies: site/markdown's extractMath is
// run on the paragraph, so the editor and the page agree on what is math).
//
// Each block also records the ranges that are not prose (math, code, Liquid,
// URLs, HTML tags, YAML keys) for the spell checker.
#pragma once

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextBlockUserData>
#include <QTextCharFormat>

#include <array>

class QPalette;

namespace folio::editor {

class Highlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    // What a run of characters is; each has its own format.
    enum class Kind {
        FrontMatterDelimiter,
        YamlKey,
        YamlValue,
        YamlComment,
        Heading,
        Emphasis,
        Strong,
        Code,      // code spans and fenced/indented code
        Math,
        Liquid,
        Link,      // link text and reference labels
        Url,       // link targets, autolinks, bare URLs
        ListMarker,
        Quote,
        HtmlTag,
        Count
    };

    // A run of a block's text: [start, start + length).
    struct Range {
        int start = 0;
        int length = 0;
        friend bool operator==(const Range &, const Range &) = default;
    };

    explicit Highlighter(QTextDocument *document);
    ~Highlighter() override;

    // Colours for a light or a dark background (chosen from the palette's
    // base colour); re-highlights when they change.
    void setPalette(const QPalette &palette);
    bool darkColours() const { return m_dark; }
    QTextCharFormat format(Kind kind) const { return m_formats[size_t(kind)]; }

    // The runs of `block` that are not prose (the spell checker skips them).
    // Empty for a block not highlighted yet.
    static QList<Range> nonProse(const QTextBlock &block);
    // Whether the whole block is code, math or front matter.
    static bool wholeBlockSkipped(const QTextBlock &block);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Block states carried from line to line (the low 4 bits; fenced code keeps
    // its fence character and length above them, so only a matching fence
    // closes it).
    enum State {
        Normal = 0,
        FrontMatter = 1,
        FencedCode = 2,
        DisplayMath = 3,
        FrontMatterEnd = 4, // the closing `---`: what follows starts a block
        RegionEnd = 5,      // a closing fence or `$$`
    };

    class BlockData;

    void applyPalette(bool dark);
    void mark(int start, int length, Kind kind, bool prose = false);
    bool highlightRegionLine(const QString &text, int previous);
    bool startRegion(const QString &text, int previous);
    void highlightYaml(const QString &text);
    void highlightMarkdownLine(const QString &text);
    void highlightInlineMath(const QString &text);
    QList<Range> paragraphMath(const QTextBlock &block, int *offsetInParagraph);
    void noteChange(int position, int removed, int added);
    void refreshParagraphs();

    std::array<QTextCharFormat, size_t(Kind::Count)> m_formats;
    bool m_dark = false;
    QList<Range> m_skips; // of the block being highlighted
    bool m_wholeSkipped = false;

    // The last paragraph scanned for math, so the lines of one paragraph
    // share one scan while the document is highlighted top to bottom.
    QString m_paragraphText;
    QList<Range> m_paragraphMath;
    int m_pendingFrom = -1, m_pendingTo = -1; // edited range not yet refreshed
    bool m_refreshing = false;
    QMetaObject::Connection m_noteChange; // cut in ~Highlighter, see there
};

} // namespace folio::editor
