// Markdown as Jekyll renders it with kramdown (input: GFM), produced by parsing
// with cmark-gfm and writing kramdown's HTML; plus Folio's math protection.
#pragma once

#include <string>
#include <string_view>

namespace folio::site::markdown {

// kramdown's Rouge options for one kind of code (its syntax_highlighter_opts
// merged with their `block:` or `span:` part), as Jekyll 4.3 sets them.
struct RougeOptions final {
    bool disable = false;
    // Names the lexer of code without a language; "" = none (Ruby's nil).
    std::string defaultLang = "plaintext";
    // Jekyll copies `kramdown: guess_lang` here; off, kramdown leaves code
    // Rouge would lex as plain text (no language, `plaintext`) unhighlighted.
    bool guessLang = true;
    // Rouge::Formatters::HTMLLegacy's options.
    std::string cssClass = "highlight";  // of the <pre>
    bool wrap = true;                    // <div class="highlight"><pre><code> around it
    bool lineNumbers = false;            // HTMLTable: a gutter of line numbers
    long long startLine = 1;
    std::string tableClass = "rouge-table", gutterClass = "rouge-gutter", codeClass = "rouge-code";
};

// kramdown's syntax highlighting: Rouge, or none (code as kramdown writes it
// without a highlighter, `<pre><code>`).
struct Highlighting final {
    bool rouge = true;
    RougeOptions block;
    RougeOptions span = [] { RougeOptions o; o.wrap = false; return o; }();
};

// The `kramdown:` options of _config.yml that change the output.
struct Options final {
    bool autoIds = true;
    std::string autoIdPrefix;
    bool hardWrap = false;
    int footnoteNr = 1;
    std::string footnoteBacklink = "&#8617;";
    // smart_quotes: lsquo,rsquo,ldquo,rdquo (entity names or numbers)
    std::string smartQuotes = "lsquo,rsquo,ldquo,rdquo";
    int tocLevelMin = 1, tocLevelMax = 6;
    // Folio's improvement over kramdown: $…$, \(…\), \[…\], \begin{env}…\end{env}
    // (besides kramdown's $$…$$) reach MathJax with their TeX unchanged (only
    // & < > escaped): no emphasis, table cells or eaten backslashes inside,
    // nothing in code treated as math, "$5 and $10" left as text (pandoc's
    // tex_math_dollars rule), \$ kept as \$ for MathJax's processEscapes.
    // $$ is written as kramdown writes it (\[…\] when it is a paragraph of its
    // own, else \(…\)), \(…\) inline, \[…\] as a block when alone; $…$ and
    // environments as written. Off = kramdown's own $$-only behaviour.
    bool protectMath = true;
    // Folio's preview only (serve mode): each top-level block element gets
    // data-source-line="N", the 1-based line of the Markdown where it starts,
    // so the preview can scroll to the editor's line. Off: output unchanged.
    bool sourceLines = false;
    Highlighting highlighting;
};

class Converter final
{
public:
    explicit Converter(Options options = {});

    // Markdown -> HTML body, as kramdown writes it (block separation, 2-space
    // indentation of nested blocks, trailing "\n"). Thread-safe: one Converter
    // may be used from many threads (cmark-gfm parsing is serialised inside,
    // rendering is not). Never fails: like kramdown, anything it cannot read
    // as Markdown is output as text.
    std::string toHtml(std::string_view markdown) const;

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

// Jekyll's `smartify` filter (its SmartyPants converter): kramdown's smart
// quotes and typographic symbols on the text, HTML tags and entity
// references passed through, `&` and `<` in text escaped, no Markdown.
std::string smartify(std::string_view text, const Options &options = {});

} // namespace folio::site::markdown
