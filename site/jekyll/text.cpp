#include "text.h"

#include "site/core/htmlescape.h"

#include <QChar>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace folio::site::jekyll {

namespace {

// Ruby's \s (and String#split's whitespace): ASCII only.
bool isRubySpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Onigmo's [\p{M}\p{L}\p{Nd}]: what the default slug keeps.
bool isSlugWordChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
        return true;
    default:
        return false;
    }
}

bool isAsciiAlnum(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isPrettyExtra(char32_t c)
{
    return c < 128 && std::u32string_view(U"._~!$&'()+,;=@").find(c) != std::u32string_view::npos;
}

std::u32string toUtf32(std::string_view s)
{
    const QList<uint> ucs4 = QString::fromUtf8(s.data(), qsizetype(s.size())).toUcs4();
    return std::u32string(ucs4.begin(), ucs4.end());
}

std::string toUtf8(const std::u32string &s)
{
    return QString::fromUcs4(s.data(), qsizetype(s.size())).toStdString();
}

std::string rubyDowncase(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size())).toLower().toStdString();
}

// Replaces every maximal run of characters for which `replaced` holds by one '-'.
template<typename Pred>
std::u32string hyphenateRuns(const std::u32string &in, Pred replaced)
{
    std::u32string out;
    out.reserve(in.size());
    bool inRun = false;
    for (char32_t c : in) {
        if (replaced(c)) {
            if (!inRun)
                out += U'-';
            inRun = true;
        } else {
            out += c;
            inRun = false;
        }
    }
    return out;
}

struct Approximation {
    char32_t codePoint;
    const char *ascii;
};

