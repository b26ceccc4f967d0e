#include "site/markdown/prepass.h"
#include "site/markdown/strong.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>

namespace folio::site::markdown::detail {

namespace {

bool isBlankLine(std::string_view line)
{
    // A plain loop: find_first_not_of(" \t\r") calls memchr for every byte.
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

// End of the run from `from` free of the bytes in `special` (a short list).
size_t runWithout(std::string_view text, size_t from, std::string_view special)
{
    size_t q = from;
    while (q < text.size() && special.find(text[q]) == std::string_view::npos) ++q;
    return q;
}

size_t leadingSpaces(std::string_view line)
{
    size_t n = 0;
    for (char c : line) {
        if (c == ' ') ++n;
        else if (c == '\t') n += 4 - n % 4;
        else break;
    }
    return n;
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

bool isListMarkerLine(std::string_view line)
{
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+'))
        return i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
    size_t d = i;
    while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
    if (d > i && d < line.size() && (line[d] == '.' || line[d] == ')'))
        return d + 1 == line.size() || line[d + 1] == ' ' || line[d + 1] == '\t';
    return false;
}

// Fence opening: returns the fence (e.g. "```") or empty.
std::string_view fenceOf(std::string_view line)
{
    size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos) return {};
    const char c = line[i];
    if (c != '`' && c != '~') return {};
    size_t j = i;
    while (j < line.size() && line[j] == c) ++j;
    if (j - i < 3) return {};
    if (c == '`' && line.find('`', j) != std::string_view::npos) return {};
    return line.substr(i, j - i);
}

// A closing fence is indented at most three spaces more than its opening one
// (GFM; kramdown's FENCED_CODEBLOCK_MATCH): "    ```" inside a ``` block is code.
bool closesFence(std::string_view line, std::string_view fence, size_t openIndent = std::string_view::npos)
{
    size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos) return false;
    if (openIndent != std::string_view::npos && i > openIndent + 3) return false;
    size_t j = i;
    while (j < line.size() && line[j] == fence[0]) ++j;
    return j - i >= fence.size() && isBlankLine(line.substr(j));
}

// kramdown's parse_codespan: one backtick with whitespace (or the start of the
// text) before it and whitespace after it is text, not a code span opener.
bool loneBacktick(std::string_view text, size_t p)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    if (text[p] != '`' || (p > 0 && text[p - 1] == '`') || p + 1 >= text.size() || text[p + 1] == '`')
        return false;
    return (p == 0 || space(text[p - 1])) && space(text[p + 1]);
}

// The lines of fenced and indented code blocks, each with its line break, in
// `mask`. One pass over the text: each line is marked as soon as it is known
// to be code (no per-line vectors; a 6 MB page has 150,000 lines).
void markCodeBlockLines(std::string_view text, std::vector<char> &mask)
{
    std::string_view fence;
    size_t fenceIndent = 0;
    bool prevBlank = true, inList = false, inIndentedCode = false;
    auto markLine = [&](size_t off, size_t len) {
        std::fill(mask.begin() + off, mask.begin() + std::min(text.size(), off + len + 1), 1);
    };
    for (size_t off = 0; off < text.size();) {
        size_t nl = text.find('\n', off);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(off, nl - off);
        const size_t lineStart = off;
        off = nl + 1;
        const bool blank = isBlankLine(line);
        if (!fence.empty()) {
            markLine(lineStart, line.size());
            if (closesFence(line, fence, fenceIndent)) fence = {};
            prevBlank = false;
            continue;
        }
        if (auto f = fenceOf(line); !f.empty()) {
            fence = f;
            fenceIndent = leadingSpaces(line);
            markLine(lineStart, line.size());
            prevBlank = false;
            inIndentedCode = false;
            continue;
        }
        const size_t indent = leadingSpaces(line);
        if (!blank && indent >= 4 && !inList && (prevBlank || inIndentedCode)) {
            markLine(lineStart, line.size());
            inIndentedCode = true;
        } else if (!blank) {
            inIndentedCode = false;
            if (isListMarkerLine(line))
                inList = true;
            else if (indent == 0 && prevBlank)
                inList = false;
        }
        prevBlank = blank;
    }
}

// Code spans, within a paragraph (they cannot cross a blank line), in `mask`.
void markCodeSpans(std::string_view text, std::vector<char> &mask)
{
    for (size_t p = 0; p < text.size();) {
        // Only an unmasked backslash or backtick starts anything here: skip
        // to the next one (masked bytes and other bytes just advance by one).
        while (p < text.size() && text[p] != '\\' && text[p] != '`') ++p;
        if (p >= text.size()) break;
        if (mask[p]) { ++p; continue; }
        if (text[p] == '\\') { p += 2; continue; }
        if (loneBacktick(text, p)) { ++p; continue; }
        size_t run = p;
        while (run < text.size() && text[run] == '`') ++run;
        const size_t len = run - p;
        size_t q = run;
        bool found = false;
        while (q < text.size()) {
            if (mask[q]) break;
            if (text[q] == '\n') {
                size_t e = text.find('\n', q + 1);
                const auto next = text.substr(q + 1, (e == std::string_view::npos ? text.size() : e) - q - 1);
                // A list item is a block of its own: spans end with it.
                if (isBlankLine(next) || isListMarkerLine(next))
                    break;
            }
            if (text[q] == '`') {
                size_t r = q;
                while (r < text.size() && text[r] == '`') ++r;
                if (r - q == len) {
                    std::fill(mask.begin() + p, mask.begin() + r, 1);
                    p = r;
                    found = true;
                    break;
                }
                q = r;
                continue;
            }
            ++q;
        }
        if (!found) p = run;
    }
}

// Byte mask of code in `text`: fenced and indented code blocks and code spans,
// where nothing may be treated as math, HTML, IAL or escape.
std::vector<char> codeMask(std::string_view text)
{
    std::vector<char> mask(text.size(), 0);
    markCodeBlockLines(text, mask);
    markCodeSpans(text, mask);
    return mask;
}

bool atLineStart(std::string_view text, size_t p)
{
    size_t s = p;
    while (s > 0 && text[s - 1] == ' ' && p - s < 3) --s;
    return s == 0 || text[s - 1] == '\n';
}

std::string_view lineBefore(std::string_view text, size_t p)
{
    size_t ls = text.rfind('\n', p == 0 ? 0 : p - 1);
    if (p == 0 || ls == std::string_view::npos) return {};
    size_t prevStart = ls == 0 ? 0 : text.rfind('\n', ls - 1);
    prevStart = (prevStart == std::string_view::npos || ls == 0) ? 0 : prevStart + 1;
    return text.substr(prevStart, ls - prevStart);
}

// Whether the line holding p starts with '|' (a kramdown table row).
bool atTableRowStart(std::string_view text, size_t p)
{
    size_t ls = p == 0 ? std::string_view::npos : text.rfind('\n', p - 1);
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    while (ls < text.size() && text[ls] == ' ') ++ls;
    return ls < text.size() && text[ls] == '|';
}

// `s` without leading and trailing " \t\r\n": a view into `s`.
std::string_view trimmed(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    size_t a = 0, b = s.size();
    while (a < b && space(s[a])) ++a;
    while (b > a && space(s[b - 1])) --b;
    return s.substr(a, b - a);
}

std::string trim(std::string_view s)
{
    return std::string(trimmed(s));
}

} // namespace

std::string placeholder(size_t index)
{
    std::string out;
    appendUtf8(out, kMathOpen);
    out += std::to_string(index);
    appendUtf8(out, kMathClose);
    return out;
}

std::string MathSpan::html(bool block) const
{
    switch (kind) {
    case Kind::DoubleDollar: {
        const std::string body = escaped(trim(tex));
        return block ? "\\[" + body + "\\]" : "\\(" + body + "\\)";
    }
    case Kind::Paren: return "\\(" + escaped(tex) + "\\)";
    case Kind::Bracket: return "\\[" + escaped(tex) + "\\]";
    case Kind::Dollar: return "$" + escaped(tex) + "$";
    case Kind::Env: return escaped(original);
    }
    return escaped(original);
}

std::string MathSpan::idText() const
{
    return kind == Kind::DoubleDollar ? trim(tex) : original;
}

namespace {

// The runs of code of a codeMask(), for "is there code between these two
// positions" in a binary search (a prefix count per byte cost 8 bytes of
// memory per byte of text and a pass to fill them).
class CodeRuns final {
public:
    explicit CodeRuns(const std::vector<char> &mask)
    {
        for (size_t i = 0; i < mask.size();) {
            if (!mask[i]) { ++i; continue; }
            const size_t start = i;
            while (i < mask.size() && mask[i]) ++i;
            m_runs.push_back({start, i});
        }
    }
    // Whether a byte of [first, last] (both included) is code.
    bool anyIn(size_t first, size_t last) const
    {
        auto it = std::upper_bound(m_runs.begin(), m_runs.end(), first,
                                   [](size_t v, const Run &r) { return v < r.end; });
        return it != m_runs.end() && std::max(it->start, first) <= last;
    }

private:
    struct Run { size_t start, end; }; // [start, end)
    std::vector<Run> m_runs;
};

} // namespace

