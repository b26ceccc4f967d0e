#include "collections.h"

#include "text.h"

#include "site/liquid/liquid.h"

#include <QRandomGenerator>

#include <algorithm>
#include <optional>
#include <numeric>

namespace folio::site::jekyll {

using liquid::Array;
using liquid::Value;

namespace {

std::string propertyName(const Value &property)
{
    return property.toString();
}

// liquid_data[key] for one step of Jekyll's read_liquid_attribute.
ValueResult index(const Value &data, const std::string &key)
{
    switch (data.type()) {
    case Value::Type::Hash:
        return data.hash().value(key);
    case Value::Type::Drop:
        return data.get(key);
    case Value::Type::String:
        // String#[](str): the substring when present, else nil.
        if (data.str().find(key) != std::string::npos)
            return Value(key);
        return Value();
    case Value::Type::Array:
    case Value::Type::Int:
        return makeError(QStringLiteral("no implicit conversion of String into Integer"));
    default:
        return makeError(undefinedMethod("[]", data));
    }
}

// Whether Ruby's data.respond_to?(:[]) holds (the dotted-path walk checks it).
bool respondsToIndex(const Value &data)
{
    switch (data.type()) {
    case Value::Type::Hash:
    case Value::Type::Drop:
    case Value::Type::String:
    case Value::Type::Array:
    case Value::Type::Int:
        return true;
    default:
        return false;
    }
}

// Jekyll's INTEGER_LIKE (\A\s*-?\d+\s*\Z) and FLOAT_LIKE
// (\A\s*-?(?:\d+\.?\d*|\.\d+)\s*\Z), scanned by hand: every where/sort/group_by
// item goes through here.
enum class NumberLike { No, Integer, Float };

NumberLike numberLike(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, n = s.size();
    while (i < n && space(s[i]))
        ++i;
    if (i < n && s[i] == '-')
        ++i;
    std::size_t intDigits = 0, fracDigits = 0;
    bool dot = false;
    while (i < n && digit(s[i]))
        ++i, ++intDigits;
    if (i < n && s[i] == '.') {
        dot = true;
        ++i;
        while (i < n && digit(s[i]))
            ++i, ++fracDigits;
    }
    while (i < n && space(s[i]))
        ++i;
    if (i != n)
        return NumberLike::No;
    if (!dot)
        return intDigits > 0 ? NumberLike::Integer : NumberLike::No;
    return (intDigits > 0 || fracDigits > 0) ? NumberLike::Float : NumberLike::No;
}

// Jekyll's parse_sort_input: integer-looking -> to_i, float-looking -> to_f.
Value parseSortInput(const Value &property)
{
    switch (property.type()) {
    case Value::Type::Int:
    case Value::Type::Float:   // to_s then to_f (or to_i for no fraction): the same number
    case Value::Type::Nil:
    case Value::Type::Bool:
    case Value::Type::Array:
    case Value::Type::Hash:
    case Value::Type::Time:
    case Value::Type::Range:
        return property;       // their to_s never looks like a plain number
    default:
        break;
    }
    const std::string text = property.isString() ? property.str() : rubyToS(property);
    switch (numberLike(text)) {
    case NumberLike::Integer:
        return Value(Value(text).toInt());
    case NumberLike::Float:
        return Value(Value(text).toFloat());
    case NumberLike::No:
        break;
    }
    return property;
}

Array rubyArrayOf(const Value &v)
{
    // Kernel#Array: nil -> [], an Array as is, a Hash -> [[k, v]...], else [v].
    if (v.isNil())
        return {};
    if (v.isArray())
        return v.array();
    if (v.isHash()) {
        Array pairs;
        for (const auto &[k, val] : v.hash())
            pairs.push_back(Array{Value(k), val});
        return pairs;
    }
    return {v};
}

bool sameGroupKey(const Value &a, const Value &b)
{
    // Ruby's Hash keys use eql?: 1 and 1.0 differ, equal strings/arrays match.
    if (a.type() != b.type())
        return false;
    return a.equals(b);
}

} // namespace

std::string rubyToS(const Value &v)
{
    return rubyInterpolate(v);
}

QString undefinedMethod(const char *method, const Value &receiver)
{
    return QStringLiteral("undefined method `%1' for %2:%3")
        .arg(QString::fromLatin1(method), QString::fromStdString(receiver.inspect()),
             QString::fromLatin1(liquid::rubyClassName(receiver)));
}

ValueResult itemProperty(const Value &item, const Value &property)
{
    const std::string name = propertyName(property);
    Value result;
    if (name.find('.') == std::string::npos) {
        ValueResult r = index(item, name);
        if (!r)
            return r;
        result = *r;
    } else {
        // property.split(".").reduce(data) { |d, key| d.respond_to?(:[]) && d[key] }
        Value data = item;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = name.find('.', start);
            const std::string key = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            if (!respondsToIndex(data)) {
                data = Value(false);
            } else {
                ValueResult r = index(data, key);
                if (!r)
                    return r;
                data = *r;
            }
            if (dot == std::string::npos)
                break;
            start = dot + 1;
        }
        result = data;
    }
    return parseSortInput(result);
}

