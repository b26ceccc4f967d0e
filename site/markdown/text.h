// Text-level helpers shared by the pre-pass and the renderer: UTF-8 handling,
// HTML escaping as kramdown does it, kramdown's typographic conversion, and
// the GFM header-id rule.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::site::markdown::detail {

// Private-use code points (plane 15, U+FFF00…U+FFF2F, so that icon-font
// characters of the BMP private-use area are left alone) that stand for what
// the author escaped with a backslash, so that cmark (which eats the
// backslash) and the typographic pass (which would turn a `"` into a curly
// quote) leave them alone; and for math placeholders. Input characters in
// this block are replaced by U+FFFD before conversion. See prepass.cpp.
enum : char32_t {
    kMathOpen = 0xFFF00,      // math placeholder: kMathOpen digits kMathClose
    kMathClose = 0xFFF01,
    kEscQuote = 0xFFF10,      // \"
    kEscApos = 0xFFF11,       // \'
    kEscDash = 0xFFF12,       // \-
    kEscDot = 0xFFF13,        // \.
    kEscLt = 0xFFF14,         // \<
    kEscGt = 0xFFF15,         // \>
    kEscDollar = 0xFFF16,     // \$ with math protection: written back as \$ for MathJax
    kEscBackslash = 0xFFF17,  // a backslash kramdown keeps (\| in code spans of table cells)
    kKeptBom = 0xFFF18,       // a leading U+FEFF: cmark drops it, kramdown keeps it as text
    kSpanGuard = 0xFFF20,     // see Renderer::renderSpanSources
    kSetextGuard = 0xFFF21,   // see prepass.cpp guardSetextUnderlines; never output
    kReservedLast = 0xFFF2F,
};

// Parses the digits of a placeholder; false when they are not one.
bool parseIndex(std::string_view digits, size_t &index);

std::u32string toU32(std::string_view s);
// Inline: called for every character the renderer writes.
inline void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}
std::string toUtf8(std::u32string_view s);

// kramdown escape_html(:text) / (:all): & < > only.
void appendEscaped(std::string &out, std::string_view text);
std::string escaped(std::string_view text);
// kramdown escape_html(:attribute): & < > "
std::string escapedAttribute(std::string_view text);
void appendEscapedAttribute(std::string &out, std::string_view text);

// What a private-use escape character stands for in the output text.
char32_t escapeOriginal(char32_t c, bool protectMath);

struct Quotes final {
    std::string lsquo = "\u2018", rsquo = "\u2019", ldquo = "\u201C", rdquo = "\u201D";
};
Quotes parseSmartQuotes(std::string_view option);

// Converts one run of text the way kramdown's smart_quotes and typographic_syms
// span parsers do, HTML-escaping the rest. `after` is the source text that
// follows the run (empty at the end of the block): kramdown's quote rules
// look a few characters ahead. A run starts where kramdown's scan restarts
// (block start or after an element), so there is no look-behind.
void appendTypographic(std::string &out, std::u32string_view text, std::u32string_view after,
                       const Quotes &quotes, bool protectMath, std::string *plain = nullptr);

// gfm.rb generate_gfm_header_id without the dedup counter.
std::string gfmHeaderId(std::string_view rawText);

// Ordered HTML attributes as kramdown keeps them (insertion order).
struct Attributes final {
    std::vector<std::pair<std::string, std::string>> list;
    std::vector<std::string> refs; // IAL references (`toc`, ALD names)
    void set(const std::string &key, const std::string &value);
    void addClass(const std::string &cls);
    const std::string *get(const std::string &key) const;
    void remove(const std::string &key);
    void merge(const Attributes &other);
    bool hasRef(std::string_view ref) const;
    std::string html() const; // ` k="v"` ... (empty ids skipped like kramdown)
};

// kramdown parse_attribute_list: `.cls #id key="v" key='v' ref`. ALD references
// are expanded with `alds`.
Attributes parseAttributeList(std::string_view text,
                              const std::map<std::string, Attributes> *alds = nullptr);

} // namespace folio::site::markdown::detail