std::string extractMath(std::string_view text, const Options &options, Extracted &ex)
{
    const auto mask = codeMask(text);
    std::string out;
    out.reserve(text.size());
    const bool all = options.protectMath;
    auto add = [&](MathSpan::Kind kind, size_t from, size_t texFrom, size_t texTo, size_t to, bool block) {
        MathSpan m;
        m.kind = kind;
        m.tex = std::string(text.substr(texFrom, texTo - texFrom));
        m.original = std::string(text.substr(from, to - from));
        m.blockEligible = block;
        out += placeholder(ex.math.size());
        ex.math.push_back(std::move(m));
    };
    // Indexes built once so that unmatched openers cost a binary search,
    // not a scan to the end of the paragraph (which made "$5 … $10 …" lines
    // quadratic).
    const CodeRuns code(mask);
    std::vector<size_t> paragraphEnds;
    for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
        const size_t next = text.find('\n', nl + 1);
        if (nl + 1 >= text.size() || isBlankLine(text.substr(nl + 1, (next == std::string_view::npos ? text.size() : next) - nl - 1)))
            paragraphEnds.push_back(nl);
    }
    auto paragraphEndOf = [&](size_t p) {
        auto it = std::lower_bound(paragraphEnds.begin(), paragraphEnds.end(), p);
        return it == paragraphEnds.end() ? text.size() : *it;
    };
    std::map<std::string_view, std::vector<size_t>> occurrences;
    auto positionsOf = [&](std::string_view needle) -> const std::vector<size_t> & {
        auto it = occurrences.find(needle);
        if (it != occurrences.end()) return it->second;
        std::vector<size_t> v;
        for (size_t q = text.find(needle); q != std::string_view::npos; q = text.find(needle, q + 1)) v.push_back(q);
        return occurrences.emplace(needle, std::move(v)).first->second;
    };
    // First occurrence of needle at or after `from` ending by `limit`, with no
    // code in between.
    auto findIn = [&](std::string_view needle, size_t from, size_t limit) -> size_t {
        const auto &v = positionsOf(needle);
        auto it = std::lower_bound(v.begin(), v.end(), from);
        if (it == v.end() || *it + needle.size() > limit) return std::string_view::npos;
        if (code.anyIn(from, *it)) return std::string_view::npos;
        return *it;
    };
    std::map<std::string, bool> envHasEnd; // \end{name} occurs at all (after the first \begin{name})
    // Single-dollar stops: a closing candidate or a "$$" that ends the search.
    struct DollarStop { size_t pos; bool closes; };
    std::vector<DollarStop> dollarStops;
    if (all) {
        for (size_t q = text.find('$', 1); q != std::string_view::npos; q = text.find('$', q + 1)) {
            size_t slashes = 0;
            while (slashes < q && text[q - 1 - slashes] == '\\') ++slashes;
            if (slashes % 2) continue; // escaped
            const char prev = text[q - 1];
            const bool digitAfter = q + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[q + 1]));
            const bool closes = prev != ' ' && prev != '\t' && prev != '\n' && !digitAfter;
            if (closes || (q + 1 < text.size() && text[q + 1] == '$'))
                dollarStops.push_back({q, closes});
        }
    }

    size_t p = 0;
    while (p < text.size()) {
        if (mask[p]) {
            // Code is copied as it is, a run at a time.
            size_t q = p + 1;
            while (q < text.size() && mask[q]) ++q;
            out.append(text.substr(p, q - p));
            p = q;
            continue;
        }
        const char c = text[p];
        if (c == '\\' && p + 1 < text.size()) {
            const char n = text[p + 1];
            if (all && (n == '(' || n == '[')) {
                const char *close = n == '(' ? "\\)" : "\\]";
                size_t q = findIn(close, p + 2, paragraphEndOf(p));
                if (q != std::string_view::npos) {
                    add(n == '(' ? MathSpan::Kind::Paren : MathSpan::Kind::Bracket, p, p + 2, q, q + 2, n == '[');
                    p = q + 2;
                    continue;
                }
            }
            if (all && text.compare(p, 7, "\\begin{") == 0) {
                size_t nameEnd = text.find('}', p + 7);
                if (nameEnd != std::string_view::npos && nameEnd - p < 40) {
                    const std::string name(text.substr(p + 7, nameEnd - p - 7));
                    const std::string open = "\\begin{" + name + "}", close = "\\end{" + name + "}";
                    auto known = envHasEnd.find(name);
                    if (known == envHasEnd.end())
                        known = envHasEnd.emplace(name, text.find(close, p) != std::string_view::npos).first;
                    if (!known->second) {
                        out.append(text.substr(p, 2));
                        p += 2;
                        continue;
                    }
                    int depth = 1;
                    size_t q = nameEnd + 1;
                    while (q < text.size() && depth > 0) {
                        if (mask[q]) break;
                        if (text.compare(q, open.size(), open) == 0) { ++depth; q += open.size(); continue; }
                        if (text.compare(q, close.size(), close) == 0) {
                            if (--depth == 0) break;
                            q += close.size();
                            continue;
                        }
                        ++q;
                    }
                    if (depth == 0) {
                        add(MathSpan::Kind::Env, p, p, q + close.size(), q + close.size(), false);
                        p = q + close.size();
                        continue;
                    }
                }
            }
            // kramdown: `\$$…$$` suppresses block math but is still inline math
            // (the backslash is dropped).
            if (n == '$' && p + 2 < text.size() && text[p + 2] == '$') {
                size_t q = findIn("$$", p + 3, paragraphEndOf(p));
                if (q != std::string_view::npos) {
                    add(MathSpan::Kind::DoubleDollar, p + 1, p + 3, q, q + 2, false);
                    p = q + 2;
                    continue;
                }
            }
            // Any other backslash pair (\\, \$, \`) is kept for the escape pass.
            out.push_back(text[p]);
            out.push_back(text[p + 1]);
            p += 2;
            continue;
        }
        if (c != '$') {
            // Plain text up to the next '$', backslash or code, a run at a time.
            size_t q = p + 1;
            while (q < text.size() && !mask[q] && text[q] != '$' && text[q] != '\\') ++q;
            out.append(text.substr(p, q - p));
            p = q;
            continue;
        }

        if (p + 1 < text.size() && text[p + 1] == '$') {
            // kramdown BLOCK_MATH_START: at a line start after a block boundary,
            // ending before one (blank line, IAL or end); the content may span
            // blank lines. Otherwise INLINE_MATH_START within the paragraph.
            const std::string_view before = lineBefore(text, p);
            const bool afterBoundary = atLineStart(text, p) &&
                (p == 0 || isBlankLine(before) || trimmed(before).starts_with("{:"));
            if (afterBoundary) {
                size_t q = findIn("$$", p + 2, text.size());
                if (q != std::string_view::npos) {
                    size_t eol = text.find('\n', q + 2);
                    const std::string_view rest = text.substr(q + 2, (eol == std::string_view::npos ? text.size() : eol) - q - 2);
                    bool boundaryAfter = false;
                    if (isBlankLine(rest)) {
                        if (eol == std::string_view::npos || eol + 1 >= text.size()) {
                            boundaryAfter = true;
                        } else {
                            size_t e2 = text.find('\n', eol + 1);
                            auto next = text.substr(eol + 1, (e2 == std::string_view::npos ? text.size() : e2) - eol - 1);
                            boundaryAfter = isBlankLine(next) || trimmed(next).starts_with("{:");
                        }
                    }
                    if (boundaryAfter) {
                        add(MathSpan::Kind::DoubleDollar, p, p + 2, q, q + 2, true);
                        p = q + 2;
                        continue;
                    }
                }
            }
            size_t q = findIn("$$", p + 2, paragraphEndOf(p));
            if (q != std::string_view::npos && !all && atTableRowStart(text, p) &&
                text.substr(p, q - p).find('|') != std::string_view::npos) {
                // kramdown splits table cells before it sees math: `$$x|y$$`
                // in a row is two cells (Folio's protectMath keeps it whole).
                out.append(text.substr(p, q + 2 - p));
                p = q + 2;
                continue;
            }
            if (q != std::string_view::npos) {
                add(MathSpan::Kind::DoubleDollar, p, p + 2, q, q + 2, false);
                p = q + 2;
                continue;
            }
            out += "$$";
            p += 2;
            continue;
        }

        if (all) {
            // pandoc tex_math_dollars: no space after the opening $, none before
            // the closing $, and the closing $ not followed by a digit.
            const size_t limit = paragraphEndOf(p);
            if (p + 1 < limit && text[p + 1] != ' ' && text[p + 1] != '\t' && text[p + 1] != '\n') {
                auto it = std::lower_bound(dollarStops.begin(), dollarStops.end(), p + 1,
                                           [](const DollarStop &d, size_t v) { return d.pos < v; });
                const bool found = it != dollarStops.end() && it->closes && it->pos < limit &&
                                   !code.anyIn(p + 1, it->pos);
                const size_t q = found ? it->pos : 0;
                if (found && q > p + 1) {
                    add(MathSpan::Kind::Dollar, p, p + 1, q, q + 1, false);
                    p = q + 1;
                    continue;
                }
            }
        }
        out.push_back(c);
        ++p;
    }
    return out;
}