// I18n::Backend::Transliterator::HashTransliterator::DEFAULT_APPROXIMATIONS (i18n 1.10).
constexpr Approximation kApproximations[] = {
    {0x00C0, "A"}, {0x00C1, "A"}, {0x00C2, "A"}, {0x00C3, "A"}, {0x00C4, "A"}, {0x00C5, "A"},
    {0x00C6, "AE"}, {0x00C7, "C"}, {0x00C8, "E"}, {0x00C9, "E"}, {0x00CA, "E"}, {0x00CB, "E"},
    {0x00CC, "I"}, {0x00CD, "I"}, {0x00CE, "I"}, {0x00CF, "I"}, {0x00D0, "D"}, {0x00D1, "N"},
    {0x00D2, "O"}, {0x00D3, "O"}, {0x00D4, "O"}, {0x00D5, "O"}, {0x00D6, "O"}, {0x00D7, "x"},
    {0x00D8, "O"}, {0x00D9, "U"}, {0x00DA, "U"}, {0x00DB, "U"}, {0x00DC, "U"}, {0x00DD, "Y"},
    {0x00DE, "Th"}, {0x00DF, "ss"}, {0x00E0, "a"}, {0x00E1, "a"}, {0x00E2, "a"}, {0x00E3, "a"},
    {0x00E4, "a"}, {0x00E5, "a"}, {0x00E6, "ae"}, {0x00E7, "c"}, {0x00E8, "e"}, {0x00E9, "e"},
    {0x00EA, "e"}, {0x00EB, "e"}, {0x00EC, "i"}, {0x00ED, "i"}, {0x00EE, "i"}, {0x00EF, "i"},
    {0x00F0, "d"}, {0x00F1, "n"}, {0x00F2, "o"}, {0x00F3, "o"}, {0x00F4, "o"}, {0x00F5, "o"},
    {0x00F6, "o"}, {0x00F8, "o"}, {0x00F9, "u"}, {0x00FA, "u"}, {0x00FB, "u"}, {0x00FC, "u"},
    {0x00FD, "y"}, {0x00FE, "th"}, {0x00FF, "y"}, {0x0100, "A"}, {0x0101, "a"}, {0x0102, "A"},
    {0x0103, "a"}, {0x0104, "A"}, {0x0105, "a"}, {0x0106, "C"}, {0x0107, "c"}, {0x0108, "C"},
    {0x0109, "c"}, {0x010A, "C"}, {0x010B, "c"}, {0x010C, "C"}, {0x010D, "c"}, {0x010E, "D"},
    {0x010F, "d"}, {0x0110, "D"}, {0x0111, "d"}, {0x0112, "E"}, {0x0113, "e"}, {0x0114, "E"},
    {0x0115, "e"}, {0x0116, "E"}, {0x0117, "e"}, {0x0118, "E"}, {0x0119, "e"}, {0x011A, "E"},
    {0x011B, "e"}, {0x011C, "G"}, {0x011D, "g"}, {0x011E, "G"}, {0x011F, "g"}, {0x0120, "G"},
    {0x0121, "g"}, {0x0122, "G"}, {0x0123, "g"}, {0x0124, "H"}, {0x0125, "h"}, {0x0126, "H"},
    {0x0127, "h"}, {0x0128, "I"}, {0x0129, "i"}, {0x012A, "I"}, {0x012B, "i"}, {0x012C, "I"},
    {0x012D, "i"}, {0x012E, "I"}, {0x012F, "i"}, {0x0130, "I"}, {0x0131, "i"}, {0x0132, "IJ"},
    {0x0133, "ij"}, {0x0134, "J"}, {0x0135, "j"}, {0x0136, "K"}, {0x0137, "k"}, {0x0138, "k"},
    {0x0139, "L"}, {0x013A, "l"}, {0x013B, "L"}, {0x013C, "l"}, {0x013D, "L"}, {0x013E, "l"},
    {0x013F, "L"}, {0x0140, "l"}, {0x0141, "L"}, {0x0142, "l"}, {0x0143, "N"}, {0x0144, "n"},
    {0x0145, "N"}, {0x0146, "n"}, {0x0147, "N"}, {0x0148, "n"}, {0x0149, "\'n"}, {0x014A, "NG"},
    {0x014B, "ng"}, {0x014C, "O"}, {0x014D, "o"}, {0x014E, "O"}, {0x014F, "o"}, {0x0150, "O"},
    {0x0151, "o"}, {0x0152, "OE"}, {0x0153, "oe"}, {0x0154, "R"}, {0x0155, "r"}, {0x0156, "R"},
    {0x0157, "r"}, {0x0158, "R"}, {0x0159, "r"}, {0x015A, "S"}, {0x015B, "s"}, {0x015C, "S"},
    {0x015D, "s"}, {0x015E, "S"}, {0x015F, "s"}, {0x0160, "S"}, {0x0161, "s"}, {0x0162, "T"},
    {0x0163, "t"}, {0x0164, "T"}, {0x0165, "t"}, {0x0166, "T"}, {0x0167, "t"}, {0x0168, "U"},
    {0x0169, "u"}, {0x016A, "U"}, {0x016B, "u"}, {0x016C, "U"}, {0x016D, "u"}, {0x016E, "U"},
    {0x016F, "u"}, {0x0170, "U"}, {0x0171, "u"}, {0x0172, "U"}, {0x0173, "u"}, {0x0174, "W"},
    {0x0175, "w"}, {0x0176, "Y"}, {0x0177, "y"}, {0x0178, "Y"}, {0x0179, "Z"}, {0x017A, "z"},
    {0x017B, "Z"}, {0x017C, "z"}, {0x017D, "Z"}, {0x017E, "z"},
};

} // namespace

std::string transliterateLatin(std::string_view input)
{
    std::string out;
    out.reserve(input.size());
    for (char32_t c : toUtf32(input)) {
        if (c < 0x80) {
            out += char(c);
            continue;
        }
        const auto *end = std::end(kApproximations);
        const auto *it = std::find_if(std::begin(kApproximations), end,
                                      [c](const Approximation &a) { return a.codePoint == c; });
        out += it == end ? "?" : it->ascii;
    }
    return out;
}

std::string slugify(std::string_view input, std::string_view mode, bool cased)
{
    if (mode.empty())
        mode = "default";
    if (mode != "raw" && mode != "default" && mode != "pretty" && mode != "ascii" && mode != "latin")
        return cased ? std::string(input) : rubyDowncase(input);

    std::string source = mode == "latin" ? transliterateLatin(input) : std::string(input);
    const std::u32string text = toUtf32(source);
    std::u32string slug;
    if (mode == "raw")
        slug = hyphenateRuns(text, isRubySpace);
    else if (mode == "pretty")
        slug = hyphenateRuns(text, [](char32_t c) { return !isSlugWordChar(c) && !isPrettyExtra(c); });
    else if (mode == "ascii")
        slug = hyphenateRuns(text, [](char32_t c) { return !isAsciiAlnum(c); });
    else
        slug = hyphenateRuns(text, [](char32_t c) { return !isSlugWordChar(c); });

    // gsub(/^-|-$/): no newline survives the replacement above, so the anchors
    // are the string's ends.
    if (!slug.empty() && slug.front() == U'-')
        slug.erase(slug.begin());
    if (!slug.empty() && slug.back() == U'-')
        slug.pop_back();
    return cased ? toUtf8(slug) : rubyDowncase(toUtf8(slug));
}