// Array(v).join == "" (join flattens nested arrays).
static bool joinsToEmpty(const Value &v)
{
    for (const Value &element : rubyArrayOf(v))
        if (element.isArray() ? !joinsToEmpty(element) : !rubyToS(element).empty())
            return false;
    return true;
}

bool propertyMatches(const Value &property, const Value &target)
{
    if (target.isNil())
        return property.isNil();
    if (liquid::isMethodLiteral(target))
        return (property.isString() && property.str().empty()) || joinsToEmpty(property);
    const std::string wanted = rubyToS(target);
    if (property.isString())
        return property.str() == wanted;
    for (const Value &element : rubyArrayOf(property))
        if (rubyToS(element) == wanted)
            return true;
    return false;
}

bool enumerableItems(const Value &input, bool hashValues, Array *items)
{
    switch (input.type()) {
    case Value::Type::Array:
        *items = input.array();
        return true;
    case Value::Type::Hash:
        items->clear();
        for (const auto &[k, v] : input.hash())
            items->push_back(hashValues ? v : Value(Array{Value(k), v}));
        return true;
    case Value::Type::Range: {
        items->clear();
        for (std::int64_t i = input.range().first; i <= input.range().last; ++i)
            items->push_back(Value(i));
        return true;
    }
    default:
        return false;
    }
}

namespace {

// The shared front of where/find: Jekyll returns the input untouched when the
// property is falsy, the value is an Array/Hash, or the input is not enumerable.
bool passesThrough(const Value &input, const Value &property, const Value &value, Array *items)
{
    if (!property.truthy() || value.isArray() || value.isHash())
        return true;
    return !enumerableItems(input, true, items);
}

} // namespace

ValueResult where(const Value &input, const Value &property, const Value &value)
{
    Array items;
    if (passesThrough(input, property, value, &items))
        return input;
    Array selected;
    for (const Value &item : items) {
        ValueResult p = itemProperty(item, property);
        if (!p)
            return p;
        if (propertyMatches(*p, value))
            selected.push_back(item);
    }
    return Value(std::move(selected));
}

ValueResult find(const Value &input, const Value &property, const Value &value)
{
    Array items;
    if (passesThrough(input, property, value, &items))
        return input;
    for (const Value &item : items) {
        ValueResult p = itemProperty(item, property);
        if (!p)
            return p;
        if (propertyMatches(*p, value))
            return item;
    }
    return Value();
}

Value groupedArray(std::vector<std::pair<Value, Array>> groups)
{
    Array out;
    out.reserve(groups.size());
    for (auto &[name, items] : groups) {
        const auto size = std::int64_t(items.size());
        out.push_back(liquid::makeHash({{"name", name}, {"items", Value(std::move(items))}, {"size", Value(size)}}));
    }
    return Value(std::move(out));
}

ValueResult groupBy(const Value &input, const Value &property)
{
    Array items;
    if (!enumerableItems(input, false, &items))
        return input;
    std::vector<std::pair<Value, Array>> groups;
    for (const Value &item : items) {
        ValueResult p = itemProperty(item, property);
        if (!p)
            return p;
        const Value key(rubyToS(*p));
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto &g) { return sameGroupKey(g.first, key); });
        if (it == groups.end())
            groups.push_back({key, Array{item}});
        else
            it->second.push_back(item);
    }
    return groupedArray(std::move(groups));
}

namespace {

// Ruby's `a <=> b || a.to_s <=> b.to_s`.
int compareWithFallback(const Value &a, const Value &b)
{
    bool comparable = false;
    const int c = liquid::compareValues(a, b, &comparable);
    if (comparable)
        return c;
    const int s = rubyToS(a).compare(rubyToS(b));
    return (s > 0) - (s < 0);
}

} // namespace

ValueResult sort(const Value &input, const Value &property, const Value &nils)
{
    if (input.isNil())
        return makeError(QStringLiteral("Cannot sort a null object."));
    if (property.isNil()) {
        Array items;
        if (!enumerableItems(input, false, &items))
            return makeError(undefinedMethod("sort", input));
        // Ruby's sort compares neighbours first; report the first incomparable
        // pair in input order, as Ruby's message names (left with right).
        for (std::size_t i = 0; i + 1 < items.size(); ++i) {
            bool comparable = false;
            liquid::compareValues(items[i], items[i + 1], &comparable);
            if (!comparable)
                return makeError(liquid::comparisonError(items[i], items[i + 1]));
        }
        QString error;
        std::stable_sort(items.begin(), items.end(), [&](const Value &a, const Value &b) {
            if (!error.isEmpty())
                return false;
            bool comparable = false;
            const int c = liquid::compareValues(a, b, &comparable);
            if (!comparable) {
                error = liquid::comparisonError(a, b);
                return false;
            }
            return c < 0;
        });
        if (!error.isEmpty())
            return makeError(error);
        return Value(std::move(items));
    }
    int order = 0;
    if (nils.isString() && nils.str() == "first")
        order = -1;
    else if (nils.isString() && nils.str() == "last")
        order = 1;
    else
        return makeError(QStringLiteral("Invalid nils order: '%1' is not a valid nils order. It must be 'first' or 'last'.")
                             .arg(QString::fromStdString(nils.toString())));
    Array items;
    if (!enumerableItems(input, false, &items))
        return makeError(undefinedMethod("map", input));
    // Schwartzian transform as Jekyll's sort_input.
    std::vector<std::pair<Value, Value>> keyed;
    keyed.reserve(items.size());
    for (const Value &item : items) {
        ValueResult p = itemProperty(item, property);
        if (!p)
            return p;
        keyed.emplace_back(*p, item);
    }
    const auto cmp = [order](const Value &a, const Value &b) {
        if (!a.isNil() && b.isNil())
            return -order;
        if (a.isNil() && !b.isNil())
            return order;
        return compareWithFallback(a, b);
    };
    std::stable_sort(keyed.begin(), keyed.end(),
                     [&](const auto &x, const auto &y) { return cmp(x.first, y.first) < 0; });
    Array out;
    out.reserve(keyed.size());
    for (auto &entry : keyed)
        out.push_back(std::move(entry.second));
    return Value(std::move(out));
}

