#include "value.h"

#include "timeformat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace folio::site::liquid {

namespace {

const std::string &emptyString()
{
    static const std::string s;
    return s;
}

const Array &emptyArray()
{
    static const Array a;
    return a;
}

const Hash &emptyHash()
{
    static const Hash h;
    return h;
}

// Ruby's String#to_i: optional sign and leading digits, ignoring leading blanks.
std::int64_t rubyStringToInt(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    std::int64_t v = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        v = v * 10 + (s[i] - '0');
        if (i + 1 < s.size() && s[i + 1] == '_' && i + 2 < s.size() && s[i + 2] >= '0' && s[i + 2] <= '9')
            ++i;
    }
    return negative ? -v : v;
}

// Ruby's String#to_f: the longest numeric prefix.
double rubyStringToFloat(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        ++i;
    std::string buf;
    std::size_t j = i;
    if (j < s.size() && (s[j] == '-' || s[j] == '+'))
        buf += s[j++];
    bool digits = false;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
        buf += s[j++];
        digits = true;
    }
    if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        buf += s[j++];
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
            buf += s[j++];
        digits = true;
    }
    if (digits && j + 1 < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        std::string exp = "e";
        if (k < s.size() && (s[k] == '-' || s[k] == '+'))
            exp += s[k++];
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
            while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])))
                exp += s[k++];
            buf += exp;
        }
    }
    if (!digits)
        return 0.0;
    return std::strtod(buf.c_str(), nullptr);
}