std::string xmlEscape(std::string_view input)
{
    return escapeHtml(input, Quotes::XmlSingle);
}

std::string normalizeWhitespace(std::string_view input)
{
    std::string out;
    out.reserve(input.size());
    bool inSpace = false;
    for (char c : input) {
        if (isRubySpace(static_cast<unsigned char>(c))) {
            if (!inSpace)
                out += ' ';
            inSpace = true;
        } else {
            out += c;
            inSpace = false;
        }
    }
    // String#strip also removes NUL bytes.
    const auto strippable = [](char c) { return c == ' ' || c == '\0'; };
    std::size_t begin = 0, end = out.size();
    while (begin < end && strippable(out[begin]))
        ++begin;
    while (end > begin && strippable(out[end - 1]))
        --end;
    return out.substr(begin, end - begin);
}

namespace {

bool isCjk(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Katakana:
    case QChar::Script_Hiragana:
    case QChar::Script_Hangul:
        return true;
    default:
        return false;
    }
}

std::int64_t countWhitespaceWords(const std::u32string &text)
{
    std::int64_t count = 0;
    bool inWord = false;
    for (char32_t c : text) {
        const bool space = isRubySpace(c);
        if (!space && !inWord)
            ++count;
        inWord = !space;
    }
    return count;
}

std::int64_t countCjkWords(const std::u32string &text, std::int64_t *cjkChars)
{
    std::int64_t cjk = 0, runs = 0;
    bool inRun = false;
    for (char32_t c : text) {
        if (isCjk(c)) {
            ++cjk;
            inRun = false;
        } else if (isRubySpace(c)) {
            inRun = false;
        } else {
            if (!inRun)
                ++runs;
            inRun = true;
        }
    }
    if (cjkChars)
        *cjkChars = cjk;
    return cjk + runs;
}

} // namespace

std::int64_t numberOfWords(std::string_view input, std::string_view mode)
{
    // Whitespace is ASCII and no byte of a multi-byte character is ASCII, so
    // words are counted on the bytes unless CJK characters matter (themes
    // count every post's words for its reading time).
    const bool ascii = std::none_of(input.begin(), input.end(), [](char c) { return c & 0x80; });
    if (mode != "cjk" && (mode != "auto" || ascii)) {
        std::int64_t count = 0;
        bool inWord = false;
        for (char c : input) {
            const bool space = isRubySpace(static_cast<unsigned char>(c));
            count += !space && !inWord;
            inWord = !space;
        }
        return count;
    }
    const std::u32string text = toUtf32(input);
    if (mode == "cjk")
        return countCjkWords(text, nullptr);
    std::int64_t cjk = 0;
    const std::int64_t withCjk = countCjkWords(text, &cjk);
    return cjk == 0 ? countWhitespaceWords(text) : withCjk;
}

std::string rubyInterpolate(const liquid::Value &v)
{
    if (v.isArray() || v.isHash())
        return rubyInspect(v);
    return v.toString();
}

std::string rubyJoin(const liquid::Array &items, std::string_view separator)
{
    std::string out;
    bool first = true;
    for (const liquid::Value &item : items) {
        if (!first)
            out += separator;
        first = false;
        out += item.isArray() ? rubyJoin(item.array(), separator) : item.isHash() ? rubyInspect(item) : item.toString();
    }
    return out;
}

std::string arrayToSentence(const liquid::Array &items, std::string_view connector)
{
    const std::string conn(connector);
    switch (items.size()) {
    case 0:
        return {};
    case 1:
        return rubyInterpolate(items[0]);
    case 2:
        return rubyInterpolate(items[0]) + " " + conn + " " + rubyInterpolate(items[1]);
    default:
        return rubyJoin(liquid::Array(items.begin(), items.end() - 1), ", ") + ", " + conn + " "
               + rubyInterpolate(items.back());
    }
}

