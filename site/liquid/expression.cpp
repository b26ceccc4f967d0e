// Expressions and conditions: Liquid's Expression.parse, VariableLookup,
// RangeLookup, Variable (output markup with filters) and Condition, with both
// of Liquid's parsers (lax regexes and the strict lexer).
#include "internal.h"
#include "liquidtr.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace folio::site::liquid {
namespace detail {

namespace {
// Character classes as tables: the parser asks for them on every byte, and
// <cctype> goes through the locale.
struct CharClasses {
    bool word[256] = {};
    bool space[256] = {};
    constexpr CharClasses()
    {
        for (int c = 0; c < 256; ++c) {
            // Ruby's \w matches multibyte letters in UTF-8: every non-ASCII byte counts.
            word[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
            space[c] = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        }
    }
};
constexpr CharClasses kClasses;
} // namespace

bool isWordChar(char c) { return kClasses.word[(unsigned char)c]; }

bool isSpace(char c) { return kClasses.space[(unsigned char)c]; }

std::string_view lstrip(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && (isSpace(s[i]) || s[i] == '\0'))
        ++i;
    return s.substr(i);
}

std::string_view rstrip(std::string_view s)
{
    std::size_t n = s.size();
    while (n > 0 && (isSpace(s[n - 1]) || s[n - 1] == '\0'))
        --n;
    return s.substr(0, n);
}

std::string_view strip(std::string_view s) { return rstrip(lstrip(s)); }

namespace {

// How often a byte occurs in the text templates search (HTML and prose):
// searching for the needle's rarest byte with memchr skips most of the text.
int commonness(unsigned char c)
{
    if (c == ' ')
        return 100;
    if (c >= 'a' && c <= 'z')
        return 50;
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\n')
        return 25;
    if (c == '<' || c == '>' || c == '/' || c == '"' || c == '=')
        return 15;
    return 5;
}

} // namespace

std::size_t findSubstring(std::string_view haystack, std::string_view needle, std::size_t from)
{
    if (from > haystack.size())
        return std::string_view::npos;
    if (needle.empty())
        return from;
    if (needle.size() > haystack.size() - from)
        return std::string_view::npos;
    // Filters such as compress.html's 165 `replace` passes per page search
    // short needles in long pages; glibc's memmem (two-way) is slower there
    // than memchr on the needle's rarest byte plus a compare.
    std::size_t anchor = 0;
    for (std::size_t i = 1; i < needle.size(); ++i)
        if (commonness(static_cast<unsigned char>(needle[i])) < commonness(static_cast<unsigned char>(needle[anchor])))
            anchor = i;
    const char key = needle[anchor];
    const char *const begin = haystack.data();
    const char *scan = begin + from + anchor;
    const char *const last = begin + haystack.size() - (needle.size() - anchor);   // last valid anchor position
    while (scan <= last) {
        const char *hit = static_cast<const char *>(std::memchr(scan, key, std::size_t(last - scan) + 1));
        if (!hit)
            return std::string_view::npos;
        const char *start = hit - anchor;
        if (std::memcmp(start, needle.data(), needle.size()) == 0)
            return std::size_t(start - begin);
        scan = hit + 1;
    }
    return std::string_view::npos;
}

namespace {

// Length of a complete quoted string at pos, 0 if none.
std::size_t quotedStringAt(std::string_view s, std::size_t pos)
{
    if (pos >= s.size() || (s[pos] != '"' && s[pos] != '\''))
        return 0;
    const std::size_t end = s.find(s[pos], pos + 1);
    return end == std::string_view::npos ? 0 : end - pos + 1;
}

bool isFragmentChar(char c) { return !isSpace(c) && c != ',' && c != '|' && c != '\'' && c != '"'; }

} // namespace

std::size_t quotedFragmentAt(std::string_view s, std::size_t pos)
{
    if (std::size_t q = quotedStringAt(s, pos))
        return q;
    std::size_t i = pos;
    while (i < s.size()) {
        if (isFragmentChar(s[i])) {
            ++i;
        } else if (std::size_t q = quotedStringAt(s, i)) {
            i += q;
        } else {
            break;
        }
    }
    return i - pos;
}

bool findQuotedFragment(std::string_view s, std::size_t from, std::size_t *pos, std::size_t *len)
{
    for (std::size_t i = from; i < s.size(); ++i) {
        if (std::size_t n = quotedFragmentAt(s, i)) {
            *pos = i;
            *len = n;
            return true;
        }
    }
    return false;
}

std::vector<std::pair<std::string, std::string>> scanTagAttributes(std::string_view s)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    while (i < s.size()) {
        // (\w[\w-]*)\s*:\s*(QuotedFragment)
        if (isWordChar(s[i]) && (i == 0 || true)) {
            std::size_t j = i + 1;
            while (j < s.size() && (isWordChar(s[j]) || s[j] == '-'))
                ++j;
            std::size_t k = j;
            while (k < s.size() && isSpace(s[k]))
                ++k;
            if (k < s.size() && s[k] == ':') {
                ++k;
                while (k < s.size() && isSpace(s[k]))
                    ++k;
                if (std::size_t n = quotedFragmentAt(s, k)) {
                    out.emplace_back(std::string(s.substr(i, j - i)), std::string(s.substr(k, n)));
                    i = k + n;
                    continue;
                }
            }
            // The regex would retry from i+1 (a shorter key); a key can only
            // start later inside the same word if the word is followed by ':'.
            ++i;
            continue;
        }
        ++i;
    }
    return out;
}

// --- strict lexer ----------------------------------------------------------------------------

