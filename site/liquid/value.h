// The data every part of the engine exchanges: YAML front matter and config,
// _data files, the site model as templates see it, and Liquid's own values.
//
// Values are immutable once built and shared by pointer, so one site model can
// be read by every render thread at once without locks (Zola's read-only site).
// Text is UTF-8 in std::string: Liquid, cmark-gfm, libsass and yaml-cpp all speak
// UTF-8, and converting to QString per lookup would cost more than the render.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace folio::site::liquid {

class Value;
class Hash;
class Drop;
using Array = std::vector<Value>;

// A point in time as Ruby's Time has it (seconds since the epoch plus the UTC
// offset it is shown in), or a calendar Date (YAML `2020-01-02` without a time).
struct Time final {
    std::int64_t seconds = 0;       // since 1970-01-01T00:00:00Z
    std::int32_t nanoseconds = 0;
    std::int32_t utcOffset = 0;     // seconds east of UTC used for display
    bool dateOnly = false;          // a Ruby Date: renders as YYYY-MM-DD
    // Ruby's utc?: a YAML time ending in Z, or Time.parse of a text naming
    // UTC/Z/UT/-00:00. to_s, inspect and jsonify print "UTC" for it where a
    // local or fixed-offset time prints +0000. Jekyll's localtime (document
    // dates, date_to_* filters, site.time) gives a time without it.
    bool utc = false;

    bool operator==(const Time &o) const { return seconds == o.seconds && nanoseconds == o.nanoseconds; }
};

// A Ruby Range (1..5) as `for` and `(a..b)` literals produce it.
struct Range final {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

class Value final
{
public:
    enum class Type { Nil, Bool, Int, Float, String, Array, Hash, Drop, Time, Range };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(std::int64_t(i)) {}
    Value(std::int64_t i) : m_v(i) {}
    Value(double d) : m_v(d) {}
    Value(const char *s) : m_v(std::make_shared<const std::string>(s)) {}
    Value(std::string s) : m_v(std::make_shared<const std::string>(std::move(s))) {}
    Value(std::string_view s) : m_v(std::make_shared<const std::string>(s)) {}
    // Shares a string without copying it (a rendered page's content, read by
    // every page that lists it). Null gives nil.
    Value(std::shared_ptr<const std::string> s)
    {
        if (s)
            m_v = std::move(s);
    }
    Value(Array a) : m_v(std::make_shared<const Array>(std::move(a))) {}
    Value(std::shared_ptr<const Array> a) : m_v(std::move(a)) {}
    Value(Hash h);
    Value(std::shared_ptr<const Hash> h) : m_v(std::move(h)) {}
    Value(std::shared_ptr<const Drop> d) : m_v(std::move(d)) {}
    Value(liquid::Time t) : m_v(t) {}
    Value(liquid::Range r) : m_v(r) {}

