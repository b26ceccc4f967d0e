// The pre-pass: what kramdown reads differently from CommonMark is rewritten
// before cmark-gfm sees the text, into forms cmark keeps intact.
//
// Decisions (why pre-pass and not post-pass):
// - Math ($$…$$ always, plus $…$, \(…\), \[…\], \begin…\end with protectMath)
//   becomes a placeholder of private-use characters: cmark would otherwise eat
//   backslash escapes, make emphasis from * and _, and split table cells at |.
// - Block HTML: kramdown's ends at the matching close tag (blank lines
//   included), CommonMark's at the first blank line; so the whole element is
//   cut out here and replaced by one marker line `<!--folio:HN-->`.
// - Block IALs `{: …}` become a marker line `<!--folio:IN-->` (an HTML block of
//   CommonMark type 2, which may interrupt a paragraph, a list or a table just
//   like kramdown's IAL ends a paragraph); ALDs `{:name: …}` are recorded and
//   their line dropped (kramdown emits nothing for them).
// - Definition lists (no CommonMark equivalent) become `<!--folio:DN-->`.
// - Backslash escapes cmark would eat but kramdown keeps (\, \% \& …) are
//   doubled; escaped quotes, dashes, dots and angle brackets become private-use
//   characters so the typographic pass leaves them alone.
// Span-level IALs, `{#id}` on headers and `{:toc}` are handled while rendering.
#pragma once

#include "site/markdown/markdown.h"
#include "site/markdown/text.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::markdown::detail {

struct MathSpan final {
    enum class Kind { DoubleDollar, Dollar, Paren, Bracket, Env };
    Kind kind = Kind::DoubleDollar;
    std::string tex;      // between the delimiters, as written
    std::string original; // with the delimiters, as written
    bool blockEligible = false; // kramdown's block-math position rules hold
    std::string html(bool block) const;
    std::string idText() const; // what kramdown puts into a header's raw text
};

struct HtmlBlock final {
    enum class Mode { Raw, Block, Span };
    Mode mode = Mode::Raw;
    std::string raw;      // whole element as written (Raw)
    std::string openTag;  // re-serialised, markdown attribute removed
    std::string tagName;
    std::string inner;    // content for Block / Span
};

// kramdown's content model of an element for markdown="1": block or span.
HtmlBlock::Mode contentModel(std::string_view tag);

// A kramdown table (table.rb): rows are lines with a '|', a separator line
// after the first rows makes them the header, later separator lines start a
// new tbody, an `=` line starts the tfoot. Cells hold raw Markdown.
struct Table final {
    enum class Align { Default, Left, Center, Right };
    struct Section {
        std::string tag; // thead, tbody, tfoot
        std::vector<std::vector<std::string>> rows;
    };
    std::vector<Section> sections;
    std::vector<Align> alignment;
    size_t columns = 0;
};

struct BlockIal final {
    std::string text;
    bool toPrevious = false;
};

struct DefList final {
    struct Item {
        bool term = false;
        std::string text;
        bool blankBefore = false; // a blank line precedes the ':' line: kramdown wraps in <p>
    };
    std::vector<Item> items;
};

// Everything the pre-pass took out of one document (shared by its
// markdown="1" children, which are rendered as parts of the same document).
struct Extracted final {
    std::vector<MathSpan> math;
    std::vector<HtmlBlock> html;
    std::vector<BlockIal> ials;
    std::vector<DefList> deflists;
    std::vector<Table> tables;
    std::vector<std::pair<std::string, std::string>> abbreviations; // *[CSS]: title
    std::map<std::string, Attributes> alds;
    std::string linkDefinitions; // appended to sub-documents so references resolve
    std::string footnoteDefinitions; // likewise (raw, before the escape pass)
};

std::string placeholder(size_t index);

// Step 1: math spans -> placeholders (code is skipped).
std::string extractMath(std::string_view text, const Options &options, Extracted &ex);
// Step 2: HTML blocks, IALs, ALDs, definition lists, escapes. Also used for
// the content of markdown="1" elements and of definitions.
std::string prepareBlocks(std::string_view text, const Options &options, Extracted &ex);

// kramdown's backslash escapes for span text taken out by the pre-pass
// (table cells, definition terms).
std::string processSpanEscapes(std::string_view text, const Options &options);

// kramdown re-serialises HTML tags it parses: lower-case names, attributes
// with double quotes on one line, void elements closed with " />".
std::string normalizeTag(std::string_view tag);
// The same for every tag of a raw HTML block (not inside comments, <script>
// or <style>).
std::string normalizeRawHtml(std::string_view html);

// Replace placeholders with the math as written (for raw HTML).
std::string restoreOriginalMath(std::string_view text, const Extracted &ex);

} // namespace folio::site::markdown::detail