std::size_t utf8Length(std::string_view s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

void appendInspectString(std::string &out, std::string_view s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\f': out += "\\f"; break;
        case '\v': out += "\\v"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case 27: out += "\\e"; break;
        case '#': out += '#'; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void appendJsonString(std::string &out, std::string_view s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\f': out += "\\f"; break;
        case '\b': out += "\\b"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

} // namespace

// --- Value -------------------------------------------------------------------

Value::Value(Hash h) : m_v(std::make_shared<const Hash>(std::move(h))) {}

std::int64_t Value::toInt() const
{
    switch (type()) {
    case Type::Bool: return 0;
    case Type::Int: return std::get<std::int64_t>(m_v);
    case Type::Float: {
        const double d = std::get<double>(m_v);
        if (!std::isfinite(d))
            return 0;
        return std::int64_t(std::trunc(d));
    }
    case Type::String: return rubyStringToInt(str());
    case Type::Time: return time().seconds;
    default: return 0;
    }
}

double Value::toFloat() const
{
    switch (type()) {
    case Type::Int: return double(std::get<std::int64_t>(m_v));
    case Type::Float: return std::get<double>(m_v);
    case Type::String: return rubyStringToFloat(str());
    case Type::Time: return double(time().seconds) + time().nanoseconds / 1e9;
    default: return 0.0;
    }
}

const std::string &Value::str() const
{
    if (auto p = std::get_if<std::shared_ptr<const std::string>>(&m_v))
        return **p;
    return emptyString();
}

const Array &Value::array() const
{
    if (auto p = std::get_if<std::shared_ptr<const Array>>(&m_v))
        return **p;
    return emptyArray();
}

const Hash &Value::hash() const
{
    if (auto p = std::get_if<std::shared_ptr<const Hash>>(&m_v))
        return **p;
    return emptyHash();
}

const std::shared_ptr<const Drop> &Value::drop() const
{
    static const std::shared_ptr<const Drop> none;
    if (auto p = std::get_if<std::shared_ptr<const Drop>>(&m_v))
        return *p;
    return none;
}

const liquid::Time &Value::time() const
{
    static const liquid::Time none;
    if (auto p = std::get_if<liquid::Time>(&m_v))
        return *p;
    return none;
}

const liquid::Range &Value::range() const
{
    static const liquid::Range none;
    if (auto p = std::get_if<liquid::Range>(&m_v))
        return *p;
    return none;
}

std::shared_ptr<const Array> Value::arrayPtr() const
{
    if (auto p = std::get_if<std::shared_ptr<const Array>>(&m_v))
        return *p;
    return nullptr;
}

std::shared_ptr<const Hash> Value::hashPtr() const
{
    if (auto p = std::get_if<std::shared_ptr<const Hash>>(&m_v))
        return *p;
    return nullptr;
}

Value Value::get(std::string_view key) const
{
    switch (type()) {
    case Type::Hash: {
        const Hash &h = hash();
        if (const Value *v = h.find(key))
            return *v;
        // Liquid: hashes answer `size`, `first` when they have no such key.
        if (key == "size")
            return std::int64_t(h.size());
        if (key == "first" && !h.empty())
            return makeArray({Value(h.entries().front().first), h.entries().front().second});
        return {};
    }
    case Type::Drop: return drop()->get(key);
    case Type::Array: {
        const Array &a = array();
        if (key == "size")
            return std::int64_t(a.size());
        if (key == "first")
            return a.empty() ? Value() : a.front();
        if (key == "last")
            return a.empty() ? Value() : a.back();
        return {};
    }
    case Type::String:
        if (key == "size")
            return std::int64_t(utf8Length(str()));
        return {};
    case Type::Range: {
        const auto r = range();
        if (key == "size")
            return std::max<std::int64_t>(0, r.last - r.first + 1);
        if (key == "first")
            return r.first;
        if (key == "last")
            return r.last;
        return {};
    }
    default: return {};
    }
}

Value Value::at(const Value &index) const
{
    switch (type()) {
    case Type::Array: {
        if (!index.isNumber())
            return {};
        const Array &a = array();
        std::int64_t i = index.toInt();
        if (i < 0)
            i += std::int64_t(a.size());
        if (i < 0 || i >= std::int64_t(a.size()))
            return {};
        return a[std::size_t(i)];
    }
    case Type::Range: {
        if (!index.isNumber())
            return {};
        const auto r = range();
        const std::int64_t n = std::max<std::int64_t>(0, r.last - r.first + 1);
        std::int64_t i = index.toInt();
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return {};
        return r.first + i;
    }
    case Type::Hash:
    case Type::Drop:
        if (index.isString())
            return get(index.str());
        if (index.isNumber() || index.isBool() || index.isNil()) {
            // YAML keys are strings here; Ruby would look up the integer key.
            if (type() == Type::Hash) {
                if (const Value *v = hash().find(index.toString()))
                    return *v;
            }
            return {};
        }
        return {};
    default: return {};
    }
}

std::string Value::toString() const
{
    switch (type()) {
    case Type::Nil: return {};
    case Type::Bool: return toBool() ? "true" : "false";
    case Type::Int: return std::to_string(std::get<std::int64_t>(m_v));
    case Type::Float: return formatRubyFloat(std::get<double>(m_v));
    case Type::String: return str();
    case Type::Array: {
        // Ruby Array#join flattens nested arrays; nil elements are "".
        std::string out;
        for (const Value &v : array())
            out += v.toString();
        return out;
    }
    case Type::Hash: return inspect();
    case Type::Drop: return drop()->toString();
    case Type::Time:
        if (time().dateOnly)
            return strftime(time(), "%Y-%m-%d");
        return strftime(time(), time().utc ? "%Y-%m-%d %H:%M:%S UTC" : "%Y-%m-%d %H:%M:%S %z");
    case Type::Range: return std::to_string(range().first) + ".." + std::to_string(range().last);
    }
    return {};
}

std::string Value::inspect() const
{
    switch (type()) {
    case Type::Nil: return "nil";
    case Type::String: {
        std::string out;
        appendInspectString(out, str());
        return out;
    }
    case Type::Array: {
        std::string out = "[";
        bool first = true;
        for (const Value &v : array()) {
            if (!first)
                out += ", ";
            first = false;
            out += v.inspect();
        }
        return out + "]";
    }
    case Type::Hash: {
        std::string out = "{";
        bool first = true;
        for (const auto &[k, v] : hash()) {
            if (!first)
                out += ", ";
            first = false;
            appendInspectString(out, k);
            out += "=>";
            out += v.inspect();
        }
        return out + "}";
    }
    case Type::Drop: return materialize().inspect();
    case Type::Time: return toString();
    default: return toString();
    }
}

Value Value::materialize() const
{
    switch (type()) {
    case Type::Array: {
        Array out;
        out.reserve(array().size());
        for (const Value &v : array())
            out.push_back(v.materialize());
        return out;
    }
    case Type::Hash: {
        Hash out;
        for (const auto &[k, v] : hash())
            out.set(k, v.materialize());
        return out;
    }
    case Type::Drop: {
        Hash out;
        for (const std::string &k : drop()->keys())
            out.set(k, drop()->get(k).materialize());
        return out;
    }
    case Type::Range: {
        Array out;
        for (std::int64_t i = range().first; i <= range().last; ++i)
            out.push_back(i);
        return out;
    }
    default: return *this;
    }
}

std::int64_t Value::size() const
{
    switch (type()) {
    case Type::String: return std::int64_t(utf8Length(str()));
    case Type::Array: return std::int64_t(array().size());
    case Type::Hash: return std::int64_t(hash().size());
    case Type::Range: return std::max<std::int64_t>(0, range().last - range().first + 1);
    case Type::Drop: return get("size").toInt();
    default: return 0;
    }
}

bool Value::empty() const
{
    switch (type()) {
    case Type::String: return str().empty();
    case Type::Array: return array().empty();
    case Type::Hash: return hash().empty();
    default: return false;
    }
}

bool Value::equals(const Value &other) const
{
    if (isNumber() && other.isNumber()) {
        if (isInt() && other.isInt())
            return toInt() == other.toInt();
        return toFloat() == other.toFloat();
    }
    if (type() != other.type())
        return false;
    switch (type()) {
    case Type::Nil: return true;
    case Type::Bool: return toBool() == other.toBool();
    case Type::String: return str() == other.str();
    case Type::Array: {
        const Array &a = array(), &b = other.array();
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!a[i].equals(b[i]))
                return false;
        return true;
    }
    case Type::Hash: {
        const Hash &a = hash(), &b = other.hash();
        if (a.size() != b.size())
            return false;
        for (const auto &[k, v] : a) {
            const Value *w = b.find(k);
            if (!w || !v.equals(*w))
                return false;
        }
        return true;
    }
    case Type::Drop: return drop()->identity() == other.drop()->identity();
    case Type::Time: return time() == other.time();
    case Type::Range: return range().first == other.range().first && range().last == other.range().last;
    default: return false;
    }
}

// --- Hash --------------------------------------------------------------------

Hash::Hash(std::initializer_list<Entry> entries)
{
    for (const auto &e : entries)
        set(e.first, e.second);
}

namespace {
constexpr std::size_t kIndexThreshold = 12;

std::size_t hashKey(std::string_view k) { return std::hash<std::string_view>{}(k); }
} // namespace

void Hash::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_entries.size());
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_index.emplace_back(hashKey(m_entries[i].first), i);
    std::sort(m_index.begin(), m_index.end());
}