StrictParser::StrictParser(std::string_view s)
{
    std::size_t i = 0;
    auto push = [&](TokenType t, std::size_t b, std::size_t e) { m_tokens.push_back({t, s.substr(b, e - b)}); };
    while (i < s.size()) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i >= s.size())
            break;
        const std::size_t b = i;
        const char c = s[i];
        const auto rest = s.substr(i);
        if (rest.starts_with("==") || rest.starts_with("!=") || rest.starts_with("<>")) {
            i += 2;
            push(TokenType::Comparison, b, i);
        } else if (c == '<' || c == '>') {
            i += (i + 1 < s.size() && s[i + 1] == '=') ? 2 : 1;
            push(TokenType::Comparison, b, i);
        } else if (rest.starts_with("contains") && rest.size() > 8 && isSpace(rest[8])) {
            i += 8;
            push(TokenType::Comparison, b, i);
        } else if (c == '\'' || c == '"') {
            const std::size_t e = s.find(c, i + 1);
            if (e == std::string_view::npos) {
                fail(QStringLiteral("Unexpected character %1").arg(QChar(c)));
                return;
            }
            i = e + 1;
            push(TokenType::String, b, i);
        } else if (std::isdigit((unsigned char)c) || (c == '-' && i + 1 < s.size() && std::isdigit((unsigned char)s[i + 1]))) {
            ++i;
            while (i < s.size() && std::isdigit((unsigned char)s[i]))
                ++i;
            if (i + 1 < s.size() && s[i] == '.' && std::isdigit((unsigned char)s[i + 1])) {
                ++i;
                while (i < s.size() && std::isdigit((unsigned char)s[i]))
                    ++i;
            }
            push(TokenType::Number, b, i);
        } else if (std::isalpha((unsigned char)c) || c == '_') {
            ++i;
            while (i < s.size() && (isWordChar(s[i]) || s[i] == '-'))
                ++i;
            if (i < s.size() && s[i] == '?')
                ++i;
            push(TokenType::Id, b, i);
        } else if (rest.starts_with("..")) {
            i += 2;
            push(TokenType::DotDot, b, i);
        } else {
            TokenType t;
            switch (c) {
            case '|': t = TokenType::Pipe; break;
            case '.': t = TokenType::Dot; break;
            case ':': t = TokenType::Colon; break;
            case ',': t = TokenType::Comma; break;
            case '[': t = TokenType::OpenSquare; break;
            case ']': t = TokenType::CloseSquare; break;
            case '(': t = TokenType::OpenRound; break;
            case ')': t = TokenType::CloseRound; break;
            case '?': t = TokenType::Question; break;
            case '-': t = TokenType::Dash; break;
            default: fail(QStringLiteral("Unexpected character %1").arg(QString::fromUtf8(&c, 1))); return;
            }
            ++i;
            push(t, b, i);
        }
    }
    m_tokens.push_back({TokenType::End, {}});
}

void StrictParser::fail(const QString &message)
{
    if (m_ok) {
        m_ok = false;
        m_error = message;
    }
}

bool StrictParser::look(TokenType t, int ahead) const
{
    if (!m_ok)
        return false;
    const std::size_t p = m_pos + std::size_t(ahead);
    return p < m_tokens.size() && m_tokens[p].type == t;
}

bool StrictParser::consumeIf(TokenType t, std::string_view *text)
{
    if (!look(t))
        return false;
    if (text)
        *text = m_tokens[m_pos].text;
    ++m_pos;
    return true;
}

static const char *tokenName(TokenType t)
{
    switch (t) {
    case TokenType::Comparison: return "comparison";
    case TokenType::String: return "string";
    case TokenType::Number: return "number";
    case TokenType::Id: return "id";
    case TokenType::DotDot: return "dotdot";
    case TokenType::Pipe: return "pipe";
    case TokenType::Dot: return "dot";
    case TokenType::Colon: return "colon";
    case TokenType::Comma: return "comma";
    case TokenType::OpenSquare: return "open_square";
    case TokenType::CloseSquare: return "close_square";
    case TokenType::OpenRound: return "open_round";
    case TokenType::CloseRound: return "close_round";
    case TokenType::Question: return "question";
    case TokenType::Dash: return "dash";
    case TokenType::End: return "end_of_string";
    }
    return "?";
}

std::string_view StrictParser::consume(TokenType t)
{
    if (!m_ok)
        return {};
    if (m_pos >= m_tokens.size() || m_tokens[m_pos].type != t) {
        fail(QStringLiteral("Expected %1 but found %2")
                 .arg(QLatin1String(tokenName(t)),
                      QLatin1String(m_pos < m_tokens.size() ? tokenName(m_tokens[m_pos].type) : "end_of_string")));
        return {};
    }
    return m_tokens[m_pos++].text;
}

bool StrictParser::idIs(std::string_view word)
{
    if (look(TokenType::Id) && m_tokens[m_pos].text == word) {
        ++m_pos;
        return true;
    }
    return false;
}

std::string StrictParser::expression()
{
    if (!m_ok)
        return {};
    const Token &t = m_tokens[m_pos];
    switch (t.type) {
    case TokenType::Id: {
        std::string s(consume(TokenType::Id));
        return s + variableLookups();
    }
    case TokenType::OpenSquare: {
        std::string s(consume(TokenType::OpenSquare));
        s += expression();
        s += consume(TokenType::CloseSquare);
        return s + variableLookups();
    }
    case TokenType::String:
    case TokenType::Number: return std::string(consume(t.type));
    case TokenType::OpenRound: {
        consume(TokenType::OpenRound);
        std::string first = expression();
        consume(TokenType::DotDot);
        std::string last = expression();
        consume(TokenType::CloseRound);
        return "(" + first + ".." + last + ")";
    }
    default:
        fail(QStringLiteral("%1 is not a valid expression").arg(QLatin1String(tokenName(t.type))));
        return {};
    }
}

std::string StrictParser::argument()
{
    std::string s;
    if (look(TokenType::Id) && look(TokenType::Colon, 1)) {
        s += consume(TokenType::Id);
        s += consume(TokenType::Colon);
        s += ' ';
    }
    return s + expression();
}