namespace {

const std::set<std::string, std::less<>> &spanElements()
{
    static const std::set<std::string, std::less<>> s = {
        "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
        "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
        "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var"};
    return s;
}


bool isVoidElement(std::string_view tag)
{
    static const std::set<std::string, std::less<>> s = {"area", "base", "br", "col", "command", "embed", "hr", "img",
                                                         "input", "keygen", "link", "meta", "param", "source", "track", "wbr"};
    return s.count(tag) > 0;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void appendLower(std::string &out, std::string_view s)
{
    for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
}

// lower() of a whole document: std::tolower asked once per byte value rather
// than once per byte (the same locale's answers, without a libc call for
// each of 6 million bytes).
std::string lowerText(std::string_view s)
{
    std::array<char, 256> table;
    for (int c = 0; c < 256; ++c) table[size_t(c)] = static_cast<char>(std::tolower(c));
    std::string out(s);
    for (auto &c : out) c = table[static_cast<unsigned char>(c)];
    return out;
}

// End of the tag starting at `p` (the position after '>'), respecting quotes.
size_t tagEnd(std::string_view text, size_t p)
{
    char quote = 0;
    for (size_t q = p; q < text.size(); ++q) {
        const char c = text[q];
        if (quote) { if (c == quote) quote = 0; continue; }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '>') return q + 1;
    }
    return std::string_view::npos;
}

// Views into the tag text parsed (it must outlive them).
struct TagAttr { std::string_view name, value; bool hasValue = false; };

std::vector<TagAttr> parseTagAttributes(std::string_view tag)
{
    std::vector<TagAttr> attrs;
    size_t i = 1;
    while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i])) && tag[i] != '>' && tag[i] != '/') ++i;
    while (i < tag.size()) {
        while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/')) ++i;
        if (i >= tag.size() || tag[i] == '>') break;
        size_t s = i;
        while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i])) && tag[i] != '=' && tag[i] != '>') ++i;
        TagAttr a;
        a.name = tag.substr(s, i - s);
        // kramdown's HTML_ATTRIBUTE_RE allows whitespace (even a line break)
        // around '=': `src=\n "x.png"` is src="x.png".
        size_t eq = i;
        while (eq < tag.size() && std::isspace(static_cast<unsigned char>(tag[eq]))) ++eq;
        if (eq < tag.size() && tag[eq] == '=') {
            i = eq + 1;
            while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
            a.hasValue = true;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                const char q = tag[i++];
                size_t e = tag.find(q, i);
                if (e == std::string_view::npos) e = tag.size();
                a.value = tag.substr(i, e - i);
                i = e + 1;
            } else {
                size_t e = i;
                while (e < tag.size() && !std::isspace(static_cast<unsigned char>(tag[e])) && tag[e] != '>') ++e;
                a.value = tag.substr(i, e - i);
                i = e;
            }
        }
        attrs.push_back(std::move(a));
    }
    return attrs;
}

// `<tagName attr="value"…>` with the attributes named `skip` left out.
std::string openTagWithout(std::string_view tagName, const std::vector<TagAttr> &attrs, std::string_view skip)
{
    std::string tag = "<";
    tag += tagName;
    for (const auto &a : attrs) {
        if (a.name == skip) continue;
        tag += ' ';
        tag += a.name;
        if (a.hasValue) {
            tag += "=\"";
            tag += a.value;
            tag += '"';
        }
    }
    tag += '>';
    return tag;
}

// The whole text being prepared, with line offsets and (built on demand)
// per-tag indexes of open and close tags, so that finding an element's end
// does not rescan the rest of the document for every unclosed tag.
class HtmlScan final {
public:
    explicit HtmlScan(const std::vector<std::string> &lines)
    {
        for (const auto &l : lines) {
            m_lineStart.push_back(m_all.size());
            m_all += l;
            m_all += '\n';
        }
    }
    std::string_view all() const { return m_all; }
    size_t lineStart(size_t line) const { return m_lineStart[line]; }
    size_t lineOf(size_t pos) const
    {
        return size_t(std::upper_bound(m_lineStart.begin(), m_lineStart.end(), pos) - m_lineStart.begin() - 1);
    }
    struct TagIndex {
        std::vector<size_t> opens, closes; // positions of "<name" and "</name" (followed by a non-alnum)
    };
    const TagIndex &index(const std::string &name)
    {
        auto it = m_index.find(name);
        if (it != m_index.end()) return it->second;
        if (m_lower.empty()) m_lower = lowerText(m_all);
        TagIndex idx;
        auto collect = [&](const std::string &needle, std::vector<size_t> &into) {
            for (size_t q = m_lower.find(needle); q != std::string::npos; q = m_lower.find(needle, q + 1)) {
                const size_t after = q + needle.size();
                if (after >= m_lower.size() || !std::isalnum(static_cast<unsigned char>(m_lower[after]))) into.push_back(q);
            }
        };
        collect("<" + name, idx.opens);
        collect("</" + name, idx.closes);
        return m_index.emplace(name, std::move(idx)).first->second;
    }

private:
    std::string m_all, m_lower;
    std::vector<size_t> m_lineStart;
    std::map<std::string, TagIndex> m_index;
};

// The kramdown block-HTML element starting at line `i` (≤3 spaces then a
// non-span tag or a comment): returns the index of its last line, or -1.
long htmlBlockEnd(const std::vector<std::string> &lines, HtmlScan &scan, size_t i, std::string &tagName, std::string &openTag,
                  size_t &innerStartLine, size_t &innerStartCol, size_t &innerEndLine, size_t &innerEndCol)
{
    const std::string &first = lines[i];
    size_t p = first.find_first_not_of(' ');
    if (p == std::string::npos || p > 3 || first[p] != '<') return -1;
    const std::string_view all = scan.all();
    const size_t start = scan.lineStart(i) + p;
    if (first.compare(p, 4, "<!--") == 0) {
        const size_t end = all.find("-->", start + 4);
        if (end == std::string_view::npos) return -1;
        tagName = "!--";
        return long(scan.lineOf(end));
    }
    size_t n = p + 1;
    while (n < first.size() && (std::isalnum(static_cast<unsigned char>(first[n])) || first[n] == '-')) ++n;
    if (n == p + 1 || !std::isalpha(static_cast<unsigned char>(first[p + 1]))) return -1;
    if (n < first.size() && !std::isspace(static_cast<unsigned char>(first[n])) && first[n] != '>' && first[n] != '/') return -1;
    tagName = lower(std::string_view(first).substr(p + 1, n - p - 1));
    if (spanElements().count(tagName)) return -1;

    const size_t openEnd = tagEnd(all, start);
    if (openEnd == std::string::npos) return -1;
    openTag = std::string(all.substr(start, openEnd - start));
    if (isVoidElement(tagName) || (openTag.size() >= 2 && openTag[openTag.size() - 2] == '/')) {
        innerStartLine = innerEndLine = scan.lineOf(openEnd);
        innerStartCol = innerEndCol = 0;
        return long(scan.lineOf(openEnd - 1));
    }
    // The matching close tag, counting nested elements of the same name.
    const auto &idx = scan.index(tagName);
    auto o = std::lower_bound(idx.opens.begin(), idx.opens.end(), openEnd);
    auto c = std::lower_bound(idx.closes.begin(), idx.closes.end(), openEnd);
    int depth = 1;
    while (c != idx.closes.end()) {
        if (o != idx.opens.end() && *o < *c) {
            ++depth;
            ++o;
            continue;
        }
        if (--depth == 0) {
            innerStartLine = scan.lineOf(openEnd);
            innerStartCol = openEnd - scan.lineStart(innerStartLine);
            innerEndLine = scan.lineOf(*c);
            innerEndCol = *c - scan.lineStart(innerEndLine);
            return long(innerEndLine);
        }
        ++c;
    }
    return -1;
}

// Length of a line's blockquote markers ("> > "), 0 when it has none.
size_t quotePrefixLength(std::string_view line)
{
    size_t i = 0, end = 0;
    while (true) {
        size_t k = i;
        while (k < line.size() && k - i < 3 && line[k] == ' ') ++k;
        if (k >= line.size() || line[k] != '>') break;
        ++k;
        if (k < line.size() && line[k] == ' ') ++k;
        i = end = k;
    }
    return end;
}

bool isDefinitionLine(std::string_view line)
{
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    return i + 1 < line.size() && line[i] == ':' && (line[i + 1] == ' ' || line[i + 1] == '\t');
}

bool isMarkerLine(std::string_view line)
{
    return trimmed(line).starts_with("<!--folio:");
}

// kramdown IAL_BLOCK_START / ALD_START on one line.
bool parseBlockExtension(std::string_view line, bool &isAld, std::string &name, std::string &body)
{
    const std::string_view t = trimmed(line);
    if (leadingSpaces(line) > 3 || !t.starts_with("{:") || !t.ends_with("}") || t.size() < 4) return false;
    if (t[2] == ':' || t[2] == '/') return false; // {::extension} / {:/}
    const std::string_view inner = t.substr(2, t.size() - 3);
    size_t n = 0;
    while (n < inner.size() && (std::isalnum(static_cast<unsigned char>(inner[n])) || inner[n] == '_' || inner[n] == '-')) ++n;
    if (n > 0 && n < inner.size() && inner[n] == ':' && std::isalnum(static_cast<unsigned char>(inner[0]))) {
        isAld = true;
        name = inner.substr(0, n);
        body = inner.substr(n + 1);
        return true;
    }
    isAld = false;
    body = inner;
    return true;
}

// Backslash escapes: see prepass.h.
size_t kramdownTagEnd(std::string_view s, size_t p, bool closing);   // below, with normalizeRawHtml

