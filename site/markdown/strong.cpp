#include "site/markdown/strong.h"

#include "site/markdown/text.h"

#include <QChar>

#include <cctype>

namespace folio::site::markdown::detail {

namespace {

// Ruby's \s, which kramdown's emphasis rules test.
bool kramdownSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// cmark-gfm 0.29's cmark_utf8proc_is_space and _is_punctuation.
bool cmarkSpace(char32_t c)
{
    return kramdownSpace(c) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
           || c == 0x205F || c == 0x3000;
}
bool cmarkPunct(char32_t c) { return c < 128 ? std::ispunct(int(c)) != 0 : QChar::isPunct(c); }

// CommonMark's left- and right-flanking delimiter runs (what may open, close).
bool leftFlanking(char32_t before, char32_t after)
{
    return !cmarkSpace(after) && (!cmarkPunct(after) || cmarkSpace(before) || cmarkPunct(before));
}
bool rightFlanking(char32_t before, char32_t after)
{
    return !cmarkSpace(before) && (!cmarkPunct(before) || cmarkSpace(after) || cmarkPunct(after));
}

struct Run final {
    size_t start = 0, length = 0;   // code points
};

// Runs of unescaped '*' outside code.
std::vector<Run> starRuns(std::u32string_view line, const std::vector<char> &code)
{
    std::vector<Run> runs;
    for (size_t i = 0; i < line.size();) {
        if (line[i] != U'*' || code[i]) {
            ++i;
            continue;
        }
        size_t slashes = 0;
        while (slashes < i && line[i - 1 - slashes] == U'\\') ++slashes;
        if (slashes % 2) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < line.size() && line[j] == U'*' && !code[j]) ++j;
        runs.push_back({i, j - i});
        i = j;
    }
    return runs;
}

// One line: the pairs kramdown makes strong and cmark would not, as tags.
std::u32string rewriteLine(std::u32string_view line, const std::vector<char> &code)
{
    const std::vector<Run> runs = starRuns(line, code);
    // A line's only run of four or six stars (a placeholder, "******.npy"):
    // kramdown opens at its first two, takes the next two as text (no
    // emphasis in its own kind) and closes at the last: <em>**</em> or
    // <strong>**</strong>. cmark keeps the stars. A line of stars alone is a rule.
    if (runs.size() == 1 && (runs[0].length == 4 || runs[0].length == 6)
        && line.find_first_not_of(U" \t*") != std::u32string_view::npos) {
        const char32_t *tag = runs[0].length == 4 ? U"em" : U"strong";
        std::u32string out(line.substr(0, runs[0].start));
        out += U"<" + std::u32string(tag) + U">\\*\\*</" + tag + U">";
        out.append(line.substr(runs[0].start + runs[0].length));
        return out;
    }
    auto at = [&](size_t p, bool exists) { return exists ? line[p] : U' '; };
    std::vector<std::pair<size_t, bool>> tags;   // run start, opening
    for (size_t r = 0; r < runs.size(); ++r) {
        const Run open = runs[r];
        const size_t afterOpen = open.start + 2;
        if (open.length != 2 || afterOpen >= line.size() || kramdownSpace(line[afterOpen]))
            continue;
        size_t close = r + 1;
        for (; close < runs.size(); ++close) {
            if (runs[close].length > 2) {
                close = runs.size();   // *** and longer: kramdown's nesting, left alone
                break;
            }
            if (runs[close].length == 2 && !kramdownSpace(line[runs[close].start - 1]) && runs[close].start > afterOpen)
                break;
        }
        if (close >= runs.size())
            continue;
        const size_t cs = runs[close].start;
        const bool cmarkPairs = leftFlanking(at(open.start - 1, open.start > 0), line[afterOpen])
                                && rightFlanking(line[cs - 1], at(cs + 2, cs + 2 < line.size()));
        if (!cmarkPairs) {
            tags.push_back({open.start, true});
            tags.push_back({cs, false});
        }
        r = close;
    }
    if (tags.empty())
        return {};
    std::u32string out;
    size_t from = 0;
    for (const auto &[start, opening] : tags) {
        out.append(line.substr(from, start - from));
        out += opening ? U"<strong>" : U"</strong>";
        from = start + 2;
    }
    out.append(line.substr(from));
    return out;
}

} // namespace

std::string strongWhereCmarkRefuses(std::string_view text, const std::vector<char> &code)
{
    if (text.find("**") == std::string_view::npos)
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 32);
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view bytes = text.substr(start, end - start);
        std::u32string rewritten;
        if (bytes.find("**") != std::string_view::npos) {
            const std::u32string line = toU32(bytes);
            // The code mask per code point: that of its first byte.
            std::vector<char> lineCode;
            lineCode.reserve(line.size());
            for (size_t b = 0; b < bytes.size(); ++b)
                if ((static_cast<unsigned char>(bytes[b]) & 0xC0) != 0x80)
                    lineCode.push_back(start + b < code.size() ? code[start + b] : 0);
            if (lineCode.size() == line.size())
                rewritten = rewriteLine(line, lineCode);
        }
        out += rewritten.empty() ? std::string(bytes) : toUtf8(rewritten);
        if (end == text.size())
            break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

} // namespace folio::site::markdown::detail
