#include "frontmatteredit.h"
#include "yamltr.h"

#include "frontmatter.h"
#include "scalar.h"

#include "site/liquid/timeformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace folio::site::yaml {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One line of the text: [begin, contentEnd) is its content without "\r\n"/"\n",
// [begin, end) includes the line end.
struct Line final {
    std::size_t begin = 0, contentEnd = 0, end = 0;
    int number = 0;
};

std::vector<Line> linesOf(std::string_view text, std::size_t from, std::size_t to, int firstNumber)
{
    std::vector<Line> lines;
    std::size_t pos = from;
    int number = firstNumber;
    while (pos < to) {
        std::size_t nl = text.find('\n', pos);
        const std::size_t end = (nl == std::string_view::npos || nl >= to) ? to : nl + 1;
        std::size_t contentEnd = (nl == std::string_view::npos || nl >= to) ? to : nl;
        if (contentEnd > pos && text[contentEnd - 1] == '\r')
            --contentEnd;
        lines.push_back({pos, contentEnd, end, number++});
        pos = end;
    }
    return lines;
}

std::string_view contentOf(std::string_view text, const Line &line)
{
    return text.substr(line.begin, line.contentEnd - line.begin);
}

bool isBlankText(std::string_view s)
{
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

// A line that holds only a comment (after optional indentation).
bool isCommentLine(std::string_view s)
{
    const std::size_t first = s.find_first_not_of(" \t");
    return first != std::string_view::npos && s[first] == '#';
}

int countNewlines(std::string_view s, std::size_t end)
{
    return int(std::count(s.begin(), s.begin() + std::ptrdiff_t(end), '\n'));
}

// The end of a quoted scalar starting at `pos` (on the quote), past the closing
// quote, or npos when it does not close on this line.
std::size_t quotedEnd(std::string_view s, std::size_t pos)
{
    const char quote = s[pos];
    for (std::size_t i = pos + 1; i < s.size(); ++i) {
        if (quote == '"' && s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == quote) {
            if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// The end of a flow collection starting at `pos` on '[' or '{', or npos.
std::size_t flowEnd(std::string_view s, std::size_t pos)
{
    int depth = 0;
    for (std::size_t i = pos; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"' || c == '\'') {
            const std::size_t e = quotedEnd(s, i);
            if (e == std::string_view::npos)
                return e;
            i = e - 1;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return i + 1;
        } else if (c == '#' && i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

// Where a ` # comment` starts in the plain text `s` (at the whitespace before
// '#'), or npos.
std::size_t plainCommentStart(std::string_view s)
{
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
            std::size_t start = i;
            while (start > 0 && (s[start - 1] == ' ' || s[start - 1] == '\t'))
                --start;
            return start;
        }
    return std::string_view::npos;
}

// A top-level key on a line at column 0: the key text's end (on ':'), the key
// itself, or nothing.
struct KeyLine final {
    bool found = false;
    std::string key;
    std::size_t colon = 0;   // offset of ':' in the line
};

KeyLine parseKeyLine(std::string_view line)
{
    KeyLine result;
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-'
        || line[0] == '?' || line[0] == '[' || line[0] == '{' || line[0] == '|' || line[0] == '>')
        return result;
    auto colonOk = [&](std::size_t p) {
        return p < line.size() && line[p] == ':' && (p + 1 == line.size() || line[p + 1] == ' ' || line[p + 1] == '\t');
    };
    if (line[0] == '"' || line[0] == '\'') {
        const std::size_t e = quotedEnd(line, 0);
        if (e == std::string_view::npos)
            return result;
        std::size_t p = e;
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
            ++p;
        if (!colonOk(p))
            return result;
        auto loaded = load(line.substr(0, e));
        if (!loaded || !loaded->isString())
            return result;
        result.key = loaded->str();
        result.colon = p;
        result.found = true;
        return result;
    }
    for (std::size_t p = 0; p < line.size(); ++p) {
        if (line[p] == '#' && p > 0 && (line[p - 1] == ' ' || line[p - 1] == '\t'))
            return result;
        if (colonOk(p)) {
            std::size_t keyEnd = p;
            while (keyEnd > 0 && (line[keyEnd - 1] == ' ' || line[keyEnd - 1] == '\t'))
                --keyEnd;
            result.key = std::string(line.substr(0, keyEnd));
            result.colon = p;
            result.found = !result.key.empty();
            return result;
        }
    }
    return result;
}

// What follows "key:" on the key line: anchor, tag, the value's first
// character.
struct ValueHead final {
    std::string anchor, tag;
    std::size_t valueStart = 0;   // offset in the line of the value proper
};

ValueHead parseValueHead(std::string_view line, std::size_t afterColon)
{
    ValueHead head;
    std::size_t p = afterColon;
    for (;;) {
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
            ++p;
        if (p < line.size() && (line[p] == '&' || line[p] == '!')) {
            std::size_t e = p;
            while (e < line.size() && line[e] != ' ' && line[e] != '\t')
                ++e;
            (line[p] == '&' ? head.anchor : head.tag) = std::string(line.substr(p, e - p));
            p = e;
            continue;
        }
        break;
    }
    head.valueStart = p;
    return head;
}

bool isBlockScalar(ValueStyle s) { return s == ValueStyle::Literal || s == ValueStyle::Folded; }

// Reads the key lines of the YAML region: each top-level key with its
// continuation lines. Blank and comment lines between keys belong to no key,
// except inside a block scalar, whose lines (comments included) are content.
void readKeys(std::string_view text, FrontMatterLayout &layout)
{
    const std::vector<Line> lines = linesOf(text, layout.yamlBegin, layout.yamlEnd, layout.yamlFirstLine);
    FrontMatterKey *current = nullptr;
    bool keepTrailingBlank = false;   // a `|+` block scalar keeps its trailing blank lines
    std::size_t pendingEnd = 0;       // the last line that surely belongs to `current`
    int pendingLast = 0;
    auto finish = [&] {
        if (!current)
            return;
        current->end = pendingEnd;
        current->lastLine = pendingLast;
        const std::string_view raw = text.substr(current->valueBegin, current->end - current->valueBegin);
        std::size_t rawEnd = raw.size();
        if (rawEnd > 0 && raw[rawEnd - 1] == '\n')
            --rawEnd;
        if (rawEnd > 0 && raw[rawEnd - 1] == '\r')
            --rawEnd;
        current->rawValue = std::string(raw.substr(0, rawEnd));
        current = nullptr;
    };
    bool firstContinuationSeen = false;
    for (const Line &line : lines) {
        const std::string_view content = contentOf(text, line);
        const KeyLine key = parseKeyLine(content);
        if (key.found) {
            finish();
            layout.keys.push_back({});
            current = &layout.keys.back();
            current->key = key.key;
            current->begin = line.begin;
            current->valueBegin = line.begin + key.colon + 1;
            current->firstLine = line.number;
            pendingEnd = line.end;
            pendingLast = line.number;
            firstContinuationSeen = false;
            const ValueHead head = parseValueHead(content, key.colon + 1);
            current->anchor = head.anchor;
            current->tag = head.tag;
            const char c = head.valueStart < content.size() ? content[head.valueStart] : '\0';
            switch (c) {
            case '\0': case '#': current->style = ValueStyle::Empty; break;
            case '|': current->style = ValueStyle::Literal; break;
            case '>': current->style = ValueStyle::Folded; break;
            case '"': current->style = ValueStyle::DoubleQuoted; break;
            case '\'': current->style = ValueStyle::SingleQuoted; break;
            case '[': current->style = ValueStyle::FlowList; break;
            case '{': current->style = ValueStyle::FlowMap; break;
            case '*': current->style = ValueStyle::Alias; break;
            default: current->style = ValueStyle::Plain;
            }
            keepTrailingBlank = isBlockScalar(current->style)
                                && content.substr(head.valueStart, 4).find('+') != std::string_view::npos;
            continue;
        }
        if (!current)
            continue;
        const bool blank = isBlankText(content);
        const bool indented = !content.empty() && (content[0] == ' ' || content[0] == '\t');
        if (isBlockScalar(current->style)) {
            // Indented lines (comments too) are the scalar's text; a line at
            // column 0 that is not a key ends it (a comment between keys).
            if (indented || (blank && keepTrailingBlank)) {
                pendingEnd = line.end;
                pendingLast = line.number;
            } else if (!blank) {
                finish();
            }
            continue;
        }
        if (blank || isCommentLine(content))
            continue;   // belongs to the key only if more of its lines follow
        const bool listItem = content[0] == '-' && (content.size() == 1 || content[1] == ' ' || content[1] == '\t');
        // Items of a block list may sit at column 0 under their key.
        const bool columnZeroList = current->style == ValueStyle::Empty
                                    || (current->style == ValueStyle::BlockList && current->itemIndent.empty());
        if (!indented && !(listItem && columnZeroList)) {
            finish();
            continue;
        }
        if (!firstContinuationSeen && current->style == ValueStyle::Empty) {
            const std::size_t first = content.find_first_not_of(" \t");
            const std::string_view rest = content.substr(first);
            if (rest.starts_with("- ") || rest == "-") {
                current->style = ValueStyle::BlockList;
                current->itemIndent = std::string(content.substr(0, first));
            } else if (parseKeyLine(rest).found) {
                current->style = ValueStyle::BlockMap;
                current->itemIndent = std::string(content.substr(0, first));
            } else {
                current->style = ValueStyle::Plain;
            }
        }
        firstContinuationSeen = true;
        pendingEnd = line.end;
        pendingLast = line.number;
    }
    finish();
}

std::string lineEndOf(std::string_view text, std::size_t lineBegin)
{
    const std::size_t nl = text.find('\n', lineBegin);
    return nl != std::string_view::npos && nl > lineBegin && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

// ---- Writing values ---------------------------------------------------------

bool hasControl(std::string_view s, bool allowNewline)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\t' && !(allowNewline && c == '\n')) || c == 0x7F)
            return true;
        // U+0085, U+2028, U+2029 and U+FEFF are line breaks or a BOM to YAML.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85)
            return true;
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80
            && (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
            return true;
        if (c == 0xEF && s.substr(i, 3) == kBom)
            return true;
    }
    return false;
}

std::string doubleQuoted(std::string_view s)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\t': out += "\\t"; continue;
        case '\r': out += "\\r"; continue;
        default: break;
        }
        char buffer[12];
        if (c < 0x20 || c == 0x7F) {
            std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
            out += buffer;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
            out += "\\N";
            ++i;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80
                   && (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
            out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\L" : "\\P";
            i += 2;
        } else if (c == 0xEF && s.substr(i, 3) == kBom) {
            out += "\\uFEFF";
            i += 2;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

std::string singleQuoted(std::string_view s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// Whether `s` may be written without quotes and read back as the same string.
bool plainAllowed(std::string_view s, bool flow)
{
    if (s.empty() || hasControl(s, false) || s.find('\t') != std::string_view::npos)
        return false;
    if (s.front() == ' ' || s.back() == ' ')
        return false;
    static constexpr std::string_view indicators = ",[]{}#&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos || s.front() == ':')
        return false;
    if ((s.front() == '-' || s.front() == '?') && (s.size() == 1 || s[1] == ' '))
        return false;
    if (s.starts_with("---") || s.starts_with("..."))
        return false;
    if (s.find(": ") != std::string_view::npos || s.back() == ':' || s.find(" #") != std::string_view::npos)
        return false;
    if (flow && s.find_first_of(",[]{}") != std::string_view::npos)
        return false;
    if (flow && s.find(':') != std::string_view::npos)
        return false;
    // Psych must read it as this string: not a boolean (yes/no/on/off), null,
    // number, date or symbol.
    const detail::Resolved resolved = detail::tokenize(s, {});
    return resolved.ok() && resolved.value.isString() && resolved.value.str() == s;
}

std::string formatTime(const liquid::Time &t)
{
    if (t.dateOnly)
        return liquid::strftime(t, "%Y-%m-%d");
    return liquid::strftime(t, t.nanoseconds ? "%Y-%m-%d %H:%M:%S.%N %z" : "%Y-%m-%d %H:%M:%S %z");
}

std::string formatFloat(double d)
{
    if (std::isnan(d))
        return ".nan";
    if (std::isinf(d))
        return d > 0 ? ".inf" : "-.inf";
    return liquid::formatRubyFloat(d);
}

std::string formatFlow(const liquid::Value &value);

std::string formatFlow(const liquid::Value &value)
{
    if (value.isArray()) {
        std::string out = "[";
        for (std::size_t i = 0; i < value.array().size(); ++i)
            out += (i ? ", " : "") + formatFlow(value.array()[i]);
        return out + "]";
    }
    if (value.isHash()) {
        std::string out = "{";
        bool first = true;
        for (const auto &[k, v] : value.hash()) {
            out += (first ? "" : ", ") + formatScalar(liquid::Value(k), ValueStyle::Plain, true) + ": " + formatFlow(v);
            first = false;
        }
        return out + "}";
    }
    return formatScalar(value, ValueStyle::Plain, true);
}

// A multi-line string as a literal block scalar, or "" when it cannot be one.
// `indent` is the indentation of its lines, `lineEnd` the file's line end.
std::string literalBlock(std::string_view s, const std::string &indent, const std::string &lineEnd)
{
    if (hasControl(s, true) || s.find('\r') != std::string_view::npos)
        return {};
    std::size_t trailing = 0;
    while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n')
        ++trailing;
    if (trailing == s.size())
        return {};   // only newlines: no line to take the indentation from
    const std::string_view chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
    std::vector<std::string_view> parts;
    const std::string_view body = trailing <= 1 ? s.substr(0, s.size() - trailing) : s.substr(0, s.size() - 1);
    for (std::size_t pos = 0;;) {
        const std::size_t nl = body.find('\n', pos);
        parts.push_back(body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
    }
    // The indentation is detected from the first non-empty line unless given:
    // give it when that line starts with a space or a blank line comes first.
    const bool needsIndicator = !parts.empty() && (parts.front().empty() || parts.front().front() == ' ');
    std::string out = "|";
    if (needsIndicator)
        out += std::to_string(indent.size());
    out += chomp;
    for (const std::string_view part : parts)
        out += lineEnd + (part.empty() ? std::string() : indent + std::string(part));
    return out;
}

// ---- Checking an edit -------------------------------------------------------

bool sameValue(const liquid::Value &a, const liquid::Value &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        if (a.array().size() != b.array().size())
            return false;
        for (std::size_t i = 0; i < a.array().size(); ++i)
            if (!sameValue(a.array()[i], b.array()[i]))
                return false;
        return true;
    }
    if (a.isHash()) {
        if (a.hash().size() != b.hash().size())
            return false;
        auto ia = a.hash().begin();
        for (auto ib = b.hash().begin(); ib != b.hash().end(); ++ia, ++ib)
            if (ia->first != ib->first || !sameValue(ia->second, ib->second))
                return false;
        return true;
    }
    if (a.isTime())
        return a.time() == b.time() && a.time().dateOnly == b.time().dateOnly;
    return a.equals(b);
}

QString where(const LoadOptions &options, int line)
{
    const QString file = options.fileName.isEmpty() ? QStringLiteral("front matter") : options.fileName;
    return QStringLiteral("%1:%2").arg(file).arg(line);
}

QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// Loads the edited text and checks that `key` reads as `expected` (when
// given) and that no other key changed (unless the edited key carries an
// anchor that other keys may alias).
Result<void> verify(const FrontMatterLayout &before, std::string_view edited, std::string_view key,
                    const liquid::Value *expected, bool anchorInvolved, const LoadOptions &options, int line)
{
    const FrontMatterLayout after = readFrontMatter(edited, options);
    if (!after.ok())
        return makeError(Tr::tr("%1: changing '%2' would make the front matter unreadable (%3); edit it as text instead")
                             .arg(where(options, line), q(key), after.error));
    const liquid::Hash &old = before.values.hash();
    const liquid::Hash &now = after.values.hash();
    if (expected) {
        const liquid::Value *got = now.find(key);
        if (!got || !sameValue(*got, *expected))
            return makeError(Tr::tr("%1: '%2' would read back as %3 instead of %4 (a merge key or a "
                                    "duplicate key overrides it?); edit it as text instead")
                                 .arg(where(options, line), q(key), got ? q(got->inspect()) : QStringLiteral("nothing"),
                                      q(expected->inspect())));
    }
    if (anchorInvolved)
        return {};
    for (const auto &[k, v] : old) {
        if (k == key)
            continue;
        const liquid::Value *got = now.find(k);
        if (!got || !sameValue(*got, v))
            return makeError(Tr::tr("%1: changing '%2' would also change '%3'; edit the front matter as text instead")
                                 .arg(where(options, line), q(key), q(k)));
    }
    for (const auto &[k, v] : now)
        if (k != key && !old.contains(k))
            return makeError(Tr::tr("%1: changing '%2' would add the key '%3'; edit the front matter as text instead")
                                 .arg(where(options, line), q(key), q(k)));
    return {};
}

Result<void> requireLoadable(const FrontMatterLayout &layout, std::string_view key, const LoadOptions &options)
{
    if (layout.ok())
        return {};
    return makeError(Tr::tr("%1 (fix it in the text before changing '%2' in the form)").arg(layout.error, q(key)));
}

std::string keyText(std::string_view key)
{
    bool simple = !key.empty();
    for (char c : key)
        simple = simple && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'
                            || static_cast<unsigned char>(c) >= 0x80);
    return simple && plainAllowed(key, false) ? std::string(key) : doubleQuoted(key);
}

// The rest of a block collection's key line (an anchor, a comment, even
// trailing spaces): it holds no value, so it stays as written.
std::string blockHeader(const FrontMatterKey &existing)
{
    std::string_view first = existing.rawValue;
    first = first.substr(0, std::min(first.find('\n'), first.size()));
    if (first.ends_with('\r'))
        first.remove_suffix(1);
    return std::string(first);
}

// The quoting of a block collection's first item, which new items follow.
ValueStyle itemStyle(const FrontMatterKey &existing)
{
    const std::string_view raw = existing.rawValue;
    for (std::size_t pos = raw.find('\n'); pos != std::string_view::npos; pos = raw.find('\n', pos + 1)) {
        std::string_view line = raw.substr(pos + 1);
        line = line.substr(0, std::min(line.find('\n'), line.size()));
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        line = line.substr(first);
        if (line.starts_with("- "))
            line = line.substr(line.find_first_not_of(" \t", 1) == std::string_view::npos ? line.size() : line.find_first_not_of(" \t", 1));
        else if (const std::size_t colon = line.find(": "); colon != std::string_view::npos)
            line = line.substr(std::min(line.find_first_not_of(" \t", colon + 1), line.size()));
        if (line.starts_with('"'))
            return ValueStyle::DoubleQuoted;
        if (line.starts_with('\''))
            return ValueStyle::SingleQuoted;
        return ValueStyle::Plain;
    }
    return ValueStyle::Plain;
}

// What follows "key:" for `value` written in `style` (the existing key's), or
// "" when that style cannot hold it. `suffix` is a trailing comment to keep
// on one-line values.
std::string valueText(const liquid::Value &value, const FrontMatterKey *existing, const std::string &lineEnd,
                      bool allowBlock)
{
    const ValueStyle style = existing ? existing->style : ValueStyle::Empty;
    std::string prefix = " ";
    if (existing) {
        // Keep the spacing after ':' and an anchor; a tag only where it still fits.
        const std::string_view raw = existing->rawValue;
        const std::size_t spaces = std::min(raw.find_first_not_of(" \t"), raw.size());
        if (spaces > 0 && raw.substr(0, spaces).find('\n') == std::string_view::npos)
            prefix = std::string(raw.substr(0, spaces));
        if (!existing->anchor.empty())
            prefix += existing->anchor + " ";
        if (existing->tag == "!!str" && value.isString())
            prefix += existing->tag + " ";
    }
    const std::string indent = existing && !existing->itemIndent.empty() ? existing->itemIndent : std::string("  ");
    // The trailing comment of a one-line value stays after the new value.
    std::string comment;
    if (existing && existing->rawValue.find('\n') == std::string::npos) {
        const std::string_view raw = existing->rawValue;
        const ValueHead head = parseValueHead(raw, 0);
        const std::string_view v = raw.substr(head.valueStart);
        std::size_t valueEnd = std::string_view::npos;
        switch (style) {
        case ValueStyle::SingleQuoted: case ValueStyle::DoubleQuoted: valueEnd = quotedEnd(v, 0); break;
        case ValueStyle::FlowList: case ValueStyle::FlowMap: valueEnd = flowEnd(v, 0); break;
        case ValueStyle::Plain: case ValueStyle::Alias: valueEnd = 0; break;
        case ValueStyle::Empty: valueEnd = 0; break;
        default: break;
        }
        if (valueEnd != std::string_view::npos) {
            if (style == ValueStyle::Empty) {
                if (v.starts_with('#'))
                    comment = " " + std::string(v);
            } else if (const std::size_t c = plainCommentStart(v.substr(valueEnd)); c != std::string_view::npos) {
                comment = std::string(v.substr(valueEnd + c));
            }
        }
    }
    auto oneLine = [&](const std::string &text) { return prefix + text + comment; };

    if (value.isNil())
        return existing && !existing->anchor.empty() ? " " + existing->anchor + comment : comment;
    if (value.isArray()) {
        const bool scalarsOnly = std::none_of(value.array().begin(), value.array().end(),
                                              [](const liquid::Value &v) { return v.isArray() || v.isHash(); });
        if (allowBlock && style == ValueStyle::BlockList && !value.array().empty() && scalarsOnly) {
            std::string out = blockHeader(*existing);
            for (const liquid::Value &item : value.array())
                out += lineEnd + existing->itemIndent + "- " + formatScalar(item, itemStyle(*existing), false);
            return out;
        }
        return oneLine(formatFlow(value));
    }
    if (value.isHash()) {
        if (allowBlock && style == ValueStyle::BlockMap && !value.hash().empty()) {
            std::string out = blockHeader(*existing);
            for (const auto &[k, v] : value.hash())
                out += lineEnd + indent + formatScalar(liquid::Value(k), ValueStyle::Plain, false) + ": "
                       + (v.isArray() || v.isHash() ? formatFlow(v) : formatScalar(v, itemStyle(*existing), false));
            return out;
        }
        return oneLine(formatFlow(value));
    }
    if (value.isString()) {
        const std::string &s = value.str();
        const bool multiLine = s.find('\n') != std::string::npos;
        if (allowBlock && style == ValueStyle::Folded && !hasControl(s, false) && !s.empty() && s.front() != ' '
            && s.front() != '\t' && (!multiLine || (s.find('\n') == s.size() - 1)))
            return prefix + (multiLine ? ">" : ">-") + lineEnd + indent + s.substr(0, s.size() - multiLine);
        if (allowBlock && multiLine) {
            const std::string block = literalBlock(s, indent, lineEnd);
            if (!block.empty())
                return prefix + block;
        }
        if (!allowBlock)
            return oneLine(doubleQuoted(s));
        const ValueStyle preferred = style == ValueStyle::SingleQuoted || style == ValueStyle::DoubleQuoted ? style
                                                                                                         : ValueStyle::Plain;
        return oneLine(formatScalar(value, preferred, false));
    }
    return oneLine(formatScalar(value, ValueStyle::Plain, false));
}

// The edit that puts `valuePart` (what follows "key:") for `key`: replaces
// its last occurrence, or adds it.
TextEdit keyEdit(std::string_view text, const FrontMatterLayout &layout, std::string_view key,
                 const std::string &valuePart)
{
    TextEdit edit;
    if (const FrontMatterKey *existing = layout.find(key)) {
        edit.begin = existing->begin;
        edit.end = existing->end;
        const std::string lineEnd = lineEndOf(text, existing->begin);
        edit.replacement = std::string(text.substr(existing->begin, existing->valueBegin - existing->begin)) + valuePart + lineEnd;
        return edit;
    }
    const std::string line = keyText(key) + ":" + valuePart + layout.lineEnd;
    if (!layout.hasFrontMatter) {
        edit.begin = edit.end = layout.hasBom ? kBom.size() : 0;
        edit.replacement = "---" + layout.lineEnd + line + "---" + layout.lineEnd;
        return edit;
    }
    edit.begin = edit.end = layout.keys.empty() ? layout.yamlEnd : layout.keys.back().end;
    edit.replacement = line;
    return edit;
}

int lineOfKey(const FrontMatterLayout &layout, std::string_view key)
{
    const FrontMatterKey *k = layout.find(key);
    return k ? k->firstLine : std::max(layout.yamlFirstLine, 1);
}

} // namespace

const FrontMatterKey *FrontMatterLayout::find(std::string_view key) const
{
    for (auto it = keys.rbegin(); it != keys.rend(); ++it)
        if (it->key == key)
            return &*it;
    return nullptr;
}

FrontMatterLayout readFrontMatter(std::string_view text, const LoadOptions &options)
{
    FrontMatterLayout layout;
    layout.hasBom = text.starts_with(kBom);
    const FrontMatterSplit parts = split(text);
    layout.hasFrontMatter = parts.hasFrontMatter;
    layout.lineEnd = lineEndOf(text, 0);
    if (!parts.hasFrontMatter)
        return layout;
    layout.yamlBegin = std::size_t(parts.yaml.data() - text.data());
    layout.yamlEnd = layout.yamlBegin + parts.yaml.size();
    layout.yamlFirstLine = countNewlines(text, layout.yamlBegin) + 1;
    readKeys(text, layout);
    LoadOptions at = options;
    at.firstLine = layout.yamlFirstLine;
    auto loaded = load(parts.yaml, at);
    if (!loaded) {
        layout.error = loaded.error();
        return layout;
    }
    if (!loaded->isNil() && !loaded->isHash()) {
        layout.error = Tr::tr("%1: the front matter is not a list of `key: value` lines; write one key per line")
                           .arg(where(options, layout.yamlFirstLine));
        return layout;
    }
    layout.values = *loaded;
    return layout;
}

std::string applyEdit(std::string_view text, const TextEdit &edit)
{
    std::string out(text.substr(0, edit.begin));
    out += edit.replacement;
    out += text.substr(edit.end);
    return out;
}

std::string formatScalar(const liquid::Value &value, ValueStyle preferred, bool flow)
{
    switch (value.type()) {
    case liquid::Value::Type::Nil: return flow ? "null" : "";
    case liquid::Value::Type::Bool: return value.toBool() ? "true" : "false";
    case liquid::Value::Type::Int: return std::to_string(value.toInt());
    case liquid::Value::Type::Float: return formatFloat(value.toFloat());
    case liquid::Value::Type::Time: return formatTime(value.time());
    case liquid::Value::Type::Array:
    case liquid::Value::Type::Hash: return formatFlow(value);
    default: break;
    }
    const std::string s = value.toString();
    const bool control = hasControl(s, false) || s.find('\n') != std::string::npos;
    if (preferred == ValueStyle::SingleQuoted && !control)
        return singleQuoted(s);
    if (preferred == ValueStyle::DoubleQuoted)
        return doubleQuoted(s);
    if (preferred == ValueStyle::Plain && plainAllowed(s, flow))
        return s;
    if (!control && (s.find('"') != std::string::npos || s.find('\\') != std::string::npos))
        return singleQuoted(s);
    return doubleQuoted(s);
}

Result<TextEdit> setValueEdit(std::string_view text, std::string_view key, const liquid::Value &value,
                              const LoadOptions &options)
{
    const FrontMatterLayout layout = readFrontMatter(text, options);
    if (auto ok = requireLoadable(layout, key, options); !ok)
        return Error{ok.error()};
    const FrontMatterKey *existing = layout.find(key);
    const std::string lineEnd = existing ? lineEndOf(text, existing->begin) : layout.lineEnd;
    const bool anchored = existing && !existing->anchor.empty();
    // The file's own style first; if that does not read back (an odd string
    // in a block scalar), the one-line double-quoted form, which holds any text.
    Result<void> checked = makeError(QString());
    for (const bool allowBlock : {true, false}) {
        TextEdit edit = keyEdit(text, layout, key, valueText(value, existing, lineEnd, allowBlock));
        checked = verify(layout, applyEdit(text, edit), key, &value, anchored, options, lineOfKey(layout, key));
        if (checked)
            return edit;
    }
    return Error{checked.error()};
}

Result<TextEdit> setRawValueEdit(std::string_view text, std::string_view key, std::string_view yamlValue,
                                 const LoadOptions &options)
{
    const FrontMatterLayout layout = readFrontMatter(text, options);
    if (auto ok = requireLoadable(layout, key, options); !ok)
        return Error{ok.error()};
    const FrontMatterKey *existing = layout.find(key);
    const std::string lineEnd = existing ? lineEndOf(text, existing->begin) : layout.lineEnd;
    // The raw text uses "\n"; the file may use CRLF.
    std::string value;
    for (char c : yamlValue) {
        if (c == '\r')
            continue;
        value += c == '\n' ? lineEnd : std::string(1, c);
    }
    if (!value.empty() && value.front() != ' ' && value.front() != '\t' && value.front() != '\r' && value.front() != '\n')
        value.insert(value.begin(), ' ');
    TextEdit edit = keyEdit(text, layout, key, value);
    const std::string edited = applyEdit(text, edit);
    if (auto ok = verify(layout, edited, key, nullptr, existing && !existing->anchor.empty(), options,
                         lineOfKey(layout, key));
        !ok)
        return Error{ok.error()};
    return edit;
}

Result<TextEdit> removeKeyEdit(std::string_view text, std::string_view key, const LoadOptions &options)
{
    const FrontMatterLayout layout = readFrontMatter(text, options);
    if (auto ok = requireLoadable(layout, key, options); !ok)
        return Error{ok.error()};
    std::vector<const FrontMatterKey *> found;
    for (const FrontMatterKey &k : layout.keys)
        if (k.key == key)
            found.push_back(&k);
    if (found.empty())
        return TextEdit{};
    // One edit spanning every occurrence, keeping the lines between them.
    TextEdit edit{found.front()->begin, found.back()->end, {}};
    for (std::size_t i = 0; i + 1 < found.size(); ++i)
        edit.replacement += text.substr(found[i]->end, found[i + 1]->begin - found[i]->end);
    bool anchored = false;
    for (const FrontMatterKey *k : found)
        anchored = anchored || !k->anchor.empty();
    if (auto ok = verify(layout, applyEdit(text, edit), key, nullptr, anchored, options, found.back()->firstLine); !ok)
        return Error{ok.error()};
    if (readFrontMatter(applyEdit(text, edit), options).values.hash().contains(key))
        return makeError(Tr::tr("%1: '%2' still comes from a merge key (<<) after removing its line; "
                                "edit the front matter as text instead")
                             .arg(where(options, found.back()->firstLine), q(key)));
    return edit;
}

TextEdit replaceYamlEdit(std::string_view text, std::string_view yaml)
{
    const FrontMatterLayout layout = readFrontMatter(text);
    TextEdit edit;
    std::string body(yaml);
    if (!body.empty() && body.back() != '\n')
        body += layout.lineEnd;
    if (!layout.hasFrontMatter) {
        edit.begin = edit.end = layout.hasBom ? kBom.size() : 0;
        edit.replacement = "---" + layout.lineEnd + body + "---" + layout.lineEnd;
        return edit;
    }
    edit.begin = layout.yamlBegin;
    edit.end = layout.yamlEnd;
    edit.replacement = std::move(body);
    return edit;
}

Result<std::string> setValue(std::string_view text, std::string_view key, const liquid::Value &value,
                             const LoadOptions &options)
{
    auto edit = setValueEdit(text, key, value, options);
    if (!edit)
        return Error{edit.error()};
    return applyEdit(text, *edit);
}

Result<std::string> removeKey(std::string_view text, std::string_view key, const LoadOptions &options)
{
    auto edit = removeKeyEdit(text, key, options);
    if (!edit)
        return Error{edit.error()};
    return applyEdit(text, *edit);
}

} // namespace folio::site::yaml