const Value *Hash::find(std::string_view key) const
{
    if (m_entries.size() < kIndexThreshold) {
        for (const auto &e : m_entries)
            if (e.first == key)
                return &e.second;
        return nullptr;
    }
    // set() and remove() keep the index current, so readers never build it.
    const std::size_t h = hashKey(key);
    auto it = std::lower_bound(m_index.begin(), m_index.end(), std::make_pair(h, std::size_t(0)));
    for (; it != m_index.end() && it->first == h; ++it)
        if (m_entries[it->second].first == key)
            return &m_entries[it->second].second;
    return nullptr;
}

Value Hash::value(std::string_view key) const
{
    const Value *v = find(key);
    return v ? *v : Value();
}

void Hash::set(std::string key, Value value)
{
    if (const Value *existing = find(key)) {
        *const_cast<Value *>(existing) = std::move(value);
        return;
    }
    m_entries.emplace_back(std::move(key), std::move(value));
    if (m_entries.size() < kIndexThreshold)
        return;
    if (m_index.size() + 1 != m_entries.size()) {
        rebuildIndex();
        return;
    }
    // Keep the sorted index current with one insertion, so a hash is never
    // indexed lazily while other threads read it.
    const std::pair<std::size_t, std::size_t> entry(hashKey(m_entries.back().first), m_entries.size() - 1);
    m_index.insert(std::upper_bound(m_index.begin(), m_index.end(), entry), entry);
}

bool Hash::remove(std::string_view key)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.first == key; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    if (m_entries.size() >= kIndexThreshold)
        rebuildIndex();
    else
        m_index.clear();
    return true;
}

// --- Drop ----------------------------------------------------------------------

std::string Drop::toString() const
{
    return Value(std::shared_ptr<const Drop>(std::shared_ptr<const Drop>{}, this)).materialize().inspect();
}

// --- MethodLiteral -------------------------------------------------------------