    Type type() const { return Type(m_v.index()); }
    bool isNil() const { return m_v.index() == 0; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isFloat() const { return type() == Type::Float; }
    bool isNumber() const { return isInt() || isFloat(); }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isHash() const { return type() == Type::Hash; }
    bool isDrop() const { return type() == Type::Drop; }
    bool isTime() const { return type() == Type::Time; }
    bool isRange() const { return type() == Type::Range; }

    // Liquid truthiness: only nil and false are false.
    bool truthy() const { return !isNil() && !(isBool() && !std::get<bool>(m_v)); }

    bool toBool() const { return isBool() && std::get<bool>(m_v); }
    std::int64_t toInt() const;          // Ruby to_i ("12abc" -> 12, 3.9 -> 3)
    double toFloat() const;              // Ruby to_f
    const std::string &str() const;      // the String, or "" for other types
    const Array &array() const;          // the Array, or an empty one
    const Hash &hash() const;            // the Hash, or an empty one
    const std::shared_ptr<const Drop> &drop() const;
    const liquid::Time &time() const;
    const liquid::Range &range() const;
    std::shared_ptr<const Array> arrayPtr() const;
    std::shared_ptr<const Hash> hashPtr() const;

    // Member lookup as Liquid does it: a Hash key, a Drop method, or for arrays
    // and strings the special `size`, `first`, `last`. Missing gives nil.
    Value get(std::string_view key) const;
    // Index lookup `a[i]`: arrays by integer (negative from the end), hashes by key.
    Value at(const Value &index) const;

    // Ruby to_s as Liquid prints it ({{ x }}): nil -> "", arrays joined, hashes
    // in Ruby inspect form, floats as Ruby prints them, times as "%Y-%m-%d %H:%M:%S %z".
    std::string toString() const;
    // Ruby inspect (strings quoted, nil as nil): for `inspect` and hash printing.
    std::string inspect() const;

    // Turns Drops into plain hashes/arrays, recursively (jsonify, inspect).
    Value materialize() const;

    // Number of elements (array, hash, string bytes→characters), else 0.
    std::int64_t size() const;
    bool empty() const;   // Liquid's `empty`: "", [], {}

    // Ruby `==` between Liquid values (1 == 1.0, "a" == "a", arrays element-wise).
    bool equals(const Value &other) const;

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::shared_ptr<const std::string>,
                 std::shared_ptr<const Array>, std::shared_ptr<const Hash>,
                 std::shared_ptr<const Drop>, liquid::Time, liquid::Range>
        m_v;
};

// An ordered map, as Ruby's Hash (insertion order is what templates iterate and
// jsonify prints). Setting an existing key replaces it in place.
class Hash final
{
public:
    using Entry = std::pair<std::string, Value>;

    Hash() = default;
    Hash(std::initializer_list<Entry> entries);

    const Value *find(std::string_view key) const;
    Value value(std::string_view key) const;     // nil when missing
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    void set(std::string key, Value value);
    bool remove(std::string_view key);

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    const std::vector<Entry> &entries() const { return m_entries; }
    auto begin() const { return m_entries.begin(); }
    auto end() const { return m_entries.end(); }

private:
    void rebuildIndex();

    std::vector<Entry> m_entries;
    // Larger hashes (site config, data files) are indexed; small ones are
    // searched linearly, which is faster below a dozen keys.
    // (hash of key, entry position), sorted; kept current by set() and remove().
    std::vector<std::pair<std::size_t, std::size_t>> m_index;
};

// A lazy object whose members are computed on demand: a page's content, url,
// excerpt, next/previous. Jekyll's Drops. Must be safe to read from many threads.
class Drop
{
public:
    virtual ~Drop() = default;
    virtual Value get(std::string_view key) const = 0;
    // Keys for iteration, jsonify and inspect.
    virtual std::vector<std::string> keys() const = 0;
    // What `{{ drop }}` prints. Jekyll documents print their output.
    virtual std::string toString() const;
    // Identity for `==` and `uniq` (Jekyll compares documents by identity).
    virtual const void *identity() const { return this; }
    // True when this object is shared by every render of a build and what
    // get() returns depends on nothing but the object (a document as
    // `site.posts` lists it), except for reads that call noteHiddenInput().
    // The include memo then records the object read once instead of each of
    // its members (liquid/memo.h).
    virtual bool stable() const { return false; }
};

// `empty` and `blank` outside conditions (filter arguments, assign, output):
// Jekyll 4.3 patches Liquid 5.4 so they are a MethodLiteral object that prints
// as "" but is no String (liquid_expr_method_literal.rb), and its `where` and
// `find` then match a property whose Array(property).join is "": nil, [] and
// {} too. Conditions keep Liquid's own empty?/blank? tests.
Value methodLiteral(std::string_view name);   // name: "empty" or "blank"
bool isMethodLiteral(const Value &value);

// Helpers for building values tersely in code and tests.
Value makeArray(std::initializer_list<Value> items);
Value makeHash(std::initializer_list<Hash::Entry> entries);

// Jekyll's jsonify: Ruby's to_json of the materialized value.
std::string toJson(const Value &value);

// Ruby Float#to_s: 1.0 -> "1.0", 1e20 -> "1.0e+20", 0.1 -> "0.1".
std::string formatRubyFloat(double d);

} // namespace folio::site::liquid
