// Liquid 5.4's StandardFilters with Ruby's exact behaviour: Ruby's String
// methods (split, strip, slice on characters), BigDecimal arithmetic for
// floats (Utils.to_number), CGI escaping.
#include "internal.h"

#include "site/core/htmlescape.h"
#include "timeformat.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace folio::site::liquid {

using namespace detail;

// --- helpers exported in liquid.h ----------------------------------------------------------

const char *rubyClassName(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Nil: return "NilClass";
    case Value::Type::Bool: return v.toBool() ? "TrueClass" : "FalseClass";
    case Value::Type::Int: return "Integer";
    case Value::Type::Float: return "Float";
    case Value::Type::String: return "String";
    case Value::Type::Array: return "Array";
    case Value::Type::Hash: return "Hash";
    case Value::Type::Drop: return "Drop";
    case Value::Type::Time: return "Time";
    case Value::Type::Range: return "Range";
    }
    return "Object";
}

QString comparisonError(const Value &a, const Value &b)
{
    // rb_cmperr: special constants and floats are shown by inspect, others by class.
    const bool special = b.isNil() || b.isBool() || b.isInt() || b.isFloat();
    const std::string other = special ? (b.isNil() ? std::string("nil") : b.inspect()) : std::string(rubyClassName(b));
    return QStringLiteral("comparison of %1 with %2 failed")
        .arg(QLatin1String(rubyClassName(a)), QString::fromStdString(other));
}