namespace {

// Answers no keys and prints "", as Jekyll's Liquid::Expression::MethodLiteral
// (whose to_liquid is its to_s).
class MethodLiteralDrop final : public Drop
{
public:
    // `size` is what the size filter asks a drop: 0, as for any object without #size.
    Value get(std::string_view key) const override { return key == "size" ? Value(0) : Value(); }
    std::vector<std::string> keys() const override { return {}; }
    std::string toString() const override { return {}; }
};

const Value &methodLiteralFor(bool empty)
{
    // One frozen object each, as in Jekyll: `empty` equals itself, not `blank`.
    static const Value emptyLiteral(std::shared_ptr<const Drop>(std::make_shared<MethodLiteralDrop>()));
    static const Value blankLiteral(std::shared_ptr<const Drop>(std::make_shared<MethodLiteralDrop>()));
    return empty ? emptyLiteral : blankLiteral;
}

} // namespace

Value methodLiteral(std::string_view name) { return methodLiteralFor(name == "empty"); }

bool isMethodLiteral(const Value &value)
{
    // Compared by address: variable lookups ask this of every value they find.
    return value.isDrop()
           && (value.drop() == methodLiteralFor(true).drop() || value.drop() == methodLiteralFor(false).drop());
}

// --- helpers -------------------------------------------------------------------

Value makeArray(std::initializer_list<Value> items) { return Array(items); }

Value makeHash(std::initializer_list<Hash::Entry> entries) { return Hash(entries); }

std::string formatRubyFloat(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d < 0 ? "-Infinity" : "Infinity";
    if (d == 0)
        return std::signbit(d) ? "-0.0" : "0.0";
    // Shortest representation that round-trips, as Ruby prints floats.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, res.ptr);
    // to_chars gives e.g. "1e+20" or "123.4" or "1e-05"; Ruby switches to
    // scientific notation below 1e-4 and at or above 1e16.
    const double a = std::fabs(d);
    std::string digits;
    int exp10 = 0;
    {
        auto r2 = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
        std::string sci(buf, r2.ptr);
        const auto e = sci.find('e');
        std::string mant = sci.substr(0, e);
        exp10 = std::stoi(sci.substr(e + 1));
        bool neg = false;
        if (!mant.empty() && mant[0] == '-') {
            neg = true;
            mant.erase(0, 1);
        }
        for (char c : mant)
            if (c != '.')
                digits += c;
        while (digits.size() > 1 && digits.back() == '0')
            digits.pop_back();
        std::string out = neg ? "-" : "";
        if (a < 1e-4 || a >= 1e16) {
            out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
            char ebuf[16];
            std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
            return out + ebuf;
        }
        if (exp10 >= 0) {
            std::string intPart, frac;
            if (int(digits.size()) <= exp10 + 1) {
                intPart = digits + std::string(std::size_t(exp10 + 1 - int(digits.size())), '0');
                frac = "0";
            } else {
                intPart = digits.substr(0, std::size_t(exp10 + 1));
                frac = digits.substr(std::size_t(exp10 + 1));
            }
            return out + intPart + "." + frac;
        }
        return out + "0." + std::string(std::size_t(-exp10 - 1), '0') + digits;
    }
}

std::string toJson(const Value &value)
{
    std::string out;
    std::function<void(const Value &)> write = [&](const Value &v) {
        switch (v.type()) {
        case Value::Type::Nil: out += "null"; break;
        case Value::Type::Bool: out += v.toBool() ? "true" : "false"; break;
        case Value::Type::Int: out += std::to_string(v.toInt()); break;
        case Value::Type::Float: out += formatRubyFloat(v.toFloat()); break;
        case Value::Type::String: appendJsonString(out, v.str()); break;
        case Value::Type::Time: appendJsonString(out, v.toString()); break;
        case Value::Type::Array:
        case Value::Type::Range: {
            const Value m = v.materialize();
            out += '[';
            bool first = true;
            for (const Value &e : m.array()) {
                if (!first)
                    out += ',';
                first = false;
                write(e);
            }
            out += ']';
            break;
        }
        case Value::Type::Hash:
        case Value::Type::Drop: {
            const Value m = v.materialize();
            out += '{';
            bool first = true;
            for (const auto &[k, e] : m.hash()) {
                if (!first)
                    out += ',';
                first = false;
                appendJsonString(out, k);
                out += ':';
                write(e);
            }
            out += '}';
            break;
        }
        }
    };
    write(value);
    return out;
}

} // namespace folio::site::liquid
