#include "site/markdown/text.h"

#include "site/core/htmlescape.h"

#include <QChar>
#include <QString>

#include <cctype>

namespace folio::site::markdown::detail {

std::u32string toU32(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        int extra = 0;
        if (c >= 0xF0) { cp = c & 0x07; extra = 3; }
        else if (c >= 0xE0) { cp = c & 0x0F; extra = 2; }
        else if (c >= 0xC0) { cp = c & 0x1F; extra = 1; }
        ++i;
        for (int k = 0; k < extra && i < s.size(); ++k, ++i)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
        out.push_back(cp);
    }
    return out;
}

bool parseIndex(std::string_view digits, size_t &index)
{
    if (digits.empty() || digits.size() > 9) return false;
    index = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        index = index * 10 + size_t(c - '0');
    }
    return true;
}

std::string toUtf8(std::u32string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s)
        appendUtf8(out, c);
    return out;
}

namespace {
// End of the run from `from` free of the bytes in `special` (a short list).
size_t runWithout(std::string_view text, size_t from, std::string_view special)
{
    size_t q = from;
    while (q < text.size() && special.find(text[q]) == std::string_view::npos) ++q;
    return q;
}
} // namespace

void appendEscaped(std::string &out, std::string_view text)
{
    // Runs without & < > are copied whole; appendEscapedHtml (shared with
    // Liquid's `escape`) writes each of those three.
    for (size_t i = 0; i < text.size();) {
        const size_t q = runWithout(text, i, "&<>");
        out.append(text.substr(i, q - i));
        if (q < text.size()) appendEscapedHtml(out, text.substr(q, 1), site::Quotes::None);
        i = q + 1;
    }
}

std::string escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 8);
    appendEscaped(out, text);
    return out;
}

namespace {
// REXML's REFERENCE_RE: &name; &#123; &#x1F; are left alone by kramdown's
// escape_html(:attribute).
size_t entityReferenceLength(std::string_view s, size_t p)
{
    size_t q = p + 1;
    if (q < s.size() && s[q] == '#') {
        ++q;
        const bool hex = q < s.size() && (s[q] == 'x' || s[q] == 'X');
        if (hex) ++q;
        const size_t digits = q;
        while (q < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[q])) : std::isdigit(static_cast<unsigned char>(s[q])))) ++q;
        if (q == digits) return 0;
    } else {
        const size_t name = q;
        while (q < s.size() && (std::isalnum(static_cast<unsigned char>(s[q])) || s[q] == '_' || s[q] == '-' || s[q] == '.' || s[q] == ':')) ++q;
        if (q == name || !std::isalpha(static_cast<unsigned char>(s[name]))) return 0;
    }
    return q < s.size() && s[q] == ';' ? q + 1 - p : 0;
}
} // namespace

void appendEscapedAttribute(std::string &out, std::string_view text)
{
    for (size_t i = 0; i < text.size(); ++i) {
        // Bytes appendEscaped() leaves alone, other than '"' and '&', as a run.
        const size_t run = runWithout(text, i, "\"&<>");
        if (run > i) {
            out.append(text.substr(i, run - i));
            i = run - 1;
            continue;
        }
        const char c = text[i];
        if (c == '"') {
            out += "&quot;";
        } else if (c == '&') {
            if (size_t n = entityReferenceLength(text, i)) {
                out.append(text.substr(i, n));
                i += n - 1;
            } else {
                out += "&amp;";
            }
        } else {
            appendEscaped(out, std::string_view(&c, 1));
        }
    }
}

std::string escapedAttribute(std::string_view text)
{
    std::string out;
    appendEscapedAttribute(out, text);
    return out;
}

char32_t escapeOriginal(char32_t c, bool protectMath)
{
    switch (c) {
    case kEscQuote: return U'"';
    case kEscApos: return U'\'';
    case kEscDash: return U'-';
    case kEscDot: return U'.';
    case kEscLt: return U'<';
    case kEscGt: return U'>';
    case kEscDollar: return U'$';
    case kEscBackslash: return U'\\';
    case kKeptBom: return U'\uFEFF';
    default: return c;
    }
}

