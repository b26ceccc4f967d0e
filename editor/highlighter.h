// Colours what an academic post is made of: front matter, Markdown structure,
// Liquid tags and output, math spans, code.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace folio::editor {

class Highlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit Highlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Block states carried from line to line.
    enum State { Normal = 0, FrontMatter = 1, FencedCode = 2, DisplayMath = 3, FrontMatterStart = 4 };

    QTextCharFormat m_frontMatter, m_heading, m_emphasis, m_code, m_math, m_liquid, m_link, m_quote;
};

} // namespace folio::editor