// The text of span HTML elements whose content kramdown does not parse
// (content model raw: kbd, code, var, samp, math… and unknown names such as
// <program>), up to their closing tag or the end of the paragraph: its
// Markdown and typographic characters are backslash-escaped, so cmark and the
// typographic pass leave them as written. Tags inside are kept.
std::string escapeRawSpanContent(std::string_view text, const std::vector<char> &code)
{
    std::string out;
    out.reserve(text.size() + 16);
    size_t p = 0;
    while (p < text.size()) {
        if (code[p] || text[p] != '<' || p + 1 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[p + 1]))) {
            out.push_back(text[p++]);
            continue;
        }
        const size_t e = kramdownTagEnd(text, p, false);
        if (e == std::string_view::npos) {
            out.push_back(text[p++]);
            continue;
        }
        size_t nameEnd = p + 1;
        while (nameEnd < e && text[nameEnd] != '>' && text[nameEnd] != '/' && !std::isspace(static_cast<unsigned char>(text[nameEnd])))
            ++nameEnd;
        const std::string name = lower(text.substr(p + 1, nameEnd - p - 1));
        out.append(text.substr(p, e - p));
        // Only names cmark takes for a tag too ([A-Za-z][A-Za-z0-9-]*): it
        // shows <www.example.com> as text, which kramdown does not.
        const bool cmarkTag = std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        });
        const bool body = cmarkTag && text[e - 2] != '/' && !isVoidElement(name) && contentModel(name) == HtmlBlock::Mode::Raw;
        p = e;
        if (!body) continue;
        size_t end = p;   // the closing tag, else the end of the paragraph
        for (; end < text.size(); ++end) {
            if (text[end] == '<' && text.compare(end, 2, "</") == 0 && kramdownTagEnd(text, end, true) != std::string_view::npos
                && lower(text.substr(end + 2, name.size())) == name)
                break;
            if (text[end] == '\n') {
                size_t k = end + 1;
                while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
                if (k >= text.size() || text[k] == '\n') break;
            }
        }
        for (size_t q = p; q < end; ++q) {
            const size_t tag = text[q] == '<' ? kramdownTagEnd(text, q, q + 1 < end && text[q + 1] == '/') : std::string_view::npos;
            if (tag != std::string_view::npos && tag <= end) {
                out.append(text.substr(q, tag - q));
                q = tag - 1;
                continue;
            }
            if (!code[q] && std::string_view("-.\"'*_`[]\\").find(text[q]) != std::string_view::npos)
                out.push_back('\\');
            out.push_back(text[q]);
        }
        // No closing tag: kramdown closes the element at the paragraph's end.
        const bool closed = end < text.size() && text[end] == '<';
        if (!closed) {
            const size_t newlines = out.size() - std::min(out.size(), out.find_last_not_of('\n') + 1);
            out.insert(out.size() - newlines, "</" + name + ">");
        }
        p = end;
    }
    return out;
}

// `inputMask`: codeMask(input) when the caller has it already.
std::string processEscapes(std::string_view input, const Options &options,
                           std::optional<std::vector<char>> inputMask = std::nullopt)
{
    // codeMask() depends on the text alone, so the mask of a text a step
    // left unchanged (the usual case) is kept rather than computed again.
    std::optional<std::vector<char>> known = std::move(inputMask);
    std::string_view text = input;
    auto maskOfText = [&]() -> const std::vector<char> & {
        if (!known) known = codeMask(text);
        return *known;
    };
    // Raw span content, then kramdown's **strong** next to punctuation, which
    // cmark would refuse.
    std::string withRaw, withStrong;
    if (input.find('<') != std::string_view::npos) {
        withRaw = escapeRawSpanContent(input, maskOfText());
        if (withRaw != text) {
            text = withRaw;
            known.reset();
        }
    }
    if (text.find("**") != std::string_view::npos) {
        withStrong = strongWhereCmarkRefuses(text, maskOfText());
        if (withStrong != text) {
            text = withStrong;
            known.reset();
        }
    }
    const std::vector<char> &mask = maskOfText();
    std::string out;
    out.reserve(text.size());
    // Table rows: a line with a '|' outside code. cmark-gfm unescapes `\|`
    // inside a cell's code span, kramdown keeps the backslash.
    auto inTableRow = [&](size_t p) {
        size_t ls = text.rfind('\n', p);
        ls = ls == std::string_view::npos ? 0 : ls + 1;
        size_t le = text.find('\n', p);
        if (le == std::string_view::npos) le = text.size();
        for (size_t q = ls; q < le; ++q)
            if (text[q] == '|' && !mask[q] && (q == 0 || text[q - 1] != '\\')) return true;
        return false;
    };
    auto lineStartBefore = [&](size_t p) {
        // Only indentation and blockquote markers between the line start and p.
        while (p > 0 && text[p - 1] != '\n') {
            const char c = text[p - 1];
            if (c != ' ' && c != '\t' && c != '>') return false;
            --p;
        }
        return true;
    };
    size_t start = 0;
    if (text.starts_with("\xEF\xBB\xBF")) {
        // markdownify of a title that begins with a BOM: cmark would skip it.
        appendUtf8(out, kKeptBom);
        start = 3;
    }
    for (size_t p = start; p < text.size(); ++p) {
        if (!mask[p] && text[p] == '&') {
            // Quote entities are kramdown entities, not smart-quote candidates.
            static const std::array<std::pair<std::string_view, char32_t>, 5> quoteEntities = {{
                {"&quot;", kEscQuote}, {"&#34;", kEscQuote}, {"&#39;", kEscApos}, {"&apos;", kEscApos}, {"&#x27;", kEscApos}}};
            bool replaced = false;
            for (const auto &[entity, pua] : quoteEntities) {
                if (text.compare(p, entity.size(), entity) == 0) {
                    appendUtf8(out, pua);
                    p += entity.size() - 1;
                    replaced = true;
                    break;
                }
            }
            if (replaced) continue;
        }
        if (!mask[p] && std::isdigit(static_cast<unsigned char>(text[p])) && (p == 0 || !std::isdigit(static_cast<unsigned char>(text[p - 1]))) &&
            lineStartBefore(p)) {
            // kramdown has no "1)" ordered lists: keep the parenthesis literal.
            size_t q = p;
            while (q < text.size() && std::isdigit(static_cast<unsigned char>(text[q]))) ++q;
            if (q - p <= 9 && q < text.size() && text[q] == ')' && (q + 1 >= text.size() || text[q + 1] == ' ' || text[q + 1] == '\t' || text[q + 1] == '\n')) {
                out.append(text.substr(p, q - p));
                out += "\\)";
                p = q;
                continue;
            }
            // "1." alone on its line is text for kramdown (its list marker
            // needs a space or tab after it), an empty list item for cmark.
            if (q - p <= 9 && q < text.size() && text[q] == '.' && (q + 1 >= text.size() || text[q + 1] == '\n')) {
                out.append(text.substr(p, q - p));
                out += "\\.";
                p = q;
                continue;
            }
        }
        if (mask[p] && text[p] == '\\' && p + 1 < text.size() && text[p + 1] == '|' && inTableRow(p)) {
            appendUtf8(out, kEscBackslash);
            out += "\\|";
            ++p;
            continue;
        }
        if (!mask[p] && loneBacktick(text, p)) {
            out += "\\`"; // literal for cmark too
            continue;
        }
        if (mask[p] || text[p] != '\\' || p + 1 >= text.size()) {
            out.push_back(text[p]);
            continue;
        }
        const char n = text[p + 1];
        char32_t pua = 0;
        switch (n) {
        case '"': pua = kEscQuote; break;
        case '\'': pua = kEscApos; break;
        case '-': pua = kEscDash; break;
        case '.': pua = kEscDot; break;
        case '<': pua = kEscLt; break;
        case '>': pua = kEscGt; break;
        case '$': if (options.protectMath) pua = kEscDollar; break;
        default: break;
        }
        if (pua) {
            appendUtf8(out, pua);
            ++p;
            continue;
        }
        if (std::string_view("%&,/;?@^").find(n) != std::string_view::npos) {
            out += "\\\\"; // kramdown keeps the backslash
            continue;
        }
        out.push_back('\\');
        out.push_back(n);
        ++p;
    }
    return out;
}

bool hasTablePipe(std::string_view line)
{
    // TABLE_PIPE_CHECK: a leading '|' or one not preceded by a backslash.
    for (size_t i = 0; i < line.size(); ++i)
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) return true;
    return false;
}

bool isTableSeparator(std::string_view line, char mark)
{
    // TABLE_SEP_LINE (mark '-') / TABLE_FSEP_LINE (mark '=')
    bool seen = false;
    for (char c : line) {
        if (c == mark) seen = true;
        else if (c != '+' && c != '|' && c != ':' && c != ' ' && c != '\t' && !(mark == '=' && c == '=')) return false;
    }
    return seen;
}

// Splits a table row as table.rb does: on '|' not escaped and not inside a
// code span; `\|` becomes '|' outside code spans.
std::vector<std::string> splitRow(std::string_view row, bool leadingPipe)
{
    std::vector<std::string> cells(1);
    for (size_t i = 0; i < row.size();) {
        const char c = row[i];
        if (c == '`') {
            size_t run = i;
            while (run < row.size() && row[run] == '`') ++run;
            const std::string delim(row.substr(i, run - i));
            size_t close = row.find(delim, run);
            while (close != std::string_view::npos && close + delim.size() < row.size() && row[close + delim.size()] == '`')
                close = row.find(delim, close + delim.size() + 1);
            if (close != std::string_view::npos) {
                cells.back() += row.substr(i, close + delim.size() - i);
                i = close + delim.size();
                continue;
            }
            cells.back() += delim;
            i = run;
            continue;
        }
        if (c == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
            cells.back() += '|';
            i += 2;
            continue;
        }
        if (c == '|') {
            cells.emplace_back();
            ++i;
            continue;
        }
        cells.back() += c;
        ++i;
    }
    if (leadingPipe && !cells.empty() && trimmed(cells.front()).empty()) cells.erase(cells.begin());
    if (!cells.empty() && trimmed(cells.back()).empty()) cells.pop_back();
    for (auto &cell : cells) cell = trim(cell);
    return cells;
}