namespace {

std::string entityChar(std::string_view name)
{
    static const std::map<std::string_view, std::string_view> names = {
        {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"}, {"rdquo", "\u201D"},
        {"laquo", "\u00AB"}, {"raquo", "\u00BB"}, {"sbquo", "\u201A"}, {"bdquo", "\u201E"},
        {"lsaquo", "\u2039"}, {"rsaquo", "\u203A"}, {"apos", "'"}, {"quot", "\""},
    };
    if (auto it = names.find(name); it != names.end())
        return std::string(it->second);
    // Numeric form: "8216" or "#8216" or "#x2018".
    std::string_view n = name;
    if (!n.empty() && n.front() == '#')
        n.remove_prefix(1);
    try {
        char32_t cp = (!n.empty() && (n.front() == 'x' || n.front() == 'X'))
                          ? static_cast<char32_t>(std::stoul(std::string(n.substr(1)), nullptr, 16))
                          : static_cast<char32_t>(std::stoul(std::string(n)));
        std::string out;
        appendUtf8(out, cp);
        return out;
    } catch (...) {
        return std::string(name);
    }
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Ruby's \w without the (?u) flag: ASCII word characters only.
bool isWord(char32_t c) { return (c < 128 && (std::isalnum(static_cast<int>(c)) || c == '_')); }
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isQuote(char32_t c) { return c == '"' || c == '\''; }
bool isSqPunct(char32_t c)
{
    static const std::u32string_view punct = U"!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~";
    return punct.find(c) != std::u32string_view::npos;
}

// A run of text plus one look-ahead character (what follows the run in the
// source), classified the way the Ruby regexes see it. Private-use escapes and
// math placeholders count as their punctuation.
class Scanner final {
public:
    Scanner(std::u32string_view s, std::u32string_view after) : m_s(s), m_after(after) {}
    size_t size() const { return m_s.size(); }
    // Character at i for matching; past the end: the following source text, or 0.
    char32_t at(size_t i) const
    {
        if (i < m_s.size()) return classify(m_s[i]);
        const size_t k = i - m_s.size();
        return k < m_after.size() ? classify(m_after[k]) : 0;
    }
    bool endOfLine(size_t i) const
    {
        if (i < m_s.size()) return m_s[i] == '\n';
        const size_t k = i - m_s.size();
        if (m_after.empty()) return true;
        return k < m_after.size() && m_after[k] == '\n';
    }

private:
    static char32_t classify(char32_t c)
    {
        if (c == kMathOpen || c == kMathClose) return U'$';
        if (c >= kEscQuote && c <= kKeptBom) return U'\x01'; // punctuation, never a quote
        return c;
    }
    std::u32string_view m_s;
    std::u32string_view m_after;
};

enum class Q { None, L, R };

} // namespace

Quotes parseSmartQuotes(std::string_view option)
{
    Quotes q;
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= option.size()) {
        size_t comma = option.find(',', start);
        if (comma == std::string_view::npos) comma = option.size();
        std::string part(option.substr(start, comma - start));
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        parts.push_back(part);
        start = comma + 1;
    }
    if (parts.size() == 4) {
        q.lsquo = entityChar(parts[0]);
        q.rsquo = entityChar(parts[1]);
        q.ldquo = entityChar(parts[2]);
        q.rdquo = entityChar(parts[3]);
    }
    return q;
}

void appendTypographic(std::string &out, std::u32string_view text, std::u32string_view after,
                       const Quotes &quotes, bool protectMath, std::string *plain)
{
    const Scanner s(text, after);
    const size_t n = text.size();
    auto emitText = [&](char32_t c) {
        if (c == kSetextGuard) return;
        if (c >= kEscQuote && c <= kKeptBom) {
            if (c == kEscDollar && protectMath) {
                out += "\\$";
                if (plain) *plain += "\\$";
                return;
            }
            c = escapeOriginal(c, protectMath);
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: appendUtf8(out, c); break;
        }
        if (plain) appendUtf8(*plain, c);
    };
    auto emitRaw = [&](const std::string &chars) {
        out += chars;
        if (plain) *plain += chars;
    };
    auto quote = [&](Q side, char32_t which) {
        const bool dbl = which == '"';
        emitRaw(side == Q::L ? (dbl ? quotes.ldquo : quotes.lsquo) : (dbl ? quotes.rdquo : quotes.rsquo));
    };

    // Rules of kramdown's SQ_RULES, tried in order at position j (smart_quotes.rb).
    // Returns the number of characters consumed, 0 when no rule matched.
    auto smartQuoteAt = [&](size_t j) -> size_t {
        const char32_t c0 = s.at(j), c1 = s.at(j + 1), c2 = s.at(j + 2);
        // 1: ("|')(?=[_*]{1,2}\S)
        if (isQuote(c0) && (c1 == '_' || c1 == '*') && c2 != 0 && !isSpace(c2)) { quote(Q::L, c0); return 1; }
        // 2: ("|')(?=PUNCT(?!\.\.)\B)
        if (isQuote(c0) && isSqPunct(c1) && !(s.at(j + 2) == '.' && s.at(j + 3) == '.') && !isWord(c2)) { quote(Q::R, c0); return 1; }
        // 3 and 4: (\s?)"'(?=\w) and (\s?)'"(?=\w)
        for (int variant = 0; variant < 2; ++variant) {
            const char32_t first = variant == 0 ? '"' : '\'', second = variant == 0 ? '\'' : '"';
            if (isSpace(c0) && c1 == first && c2 == second && isWord(s.at(j + 3))) {
                emitText(text[j]); quote(Q::L, first); quote(Q::L, second); return 3;
            }
            if (c0 == first && c1 == second && isWord(c2)) { quote(Q::L, first); quote(Q::L, second); return 2; }
        }
        // 5: (\s?)'(?=\d\ds)
        if (isSpace(c0) && c1 == '\'' && isDigit(c2) && isDigit(s.at(j + 3)) && s.at(j + 4) == 's') { emitText(text[j]); quote(Q::R, '\''); return 2; }
        if (c0 == '\'' && isDigit(c1) && isDigit(c2) && s.at(j + 3) == 's') { quote(Q::R, '\''); return 1; }
        // 6: (\s)('|")(?=\w)
        if (isSpace(c0) && isQuote(c1) && isWord(c2)) { emitText(text[j]); quote(Q::L, c1); return 2; }
        // 7: ([^ \\\t\r\n\[{(-])('|")
        if (j < n && c0 != 0 && std::u32string_view(U" \\\t\r\n[{(-").find(c0) == std::u32string_view::npos && isQuote(c1)) {
            emitText(text[j]); quote(Q::R, c1); return 2;
        }
        // 8: ("|')(?=\s|s\b|$)
        if (isQuote(c0) && (isSpace(c1) || (c1 == 's' && !isWord(c2)) || s.endOfLine(j + 1))) { quote(Q::R, c0); return 1; }
        // 9 and 10: (.?)' and (.?)"
        if (isQuote(c1) && j < n) { emitText(text[j]); quote(Q::L, c1); return 2; }
        if (isQuote(c0)) { quote(Q::L, c0); return 1; }
        return 0;
    };

    size_t j = 0;
    while (j < n) {
        const char32_t c = text[j];
        // The smart-quote start regex [^\\]?["'] matches at j when text[j] is a
        // quote, or when text[j] is any other char and text[j+1] is a quote.
        // Not at a '*' or '_': kramdown's emphasis parser takes that position
        // first and, failing, adds it as text, so the quote after it is read
        // without it (*"Satisfaction opens a quote).
        const bool quoteHere = isQuote(c) || (c != '\\' && c != '*' && c != '_' && j + 1 < n && isQuote(text[j + 1]));
        if (quoteHere) {
            if (size_t used = smartQuoteAt(j)) {
                j += used;
                continue;
            }
        }
        // typographic_syms, in kramdown's order: --- -- ... << >>
        auto eq = [&](size_t k, char32_t a) { return k < n && text[k] == a; };
        if (c == '-' && eq(j + 1, '-')) {
            if (eq(j + 2, '-')) { emitRaw("\u2014"); j += 3; } else { emitRaw("\u2013"); j += 2; }
            continue;
        }
        if (c == '.' && eq(j + 1, '.') && eq(j + 2, '.')) { emitRaw("\u2026"); j += 3; continue; }
        if (c == ' ' && eq(j + 1, '>') && eq(j + 2, '>')) { emitRaw("\u00A0\u00BB"); j += 3; continue; }
        if (c == '<' && eq(j + 1, '<')) {
            if (eq(j + 2, ' ')) { emitRaw("\u00AB\u00A0"); j += 3; } else { emitRaw("\u00AB"); j += 2; }
            continue;
        }
        if (c == '>' && eq(j + 1, '>')) { emitRaw("\u00BB"); j += 2; continue; }
        emitText(c);
        ++j;
    }
}

std::string gfmHeaderId(std::string_view rawText)
{
    const QString lower = QString::fromUtf8(rawText.data(), qsizetype(rawText.size())).toLower();
    std::string out;
    for (char32_t c : lower.toStdU32String()) {
        if (c == ' ' || c == '\t') {
            out.push_back('-');
            continue;
        }
        if (c == '-') {
            out.push_back('-');
            continue;
        }
        // \p{Word}: letters, marks, decimal numbers, connector punctuation.
        switch (QChar::category(c)) {
        case QChar::Letter_Uppercase: case QChar::Letter_Lowercase: case QChar::Letter_Titlecase:
        case QChar::Letter_Modifier: case QChar::Letter_Other:
        case QChar::Mark_NonSpacing: case QChar::Mark_SpacingCombining: case QChar::Mark_Enclosing:
        case QChar::Number_DecimalDigit: case QChar::Punctuation_Connector:
            appendUtf8(out, c);
            break;
        default:
            break;
        }
    }
    return out;
}

void Attributes::set(const std::string &key, const std::string &value)
{
    for (auto &[k, v] : list) {
        if (k == key) {
            v = value;
            return;
        }
    }
    list.emplace_back(key, value);
}

void Attributes::addClass(const std::string &cls)
{
    if (const std::string *existing = get("class"))
        set("class", existing->empty() ? cls : *existing + " " + cls);
    else
        list.emplace_back("class", cls);
}

const std::string *Attributes::get(const std::string &key) const
{
    for (const auto &[k, v] : list)
        if (k == key)
            return &v;
    return nullptr;
}

void Attributes::remove(const std::string &key)
{
    std::erase_if(list, [&](const auto &kv) { return kv.first == key; });
}

void Attributes::merge(const Attributes &other)
{
    for (const auto &[k, v] : other.list) {
        if (k == "class")
            addClass(v);
        else
            set(k, v);
    }
    refs.insert(refs.end(), other.refs.begin(), other.refs.end());
}

bool Attributes::hasRef(std::string_view ref) const
{
    for (const auto &r : refs)
        if (r == ref)
            return true;
    return false;
}

std::string Attributes::html() const
{
    std::string out;
    for (const auto &[k, v] : list) {
        if (k == "id" && v.find_first_not_of(" \t\n") == std::string::npos)
            continue;
        out += ' ';
        out += k;
        out += "=\"";
        out += escapedAttribute(v);
        out += '"';
    }
    return out;
}

Attributes parseAttributeList(std::string_view text, const std::map<std::string, Attributes> *alds)
{
    // kramdown ALD_ANY_CHARS tokens: ref, .class, #id, key="v", key='v'
    Attributes attrs;
    size_t i = 0;
    auto isNameChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':'; };
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            ++i;
        if (i >= text.size())
            break;
        if (text[i] == '.' || text[i] == '#') {
            const char kind = text[i++];
            size_t start = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n')
                ++i;
            std::string value(text.substr(start, i - start));
            if (kind == '.')
                attrs.addClass(value);
            else
                attrs.set("id", value);
            continue;
        }
        size_t start = i;
        while (i < text.size() && isNameChar(text[i]))
            ++i;
        std::string name(text.substr(start, i - start));
        if (i < text.size() && text[i] == '=' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\'')) {
            const char q = text[i + 1];
            size_t end = text.find(q, i + 2);
            if (end == std::string_view::npos)
                end = text.size();
            std::string value(text.substr(i + 2, end - i - 2));
            // kramdown unescapes \" inside the value
            for (size_t p = 0; (p = value.find(std::string("\\") + q, p)) != std::string::npos;)
                value.erase(p, 1), ++p;
            if (name == "class")
                attrs.addClass(value);
            else
                attrs.set(name, value);
            i = end + 1;
            continue;
        }
        if (name.empty()) {
            ++i; // skip a character kramdown would warn about
            continue;
        }
        attrs.refs.push_back(name);
        if (alds) {
            if (auto it = alds->find(name); it != alds->end())
                attrs.merge(it->second);
        }
    }
    return attrs;
}

} // namespace folio::site::markdown::detail