namespace {

// Kernel#Integer(string): optional sign, a 0x/0b/0o/0d/0 (octal) prefix, digits
// with single underscores between them, surrounding whitespace.
std::optional<std::int64_t> rubyInteger(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = char(s[1] | 0x20);
        if (p == 'x' || p == 'b' || p == 'o' || p == 'd') {
            base = p == 'x' ? 16 : p == 'b' ? 2 : p == 'o' ? 8 : 10;
            s.remove_prefix(2);
        } else {
            base = 8;
            s.remove_prefix(1);
            if (!s.empty() && s.front() == '_')
                s.remove_prefix(1);   // "0_7"
        }
    }
    if (s.empty() || s.front() == '_' || s.back() == '_')
        return std::nullopt;
    std::int64_t value = 0;
    bool lastUnderscore = false;
    for (char c : s) {
        if (c == '_') {
            if (lastUnderscore)
                return std::nullopt;
            lastUnderscore = true;
            continue;
        }
        lastUnderscore = false;
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            digit = (c | 0x20) - 'a' + 10;
        if (digit < 0 || digit >= base)
            return std::nullopt;
        value = value * base + digit;
    }
    return negative ? -value : value;
}

} // namespace

Result<std::int64_t> toInteger(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    // Liquid::Utils.to_integer: Integer(num.to_s), else "invalid integer".
    if (const std::optional<std::int64_t> n = rubyInteger(rubyToS(v)))
        return *n;
    return makeError(QStringLiteral("invalid integer"));
}

Value push(const Value &array, const Value &item)
{
    if (!array.isArray())
        return array;
    Array copy = array.array();
    copy.push_back(item);
    return Value(std::move(copy));
}

Value unshift(const Value &array, const Value &item)
{
    if (!array.isArray())
        return array;
    Array copy = array.array();
    copy.insert(copy.begin(), item);
    return Value(std::move(copy));
}

namespace {

Result<std::size_t> dropCount(const Value &count)
{
    Result<std::int64_t> n = toInteger(count);
    if (!n)
        return Error{n.error()};
    if (*n < 0)
        return makeError(QStringLiteral("negative array size"));
    return std::size_t(*n);
}

} // namespace

ValueResult pop(const Value &array, const Value &count)
{
    if (!array.isArray())
        return array;
    Result<std::size_t> n = dropCount(count);
    if (!n)
        return Error{n.error()};
    Array copy = array.array();
    copy.resize(copy.size() - std::min(*n, copy.size()));
    return Value(std::move(copy));
}

ValueResult shift(const Value &array, const Value &count)
{
    if (!array.isArray())
        return array;
    Result<std::size_t> n = dropCount(count);
    if (!n)
        return Error{n.error()};
    const Array &source = array.array();
    return Value(Array(source.begin() + std::ptrdiff_t(std::min(*n, source.size())), source.end()));
}

ValueResult sample(const Value &input, const Value &count)
{
    if (!input.isArray())
        return input;
    Result<std::int64_t> parsed = toInteger(count);
    const std::int64_t n = parsed ? *parsed : 1;   // Jekyll: `rescue 1`
    const Array &items = input.array();
    liquid::noteHiddenInput();   // random: never replayed from the include memo
    auto *rng = QRandomGenerator::global();
    if (n == 1)
        return items.empty() ? Value() : items[rng->bounded(quint32(items.size()))];
    if (n < 0)
        return makeError(QStringLiteral("negative sample number"));
    // Array#sample(n): n distinct positions in random order.
    std::vector<std::size_t> positions(items.size());
    std::iota(positions.begin(), positions.end(), std::size_t(0));
    const std::size_t take = std::min<std::size_t>(std::size_t(n), positions.size());
    for (std::size_t i = 0; i < take; ++i)
        std::swap(positions[i], positions[i + rng->bounded(quint32(positions.size() - i))]);
    Array out;
    for (std::size_t i = 0; i < take; ++i)
        out.push_back(items[positions[i]]);
    return Value(std::move(out));
}

} // namespace folio::site::jekyll