Table::Align alignmentOf(std::string_view cell)
{
    const std::string_view t = trimmed(cell);
    const bool left = !t.empty() && t.front() == ':', right = !t.empty() && t.back() == ':';
    if (left && right) return Table::Align::Center;
    if (left) return Table::Align::Left;
    if (right) return Table::Align::Right;
    return Table::Align::Default;
}

// kramdown accepts spaces in inline link destinations ("[a](my file.pdf)",
// "({{ base }}/x)"); CommonMark only inside <…>, so such destinations are
// wrapped in angle brackets.
// `textMask` receives codeMask(text) when it was needed here.
std::string fixLinkDestinations(std::string_view text, std::optional<std::vector<char>> &textMask)
{
    if (text.find("](") == std::string_view::npos) return std::string(text);
    textMask = codeMask(text);
    const std::vector<char> &mask = *textMask;
    std::string out;
    out.reserve(text.size() + 16);
    size_t p = 0;
    while (p < text.size()) {
        const size_t a = text.find("](", p);
        if (a == std::string_view::npos) break;
        out.append(text.substr(p, a + 2 - p));
        p = a + 2;
        if (mask[a] || p >= text.size() || text[p] == '<') continue;
        int depth = 1;
        size_t q = p;
        while (q < text.size() && text[q] != '\n') {
            if (text[q] == '\\') { q += 2; continue; }
            if (text[q] == '(') ++depth;
            if (text[q] == ')' && --depth == 0) break;
            ++q;
        }
        if (q >= text.size() || text[q] != ')') continue;
        std::string inner(text.substr(p, q - p));
        std::string title;
        // A trailing "title" or 'title': kramdown's URL ends at the first
        // white space followed by a quote (LINK_PAREN_STOP_RE), so the title
        // may hold escaped quotes of its kind.
        if (!inner.empty() && (inner.back() == '"' || inner.back() == '\'')) {
            for (size_t open = 1; open + 1 < inner.size(); ++open) {
                if (inner[open] == inner.back() && (inner[open - 1] == ' ' || inner[open - 1] == '\t')) {
                    title = inner.substr(open);
                    inner = inner.substr(0, open);
                    break;
                }
            }
        }
        const std::string url = trim(inner);
        if (url.find_first_of(" \t") == std::string::npos) continue;
        out += "<" + url + ">" + (title.empty() ? std::string() : " " + title) + ")";
        p = q + 1;
    }
    out.append(text.substr(p));
    return out;
}

// A list item line: its marker indentation, content column and kind.
struct ListItemLine {
    size_t indent = 0, contentCol = 0, markerPos = 0;
    bool ordered = false;
};

bool isThematicBreak(std::string_view line)
{
    char mark = 0;
    int count = 0;
    for (char c : line) {
        if (c == ' ' || c == '\t') continue;
        if (c != '-' && c != '*' && c != '_') return false;
        if (mark && c != mark) return false;
        mark = c;
        ++count;
    }
    return count >= 3;
}

std::optional<ListItemLine> listItemLine(std::string_view line)
{
    ListItemLine item;
    size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    item.indent = item.markerPos = i;
    size_t m = i;
    if (m < line.size() && (line[m] == '-' || line[m] == '*' || line[m] == '+')) {
        ++m;
    } else {
        while (m < line.size() && std::isdigit(static_cast<unsigned char>(line[m]))) ++m;
        if (m == i || m - i > 9 || m >= line.size() || line[m] != '.') return std::nullopt;
        ++m;
        item.ordered = true;
    }
    if (m < line.size() && line[m] != ' ' && line[m] != '\t') return std::nullopt;
    if (m >= line.size() || isBlankLine(line.substr(m))) return std::nullopt; // empty items left alone
    if (isThematicBreak(line)) return std::nullopt;
    size_t sp = 0;
    while (m + sp < line.size() && line[m + sp] == ' ') ++sp;
    item.contentCol = m + (sp >= 1 && sp <= 4 ? sp : 1);
    return item;
}

// kramdown's ATX header starts at the first column it reads the line from
// (`base`); CommonMark allows three spaces before the '#'. An indented one is
// text for kramdown: its '#' is escaped so cmark keeps it text too.
// Inside a blockquote the column is the one after "> " (BLOCKQUOTE_START).
void escapeIndentedAtxHeader(std::string &line, size_t base)
{
    size_t indent = base;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    if (indent - base <= 3 && indent < line.size() && line[indent] == '>') {
        size_t inner = indent + 1;
        if (inner < line.size() && line[inner] == ' ') ++inner;
        escapeIndentedAtxHeader(line, inner);
        return;
    }
    if (indent == base || indent - base > 3 || indent >= line.size() || line[indent] != '#') return;
    size_t hashes = 0;
    while (indent + hashes < line.size() && line[indent + hashes] == '#') ++hashes;
    const size_t after = indent + hashes;
    if (hashes > 6 || (after < line.size() && line[after] != ' ' && line[after] != '\t')) return;
    line.insert(indent, "\\");
}

// kramdown list rules that CommonMark lacks, applied by rewriting lines:
// - one list whatever the bullet (`*`, `+`, `-`): bullets become `-`;
// - a list item of the other kind (bullet vs ordered) or indented less than
//   the content column, directly under an item line, is read by kramdown as a
//   lazy line of that item and becomes a nested list: it is re-indented to
//   the item's content column so that CommonMark nests it too.
void normaliseLists(std::vector<std::string> &lines, const std::vector<char> &lineIsCode)
{
    struct Open { size_t markerIndent, contentCol; bool ordered; };
    std::vector<Open> open;
    bool prevBlank = true;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string &line = lines[i];
        if (!lineIsCode[i]) {
            // The column kramdown reads this line from: an item's content
            // column (its indentation removed), or the margin for a lazy line
            // (kept as written) and outside lists.
            size_t base = 0;
            const bool lazy = !prevBlank && !open.empty() && leadingSpaces(line) < open.back().contentCol;
            for (const Open &o : open)
                if (!lazy && leadingSpaces(line) >= o.contentCol) base = o.contentCol;
            escapeIndentedAtxHeader(line, base);
        }
        // kramdown's lazy_re: directly under an item (no blank line), a less
        // indented header, blockquote or code fence is still the item's
        // content (and may interrupt its paragraph); CommonMark ends the list.
        if (!prevBlank && !open.empty() && !isBlankLine(line) && !listItemLine(line) &&
            leadingSpaces(line) < open.back().contentCol) {
            const std::string_view t = trimmed(line); // read before `line` changes
            const bool header = t.starts_with("#") && t.find_first_not_of('#') <= 6 &&
                                t.find_first_not_of('#') < t.size() && (t[t.find_first_not_of('#')] == ' ' || t[t.find_first_not_of('#')] == '\t');
            const std::string_view fence = lineIsCode[i] ? fenceOf(line) : std::string_view();
            if (leadingSpaces(line) <= 3 && (header || t.starts_with(">") || !fence.empty())) {
                const size_t col = open.back().contentCol;
                const std::string fenceText(fence);
                line.insert(0, col - leadingSpaces(line), ' ');
                if (!fenceText.empty()) {
                    // kramdown keeps a lazy fence's lines as written, except that
                    // lines indented to the item's content lose that indentation;
                    // CommonMark strips the content column from every line (a
                    // line indented less ends the item) and then the opener's own
                    // indentation, which is now none: so the less indented lines
                    // get the whole column in front.
                    for (size_t k = i + 1; k < lines.size(); ++k) {
                        const bool closes = closesFence(lines[k], fenceText);
                        if (!isBlankLine(lines[k]) && leadingSpaces(lines[k]) < col) lines[k].insert(0, col, ' ');
                        if (closes) { i = k; break; }
                    }
                }
                if (header || !fenceText.empty()) {
                    // A text line right after the fence or header is a lazy line
                    // of the item too (kramdown's lazy_re); CommonMark would end
                    // the list there, as no paragraph precedes it.
                    if (i + 1 < lines.size()) {
                        std::string &next = lines[i + 1];
                        const std::string_view nt = trimmed(next); // read before `next` changes
                        if (!isBlankLine(next) && !lineIsCode[i + 1] && !listItemLine(next) &&
                            leadingSpaces(next) < open.back().contentCol && !nt.starts_with("{:") &&
                            !nt.starts_with("<") && !nt.starts_with("#") && !nt.starts_with(">"))
                            next.insert(0, open.back().contentCol - leadingSpaces(next), ' ');
                    }
                }
                prevBlank = false;
                continue;
            }
        }
        // After a blank line, a line less indented than an item's content
        // ends that item; code too (a fence at the margin after a list), or
        // its `# comment` lines would be pulled into the item as headers.
        auto closeItemsAfterBlank = [&](size_t indent) {
            if (!prevBlank) return;
            size_t keep = 0;
            while (keep < open.size() && indent >= open[keep].contentCol) ++keep;
            open.resize(keep);
        };
        if (lineIsCode[i]) {
            closeItemsAfterBlank(leadingSpaces(line));
            prevBlank = false;
            continue;
        }
        if (isBlankLine(line)) { prevBlank = true; continue; }
        auto item = listItemLine(line);
        if (!item) {
            closeItemsAfterBlank(leadingSpaces(line));
            prevBlank = false;
            continue;
        }
        if (!item->ordered && line[item->markerPos] != '-') line[item->markerPos] = '-';
        // Walk the open items from the outermost, as kramdown's nested list
        // parsing does: a same-kind item less indented than an item's content
        // is its sibling; deeper indentation is that item's content; the other
        // kind directly under it (no blank line) is a lazy line that nests.
        size_t target = item->indent;
        size_t j = 0;
        bool lazy = false;
        while (j < open.size()) {
            const Open &o = open[j];
            if (o.ordered == item->ordered && target < o.contentCol) {
                if (lazy) target = o.markerIndent;
                break;
            }
            if (target >= o.contentCol) { ++j; continue; }
            if (prevBlank) break;
            if (j + 1 < open.size()) { lazy = true; ++j; continue; }
            target = o.contentCol;
            ++j;
            break;
        }
        open.resize(std::min(open.size(), j));
        if (target != item->indent) {
            const size_t shift = target > item->indent ? target - item->indent : 0;
            if (target > item->indent) line.insert(0, shift, ' ');
            else line.erase(0, item->indent - target);
            item->contentCol = item->contentCol + target - item->indent;
            item->markerPos = item->markerPos + target - item->indent;
            item->indent = target;
        }
        open.push_back({item->indent, item->contentCol, item->ordered});
        prevBlank = false;
    }
}