int compareValues(const Value &a, const Value &b, bool *comparable)
{
    *comparable = true;
    if (a.isNumber() && b.isNumber()) {
        if (a.isInt() && b.isInt())
            return a.toInt() < b.toInt() ? -1 : (a.toInt() > b.toInt() ? 1 : 0);
        const double x = a.toFloat(), y = b.toFloat();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.isString() && b.isString()) {
        const int c = a.str().compare(b.str());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (a.isTime() && b.isTime()) {
        const auto &x = a.time(), &y = b.time();
        if (x.seconds != y.seconds)
            return x.seconds < y.seconds ? -1 : 1;
        return x.nanoseconds < y.nanoseconds ? -1 : (x.nanoseconds > y.nanoseconds ? 1 : 0);
    }
    if (a.isArray() && b.isArray()) {
        const Array &x = a.array(), &y = b.array();
        for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
            const int c = compareValues(x[i], y[i], comparable);
            if (!*comparable || c != 0)
                return c;
        }
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    if (a.isNil() && b.isNil())
        return 0;
    if (a.isBool() && b.isBool() && a.toBool() == b.toBool())
        return 0;
    *comparable = false;
    return 0;
}

namespace {

// Ruby to_s (arrays print as inspect, unlike {{ }} output).
std::string toS(const Value &v)
{
    if (v.isArray())
        return v.inspect();
    return v.toString();
}

// to_s without copying when the value already is a string.
struct StrArg {
    explicit StrArg(const Value &v)
    {
        if (v.isString()) {
            view = v.str();
        } else {
            tmp = toS(v);
            view = tmp;
        }
    }
    std::string tmp;
    std::string_view view;
};

// --- BigDecimal-like numbers ---------------------------------------------------------------

struct Decimal {
    __int128 m = 0;
    int scale = 0;   // value = m / 10^scale
};

__int128 pow10i(int n)
{
    __int128 r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

Decimal parseDecimal(std::string_view s)
{
    Decimal d;
    bool neg = false;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    bool frac = false;
    int digits = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            if (digits < 36) {
                d.m = d.m * 10 + (c - '0');
                if (frac)
                    ++d.scale;
                if (d.m != 0)
                    ++digits;
            } else if (!frac) {
                --d.scale;
            }
        } else if (c == '.' && !frac) {
            frac = true;
        } else {
            break;
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E'))
        d.scale -= std::atoi(std::string(s.substr(i + 1)).c_str());
    while (d.scale < 0 && d.m < pow10i(30)) {
        d.m *= 10;
        ++d.scale;
    }
    if (neg)
        d.m = -d.m;
    return d;
}

std::string int128ToString(__int128 v)
{
    if (v == 0)
        return "0";
    const bool neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    std::string s;
    while (u) {
        s.push_back(char('0' + int(u % 10)));
        u /= 10;
    }
    if (neg)
        s.push_back('-');
    std::reverse(s.begin(), s.end());
    return s;
}

double decimalToDouble(const Decimal &d)
{
    const std::string s = int128ToString(d.m) + "e" + std::to_string(-d.scale);
    return std::strtod(s.c_str(), nullptr);
}

void align(Decimal &a, Decimal &b)
{
    while (a.scale < b.scale) {
        a.m *= 10;
        ++a.scale;
    }
    while (b.scale < a.scale) {
        b.m *= 10;
        ++b.scale;
    }
}

struct Number {
    bool isDecimal = false;
    std::int64_t i = 0;
    Decimal d;
};

Decimal asDecimal(const Number &n) { return n.isDecimal ? n.d : Decimal{n.i, 0}; }

// Liquid's Utils.to_number.
Number toNumberInternal(const Value &v)
{
    Number n;
    switch (v.type()) {
    case Value::Type::Int: n.i = v.toInt(); return n;
    case Value::Type::Float:
        n.isDecimal = true;
        n.d = parseDecimal(formatRubyFloat(v.toFloat()));
        return n;
    case Value::Type::String: {
        const std::string_view s = strip(v.str());
        // /\A-?\d+\.\d+\z/
        std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
        std::size_t digits1 = 0, digits2 = 0;
        while (i < s.size() && std::isdigit((unsigned char)s[i])) {
            ++i;
            ++digits1;
        }
        if (digits1 && i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && std::isdigit((unsigned char)s[i])) {
                ++i;
                ++digits2;
            }
            if (digits2 && i == s.size()) {
                n.isDecimal = true;
                n.d = parseDecimal(s);
                return n;
            }
        }
        n.i = v.toInt();
        return n;
    }
    default: return n;
    }
}

Value numberToValue(const Number &n)
{
    if (n.isDecimal)
        return decimalToDouble(n.d);
    return n.i;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

Value arithmetic(const Value &input, const Value &operand, char op, Context &ctx)
{
    const Number a = toNumberInternal(input), b = toNumberInternal(operand);
    if (!a.isDecimal && !b.isDecimal) {
        switch (op) {
        case '+': return a.i + b.i;
        case '-': return a.i - b.i;
        case '*': return a.i * b.i;
        case '/':
        case '%':
            if (b.i == 0) {
                ctx.error(QStringLiteral("divided by 0"));
                return {};
            }
            if (op == '/')
                return floorDiv(a.i, b.i);
            return a.i - b.i * floorDiv(a.i, b.i);
        }
    }
    Decimal x = asDecimal(a), y = asDecimal(b);
    Number r;
    r.isDecimal = true;
    switch (op) {
    case '+':
        align(x, y);
        r.d = {x.m + y.m, x.scale};
        break;
    case '-':
        align(x, y);
        r.d = {x.m - y.m, x.scale};
        break;
    case '*': r.d = {x.m * y.m, x.scale + y.scale}; break;
    case '/': {
        if (y.m == 0) {
            ctx.error(QStringLiteral("divided by 0"));
            return {};
        }
        return decimalToDouble(x) / decimalToDouble(y);
    }
    case '%': {
        if (y.m == 0) {
            ctx.error(QStringLiteral("divided by 0"));
            return {};
        }
        align(x, y);
        __int128 q = x.m / y.m;
        if ((x.m % y.m != 0) && ((x.m < 0) != (y.m < 0)))
            --q;
        r.d = {x.m - y.m * q, x.scale};
        break;
    }
    }
    return numberToValue(r);
}

// BigDecimal#round(n) with ROUND_HALF_UP.
Decimal roundDecimal(Decimal d, int n)
{
    if (d.scale <= n)
        return d;
    const __int128 p = pow10i(d.scale - n);
    __int128 q = d.m / p;
    const __int128 rem = d.m % p;
    if (rem * 2 >= p)
        ++q;
    else if (rem * 2 <= -p)
        --q;
    return {q, n};
}

// --- string helpers ----------------------------------------------------------------------------

std::vector<std::string_view> utf8Chars(std::string_view s)
{
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = (unsigned char)s[i];
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        n = std::min(n, s.size() - i);
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

std::size_t utf8Len(std::string_view s)
{
    std::size_t n = 0;
    for (char c : s)
        if (((unsigned char)c & 0xC0) != 0x80)
            ++n;
    return n;
}

// Ruby's awk-style split on whitespace, with an optional limit.
std::vector<std::string> awkSplit(std::string_view s, int limit = 0)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        if (i >= s.size())
            break;
        if (limit > 0 && int(out.size()) == limit - 1) {
            out.emplace_back(s.substr(i));
            return out;
        }
        const std::size_t b = i;
        while (i < s.size() && !isSpace(s[i]))
            ++i;
        out.emplace_back(s.substr(b, i - b));
    }
    return out;
}

std::vector<std::string> rubySplit(std::string_view s, std::string_view pattern)
{
    std::vector<std::string> out;
    if (s.empty())
        return out;
    if (pattern == " ")
        return awkSplit(s);
    if (pattern.empty()) {
        for (auto c : utf8Chars(s))
            out.emplace_back(c);
        return out;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t p = findSubstring(s, pattern, start);
        if (p == std::string_view::npos) {
            out.emplace_back(s.substr(start));
            break;
        }
        out.emplace_back(s.substr(start, p - start));
        start = p + pattern.size();
    }
    while (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

std::string replaceAll(std::string_view s, std::string_view from, std::string_view to)
{
    std::string out;
    if (from.empty()) {
        // gsub("") inserts the replacement between every character.
        for (auto c : utf8Chars(s)) {
            out += to;
            out += c;
        }
        out += to;
        return out;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t p = findSubstring(s, from, start);
        if (p == std::string_view::npos) {
            out.append(s.substr(start));
            return out;
        }
        out.append(s.substr(start, p - start));
        out.append(to);
        start = p + from.size();
    }
}

std::string caseMap(const std::string &s, int mode)
{
    bool ascii = true;
    for (char c : s)
        ascii &= (unsigned char)c < 0x80;
    if (ascii) {
        std::string r = s;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const bool up = mode == 1 || (mode == 2 && i == 0);
            r[i] = char(up ? std::toupper((unsigned char)r[i]) : std::tolower((unsigned char)r[i]));
        }
        return r;
    }
    QString q = QString::fromUtf8(s.data(), qsizetype(s.size()));
    if (mode == 1)
        q = q.toUpper();
    else if (mode == 0)
        q = q.toLower();
    else if (!q.isEmpty()) {
        const int firstLen = q.at(0).isHighSurrogate() ? 2 : 1;
        q = q.left(firstLen).toUpper() + q.mid(firstLen).toLower();
    }
    return q.toStdString();
}

std::string htmlEscape(std::string_view s)
{
    return escapeHtml(s, Quotes::HtmlSingle);
}

std::string escapeOnce(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '&') {
            // &(?!([a-zA-Z]+|(#\d+));)
            std::size_t j = i + 1;
            bool entity = false;
            if (j < s.size() && std::isalpha((unsigned char)s[j])) {
                while (j < s.size() && std::isalpha((unsigned char)s[j]))
                    ++j;
                entity = j < s.size() && s[j] == ';';
            } else if (j < s.size() && s[j] == '#') {
                ++j;
                const std::size_t d = j;
                while (j < s.size() && std::isdigit((unsigned char)s[j]))
                    ++j;
                entity = j > d && j < s.size() && s[j] == ';';
            }
            out += entity ? "&" : "&amp;";
            continue;
        }
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string stripHtml(std::string_view s)
{
    // STRIP_HTML_BLOCKS (<script.*?</script>, <!--.*?-->, <style.*?</style>), then
    // STRIP_HTML_TAGS (<.*?>). Every match starts at '<', so jump between them.
    std::string a;
    a.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t lt = s.find('<', i);
        if (lt == std::string_view::npos) {
            a.append(s.substr(i));
            break;
        }
        a.append(s.substr(i, lt - i));
        i = lt;
        bool removed = false;
        for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"<script", "</script>"},
                                   {"<!--", "-->"},
                                   {"<style", "</style>"}}) {
            if (s.substr(i, open.size()) == open) {
                const std::size_t e = findSubstring(s, close, i + open.size());
                if (e != std::string_view::npos) {
                    i = e + close.size();
                    removed = true;
                    break;
                }
            }
        }
        if (!removed)
            a += s[i++];
    }
    std::string out;
    out.reserve(a.size());
    i = 0;
    while (i < a.size()) {
        const std::size_t lt = a.find('<', i);
        if (lt == std::string::npos) {
            out.append(a, i, std::string::npos);
            break;
        }
        out.append(a, i, lt - i);
        const std::size_t gt = a.find('>', lt + 1);
        if (gt == std::string::npos) {
            out.append(a, lt, std::string::npos);
            break;
        }
        i = gt + 1;
    }
    return out;
}