std::string StrictParser::variableLookups()
{
    std::string s;
    while (m_ok) {
        if (look(TokenType::OpenSquare)) {
            s += consume(TokenType::OpenSquare);
            s += expression();
            s += consume(TokenType::CloseSquare);
        } else if (look(TokenType::Dot)) {
            s += consume(TokenType::Dot);
            s += consume(TokenType::Id);
        } else {
            break;
        }
    }
    return s;
}

// --- Expression.parse ------------------------------------------------------------------------

namespace {

bool matchInteger(std::string_view s)
{
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    if (i >= s.size())
        return false;
    for (; i < s.size(); ++i)
        if (!std::isdigit((unsigned char)s[i]))
            return false;
    return true;
}

bool matchFloat(std::string_view s)
{
    // \A(-?\d[\d\.]+)\z
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    if (i >= s.size() || !std::isdigit((unsigned char)s[i]))
        return false;
    ++i;
    if (i >= s.size())
        return false;
    for (; i < s.size(); ++i)
        if (!std::isdigit((unsigned char)s[i]) && s[i] != '.')
            return false;
    return true;
}

// RANGES_REGEX = /\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z/
bool matchRange(std::string_view s, std::string_view *first, std::string_view *last)
{
    if (s.size() < 2 || s.front() != '(')
        return false;
    std::size_t i = 1;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    std::size_t runEnd = i;
    while (runEnd < s.size() && !isSpace(s[runEnd]))
        ++runEnd;
    for (std::size_t e = runEnd; e > i; --e) {
        std::size_t k = e;
        while (k < s.size() && isSpace(s[k]))
            ++k;
        if (s.substr(k).starts_with("..")) {
            // Atomic group: this is the only choice.
            *first = s.substr(i, e - i);
            k += 2;
            while (k < s.size() && isSpace(s[k]))
                ++k;
            std::string_view rest = s.substr(k);
            if (rest.empty() || rest.back() != ')')
                return false;
            rest = rstrip(rest.substr(0, rest.size() - 1));
            if (rest.empty())
                return false;
            for (char c : rest)
                if (isSpace(c))
                    return false;
            *last = rest;
            return true;
        }
    }
    return false;
}

double rubyToF(std::string_view s)
{
    return Value(std::string(s)).toFloat();
}

std::vector<std::string_view> scanVariableParser(std::string_view s)
{
    // /\[[^\]]+\]|[\w\-]+\??/
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '[') {
            const std::size_t e = s.find(']', i + 1);
            if (e != std::string_view::npos && e > i + 1) {
                out.push_back(s.substr(i, e - i + 1));
                i = e + 1;
                continue;
            }
        }
        if (isWordChar(s[i]) || s[i] == '-') {
            const std::size_t b = i;
            while (i < s.size() && (isWordChar(s[i]) || s[i] == '-'))
                ++i;
            if (i < s.size() && s[i] == '?')
                ++i;
            out.push_back(s.substr(b, i - b));
            continue;
        }
        ++i;
    }
    return out;
}

} // namespace

ExpressionPtr parseLaxExpression(std::string_view markup)
{
    markup = strip(markup);
    if (markup.size() >= 1 && ((markup.front() == '"' && markup.back() == '"') || (markup.front() == '\'' && markup.back() == '\''))) {
        if (markup.size() == 1)
            return std::make_shared<Literal>(Value(std::string()));
        return std::make_shared<Literal>(Value(std::string(markup.substr(1, markup.size() - 2))));
    }
    if (matchInteger(markup)) {
        std::int64_t v = 0;
        const bool neg = markup[0] == '-';
        for (char c : markup.substr(neg ? 1 : 0))
            v = v * 10 + (c - '0');
        return std::make_shared<Literal>(Value(neg ? -v : v));
    }
    std::string_view first, last;
    if (matchRange(markup, &first, &last)) {
        ExpressionPtr a = parseLaxExpression(first), b = parseLaxExpression(last);
        auto *la = dynamic_cast<const Literal *>(a.get());
        auto *lb = dynamic_cast<const Literal *>(b.get());
        if (la && lb)
            return std::make_shared<Literal>(Value(Range{la->value().toInt(), lb->value().toInt()}));
        return std::make_shared<RangeExpression>(a, b);
    }
    if (matchFloat(markup))
        return std::make_shared<Literal>(Value(rubyToF(markup)));
    if (markup.empty() || markup == "nil" || markup == "null")
        return std::make_shared<Literal>(Value());
    if (markup == "true")
        return std::make_shared<Literal>(Value(true));
    if (markup == "false")
        return std::make_shared<Literal>(Value(false));
    if (markup == "blank" || markup == "empty")
        return std::make_shared<Literal>(methodLiteral(markup));

    auto lookup = std::make_shared<VariableLookup>();
    const auto parts = scanVariableParser(markup);
    if (parts.empty())
        return std::make_shared<Literal>(Value());
    std::string_view name = parts[0];
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']')
        lookup->nameExpr = parseLaxExpression(name.substr(1, name.size() - 2));
    else
        lookup->name = std::string(name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        VariableLookup::Lookup l;
        std::string_view p = parts[i];
        if (p.size() >= 2 && p.front() == '[' && p.back() == ']') {
            l.expr = parseLaxExpression(p.substr(1, p.size() - 2));
        } else {
            l.key = std::string(p);
            l.command = p == "size" || p == "first" || p == "last";
        }
        lookup->lookups.push_back(std::move(l));
    }
    return lookup;
}

// --- evaluation ---------------------------------------------------------------------------