// kramdown parse_blockquote: a blockquote takes every following line up to
// a blank line, an IAL or an HTML tag line (LAZY_END), with or without '>'.
// Lines without '>' get one so that CommonMark keeps them in the quote.
void lazyBlockquotes(std::vector<std::string> &lines, const std::vector<char> &lineIsCode)
{
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lineIsCode[i] || leadingSpaces(lines[i]) > 3 || !trimmed(lines[i]).starts_with(">")) continue;
        // Plain text lines are lazy paragraph continuations for CommonMark
        // too; from the first line that would start a block (list item,
        // header, fence, rule) on, the rest of the quote gets explicit '>'.
        const size_t quoteIndent = leadingSpaces(lines[i]);
        bool explicitFromHere = false;
        size_t k = i + 1;
        for (; k < lines.size(); ++k) {
            const std::string &l = lines[k];
            if (isBlankLine(l)) break;
            const std::string_view t = trimmed(l); // read before lines[k] changes
            if (leadingSpaces(l) <= 3 && (t.starts_with("{:") || (t.starts_with("<") && t.size() > 1 &&
                                                                  (std::isalpha(static_cast<unsigned char>(t[1])) || t[1] == '/'))))
                break;
            if (leadingSpaces(l) <= 3 && t.starts_with(">")) continue;
            if (!explicitFromHere && isThematicBreak(l) && t[0] != '-') {
                // Paragraph text in kramdown, a rule for CommonMark.
                lines[k].insert(leadingSpaces(l), "\\");
                continue;
            }
            if (!explicitFromHere)
                explicitFromHere = listItemLine(l) || t.starts_with("#") || !fenceOf(l).empty() || isThematicBreak(l) ||
                                   (!t.empty() && (t.find_first_not_of('=') == std::string::npos));
            if (explicitFromHere)
                lines[k].insert(std::min(leadingSpaces(l), quoteIndent), "> ");
        }
        i = k - 1;
    }
}

// kramdown takes a setext header only right after a block boundary and for
// one line of text; elsewhere the underline is paragraph text. A private-use
// character makes CommonMark see it that way too (dropped when rendering).
void guardSetextUnderlines(std::vector<std::string> &lines, const std::vector<char> &lineIsCode)
{
    auto plainText = [&](size_t k) {
        if (lineIsCode[k] || isBlankLine(lines[k])) return false;
        const std::string_view t = trimmed(lines[k]);
        return leadingSpaces(lines[k]) <= 3 && !listItemLine(lines[k]) && !t.starts_with("#") && !t.starts_with(">") &&
               !t.starts_with("<") && !t.starts_with("{:") && !t.starts_with("|");
    };
    for (size_t i = 2; i < lines.size(); ++i) {
        const std::string_view t = trimmed(lines[i]); // read before lines[i] changes
        if (lineIsCode[i] || lineIsCode[i - 2] || t.empty() || leadingSpaces(lines[i]) > 3) continue;
        if (t.find_first_not_of('=') != std::string::npos && t.find_first_not_of('-') != std::string::npos) continue;
        if (plainText(i - 1) && !isBlankLine(lines[i - 2])) {
            std::string guard;
            appendUtf8(guard, kSetextGuard);
            lines[i] += guard;
        }
    }
}

// More of kramdown's paragraph and code-block continuation rules:
// - a thematic break cannot interrupt a paragraph (it stays text);
// - a footnote definition cannot either; and its own text ends at the first
//   non-indented line (CommonMark would continue it lazily);
// - an indented code block goes on over following non-blank lines of any
//   indentation (CODEBLOCK_MATCH), up to a blank line, IAL or HTML line.
void kramdownContinuations(std::vector<std::string> &lines, std::vector<char> &lineIsCode)
{
    auto plainText = [&](size_t k) {
        if (lineIsCode[k] || isBlankLine(lines[k])) return false;
        const std::string_view t = trimmed(lines[k]);
        const bool definition = t.starts_with("[") && t.find("]:") != std::string::npos && t.find(']') == t.find("]:");
        return leadingSpaces(lines[k]) <= 3 && !listItemLine(lines[k]) && !t.starts_with("#") && !t.starts_with(">") &&
               !t.starts_with("<") && !t.starts_with("{:") && !definition;
    };
    std::string_view fence;
    size_t fenceIndent = 0;
    std::string noBreak = "<!--folio:X-->";
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string &line = lines[i];
        if (!fence.empty()) {
            if (closesFence(line, fence, fenceIndent)) fence = {};
            continue;
        }
        if (lineIsCode[i]) {
            if (auto f = fenceOf(line); !f.empty()) {
                fence = f;
                fenceIndent = leadingSpaces(line);
                continue;
            }
            // Indented code: absorb the following non-blank lines.
            for (size_t k = i + 1; k < lines.size() && !isBlankLine(lines[k]) && !lineIsCode[k]; ++k) {
                const std::string_view t = trimmed(lines[k]); // read before lines[k] changes
                if (leadingSpaces(lines[k]) <= 3 && (t.starts_with("{:") || t.starts_with("<"))) break;
                lines[k].insert(0, "    ");
                lineIsCode[k] = 1;
            }
            continue;
        }
        if (i == 0 || isBlankLine(line)) continue;
        const std::string_view t = trimmed(line); // read before `line` (or `lines`) changes
        if (isThematicBreak(line) && leadingSpaces(line) <= 3 && plainText(i - 1) && t[0] != '-') {
            line.insert(leadingSpaces(line), "\\");
            continue;
        }
        if (leadingSpaces(line) <= 3 && t.starts_with("[^") && t.find("]:") != std::string::npos) {
            if (plainText(i - 1)) {
                line.insert(leadingSpaces(line), "\\");
                continue;
            }
            if (i + 1 < lines.size() && plainText(i + 1) && leadingSpaces(lines[i + 1]) < 4)
                lines.insert(lines.begin() + long(i) + 1, noBreak), lineIsCode.insert(lineIsCode.begin() + long(i) + 1, 0);
        }
    }
}

// True when line `next` is a list item that ends the item holding line
// `first` (it is indented less than that item's content): kramdown parses an
// item's text on its own, so its end is a block boundary.
bool endsContainingItem(const std::vector<std::string> &lines, size_t first, size_t next)
{
    const auto nextItem = listItemLine(lines[next]);
    if (!nextItem) return false;
    const size_t indent = leadingSpaces(lines[first]);
    for (size_t k = first; k-- > 0;) {
        if (isBlankLine(lines[k])) continue;
        if (const auto item = listItemLine(lines[k]); item && leadingSpaces(lines[k]) < indent)
            return leadingSpaces(lines[next]) < item->contentCol;
        if (leadingSpaces(lines[k]) == 0) return false;   // not in a list
    }
    return false;
}

} // namespace

// kramdown's HTML_CONTENT_MODEL: how the content of markdown="1" is parsed.
HtmlBlock::Mode contentModel(std::string_view tag)
{
    static const std::set<std::string, std::less<>> block = {
        "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "fieldset",
        "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main", "map", "menu",
        "nav", "noscript", "object", "section", "summary", "td"};
    static const std::set<std::string, std::less<>> span = {
        "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q", "rb", "rbc",
        "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup", "th", "tt"};
    if (block.count(tag)) return HtmlBlock::Mode::Block;
    if (span.count(tag)) return HtmlBlock::Mode::Span;
    return HtmlBlock::Mode::Raw;
}