std::string removeNewlines(std::string_view s, std::string_view replacement)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            out += replacement;
            ++i;
        } else if (s[i] == '\n') {
            out += replacement;
        } else {
            out += s[i];
        }
    }
    return out;
}

// --- collections --------------------------------------------------------------------------------

void flattenInto(Array &out, const Value &v)
{
    for (const Value &e : v.array()) {
        if (e.isArray())
            flattenInto(out, e);
        else
            out.push_back(e);
    }
}

// Liquid's InputIterator: arrays flattened, a hash is one element, nil none.
Array inputArray(const Value &v)
{
    Array out;
    switch (v.type()) {
    case Value::Type::Array: flattenInto(out, v); break;
    case Value::Type::Nil: break;
    case Value::Type::Range:
        for (std::int64_t i = v.range().first; i <= v.range().last; ++i)
            out.push_back(i);
        break;
    default: out.push_back(v); break;
    }
    return out;
}

// item[property] as Ruby does it; false in *ok when Ruby raises TypeError.
Value propertyOf(const Value &item, const Value &property, bool *ok, bool *respondsToIndex)
{
    *ok = true;
    *respondsToIndex = true;
    switch (item.type()) {
    case Value::Type::Hash: return property.isString() ? item.hash().value(property.str()) : Value();
    case Value::Type::Drop: return item.drop()->get(property.toString());
    case Value::Type::Array:
        if (property.isInt())
            return item.at(property);
        *ok = false;
        return {};
    case Value::Type::String:
        if (property.isString())
            return findSubstring(item.str(), property.str()) != std::string_view::npos ? property : Value();
        if (property.isInt())
            return item.str().size() > std::size_t(std::max<std::int64_t>(0, property.toInt()))
                       ? Value(std::string(1, item.str()[std::size_t(property.toInt())]))
                       : Value();
        *ok = false;
        return {};
    case Value::Type::Int:
        if (property.isInt())
            return (item.toInt() >> property.toInt()) & 1;
        *ok = false;
        return {};
    default: *respondsToIndex = false; return {};
    }
}