namespace {

Value lookupKey(const Value &object, const Value &key, bool command)
{
    switch (object.type()) {
    case Value::Type::Hash: {
        if (key.isString()) {
            if (const Value *v = object.hash().find(key.str()))
                return *v;
        }
        if (command) {
            const std::string &k = key.str();
            if (k == "size")
                return std::int64_t(object.hash().size());
            if (k == "first")
                return object.get("first");
        }
        return {};
    }
    case Value::Type::Drop:
        return object.drop()->get(key.isString() ? std::string_view(key.str()) : std::string_view(key.toString()));
    case Value::Type::Array:
        if (key.isInt())
            return object.at(key);
        if (command)
            return object.get(key.str());
        return {};
    case Value::Type::String:
        if (command && key.str() == "size")
            return object.size();
        return {};
    case Value::Type::Range:
        if (command)
            return object.get(key.str());
        return {};
    case Value::Type::Int:
        if (command && key.str() == "size")
            return std::int64_t(8);   // Integer#size: bytes in a machine word
        return {};
    default: return {};
    }
}

Value lookupLiteral(const Value &object, std::string_view key, bool command)
{
    switch (object.type()) {
    case Value::Type::Hash:
        if (const Value *v = object.hash().find(key))
            return *v;
        if (command && key == "size")
            return std::int64_t(object.hash().size());
        if (command && key == "first")
            return object.get("first");
        return {};
    case Value::Type::Drop: return object.drop()->get(key);
    case Value::Type::Array:
    case Value::Type::Range: return command ? object.get(key) : Value();
    case Value::Type::String: return command && key == "size" ? Value(object.size()) : Value();
    case Value::Type::Int: return command && key == "size" ? Value(std::int64_t(8)) : Value();
    default: return {};
    }
}

// One literal step of a path: by pointer while it stays inside hashes (no
// copy, no reference counting), else the value looked up lands in `holder`
// (which `object` may be).
const Value *literalStep(const Value &object, std::string_view key, bool command, Value &holder)
{
    if (object.isHash())
        if (const Value *v = object.hash().find(key))
            return v;
    holder = lookupLiteral(object, key, command);
    return &holder;
}

} // namespace

Value VariableLookup::evaluate(Context &ctx) const
{
    if (MemoRecording *recording = ctx.recording())
        return evaluateRecorded(ctx, *recording);
    // Walks parents by pointer while the path stays inside hashes, so a lookup
    // like site.data.ui-text.en.label costs no reference-count traffic.
    Value holder;
    const Value *cur = nullptr;
    if (nameExpr) {
        const Value n = nameExpr->evaluate(ctx);
        if (!n.isString())
            return {};
        holder = ctx.find(n.str());
        cur = &holder;
    } else {
        cur = ctx.findPtr(name);
        if (!cur)
            return {};
        if (isMethodLiteral(*cur)) {
            // Liquid's find_variable calls to_liquid: an assigned `empty` reads as "".
            holder = Value(std::string());
            cur = &holder;
        } else if (lookups.empty()) {
            return *cur;
        } else if (ctx.globals().isDrop()) {
            // findPtr's scratch slot would be reused by nested lookups.
            holder = *cur;
            cur = &holder;
        }
    }
    for (const Lookup &l : lookups) {
        if (cur->isNil())
            return {};
        if (l.expr) {
            holder = lookupKey(*cur, l.expr->evaluate(ctx), false);
            cur = &holder;
        } else {
            cur = literalStep(*cur, l.key, l.command, holder);
        }
    }
    return *cur;
}

// The same walk while an include is recorded for the memo: a path whose
// variable comes from outside the include is recorded with the value it gave.
Value VariableLookup::evaluateRecorded(Context &ctx, MemoRecording &recording) const
{
    bool outside = false;
    Value cur;
    std::string dynamicName;   // the name an `[expr]` root gave
    if (nameExpr) {
        const Value n = nameExpr->evaluate(ctx);
        if (!n.isString())
            return {};
        dynamicName = n.str();
        const Value *found = ctx.lookup(dynamicName, &outside);
        cur = found ? *found : Value();
    } else {
        const Value *found = ctx.lookup(name, &outside);
        cur = !found ? Value() : isMethodLiteral(*found) ? Value(std::string()) : *found;
    }
    const bool computed = nameExpr || std::any_of(lookups.begin(), lookups.end(), [](const Lookup &l) { return bool(l.expr); });
    if (!computed) {
        // A member of a stable drop is the drop's business: the object read
        // once stands for all its members, unless one read hidden input
        // (a document's content), which is recorded as the path it is.
        const bool object = outside && !lookups.empty() && cur.isDrop() && cur.drop()->stable();
        const Value root = object ? cur : Value();
        bool hidden = false;
        if (!cur.isNil()) {
            const RecordedStepScope step(outside);
            for (const Lookup &l : lookups) {
                cur = lookupLiteral(cur, l.key, l.command);
                if (cur.isNil())
                    break;
            }
            hidden = step.sawHiddenInput();
        }
        if (object && !hidden)
            recording.readObject(name, root);
        else if (outside)
            recording.read(staticPath(), cur, true);
        return cur;
    }
    // A computed step (`a[b]`) records the path before it first: whether `b`
    // is read at all depends on that value. Literal steps after a nil are
    // still part of the path, so every render reaching this read records the
    // same path, whatever the values.
    MemoPath path;   // built as it is read
    path.root = nameExpr ? std::move(dynamicName) : name;
    path.dynamicRoot = bool(nameExpr);
    for (const Lookup &l : lookups) {
        if (l.expr) {
            if (outside)
                recording.read(std::make_shared<const MemoPath>(path), cur, false);
            if (cur.isNil())
                return {};
            const Value key = l.expr->evaluate(ctx);
            {
                const RecordedStepScope step(outside);
                cur = lookupKey(cur, key, false);
            }
            path.steps.push_back(MemoPath::Step{true, {}, false, key});
        } else {
            if (!cur.isNil()) {
                const RecordedStepScope step(outside);
                cur = lookupLiteral(cur, l.key, l.command);
            }
            path.steps.push_back(MemoPath::Step{false, l.key, l.command, {}});
        }
    }
    if (outside)
        recording.read(std::make_shared<const MemoPath>(std::move(path)), cur, false);
    return cur;
}