std::string processSpanEscapes(std::string_view text, const Options &options)
{
    std::string out = processEscapes(text, options);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string prepareBlocks(std::string_view input, const Options &options, Extracted &ex)
{
    std::vector<std::string> lines;
    for (auto l : splitLines(input)) lines.emplace_back(l);
    const auto mask = codeMask(input);
    // A line counts as code when its first byte is (fences, indented code).
    std::vector<char> lineIsCode(lines.size(), 0);
    for (size_t i = 0, off = 0; i < lines.size(); off += lines[i].size() + 1, ++i)
        lineIsCode[i] = off < mask.size() && mask[off];

    kramdownContinuations(lines, lineIsCode);
    normaliseLists(lines, lineIsCode);
    lazyBlockquotes(lines, lineIsCode);
    guardSetextUnderlines(lines, lineIsCode);
    HtmlScan htmlScan(lines);
    std::vector<std::string> out;
    auto prevLineBlank = [&]() { return out.empty() || isBlankLine(out.back()); };
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string &line = lines[i];
        if (lineIsCode[i] || isMarkerLine(line)) {
            out.push_back(line);
            continue;
        }
        // Footnote definitions are remembered for sub-documents (with their
        // indented continuation lines).
        if (leadingSpaces(line) <= 3 && trimmed(line).starts_with("[^") && trimmed(line).find("]:") != std::string::npos) {
            size_t k = i + 1;
            std::string def = line + "\n";
            while (k < lines.size() && (leadingSpaces(lines[k]) >= 4 || (isBlankLine(lines[k]) && k + 1 < lines.size() && leadingSpaces(lines[k + 1]) >= 4 && !isBlankLine(lines[k + 1])))) {
                def += lines[k] + "\n";
                ++k;
            }
            ex.footnoteDefinitions += def;
        }
        // Link reference definitions are remembered for sub-documents.
        {
            const std::string_view t = trimmed(line); // `lines` is not changed in this loop
            if (leadingSpaces(line) <= 3 && t.starts_with("[") && t.find("]:") != std::string::npos && !t.starts_with("[^"))
                ex.linkDefinitions.append(t) += '\n';
        }
        // Block IAL / ALD, also inside blockquotes ("> {: .x}"): the marker
        // keeps the line's quote prefix.
        bool isAld = false;
        std::string name, body;
        const size_t quoteEnd = quotePrefixLength(line);
        if (parseBlockExtension(std::string_view(line).substr(quoteEnd), isAld, name, body)) {
            if (isAld) {
                ex.alds[name] = parseAttributeList(body, &ex.alds);
                continue;
            }
            BlockIal ial;
            ial.text = body;
            const std::string_view prev = out.empty() ? std::string_view() : std::string_view(out.back());
            const std::string_view prevContent = prev.substr(std::min(prev.size(), quoteEnd ? quotePrefixLength(prev) : 0));
            ial.toPrevious = !out.empty() && !isBlankLine(prevContent) && !trimmed(prevContent).starts_with("<!--folio:I") &&
                             (quoteEnd == 0 || quotePrefixLength(prev) > 0);
            const std::string prefix = quoteEnd ? line.substr(0, quoteEnd) : std::string(leadingSpaces(line), ' ');
            out.push_back(prefix + "<!--folio:I" + std::to_string(ex.ials.size()) + "-->");
            ex.ials.push_back(std::move(ial));
            continue;
        }
        // Abbreviation definitions *[ABBR]: title (abbreviation.rb)
        if (leadingSpaces(line) <= 3 && trimmed(line).starts_with("*[")) {
            const std::string t = trim(line);
            const size_t close = t.find("]:");
            if (close != std::string::npos && close > 2) {
                ex.abbreviations.emplace_back(t.substr(2, close - 2), trim(std::string_view(t).substr(close + 2)));
                continue;
            }
        }
        // kramdown table: after a block boundary, lines with a '|', ending
        // before a block boundary. Indented further, outside code, it is a
        // list item's table (codeMask makes no indented code in lists), and
        // the item's end (a less indented list item) is a boundary too.
        if (prevLineBlank() && !isBlankLine(line) && hasTablePipe(line)) {
            size_t j = i;
            while (j < lines.size() && !lineIsCode[j] && !isBlankLine(lines[j]) && hasTablePipe(lines[j])) ++j;
            bool isAld = false;
            std::string n1, b1;
            const bool boundaryAfter = j >= lines.size() || isBlankLine(lines[j]) || parseBlockExtension(lines[j], isAld, n1, b1)
                                       || endsContainingItem(lines, i, j);
            if (boundaryAfter) {
                Table table;
                const bool leadingPipe = trimmed(line).starts_with("|");
                std::vector<std::vector<std::string>> rows;
                bool hasFooter = false;
                auto addSection = [&](const std::string &tag, bool force) {
                    if (!hasFooter || tag != "tbody" || force) {
                        table.sections.push_back({tag, std::move(rows)});
                        rows.clear();
                    }
                };
                for (size_t k = i; k < j; ++k) {
                    const std::string_view row = lines[k];
                    if (isTableSeparator(row, '-')) {
                        if (rows.empty()) {
                        } else if (table.alignment.empty() && !hasFooter) {
                            addSection("thead", false);
                            for (const auto &cell : splitRow(row, trimmed(row).starts_with("|")))
                                table.alignment.push_back(alignmentOf(cell));
                        } else {
                            addSection("tbody", false);
                        }
                        continue;
                    }
                    if (isTableSeparator(row, '=')) {
                        if (!rows.empty()) addSection("tbody", true);
                        hasFooter = true;
                        continue;
                    }
                    auto cells = splitRow(row, leadingPipe);
                    table.columns = std::max(table.columns, cells.size());
                    rows.push_back(std::move(cells));
                }
                if (!rows.empty()) addSection(hasFooter ? "tfoot" : "tbody", false);
                const bool hasBody = std::any_of(table.sections.begin(), table.sections.end(),
                                                 [](const auto &s) { return s.tag == "tbody"; });
                if (hasBody) {
                    table.alignment.resize(table.columns, Table::Align::Default);
                    out.push_back(std::string(leadingSpaces(line), ' ') + "<!--folio:T" + std::to_string(ex.tables.size()) + "-->");
                    ex.tables.push_back(std::move(table));
                    i = j - 1;
                    continue;
                }
            }
        }
        // Block HTML
        std::string tagName, openTag;
        size_t isl = 0, isc = 0, iel = 0, iec = 0;
        const long end = htmlBlockEnd(lines, htmlScan, i, tagName, openTag, isl, isc, iel, iec);
        if (end >= 0) {
            HtmlBlock block;
            block.tagName = tagName;
            for (long k = long(i); k <= end; ++k) {
                block.raw += lines[k];
                if (k < end) block.raw += '\n';
            }
            // Strip the ≤3 spaces of indentation kramdown does not keep.
            block.raw.erase(0, block.raw.find_first_not_of(' '));
            if (tagName != "!--") {
                const auto attrs = parseTagAttributes(openTag);   // views into openTag
                block.raw = normalizeRawHtml(block.raw);
                std::string mode;
                for (const auto &a : attrs)
                    if (a.name == "markdown") mode = a.value;
                if (!mode.empty()) {
                    const std::string tag = openTagWithout(tagName, attrs, "markdown");
                    block.openTag = tag;
                    std::string inner;
                    for (size_t k = isl; k <= iel; ++k) {
                        size_t from = k == isl ? isc : 0;
                        size_t to = k == iel ? iec : lines[k].size();
                        if (from <= to && from <= lines[k].size()) inner += lines[k].substr(from, to - from);
                        if (k < iel) inner += '\n';
                    }
                    // markdown="1" means the element's own content model
                    // (kramdown HTML_CONTENT_MODEL): <div> block, <p> span.
                    block.mode = mode == "block" ? HtmlBlock::Mode::Block
                               : mode == "span" ? HtmlBlock::Mode::Span
                               : mode == "1" ? contentModel(tagName) : HtmlBlock::Mode::Raw;
                    if (block.mode == HtmlBlock::Mode::Raw) {
                        // markdown="0" or a raw element: content as written, attribute removed.
                        block.raw = tag + inner + "</" + tagName + ">";
                    }
                    if (inner.starts_with("\n")) inner.erase(0, 1);
                    block.inner = inner;
                }
            }
            out.push_back(std::string(leadingSpaces(line), ' ') + "<!--folio:H" + std::to_string(ex.html.size()) + "-->");
            ex.html.push_back(std::move(block));
            i = size_t(end);
            continue;
        }
        // A closing tag that starts a line outside any HTML block (those were
        // cut out whole): kramdown opens no block for it ("invalidly used HTML
        // closing tag") and its paragraph shows it as text; cmark would pass
        // it on as HTML. Inside a paragraph a span element's closing tag may
        // close that element, and is left alone.
        if (const size_t lt = line.find_first_not_of(' '); lt != std::string::npos && lt <= 3 &&
            line.compare(lt, 2, "</") == 0 && kramdownTagEnd(line, lt, true) != std::string::npos) {
            size_t nameEnd = lt + 2;
            while (nameEnd < line.size() && line[nameEnd] != '>' && !std::isspace(static_cast<unsigned char>(line[nameEnd])))
                ++nameEnd;
            if (prevLineBlank() || !spanElements().count(lower(std::string_view(line).substr(lt + 2, nameEnd - lt - 2)))) {
                out.push_back(line.substr(0, lt) + "\\" + line.substr(lt));
                continue;
            }
        }
        // Definition list: term line(s) directly above a ": definition" line.
        if (isDefinitionLine(line) && !prevLineBlank() && !isMarkerLine(out.back())) {
            DefList dl;
            std::vector<std::string> terms;
            while (!out.empty() && !isBlankLine(out.back()) && !isMarkerLine(out.back())) {
                terms.insert(terms.begin(), trim(out.back()));
                out.pop_back();
            }
            for (auto &t : terms) dl.items.push_back({true, t, false});
            size_t j = i;
            bool blankBefore = false;
            while (j < lines.size() && isDefinitionLine(lines[j])) {
                DefList::Item dd;
                dd.blankBefore = blankBefore;
                blankBefore = false;
                const size_t colon = lines[j].find(':');
                dd.text = lines[j].substr(colon + 1);
                dd.text.erase(0, dd.text.find_first_not_of(" \t"));
                ++j;
                while (j < lines.size() && !isBlankLine(lines[j]) && !isDefinitionLine(lines[j]))
                    dd.text += "\n" + trim(lines[j++]);
                // Blank lines: continue with an indented paragraph, another
                // definition (which kramdown then wraps in <p>), or a new
                // term; otherwise the list ends.
                size_t k = j;
                while (k < lines.size() && isBlankLine(lines[k])) ++k;
                if (k > j && k < lines.size() && leadingSpaces(lines[k]) >= 2 && !isDefinitionLine(lines[k])) {
                    dd.text += "\n";
                    j = k;
                    while (j < lines.size() && (leadingSpaces(lines[j]) >= 2 || isBlankLine(lines[j]))) {
                        dd.text += "\n" + (isBlankLine(lines[j]) ? std::string() : lines[j].substr(std::min(lines[j].size(), leadingSpaces(lines[j]))));
                        ++j;
                    }
                    k = j;
                    while (k < lines.size() && isBlankLine(lines[k])) ++k;
                }
                dl.items.push_back(std::move(dd));
                if (k < lines.size() && isDefinitionLine(lines[k])) {
                    blankBefore = k > j || (j > 0 && isBlankLine(lines[j - 1]));
                    j = k;
                    continue;
                }
                // New term line(s) followed by a definition continue the list.
                size_t m = k;
                while (m < lines.size() && !isBlankLine(lines[m]) && !isDefinitionLine(lines[m]) && !lineIsCode[m]) ++m;
                if (m > k && m < lines.size() && isDefinitionLine(lines[m])) {
                    for (size_t t = k; t < m; ++t) dl.items.push_back({true, trim(lines[t]), false});
                    j = m;
                    continue;
                }
                break;
            }
            out.push_back("<!--folio:D" + std::to_string(ex.deflists.size()) + "-->");
            ex.deflists.push_back(std::move(dl));
            i = j - 1;
            continue;
        }
        out.push_back(line);
    }
    std::string joined;
    joined.reserve(input.size() + 64);
    for (const auto &l : out) {
        joined += l;
        joined += '\n';
    }
    std::optional<std::vector<char>> joinedMask;
    std::string linked = fixLinkDestinations(joined, joinedMask);
    if (linked != joined) joinedMask.reset(); // the mask was of the text before
    return processEscapes(linked, options, std::move(joinedMask));
}