QString propertyError(const Value &property)
{
    return QStringLiteral("cannot select the property '%1'").arg(QString::fromStdString(property.toString()));
}

int nilSafeCompare(const Value &a, const Value &b, bool *ok)
{
    bool comparable = true;
    const int c = compareValues(a, b, &comparable);
    if (comparable && !(a.isNil() && !b.isNil()) && !(b.isNil() && !a.isNil()))
        return c;
    if (a.isNil() && !b.isNil())
        return 1;
    if (b.isNil() && !a.isNil())
        return -1;
    *ok = false;
    return 0;
}

int caseCompare(const std::string &a, const std::string &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int x = std::tolower((unsigned char)a[i]), y = std::tolower((unsigned char)b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

bool sortValues(Array &items, Context &ctx, const std::function<int(const Value &, const Value &, bool *)> &cmp)
{
    bool ok = true;
    std::stable_sort(items.begin(), items.end(), [&](const Value &a, const Value &b) {
        if (!ok)
            return false;
        return cmp(a, b, &ok) < 0;
    });
    return ok;
}

Value filterSort(const Value &input, const FilterArgs &args, Context &ctx, bool natural)
{
    Array items = inputArray(input);
    if (items.empty())
        return Array();
    const Value property = args.empty() ? Value() : args[0];
    auto base = [&](const Value &a, const Value &b, bool *ok) {
        if (natural) {
            if (!a.isNil() && !b.isNil())
                return caseCompare(toS(a), toS(b));
            return a.isNil() ? 1 : -1;
        }
        return nilSafeCompare(a, b, ok);
    };
    if (property.isNil()) {
        if (!sortValues(items, ctx, base)) {
            ctx.error(QStringLiteral("cannot sort values of incompatible types"));
            return {};
        }
        return items;
    }
    for (const Value &e : items) {
        bool ok, responds;
        propertyOf(e, property, &ok, &responds);
        if (!responds)
            return {};
    }
    bool typeError = false;
    const bool sorted = sortValues(items, ctx, [&](const Value &a, const Value &b, bool *ok) {
        bool okA, okB, r;
        const Value pa = propertyOf(a, property, &okA, &r), pb = propertyOf(b, property, &okB, &r);
        if (!okA || !okB) {
            typeError = true;
            *ok = false;
            return 0;
        }
        return base(pa, pb, ok);
    });
    if (typeError) {
        ctx.error(propertyError(property));
        return {};
    }
    if (!sorted) {
        ctx.error(QStringLiteral("cannot sort values of incompatible types"));
        return {};
    }
    return items;
}

bool rubyEqualUniq(const Value &a, const Value &b) { return a.type() == b.type() && a.equals(b); }

// --- URL and base64 ---------------------------------------------------------------------------

std::string cgiEscape(std::string_view s)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~')
            out += char(c);
        else if (c == ' ')
            out += '+';
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string cgiUnescape(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+')
            out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() + 0 && i + 2 <= s.size() - 1 + 0 && std::isxdigit((unsigned char)s[i + 1])
                 && std::isxdigit((unsigned char)s[i + 2])) {
            out += char(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else
            out += s[i];
    }
    return out;
}

bool validUtf8(std::string_view s)
{
    const QByteArray b(s.data(), qsizetype(s.size()));
    return QString::fromUtf8(b).toUtf8() == b;
}

Value strOrNil(const Value &v, const std::function<std::string(const std::string &)> &f)
{
    if (v.isNil())
        return {};
    return f(toS(v));
}

Value sliceFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    std::int64_t offset = 0, length = 1;
    if (!toInteger(args[0], &offset) || (args.size() > 1 && !args[1].isNil() && !toInteger(args[1], &length))) {
        ctx.error(QStringLiteral("invalid integer"));
        return {};
    }
    if (args.size() > 1 && args[1].isNil())
        length = 1;
    auto range = [&](std::int64_t size, std::int64_t *b, std::int64_t *e) {
        std::int64_t o = offset;
        if (o < 0)
            o += size;
        if (o < 0 || o > size || length < 0)
            return false;
        *b = o;
        *e = std::min(size, o + length);
        return true;
    };
    std::int64_t b = 0, e = 0;
    if (input.isArray()) {
        const Array &a = input.array();
        if (!range(std::int64_t(a.size()), &b, &e))
            return Array();
        return Array(a.begin() + b, a.begin() + e);
    }
    const std::string s = toS(input);
    const auto chars = utf8Chars(s);
    if (!range(std::int64_t(chars.size()), &b, &e))
        return std::string();
    std::string out;
    for (std::int64_t i = b; i < e; ++i)
        out += chars[std::size_t(i)];
    return out;
}

std::string base64Encode(std::string_view s, bool urlSafe)
{
    QByteArray b = QByteArray(s.data(), qsizetype(s.size()))
                       .toBase64(urlSafe ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding);
    return b.toStdString();
}

} // namespace