const MemoPathPtr &VariableLookup::staticPath() const
{
    if (m_pathMade.load(std::memory_order_acquire))
        return m_staticPath;
    std::call_once(m_pathOnce, [this] {
        MemoPath path;
        path.root = name;
        for (const Lookup &l : lookups)
            path.steps.push_back(MemoPath::Step{false, l.key, l.command, {}});
        m_staticPath = std::make_shared<const MemoPath>(std::move(path));
        m_pathMade.store(true, std::memory_order_release);
    });
    return m_staticPath;
}

Value evaluatePath(Context &ctx, const MemoPath &path)
{
    // By pointer while the path stays inside hashes, as VariableLookup does:
    // a replay makes dozens of these reads, and copying shared drops costs
    // reference-count traffic between the threads.
    const Value *cur = ctx.lookup(path.root, nullptr);
    if (!cur)
        return {};
    Value holder;
    if (!path.dynamicRoot && isMethodLiteral(*cur)) {
        holder = Value(std::string());
        cur = &holder;
    }
    for (const MemoPath::Step &step : path.steps) {
        if (cur->isNil())
            return {};
        if (step.computed) {
            holder = lookupKey(*cur, step.index, false);
            cur = &holder;
        } else {
            cur = literalStep(*cur, step.key, step.command, holder);
        }
    }
    return *cur;
}

Value RangeExpression::evaluate(Context &ctx) const
{
    auto toInt = [&](const Value &v, std::int64_t *out) {
        if (v.isInt() || v.isNil() || v.isString()) {
            *out = v.toInt();
            return true;
        }
        return toInteger(v, out);
    };
    std::int64_t a = 0, b = 0;
    if (!toInt(m_first->evaluate(ctx), &a) || !toInt(m_last->evaluate(ctx), &b)) {
        ctx.error(QStringLiteral("invalid integer"));
        return {};
    }
    return Value(Range{a, b});
}

static QString arityMessage(std::size_t given, const FilterSpec &spec)
{
    QString expected;
    if (spec.maxArgs < 0)
        expected = QString::number(spec.minArgs + 1) + QLatin1Char('+');
    else if (spec.minArgs == spec.maxArgs)
        expected = QString::number(spec.minArgs + 1);
    else
        expected = QStringLiteral("%1..%2").arg(spec.minArgs + 1).arg(spec.maxArgs + 1);
    return QStringLiteral("wrong number of arguments (given %1, expected %2)").arg(given + 1).arg(expected);
}

Value FilteredExpression::evaluate(Context &ctx) const
{
    Value v = base ? base->evaluate(ctx) : Value();
    if (ctx.hasPendingError())
        return {};
    for (const FilterCall &f : filters) {
        if (!f.spec)
            continue;   // lax: an unknown filter passes its input through
        FilterArgs args;
        if (!f.args.empty() || !f.kwargs.empty())
            args.reserve(f.args.size() + (f.kwargs.empty() ? 0 : 1));
        for (const ExpressionPtr &a : f.args)
            args.push_back(a->evaluate(ctx));
        if (!f.kwargs.empty()) {
            Hash h;
            for (const auto &[k, e] : f.kwargs)
                h.set(k, e->evaluate(ctx));
            args.emplace_back(std::move(h));
        }
        if (ctx.hasPendingError())
            return {};
        if (int(args.size()) < f.spec->minArgs || (f.spec->maxArgs >= 0 && int(args.size()) > f.spec->maxArgs)) {
            ctx.error(arityMessage(args.size(), *f.spec));
            return {};
        }
        v = f.spec->function(v, args, ctx);
        if (ctx.hasPendingError())
            return {};
    }
    return v;
}

std::vector<std::string> unknownFilters(const FilteredExpression &expr)
{
    std::vector<std::string> out;
    for (const FilterCall &f : expr.filters)
        if (!f.spec)
            out.push_back(f.name);
    return out;
}

QString unknownFilterWarning(const std::string &name)
{
    return Tr::tr("Unknown filter '%1': Jekyll ignores it and passes the input through unchanged")
        .arg(QString::fromStdString(name));
}

// --- Variable.new -------------------------------------------------------------------------

