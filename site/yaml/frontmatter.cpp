#include "frontmatter.h"

#include <algorithm>
#include <array>

namespace folio::site::yaml {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Ruby's \s: [ \t\r\n\f\v].
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int countLines(std::string_view s, std::size_t end)
{
    return int(std::count(s.begin(), s.begin() + std::ptrdiff_t(end), '\n'));
}

// `(---|\.\.\.)\s*$\n?` at `pos`: the end of the match, or npos. `\s*` is
// greedy and may cross newlines, `$` needs a following \n or the end, so the
// match ends after the last newline of the whitespace run that follows the
// marker (swallowing blank lines), or at the end of the text.
std::size_t matchClosingLine(std::string_view s, std::size_t pos)
{
    const std::string_view rest = s.substr(pos);
    if (!rest.starts_with("---") && !rest.starts_with("..."))
        return std::string_view::npos;
    std::size_t p = pos + 3;
    std::size_t lastNewline = std::string_view::npos;
    while (p < s.size() && isSpace(s[p])) {
        if (s[p] == '\n')
            lastNewline = p;
        ++p;
    }
    if (p == s.size())
        return p;
    if (lastNewline == std::string_view::npos)
        return std::string_view::npos;
    return lastNewline + 1;
}

// `---\s*\n` at the start: the end of the opening line(s), or npos. The
// greedy \s* backtracks to the last newline of the whitespace run.
std::size_t matchOpeningLine(std::string_view s)
{
    if (!s.starts_with("---"))
        return std::string_view::npos;
    std::size_t p = 3;
    std::size_t lastNewline = std::string_view::npos;
    while (p < s.size() && isSpace(s[p])) {
        if (s[p] == '\n')
            lastNewline = p;
        ++p;
    }
    return lastNewline == std::string_view::npos ? lastNewline : lastNewline + 1;
}

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// `key:` followed by the end of the line or a space: the key, or "".
std::string_view keyOfLine(std::string_view line)
{
    if (line.empty() || !((line[0] >= 'a' && line[0] <= 'z') || (line[0] >= 'A' && line[0] <= 'Z') || line[0] == '_'))
        return {};
    std::size_t p = 0;
    while (p < line.size() && isKeyChar(line[p]))
        ++p;
    if (p >= line.size() || line[p] != ':')
        return {};
    if (p + 1 < line.size() && line[p + 1] != ' ' && line[p + 1] != '\t' && line[p + 1] != '\r')
        return {};
    return line.substr(0, p);
}

bool isBlank(std::string_view line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return isSpace(c); });
}

// Front matter keys Jekyll and academicpages give meaning to: a single
// `title: ...` line is a misplaced key, a single `Note: ...` line is prose.
bool isKnownKey(std::string_view key)
{
    static constexpr std::array<std::string_view, 24> known = {
        "title", "layout", "permalink", "date", "categories", "category", "tags", "published",
        "excerpt", "collection", "venue", "paperurl", "citation", "type", "location", "author",
        "author_profile", "description", "slidesurl", "redirect_from", "last_modified_at", "toc",
        "header", "share"};
    return std::find(known.begin(), known.end(), key) != known.end();
}

bool yamlIsEmpty(std::string_view yaml)
{
    std::size_t pos = 0;
    while (pos < yaml.size()) {
        std::size_t end = yaml.find('\n', pos);
        if (end == std::string_view::npos)
            end = yaml.size();
        std::string_view line = yaml.substr(pos, end - pos);
        const std::size_t first = line.find_first_not_of(" \t\r\f\v");
        if (first != std::string_view::npos && line[first] != '#')
            return false;
        pos = end + 1;
    }
    return true;
}

} // namespace

FrontMatterSplit split(std::string_view fileText)
{
    const std::string_view text = fileText.starts_with(kBom) ? fileText.substr(kBom.size()) : fileText;
    FrontMatterSplit result;
    result.body = text;
    result.bodyFirstLine = 1;

    const std::size_t yamlStart = matchOpeningLine(text);
    if (yamlStart == std::string_view::npos)
        return result;
    // `.*?\n?^`: the earliest line start at or after the opening line where
    // a closing line matches.
    for (std::size_t pos = yamlStart; pos <= text.size();) {
        const std::size_t end = matchClosingLine(text, pos);
        if (end != std::string_view::npos) {
            result.hasFrontMatter = true;
            // The YAML starts after the first line: the \s* of the opening may
            // have swallowed blank lines, which carry no data either way.
            const std::size_t firstNewline = text.find('\n');
            result.yaml = text.substr(firstNewline + 1, pos - firstNewline - 1);
            result.yamlFirstLine = 2;
            result.body = text.substr(end);
            result.bodyFirstLine = countLines(text, end) + 1;
            return result;
        }
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
    }
    return result;
}

bool hasYamlHeader(std::string_view fileText)
{
    // File.open(file, "rb", &:readline).match? %r!\A---\s*\r?\n!: only the
    // first line is read, so \s* cannot reach past it.
    const std::size_t nl = fileText.find('\n');
    if (nl == std::string_view::npos || !fileText.starts_with("---"))
        return false;
    for (std::size_t i = 3; i < nl; ++i)
        if (!isSpace(fileText[i]))
            return false;
    return true;
}

MisplacedFrontMatter findMisplacedFrontMatter(const FrontMatterSplit &split)
{
    MisplacedFrontMatter result;
    if (!split.hasFrontMatter || !yamlIsEmpty(split.yaml))
        return result;

    std::vector<std::string> keys;
    int line = split.bodyFirstLine;
    int lastKeyLine = 0, lastLine = 0;
    std::size_t pos = 0;
    const std::string_view body = split.body;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos)
            end = body.size();
        const std::string_view text = body.substr(pos, end - pos);
        if (isBlank(text))
            break;
        const std::string_view key = keyOfLine(text);
        if (!key.empty()) {
            keys.emplace_back(key);
            lastKeyLine = line;
        } else if (keys.empty() || !(text[0] == ' ' || text[0] == '\t' || text[0] == '-')) {
            // Not YAML-looking: a continuation must be indented or a list item under a key.
            if (keys.empty())
                return result;
            break;
        }
        lastLine = line;
        ++line;
        pos = end + 1;
    }
    if (keys.empty())
        return result;
    if (keys.size() == 1 && !isKnownKey(keys.front()))
        return result;
    result.found = true;
    result.firstLine = split.bodyFirstLine;
    result.lastLine = std::max(lastLine, lastKeyLine);
    result.keys = std::move(keys);
    return result;
}

std::string describe(const MisplacedFrontMatter &found, std::string_view fileName)
{
    std::string keys;
    for (const std::string &k : found.keys)
        keys += (keys.empty() ? "" : ", ") + k;
    const std::string lines = found.firstLine == found.lastLine
                                  ? "line " + std::to_string(found.firstLine)
                                  : "lines " + std::to_string(found.firstLine) + "-" + std::to_string(found.lastLine);
    return std::string(fileName) + ":" + std::to_string(found.firstLine) + ": front matter keys found in the body ("
           + keys + " on " + lines + "): Jekyll shows them as text and the page misses them; "
           + "move them between the --- lines";
}

} // namespace folio::site::yaml