Value toNumber(const Value &v) { return numberToValue(toNumberInternal(v)); }

Value toDate(const Value &v)
{
    // Liquid's Utils.to_date: Times as they are; integers and digit strings are
    // epoch seconds shown in the local zone; other strings go through Time.parse,
    // which reads a time without a zone as local time (the process's TZ).
    if (v.isTime())
        return v;
    auto local = [](std::int64_t seconds) {
        Time t;
        t.seconds = seconds;
        t.utcOffset = zoneOffsetAt({}, seconds);
        return Value(t);
    };
    if (v.isInt())
        return local(v.toInt());
    if (!v.isString() || v.str().empty())
        return {};
    const std::string &s = v.str();
    if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return local(std::strtoll(s.c_str(), nullptr, 10));
    const auto asUtc = parseTime(s, 0);
    if (!asUtc)
        return {};
    // Parsing again with another default offset tells whether the text had a zone.
    const auto probe = parseTime(s, 3600);
    if (probe && probe->seconds == asUtc->seconds && asUtc->utcOffset != 0)
        return *asUtc;
    if (probe && probe->seconds == asUtc->seconds && probe->utcOffset == 0)
        return *asUtc;   // explicit UTC ("Z", "UTC", "+0000")
    std::string lower(strip(s));
    for (char &c : lower)
        c = char(std::tolower((unsigned char)c));
    if (lower == "now" || lower == "today")
        return local(asUtc->seconds);
    // Wall-clock time in the local zone: find the offset in effect at that time.
    const std::int64_t wall = asUtc->seconds;
    std::int32_t offset = zoneOffsetAt({}, wall);
    offset = zoneOffsetAt({}, wall - offset);
    Time t = *asUtc;
    t.seconds = wall - offset;
    t.utcOffset = offset;
    return t;
}