namespace {

bool isKeywordArgument(std::string_view a, std::string *key, std::string_view *value)
{
    // JustTagAttributes = /\A(\w[\w-]*)\s*:\s*(QuotedFragment)\z/
    if (a.empty() || !isWordChar(a[0]))
        return false;
    std::size_t j = 1;
    while (j < a.size() && (isWordChar(a[j]) || a[j] == '-'))
        ++j;
    std::size_t k = j;
    while (k < a.size() && isSpace(a[k]))
        ++k;
    if (k >= a.size() || a[k] != ':')
        return false;
    ++k;
    while (k < a.size() && isSpace(a[k]))
        ++k;
    const std::size_t n = quotedFragmentAt(a, k);
    if (n == 0 || k + n != a.size())
        return false;
    *key = std::string(a.substr(0, j));
    *value = a.substr(k);
    return true;
}

FilterCall makeFilter(std::string_view name, const std::vector<std::string> &rawArgs, const Environment &env)
{
    FilterCall f;
    f.name = std::string(name);
    f.spec = env.filter(name);
    for (const std::string &a : rawArgs) {
        std::string key;
        std::string_view value;
        if (isKeywordArgument(a, &key, &value))
            f.kwargs.emplace_back(key, parseLaxExpression(value));
        else
            f.args.push_back(parseLaxExpression(a));
    }
    return f;
}

std::shared_ptr<FilteredExpression> strictVariable(std::string_view markup, const Environment &env, QString *error)
{
    StrictParser p(markup);
    auto out = std::make_shared<FilteredExpression>();
    if (p.look(TokenType::End))
        return out;
    out->base = parseLaxExpression(p.expression());
    while (p.ok() && p.consumeIf(TokenType::Pipe)) {
        std::string_view name = p.consume(TokenType::Id);
        std::vector<std::string> args;
        if (p.consumeIf(TokenType::Colon)) {
            args.push_back(p.argument());
            while (p.ok() && p.consumeIf(TokenType::Comma))
                args.push_back(p.argument());
        }
        if (!p.ok())
            break;
        out->filters.push_back(makeFilter(name, args, env));
    }
    p.consume(TokenType::End);
    if (!p.ok()) {
        if (error)
            *error = p.error();
        return nullptr;
    }
    return out;
}

std::shared_ptr<FilteredExpression> laxVariable(std::string_view markup, const Environment &env)
{
    auto out = std::make_shared<FilteredExpression>();
    std::size_t pos = 0, len = 0;
    if (!findQuotedFragment(markup, 0, &pos, &len))
        return out;
    out->base = parseLaxExpression(markup.substr(pos, len));
    std::string_view rest = markup.substr(pos + len);
    const std::size_t bar = rest.find('|');
    if (bar == std::string_view::npos)
        return out;
    rest = lstrip(rest.substr(bar + 1));
    // FilterParser scan: runs of whitespace, QuotedFragments and commas; i.e.
    // the text between pipes (an unmatched quote also ends a run).
    std::size_t i = 0;
    while (i < rest.size()) {
        const std::size_t b = i;
        while (i < rest.size()) {
            if (isSpace(rest[i]) || rest[i] == ',') {
                ++i;
            } else if (std::size_t n = quotedFragmentAt(rest, i)) {
                i += n;
            } else {
                break;
            }
        }
        if (i == b) {
            ++i;
            continue;
        }
        const std::string_view f = rest.substr(b, i - b);
        // filtername = first \w+
        std::size_t s = 0;
        while (s < f.size() && !isWordChar(f[s]))
            ++s;
        if (s >= f.size())
            continue;
        std::size_t e = s;
        while (e < f.size() && isWordChar(f[e]))
            ++e;
        const std::string_view name = f.substr(s, e - s);
        // FilterArgsRegex = /(?:[:,])\s*((?:\w+\s*\:\s*)?QuotedFragment)/ scanned over f
        std::vector<std::string> args;
        std::size_t k = 0;
        while (k < f.size()) {
            if (f[k] != ':' && f[k] != ',') {
                ++k;
                continue;
            }
            std::size_t j = k + 1;
            while (j < f.size() && isSpace(f[j]))
                ++j;
            const std::size_t argStart = j;
            // optional keyword prefix
            std::size_t w = j;
            while (w < f.size() && isWordChar(f[w]))
                ++w;
            if (w > j) {
                std::size_t c = w;
                while (c < f.size() && isSpace(f[c]))
                    ++c;
                if (c < f.size() && f[c] == ':') {
                    ++c;
                    while (c < f.size() && isSpace(f[c]))
                        ++c;
                    if (std::size_t n = quotedFragmentAt(f, c)) {
                        args.emplace_back(f.substr(argStart, c + n - argStart));
                        k = c + n;
                        continue;
                    }
                }
            }
            if (std::size_t n = quotedFragmentAt(f, j)) {
                args.emplace_back(f.substr(argStart, n));
                k = j + n;
                continue;
            }
            ++k;
        }
        out->filters.push_back(makeFilter(name, args, env));
    }
    return out;
}

} // namespace

std::shared_ptr<const FilteredExpression> parseVariable(std::string_view markup, const Environment &env,
                                                        ParseMode mode, QString *error, QString *warning)
{
    QString strictError;
    if (auto v = strictVariable(markup, env, &strictError))
        return v;
    if (mode == ParseMode::Strict) {
        if (error)
            *error = strictError;
        return nullptr;
    }
    if (mode == ParseMode::Warn && warning)
        *warning = strictError;
    return laxVariable(markup, env);
}

// --- conditions --------------------------------------------------------------------------------

void parseConditionOperand(std::string_view markup, ExpressionPtr *expr, MethodLiteral *method)
{
    *method = MethodLiteral::None;
    if (markup == "blank")
        *method = MethodLiteral::Blank;
    else if (markup == "empty")
        *method = MethodLiteral::Empty;
    else
        *expr = parseLaxExpression(markup);
}

Value compareEqual(const Value &l, MethodLiteral lm, const Value &r, MethodLiteral rm)
{
    auto applyMethod = [](MethodLiteral m, const Value &v, MethodLiteral other) -> Value {
        // Plain Ruby has no blank?; empty? exists on String, Array, Hash.
        if (m == MethodLiteral::Empty && other == MethodLiteral::None
            && (v.isString() || v.isArray() || v.isHash()))
            return v.empty();
        return {};
    };
    if (lm != MethodLiteral::None)
        return applyMethod(lm, r, rm);
    if (rm != MethodLiteral::None)
        return applyMethod(rm, l, lm);
    return l.equals(r);
}

static bool isOrderable(const Value &v) { return v.isNumber() || v.isString() || v.isTime(); }

Value Comparison::evaluate(Context &ctx) const
{
    if (op.empty()) {
        if (leftMethod != MethodLiteral::None)
            return true;   // a MethodLiteral object is truthy
        return left ? left->evaluate(ctx) : Value();
    }
    const Value l = left ? left->evaluate(ctx) : Value();
    const Value r = right ? right->evaluate(ctx) : Value();
    if (op == "==")
        return compareEqual(l, leftMethod, r, rightMethod);
    if (op == "!=" || op == "<>")
        return !compareEqual(l, leftMethod, r, rightMethod).truthy();
    if (op == "contains") {
        if (!l.truthy() || !r.truthy())
            return false;
        if (l.isString())
            return r.isString() ? findSubstring(l.str(), r.str()) != std::string_view::npos
                                : findSubstring(l.str(), r.toString()) != std::string_view::npos;
        if (l.isArray()) {
            for (const Value &e : l.array())
                if (e.equals(r))
                    return true;
            return false;
        }
        if (l.isHash())
            return r.isString() && l.hash().contains(r.str());
        if (l.isRange())
            return r.isNumber() && r.toFloat() >= double(l.range().first) && r.toFloat() <= double(l.range().last);
        return false;
    }
    if (op == "<" || op == ">" || op == "<=" || op == ">=") {
        if (leftMethod != MethodLiteral::None || rightMethod != MethodLiteral::None)
            return {};
        if (!isOrderable(l) || !isOrderable(r))
            return {};
        bool comparable = true;
        const int c = compareValues(l, r, &comparable);
        if (!comparable) {
            ctx.error(comparisonError(l, r));
            return {};
        }
        if (op == "<")
            return c < 0;
        if (op == ">")
            return c > 0;
        if (op == "<=")
            return c <= 0;
        return c >= 0;
    }
    ctx.error(QStringLiteral("Unknown operator %1").arg(QString::fromStdString(op)));
    return {};
}