namespace {

// normalizeTag(tag) appended to `out` (no temporary strings: a sitemap page
// has hundreds of thousands of tags).
void appendNormalizedTag(std::string &out, std::string_view tag)
{
    if (tag.size() < 3 || tag[0] != '<' || !std::isalpha(static_cast<unsigned char>(tag[1]))) {
        out.append(tag);
        return;
    }
    size_t i = 1;
    while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-')) ++i;
    out += '<';
    const size_t nameStart = out.size();
    appendLower(out, tag.substr(1, i - 1));
    const size_t nameEnd = out.size();
    for (const auto &a : parseTagAttributes(tag)) {
        out += ' ';
        out.append(a.name);
        out += "=\"";
        appendEscapedAttribute(out, a.value);
        out += '"';
    }
    const bool selfClosing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    const std::string_view name(out.data() + nameStart, nameEnd - nameStart);
    const bool closed = selfClosing || isVoidElement(name);
    out += closed ? " />" : ">";
}

} // namespace

std::string normalizeTag(std::string_view tag)
{
    std::string out;
    appendNormalizedTag(out, tag);
    return out;
}

namespace {

// The end of the tag at `p` when kramdown's HTML_TAG_RE (or, with `closing`,
// HTML_TAG_CLOSE_RE) matches there: a name, then attributes each after white
// space with an optional =word or quoted value, then an optional / and >.
// npos otherwise: kramdown's raw HTML parser then takes the '<' as text.
size_t kramdownTagEnd(std::string_view s, size_t p, bool closing)
{
    auto byte = [&](size_t q) { return q < s.size() ? static_cast<unsigned char>(s[q]) : 0; };
    auto nameStart = [](unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; };
    auto nameChar = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80; };
    auto word = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
    auto space = [](unsigned char c) { return c && std::isspace(c); };
    size_t q = p + (closing ? 2 : 1);
    if (!nameStart(byte(q))) return std::string_view::npos;
    while (nameChar(byte(q))) ++q;
    if (closing) {
        while (space(byte(q))) ++q;
        return byte(q) == '>' ? q + 1 : std::string_view::npos;
    }
    while (true) {
        const size_t before = q;
        while (space(byte(q))) ++q;
        if (q == before || !nameStart(byte(q))) break;
        while (nameChar(byte(q))) ++q;
        size_t v = q;
        while (space(byte(v))) ++v;
        if (byte(v) != '=') continue;
        ++v;
        while (space(byte(v))) ++v;
        if (byte(v) == '"' || byte(v) == '\'') {
            const size_t close = s.find(char(byte(v)), v + 1);
            if (close == std::string_view::npos) return std::string_view::npos;
            q = close + 1;
        } else if (word(byte(v))) {
            q = v;
            while (word(byte(q))) ++q;
        } else {
            return std::string_view::npos;
        }
    }
    while (space(byte(q))) ++q;
    if (byte(q) == '/') ++q;
    return byte(q) == '>' ? q + 1 : std::string_view::npos;
}

// kramdown's HTML_ENTITY_RE at `p`: &name; &#digits; &#xhex;
bool entityAt(std::string_view s, size_t p)
{
    size_t q = p + 1;
    auto at = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; };
    if (at(q) == '#') {
        ++q;
        const bool hex = at(q) == 'x';
        if (hex) ++q;
        const size_t digits = q;
        while (hex ? std::isxdigit(at(q)) : std::isdigit(at(q))) ++q;
        return q > digits && at(q) == ';';
    }
    if (!(std::isalnum(at(q)) || at(q) == '_' || at(q) == ':')) return false;
    while (std::isalnum(at(q)) || at(q) == '_' || at(q) == ':' || at(q) == '-' || at(q) == '.') ++q;
    return at(q) == ';';
}

} // namespace

std::string normalizeRawHtml(std::string_view html)
{
    std::string out;
    out.reserve(html.size() + 16);
    size_t p = 0;
    while (p < html.size()) {
        // Text without '<', '>' or '&' is copied as it is, a run at a time.
        if (const size_t run = runWithout(html, p, "<>&"); run > p) {
            out.append(html.substr(p, run - p));
            p = run;
            continue;
        }
        if (html.compare(p, 4, "<!--") == 0) {
            size_t e = html.find("-->", p + 4);
            e = e == std::string_view::npos ? html.size() : e + 3;
            out.append(html.substr(p, e - p));
            p = e;
            continue;
        }
        if (html[p] == '<' && p + 1 < html.size() && html[p + 1] != '/' && html[p + 1] != '?') {
            const size_t e = kramdownTagEnd(html, p, false);
            if (e == std::string_view::npos) {
                out += "&lt;";   // text, as kramdown writes it: "was <50%"
                ++p;
                continue;
            }
            const size_t tagStart = out.size();
            appendNormalizedTag(out, html.substr(p, e - p));
            p = e;
            // The element's name as normalised (a view: out is not changed
            // while it is read).
            const std::string_view tag(out.data() + tagStart, out.size() - tagStart);
            const std::string_view normalisedName = tag.substr(1, tag.find_first_of(" >/", 1) - 1);
            if (normalisedName == "script" || normalisedName == "style") {
                const std::string name(normalisedName);
                // Raw text up to the closing tag.
                const size_t close = lower(html.substr(p)).find("</" + name);
                const size_t stop = close == std::string::npos ? html.size() : p + close;
                out.append(html.substr(p, stop - p));
                p = stop;
            }
            continue;
        }
        if (html[p] == '<' && p + 1 < html.size() && html[p + 1] == '/') {
            if (kramdownTagEnd(html, p, true) == std::string_view::npos) {
                out += "&lt;";
                ++p;
                continue;
            }
            const size_t e = html.find('>', p);
            std::string name = lower(html.substr(p + 2, e - p - 2));
            while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
            out += "</" + name + ">";
            p = e + 1;
            continue;
        }
        // Text: kramdown writes & (but for entities) and > escaped.
        if (html[p] == '>') {
            out += "&gt;";
            ++p;
            continue;
        }
        if (html[p] == '&' && !entityAt(html, p)) {
            out += "&amp;";
            ++p;
            continue;
        }
        out.push_back(html[p++]);
    }
    out.append(html.substr(std::min(p, html.size())));
    return out;
}

std::string restoreOriginalMath(std::string_view text, const Extracted &ex)
{
    std::string open, close;
    appendUtf8(open, kMathOpen);
    appendUtf8(close, kMathClose);
    std::string out;
    size_t p = 0;
    while (true) {
        size_t a = text.find(open, p);
        if (a == std::string_view::npos) break;
        size_t b = text.find(close, a);
        if (b == std::string_view::npos) break;
        out += text.substr(p, a - p);
        size_t index = 0;
        if (parseIndex(text.substr(a + open.size(), b - a - open.size()), index) && index < ex.math.size())
            out += ex.math[index].original;
        p = b + close.size();
    }
    out += text.substr(p);
    return out;
}

} // namespace folio::site::markdown::detail