namespace {

void appendRubyString(std::string &out, std::string_view s)
{
    out += '"';
    const QString text = QString::fromUtf8(s.data(), qsizetype(s.size()));
    if (text.toUtf8() != QByteArray(s.data(), qsizetype(s.size()))) {
        // Invalid UTF-8: Ruby shows the bytes that do not decode as \xNN.
        for (unsigned char c : s) {
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
        out += '"';
        return;
    }
    const std::u32string cps = toUtf32(s);
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\t': out += "\\t"; continue;
        case '\r': out += "\\r"; continue;
        case '\f': out += "\\f"; continue;
        case '\v': out += "\\v"; continue;
        case '\a': out += "\\a"; continue;
        case '\b': out += "\\b"; continue;
        case 27: out += "\\e"; continue;
        case '#': {
            // "#{", "#$", "#@" would interpolate in a Ruby literal.
            const char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
            out += (next == '{' || next == '$' || next == '@') ? "\\#" : "#";
            continue;
        }
        default:
            break;
        }
        if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "\\u%04X", unsigned(c));
            out += buf;
        } else {
            out += toUtf8(std::u32string(1, c));
        }
    }
    out += '"';
}

void appendPrettyJson(std::string &out, const liquid::Value &v, int depth)
{
    const std::string indent(std::size_t(depth + 1) * 2, ' ');
    const std::string closing(std::size_t(depth) * 2, ' ');
    if (v.isDrop()) {
        appendPrettyJson(out, v.materialize(), depth);
    } else if (v.isArray()) {
        if (v.array().empty()) {
            // Ruby 3.1's json 2.6 writes an empty array as "[", two newlines, indent, "]".
            out += "[\n\n" + closing + "]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const liquid::Value &item : v.array()) {
            if (!first)
                out += ",\n";
            first = false;
            out += indent;
            appendPrettyJson(out, item, depth + 1);
        }
        out += "\n" + closing + "]";
    } else if (v.isHash()) {
        if (v.hash().empty()) {
            // ... and an empty object as "{", newline, indent, "}".
            out += "{\n" + closing + "}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto &[k, item] : v.hash()) {
            if (!first)
                out += ",\n";
            first = false;
            out += indent + liquid::toJson(liquid::Value(k)) + ": ";
            appendPrettyJson(out, item, depth + 1);
        }
        out += "\n" + closing + "}";
    } else {
        out += liquid::toJson(v);
    }
}

} // namespace

std::string prettyJson(const liquid::Value &v)
{
    std::string out;
    appendPrettyJson(out, v, 0);
    return out;
}

std::string rubyInspect(const liquid::Value &v)
{
    switch (v.type()) {
    case liquid::Value::Type::Nil:
        return "nil";
    case liquid::Value::Type::String: {
        std::string out;
        appendRubyString(out, v.str());
        return out;
    }
    case liquid::Value::Type::Array: {
        std::string out = "[";
        bool first = true;
        for (const liquid::Value &item : v.array()) {
            if (!first)
                out += ", ";
            first = false;
            out += rubyInspect(item);
        }
        return out + "]";
    }
    case liquid::Value::Type::Hash: {
        std::string out = "{";
        bool first = true;
        for (const auto &[k, item] : v.hash()) {
            if (!first)
                out += ", ";
            first = false;
            appendRubyString(out, k);
            out += "=>" + rubyInspect(item);
        }
        return out + "}";
    }
    case liquid::Value::Type::Drop:
        // Jekyll::Drops::Drop#inspect is JSON.pretty_generate(to_h).
        return prettyJson(v);
    case liquid::Value::Type::Time: {
        // Time#inspect: to_s with the fraction of a second, trailing zeros cut.
        const liquid::Time &t = v.time();
        if (t.dateOnly || t.nanoseconds == 0)
            return v.toString();
        char fraction[16];
        std::snprintf(fraction, sizeof fraction, ".%09d", int(t.nanoseconds));
        std::string digits(fraction);
        while (digits.back() == '0')
            digits.pop_back();
        std::string text = v.toString();   // "%Y-%m-%d %H:%M:%S %z"
        const std::size_t zone = text.rfind(' ');
        return zone == std::string::npos ? text + digits : text.insert(zone, digits);
    }
    default:
        return v.inspect();
    }
}

const char *ordinalSuffix(int day)
{
    if (day >= 11 && day <= 13)
        return "th";
    switch (day % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

} // namespace folio::site::jekyll