Value ConditionChain::evaluateValue(Context &ctx) const
{
    Value result;
    for (std::size_t i = 0; i < items.size(); ++i) {
        result = items[i].evaluate(ctx);
        if (ctx.hasPendingError())
            return {};
        if (i + 1 >= items.size())
            break;
        if (orRelation[i] ? result.truthy() : !result.truthy())
            break;
    }
    return result;
}

bool ConditionChain::evaluate(Context &ctx) const { return evaluateValue(ctx).truthy(); }

namespace {

// \b(?:\s?and\s?|\s?or\s?)\b at pos: length or 0.
std::size_t andOrAt(std::string_view s, std::size_t pos)
{
    auto wordAt = [&](std::size_t i) { return i < s.size() && isWordChar(s[i]); };
    auto boundary = [&](std::size_t i) {
        const bool before = i > 0 && isWordChar(s[i - 1]);
        return before != wordAt(i);
    };
    if (!boundary(pos))
        return 0;
    for (int lead = 1; lead >= 0; --lead) {
        std::size_t i = pos;
        if (lead) {
            if (i < s.size() && isSpace(s[i]))
                ++i;
            else
                continue;
        }
        for (std::string_view word : {std::string_view("and"), std::string_view("or")}) {
            if (s.substr(i).starts_with(word)) {
                const std::size_t e = i + word.size();
                if (e < s.size() && isSpace(s[e]) && boundary(e + 1))
                    return e + 1 - pos;
                if (boundary(e))
                    return e - pos;
            }
        }
    }
    return 0;
}

std::vector<std::string_view> scanExpressionsAndOperators(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t p = 0;
    while (p < s.size()) {
        if (std::size_t n = andOrAt(s, p)) {
            out.push_back(s.substr(p, n));
            p += n;
            continue;
        }
        std::size_t q = p;
        bool matched = false;
        while (true) {
            std::size_t r = q;
            while (r < s.size() && isSpace(s[r]))
                ++r;
            if (r >= s.size() || andOrAt(s, r))
                break;
            std::size_t n = quotedFragmentAt(s, r);
            if (n == 0) {
                while (r + n < s.size() && !isSpace(s[r + n]))
                    ++n;
            }
            if (n == 0)
                break;
            r += n;
            while (r < s.size() && isSpace(s[r]))
                ++r;
            q = r;
            matched = true;
        }
        if (matched) {
            out.push_back(s.substr(p, q - p));
            p = q;
        } else {
            ++p;
        }
    }
    return out;
}

// If::Syntax = /(QuotedFragment)\s*([=!<>a-z_]+)?\s*(QuotedFragment)?/
bool matchIfSyntax(std::string_view s, Comparison *c)
{
    std::size_t pos = 0, len = 0;
    if (!findQuotedFragment(s, 0, &pos, &len))
        return false;
    parseConditionOperand(s.substr(pos, len), &c->left, &c->leftMethod);
    std::size_t i = pos + len;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    const std::size_t opStart = i;
    while (i < s.size() && (s[i] == '=' || s[i] == '!' || s[i] == '<' || s[i] == '>' || s[i] == '_'
                            || (s[i] >= 'a' && s[i] <= 'z')))
        ++i;
    if (i > opStart) {
        c->op = std::string(s.substr(opStart, i - opStart));
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (std::size_t n = quotedFragmentAt(s, i))
            parseConditionOperand(s.substr(i, n), &c->right, &c->rightMethod);
        else
            c->right = std::make_shared<Literal>(Value());
    }
    return true;
}

std::shared_ptr<ConditionChain> laxCondition(std::string_view markup, QString *error)
{
    auto expressions = scanExpressionsAndOperators(markup);
    const QString syntax = QStringLiteral("Syntax Error in tag 'if' - Valid syntax: if [expression]");
    // Built from the right, as Liquid pops them: the chain is evaluated left to right
    // with each operator binding everything to its right.
    std::vector<Comparison> items;
    std::vector<bool> rel;
    if (expressions.empty()) {
        *error = syntax;
        return nullptr;
    }
    Comparison last;
    if (!matchIfSyntax(expressions.back(), &last)) {
        *error = syntax;
        return nullptr;
    }
    expressions.pop_back();
    items.push_back(std::move(last));
    while (!expressions.empty()) {
        const std::string_view op = strip(expressions.back());
        expressions.pop_back();
        Comparison c;
        if (expressions.empty() || !matchIfSyntax(expressions.back(), &c)) {
            *error = syntax;
            return nullptr;
        }
        expressions.pop_back();
        if (op != "and" && op != "or") {
            *error = syntax;
            return nullptr;
        }
        items.insert(items.begin(), std::move(c));
        rel.insert(rel.begin(), op == "or");
    }
    auto chain = std::make_shared<ConditionChain>();
    chain->items = std::move(items);
    chain->orRelation = std::move(rel);
    return chain;
}

std::shared_ptr<ConditionChain> strictCondition(std::string_view markup, QString *error, bool methodLiterals = true)
{
    StrictParser p(markup);
    auto chain = std::make_shared<ConditionChain>();
    auto operand = [&](ExpressionPtr *e, MethodLiteral *m) {
        const std::string text = p.expression();
        if (methodLiterals)
            parseConditionOperand(text, e, m);
        else
            *e = parseLaxExpression(text);
    };
    auto comparison = [&]() {
        Comparison c;
        operand(&c.left, &c.leftMethod);
        std::string_view op;
        if (p.consumeIf(TokenType::Comparison, &op)) {
            c.op = std::string(op);
            operand(&c.right, &c.rightMethod);
        }
        return c;
    };
    chain->items.push_back(comparison());
    while (p.ok()) {
        bool isOr = false;
        if (p.idIs("and"))
            isOr = false;
        else if (p.idIs("or"))
            isOr = true;
        else
            break;
        chain->orRelation.push_back(isOr);
        chain->items.push_back(comparison());
    }
    p.consume(TokenType::End);
    if (!p.ok()) {
        *error = p.error();
        return nullptr;
    }
    return chain;
}

} // namespace