namespace detail {

void registerStandardFilters(Environment &env)
{
    auto reg = [&](const char *name, int min, int max, FilterFunction fn) { env.registerFilter(name, std::move(fn), min, max); };

    reg("size", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        switch (v.type()) {
        case Value::Type::String: return std::int64_t(utf8Len(v.str()));
        case Value::Type::Array:
        case Value::Type::Hash:
        case Value::Type::Range: return v.size();
        case Value::Type::Int: return std::int64_t(8);
        case Value::Type::Drop: return v.drop()->get("size");
        default: return std::int64_t(0);
        }
    });
    reg("downcase", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return caseMap(toS(v), 0); });
    reg("upcase", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return caseMap(toS(v), 1); });
    reg("capitalize", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return caseMap(toS(v), 2); });
    reg("escape", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        return strOrNil(v, [](const std::string &s) { return htmlEscape(s); });
    });
    reg("h", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        return strOrNil(v, [](const std::string &s) { return htmlEscape(s); });
    });
    reg("escape_once", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return escapeOnce(toS(v)); });
    reg("url_encode", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        return strOrNil(v, [](const std::string &s) { return cgiEscape(s); });
    });
    reg("url_decode", 0, 0, [](const Value &v, const FilterArgs &, Context &ctx) -> Value {
        if (v.isNil())
            return {};
        std::string r = cgiUnescape(toS(v));
        if (!validUtf8(r)) {
            ctx.error(QStringLiteral("invalid byte sequence in UTF-8"));
            return {};
        }
        return r;
    });
    reg("base64_encode", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return base64Encode(toS(v), false); });
    reg("base64_url_safe_encode", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return base64Encode(toS(v), true); });
    for (bool urlSafe : {false, true}) {
        reg(urlSafe ? "base64_url_safe_decode" : "base64_decode", 0, 0,
            [urlSafe](const Value &v, const FilterArgs &, Context &ctx) -> Value {
                const std::string s = toS(v);
                auto r = QByteArray::fromBase64Encoding(
                    QByteArray(s.data(), qsizetype(s.size())),
                    (urlSafe ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding) | QByteArray::AbortOnBase64DecodingErrors);
                // strict_decode64 wants whole quads; urlsafe_decode64 pads first, but a
                // single leftover character can never be valid.
                if (!r || (!urlSafe && s.size() % 4 != 0) || (urlSafe && s.size() % 4 == 1)) {
                    ctx.error(QStringLiteral("invalid base64 provided to %1")
                                  .arg(QLatin1String(urlSafe ? "base64_url_safe_decode" : "base64_decode")));
                    return {};
                }
                return r.decoded.toStdString();
            });
    }
    reg("slice", 1, 2, sliceFilter);
    reg("truncate", 0, 2, [](const Value &v, const FilterArgs &args, Context &ctx) -> Value {
        if (v.isNil())
            return {};
        const std::string s = toS(v);
        std::int64_t length = 50;
        if (!args.empty() && !toInteger(args[0], &length)) {
            ctx.error(QStringLiteral("invalid integer"));
            return {};
        }
        const std::string ellipsis = args.size() > 1 ? toS(args[1]) : std::string("...");
        std::int64_t l = length - std::int64_t(utf8Len(ellipsis));
        if (l < 0)
            l = 0;
        if (std::int64_t(utf8Len(s)) <= length)
            return v.isString() ? v : Value(s);
        // The first l characters (UTF-8 code points, as Ruby counts them).
        std::size_t bytes = 0;
        for (std::int64_t n = 0; n < l && bytes < s.size(); ++n) {
            ++bytes;
            while (bytes < s.size() && ((unsigned char)s[bytes] & 0xC0) == 0x80)
                ++bytes;
        }
        return s.substr(0, bytes) + ellipsis;
    });
    reg("truncatewords", 0, 2, [](const Value &v, const FilterArgs &args, Context &ctx) -> Value {
        if (v.isNil())
            return {};
        const std::string s = toS(v);
        std::int64_t words = 15;
        if (!args.empty() && !toInteger(args[0], &words)) {
            ctx.error(QStringLiteral("invalid integer"));
            return {};
        }
        if (words <= 0)
            words = 1;
        const std::string ellipsis = args.size() > 1 ? toS(args[1]) : std::string("...");
        const auto list = awkSplit(s, int(std::min<std::int64_t>(words + 1, 1 << 30)));
        if (std::int64_t(list.size()) <= words)
            return s;
        std::string out;
        for (std::int64_t i = 0; i < words; ++i) {
            if (i)
                out += ' ';
            out += list[std::size_t(i)];
        }
        return out + ellipsis;
    });
    reg("split", 1, 1, [](const Value &v, const FilterArgs &args, Context &) -> Value {
        Array out;
        const StrArg s(v), pattern(args[0]);
        auto parts = rubySplit(s.view, pattern.view);
        out.reserve(parts.size());
        for (auto &p : parts)
            out.emplace_back(std::move(p));
        return out;
    });
    reg("strip", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return std::string(strip(toS(v))); });
    reg("lstrip", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return std::string(lstrip(toS(v))); });
    reg("rstrip", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return std::string(rstrip(toS(v))); });
    reg("strip_html", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return stripHtml(toS(v)); });
    reg("strip_newlines", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return removeNewlines(toS(v), ""); });
    reg("newline_to_br", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value { return removeNewlines(toS(v), "<br />\n"); });
    reg("join", 0, 1, [](const Value &v, const FilterArgs &args, Context &) -> Value {
        const std::string glue = args.empty() ? std::string(" ") : toS(args[0]);
        std::string out;
        bool first = true;
        for (const Value &e : inputArray(v)) {
            if (!first)
                out += glue;
            first = false;
            out += toS(e);
        }
        return out;
    });
    reg("sort", 0, 1, [](const Value &v, const FilterArgs &a, Context &ctx) { return filterSort(v, a, ctx, false); });
    reg("sort_natural", 0, 1, [](const Value &v, const FilterArgs &a, Context &ctx) { return filterSort(v, a, ctx, true); });
    reg("where", 1, 2, [](const Value &v, const FilterArgs &args, Context &ctx) -> Value {
        const Array items = inputArray(v);
        if (items.empty())
            return Array();
        const Value property = args[0];
        const Value target = args.size() > 1 ? args[1] : Value();
        Array out;
        for (const Value &item : items) {
            bool ok, responds;
            const Value p = propertyOf(item, property, &ok, &responds);
            if (!responds)
                return {};
            if (!ok) {
                ctx.error(propertyError(property));
                return {};
            }
            if (target.isNil() ? p.truthy() : p.equals(target))
                out.push_back(item);
        }
        return out;
    });
    reg("uniq", 0, 1, [](const Value &v, const FilterArgs &args, Context &ctx) -> Value {
        const Array items = inputArray(v);
        Array out;
        std::vector<Value> keys;
        const bool byProperty = !args.empty() && !args[0].isNil();
        for (const Value &item : items) {
            Value key = item;
            if (byProperty) {
                bool ok, responds;
                key = propertyOf(item, args[0], &ok, &responds);
                if (!responds)
                    return {};
                if (!ok) {
                    ctx.error(propertyError(args[0]));
                    return {};
                }
            }
            bool seen = false;
            for (const Value &k : keys)
                if (rubyEqualUniq(k, key)) {
                    seen = true;
                    break;
                }
            if (!seen) {
                keys.push_back(key);
                out.push_back(item);
            }
        }
        return out;
    });
    reg("reverse", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        Array a = inputArray(v);
        std::reverse(a.begin(), a.end());
        return a;
    });
    reg("map", 1, 1, [](const Value &v, const FilterArgs &args, Context &ctx) -> Value {
        Array out;
        for (const Value &item : inputArray(v)) {
            if (args[0].isString() && args[0].str() == "to_liquid") {
                out.push_back(item);
                continue;
            }
            bool ok, responds;
            const Value p = propertyOf(item, args[0], &ok, &responds);
            if (!ok) {
                ctx.error(propertyError(args[0]));
                return {};
            }
            out.push_back(p);
        }
        return out;
    });
    reg("compact", 0, 1, [](const Value &v, const FilterArgs &args, Context &ctx) -> Value {
        Array out;
        const bool byProperty = !args.empty() && !args[0].isNil();
        for (const Value &item : inputArray(v)) {
            if (!byProperty) {
                if (!item.isNil())
                    out.push_back(item);
                continue;
            }
            bool ok, responds;
            const Value p = propertyOf(item, args[0], &ok, &responds);
            if (!responds)
                return {};
            if (!ok) {
                ctx.error(propertyError(args[0]));
                return {};
            }
            if (!p.isNil())
                out.push_back(item);
        }
        return out;
    });
    reg("replace", 1, 2, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const StrArg s(v), from(a[0]), to(a.size() > 1 ? a[1] : Value(std::string()));
        if (!from.view.empty() && findSubstring(s.view, from.view) == std::string_view::npos)
            return v.isString() ? v : Value(std::string(s.view));   // nothing to replace: share the string
        return replaceAll(s.view, from.view, to.view);
    });
    reg("replace_first", 1, 2, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        std::string s = toS(v);
        const std::string from = toS(a[0]), to = a.size() > 1 ? toS(a[1]) : std::string();
        const std::size_t p = findSubstring(s, from);
        if (p != std::string::npos)
            s.replace(p, from.size(), to);
        return s;
    });
    reg("replace_last", 2, 2, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        std::string s = toS(v);
        const std::string from = toS(a[0]), to = toS(a[1]);
        const std::size_t p = s.rfind(from);
        if (p != std::string::npos)
            s.replace(p, from.size(), to);
        return s;
    });
    reg("remove", 1, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const StrArg s(v), from(a[0]);
        if (!from.view.empty() && findSubstring(s.view, from.view) == std::string_view::npos)
            return v.isString() ? v : Value(std::string(s.view));
        return replaceAll(s.view, from.view, "");
    });
    reg("remove_first", 1, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        std::string s = toS(v);
        const std::string from = toS(a[0]);
        const std::size_t p = findSubstring(s, from);
        if (p != std::string::npos)
            s.erase(p, from.size());
        return s;
    });
    reg("remove_last", 1, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        std::string s = toS(v);
        const std::string from = toS(a[0]);
        const std::size_t p = s.rfind(from);
        if (p != std::string::npos)
            s.erase(p, from.size());
        return s;
    });
    reg("append", 1, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const StrArg x(v), y(a[0]);
        std::string out;
        out.reserve(x.view.size() + y.view.size());
        return std::move(out.append(x.view).append(y.view));
    });
    reg("prepend", 1, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const StrArg x(a[0]), y(v);
        std::string out;
        out.reserve(x.view.size() + y.view.size());
        return std::move(out.append(x.view).append(y.view));
    });
    reg("concat", 1, 1, [](const Value &v, const FilterArgs &a, Context &ctx) -> Value {
        if (!a[0].isArray()) {
            ctx.error(QStringLiteral("concat filter requires an array argument"));
            return {};
        }
        Array out = inputArray(v);
        for (const Value &e : a[0].array())
            out.push_back(e);
        return out;
    });
    reg("date", 1, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const std::string format = toS(a[0]);
        if (format.empty())
            return v;
        const Value d = toDate(v);
        if (d.isNil())
            return v;
        return strftime(d.time(), format);
    });
    reg("first", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        if (v.isArray() || v.isRange() || v.isHash())
            return v.get("first");
        return {};
    });
    reg("last", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        if (v.isArray() || v.isRange())
            return v.get("last");
        return {};
    });
    reg("abs", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        Number n = toNumberInternal(v);
        if (n.isDecimal) {
            if (n.d.m < 0)
                n.d.m = -n.d.m;
        } else if (n.i < 0) {
            n.i = -n.i;
        }
        return numberToValue(n);
    });
    reg("plus", 1, 1, [](const Value &v, const FilterArgs &a, Context &c) { return arithmetic(v, a[0], '+', c); });
    reg("minus", 1, 1, [](const Value &v, const FilterArgs &a, Context &c) { return arithmetic(v, a[0], '-', c); });
    reg("times", 1, 1, [](const Value &v, const FilterArgs &a, Context &c) { return arithmetic(v, a[0], '*', c); });
    reg("divided_by", 1, 1, [](const Value &v, const FilterArgs &a, Context &c) { return arithmetic(v, a[0], '/', c); });
    reg("modulo", 1, 1, [](const Value &v, const FilterArgs &a, Context &c) { return arithmetic(v, a[0], '%', c); });
    reg("round", 0, 1, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const Number n = toNumberInternal(v);
        const std::int64_t digits = a.empty() ? 0 : toNumberInternal(a[0]).isDecimal ? std::int64_t(decimalToDouble(toNumberInternal(a[0]).d)) : toNumberInternal(a[0]).i;
        if (!n.isDecimal) {
            if (digits >= 0)
                return n.i;
            const std::int64_t p = std::int64_t(pow10i(int(-digits)));
            std::int64_t q = n.i / p, r = n.i % p;
            if (std::abs(r) * 2 >= p)
                q += n.i < 0 ? -1 : 1;
            return q * p;
        }
        if (digits <= 0) {
            // BigDecimal#round(n <= 0) returns an Integer.
            Decimal d = roundDecimal(n.d, 0);
            std::int64_t i = std::int64_t(d.m / pow10i(d.scale));
            if (digits < 0) {
                // Round half up at 10^-digits: shift the decimal point left first.
                const Decimal r = roundDecimal(Decimal{n.d.m, n.d.scale - int(digits)}, 0);
                i = std::int64_t(r.m / pow10i(r.scale)) * std::int64_t(pow10i(int(-digits)));
            }
            return i;
        }
        Decimal d = roundDecimal(n.d, int(digits));
        return decimalToDouble(d);
    });
    reg("ceil", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        const Number n = toNumberInternal(v);
        if (!n.isDecimal)
            return n.i;
        const __int128 p = pow10i(n.d.scale);
        __int128 q = n.d.m / p;
        if (n.d.m % p != 0 && n.d.m > 0)
            ++q;
        return std::int64_t(q);
    });
    reg("floor", 0, 0, [](const Value &v, const FilterArgs &, Context &) -> Value {
        const Number n = toNumberInternal(v);
        if (!n.isDecimal)
            return n.i;
        const __int128 p = pow10i(n.d.scale);
        __int128 q = n.d.m / p;
        if (n.d.m % p != 0 && n.d.m < 0)
            --q;
        return std::int64_t(q);
    });
    for (bool least : {true, false}) {
        reg(least ? "at_least" : "at_most", 1, 1, [least](const Value &v, const FilterArgs &a, Context &) -> Value {
            const Number x = toNumberInternal(v), bound = toNumberInternal(a[0]);
            const Value xv = numberToValue(x), bv = numberToValue(bound);
            bool ok = true;
            const int c = compareValues(bv, xv, &ok);
            if (least ? c > 0 : c < 0)
                return bv;
            return xv;
        });
    }
    reg("default", 0, 2, [](const Value &v, const FilterArgs &a, Context &) -> Value {
        const Value fallback = a.empty() ? Value(std::string()) : a[0];
        bool allowFalse = false;
        if (a.size() > 1 && a[1].isHash())
            allowFalse = a[1].hash().value("allow_false").truthy();
        const bool falsy = allowFalse ? v.isNil() : !v.truthy();
        const bool empty = (v.isString() || v.isArray() || v.isHash()) && v.empty();
        return (falsy || empty) ? fallback : v;
    });
}

} // namespace detail
} // namespace folio::site::liquid