std::shared_ptr<ConditionChain> parseJekyllConditionChain(std::string_view markup, QString *error)
{
    QString err;
    auto c = strictCondition(markup, &err, false);
    if (!c && error)
        *error = err;
    return c;
}

std::shared_ptr<ConditionChain> parseIfCondition(std::string_view markup, ParseMode mode, QString *error,
                                                 QString *warning)
{
    QString err;
    if (mode == ParseMode::Lax)
        return laxCondition(markup, error ? error : &err);
    if (auto c = strictCondition(markup, &err))
        return c;
    if (mode == ParseMode::Strict) {
        if (error)
            *error = err;
        return nullptr;
    }
    if (warning)
        *warning = err;
    return laxCondition(markup, error ? error : &err);
}

// --- output -----------------------------------------------------------------------------------

void appendOutput(std::string &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Nil: return;
    case Value::Type::String: out += v.str(); return;
    case Value::Type::Int: out += std::to_string(v.toInt()); return;
    case Value::Type::Array:
        for (const Value &e : v.array())
            appendOutput(out, e);
        return;
    default: out += v.toString(); return;
    }
}

bool toInteger(const Value &v, std::int64_t *out)
{
    if (v.isInt()) {
        *out = v.toInt();
        return true;
    }
    // Integer(obj.to_s): optional sign, digits, underscores between digits, surrounding spaces.
    std::string s = (v.isArray() || v.isHash()) ? v.inspect() : v.toString();
    std::string_view t = strip(s);
    if (t.empty())
        return false;
    std::size_t i = 0;
    bool neg = false;
    if (t[0] == '-' || t[0] == '+') {
        neg = t[0] == '-';
        ++i;
    }
    if (i >= t.size())
        return false;
    std::int64_t n = 0;
    bool lastUnderscore = true;
    for (; i < t.size(); ++i) {
        if (std::isdigit((unsigned char)t[i])) {
            n = n * 10 + (t[i] - '0');
            lastUnderscore = false;
        } else if (t[i] == '_' && !lastUnderscore) {
            lastUnderscore = true;
        } else {
            return false;
        }
    }
    if (lastUnderscore)
        return false;
    *out = neg ? -n : n;
    return true;
}

std::vector<Value> sliceCollection(const Value &collection, std::int64_t from, std::optional<std::int64_t> to)
{
    std::vector<Value> out;
    auto take = [&](std::int64_t index) { return index >= from && (!to || index < *to); };
    switch (collection.type()) {
    case Value::Type::String:
        if (!collection.str().empty() && take(0))
            out.push_back(collection);
        // Utils.slice_collection_using_each returns [string] whatever from/to are.
        if (!collection.str().empty() && out.empty())
            out.push_back(collection);
        return out;
    case Value::Type::Array: {
        const Array &a = collection.array();
        for (std::int64_t i = 0; i < std::int64_t(a.size()); ++i) {
            if (to && *to <= i)
                break;
            if (i >= from)
                out.push_back(a[std::size_t(i)]);
        }
        return out;
    }
    case Value::Type::Range: {
        const Range r = collection.range();
        for (std::int64_t v = r.first, i = 0; v <= r.last; ++v, ++i) {
            if (to && *to <= i)
                break;
            if (i >= from)
                out.push_back(v);
        }
        return out;
    }
    case Value::Type::Hash: {
        std::int64_t i = 0;
        for (const auto &[k, v] : collection.hash()) {
            if (to && *to <= i)
                break;
            if (i >= from)
                out.push_back(makeArray({Value(k), v}));
            ++i;
        }
        return out;
    }
    case Value::Type::Drop: {
        // Jekyll's Drop#each yields (key, value); `for`'s one-argument block sees the key.
        std::int64_t i = 0;
        for (const std::string &k : collection.drop()->keys()) {
            if (to && *to <= i)
                break;
            if (i >= from)
                out.push_back(Value(k));
            ++i;
        }
        return out;
    }
    default: return out;
    }
}

} // namespace detail

// --- public parse functions ------------------------------------------------------------------

ExpressionPtr parseFilteredExpression(std::string_view text, const Environment &env, QString *error, ParseMode mode)
{
    return detail::parseVariable(text, env, mode == ParseMode::Lax ? ParseMode::Warn : mode, error, nullptr);
}

ExpressionPtr parseExpression(std::string_view text, QString *error, ParseMode mode)
{
    if (mode == ParseMode::Strict) {
        detail::StrictParser p(text);
        std::string e = p.expression();
        p.consume(detail::TokenType::End);
        if (!p.ok()) {
            if (error)
                *error = p.error();
            return nullptr;
        }
        return detail::parseLaxExpression(e);
    }
    return detail::parseLaxExpression(text);
}

ConditionPtr parseCondition(std::string_view text, QString *error, ParseMode mode)
{
    return detail::parseIfCondition(text, mode, error, nullptr);
}

ConditionPtr parseJekyllCondition(std::string_view text, QString *error)
{
    return detail::parseJekyllConditionChain(text, error);
}

} // namespace folio::site::liquid
