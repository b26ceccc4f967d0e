// A hand-written port of Psych 4's ScalarScanner (lib/psych/scalar_scanner.rb,
// Ruby 3.1) and of the scalar half of Psych::Visitors::ToRuby#deserialize.
// Each regular expression of the Ruby code is a small matcher here, in the
// same order, because the order decides the type ("1:30" is an Integer,
// "1e3" a String, "y" a String, "0755" octal). Regexes are not used: a site of
// 4000 posts resolves a few hundred thousand scalars and std::regex is slow.
#include "scalar.h"

#include "site/liquid/timeformat.h"

#include <QByteArray>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace folio::site::yaml::detail {
namespace {

using liquid::Value;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// Ruby String#length: characters, not bytes.
std::size_t charCount(std::string_view s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

// One UTF-8 character starting at `pos`: its first byte and its length.
std::size_t charLength(std::string_view s, std::size_t pos)
{
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(len, s.size() - pos);
}

// The character class [[:alpha:]_\s!@#$%\^&*(){}<>|/\\~;=] of the string test.
// Non-ASCII characters count as alphabetic: only ASCII decides anything here,
// since every non-string outcome starts with an ASCII digit, sign, '.' or ':'.
bool inStringClass(std::string_view s, std::size_t pos)
{
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c >= 0x80 || std::isalpha(c) || isSpace(char(c)))
        return true;
    return std::string_view("_!@#$%^&*(){}<>|/\\~;=").find(char(c)) != std::string_view::npos;
}

// %r{^[^\d.:-]?[[:alpha:]_\s!@#$%\^&*(){}<>|/\\~;=]+} at the start.
bool looksLikeWord(std::string_view s)
{
    if (s.empty())
        return false;
    if (inStringClass(s, 0))
        return true;
    const char c0 = s[0];
    if (isDigit(c0) || c0 == '.' || c0 == ':' || c0 == '-')
        return false;
    const std::size_t next = charLength(s, 0);
    return next < s.size() && inStringClass(s, next);
}

// Ruby's String#to_i / #to_f on the pieces of a sexagesimal number.
double rubyToF(std::string_view s)
{
    std::string clean;
    for (char c : s)
        if (c != '_')
            clean += c;
    return std::strtod(clean.c_str(), nullptr);
}

std::int64_t rubyToI(std::string_view s)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    std::int64_t n = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '_' && i + 1 < s.size() && isDigit(s[i + 1]) && i > 0 && isDigit(s[i - 1]))
            continue;
        if (!isDigit(s[i]))
            break;
        n = n * 10 + (s[i] - '0');
    }
    return negative ? -n : n;
}

std::size_t countDigits(std::string_view s, std::size_t pos, std::size_t max = std::string_view::npos)
{
    std::size_t n = 0;
    while (pos + n < s.size() && n < max && isDigit(s[pos + n]))
        ++n;
    return n;
}

int toInt(std::string_view digits)
{
    int n = 0;
    for (char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

// ---- timestamps --------------------------------------------------------

// The parts of a string that matched Psych's TIME expression.
struct TimeParts final {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::string_view fraction;   // digits after '.', maybe empty
    std::string_view zone;       // "", "Z" or "+05:30" as Psych's second match takes it
};

// The zone suffix `\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?)` followed by end of string,
// with the backtracking the regex would do.
bool matchZone(std::string_view s, std::size_t pos)
{
    if (pos >= s.size())
        return false;
    if (s[pos] == 'Z')
        return pos + 1 == s.size();
    if (s[pos] != '+' && s[pos] != '-')
        return false;
    ++pos;
    for (std::size_t hourDigits = 2; hourDigits >= 1; --hourDigits) {
        if (countDigits(s, pos, hourDigits) != hourDigits)
            continue;
        std::size_t p = pos + hourDigits;
        for (int colon = 1; colon >= 0; --colon) {
            std::size_t q = p;
            if (colon) {
                if (q >= s.size() || s[q] != ':')
                    continue;
                ++q;
            }
            if (q == s.size() || (countDigits(s, q, 2) == 2 && q + 2 == s.size()))
                return true;
        }
    }
    return false;
}

// /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/
std::optional<TimeParts> matchTime(std::string_view s)
{
    TimeParts t;
    std::size_t p = 0;
    const bool negativeYear = p < s.size() && s[p] == '-';
    if (negativeYear)
        ++p;
    if (countDigits(s, p, 4) != 4 || countDigits(s, p) != 4)
        return std::nullopt;
    t.year = toInt(s.substr(p, 4)) * (negativeYear ? -1 : 1);
    p += 4;
    auto number = [&](int &out, std::size_t minDigits, std::size_t maxDigits) {
        const std::size_t n = countDigits(s, p, maxDigits);
        if (n < minDigits)
            return false;
        out = toInt(s.substr(p, n));
        p += n;
        return true;
    };
    auto expect = [&](char c) {
        if (p >= s.size() || s[p] != c)
            return false;
        ++p;
        return true;
    };
    if (!expect('-') || !number(t.month, 1, 2) || !expect('-') || !number(t.day, 1, 2))
        return std::nullopt;
    if (p < s.size() && (s[p] == 'T' || s[p] == 't')) {
        ++p;
    } else {
        const std::size_t start = p;
        while (p < s.size() && isSpace(s[p]))
            ++p;
        if (p == start)
            return std::nullopt;
    }
    if (!number(t.hour, 1, 2) || !expect(':') || countDigits(s, p, 2) != 2 || !number(t.minute, 2, 2)
        || !expect(':') || countDigits(s, p, 2) != 2 || !number(t.second, 2, 2))
        return std::nullopt;
    if (p < s.size() && s[p] == '.') {
        ++p;
        const std::size_t n = countDigits(s, p);
        t.fraction = s.substr(p, n);
        p += n;
    }
    if (p == s.size())
        return t;
    std::size_t z = p;
    while (z < s.size() && isSpace(s[z]))
        ++z;
    if (!matchZone(s, z))
        return std::nullopt;
    t.zone = s.substr(z);
    return t;
}

// days since 1970-01-01 of a proleptic Gregorian date; out-of-range days
// roll over (Feb 30 = Mar 2), as Ruby's Time.utc does for days up to 31.
std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leapYear(y) ? 29 : days[m - 1];
}

// Ruby's Time.utc / Time.new argument checks (ArgumentError "argument out of range").
bool timeFieldsValid(const TimeParts &t)
{
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31)
        return false;
    if (t.hour > 24 || t.minute > 59 || t.second > 60)
        return false;
    return t.hour < 24 || (t.minute == 0 && t.second == 0);
}

std::int32_t nanosecondsOf(std::string_view fraction)
{
    std::int32_t ns = 0;
    for (std::size_t i = 0; i < 9; ++i)
        ns = ns * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    return ns;
}

// Psych's parse_time: the zone as its second expression
// /^([+\-]?\d{1,2})\:?(\d{1,2})?$/ splits it ("+530" is 53 hours, -00:30 is +00:30).
std::optional<std::int32_t> psychZoneOffset(std::string_view zone)
{
    std::size_t p = 0;
    const bool negative = zone[0] == '-';
    if (zone[0] == '+' || zone[0] == '-')
        ++p;
    const std::size_t hourDigits = countDigits(zone, p, 2);
    const int hours = toInt(zone.substr(p, hourDigits));
    p += hourDigits;
    if (p < zone.size() && zone[p] == ':')
        ++p;
    const int minutes = p < zone.size() ? toInt(zone.substr(p)) : 0;
    std::int64_t offset = std::int64_t(negative ? -hours : hours) * 3600;
    offset += offset < 0 ? -minutes * 60 : minutes * 60;
    if (offset <= -86400 || offset >= 86400)
        return std::nullopt;   // Time.new: "utc_offset out of range"
    return std::int32_t(offset);
}

std::optional<liquid::Time> parseTime(const TimeParts &t, const ScalarContext &context)
{
    if (!timeFieldsValid(t))
        return std::nullopt;
    const std::int64_t wall = daysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600
                              + t.minute * 60 + t.second;
    liquid::Time time;
    time.nanoseconds = nanosecondsOf(t.fraction);
    if (t.zone == "Z") {
        time.seconds = wall;   // Psych: Time.utc
        time.utc = true;
        return time;
    }
    if (t.zone.empty()) {
        // Psych reads a zone-less time as UTC (Time.utc) and then shows that
        // instant in the local zone (Time.at): 10:00 becomes 02:00 -0800 in
        // Los Angeles. Jekyll's local zone is its `timezone` setting (ENV["TZ"]).
        time.seconds = wall;
        time.utcOffset = liquid::zoneOffsetAt(context.timezone, wall);
        return time;
    }
    const auto offset = psychZoneOffset(t.zone);
    if (!offset)
        return std::nullopt;
    time.seconds = wall - *offset;
    time.utcOffset = *offset;
    return time;
}

// /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/ then Date.strptime.
std::optional<liquid::Time> matchDate(std::string_view s)
{
    if (s.size() < 8 || s.size() > 10 || countDigits(s, 0, 4) != 4 || s[4] != '-')
        return std::nullopt;
    std::size_t p = 5;
    auto field = [&](auto twoDigitOk) -> std::optional<int> {
        const std::size_t n = countDigits(s, p, 2);
        if (n == 2 && twoDigitOk(s[p], s[p + 1])) {
            p += 2;
            return toInt(s.substr(p - 2, 2));
        }
        if (n >= 1) {
            p += 1;
            return s[p - 1] - '0';
        }
        return std::nullopt;
    };
    const auto month = field([](char a, char b) { return a == '0' || (a == '1' && b <= '2'); });
    if (!month || p >= s.size() || s[p] != '-')
        return std::nullopt;
    ++p;
    const auto day = field([](char a, char b) { return a == '0' || a == '1' || a == '2' || (a == '3' && b <= '1'); });
    if (!day || p != s.size())
        return std::nullopt;
    const int year = toInt(s.substr(0, 4));
    if (*month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(year, *month))
        return std::nullopt;   // Date.strptime raises, Psych keeps the string
    liquid::Time date;
    date.seconds = daysFromCivil(year, *month, *day) * 86400;
    date.dateOnly = true;
    return date;
}

// ---- numbers -----------------------------------------------------------

// /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/, optionally followed by \.[0-9_]*.
bool matchSexagesimal(std::string_view s, bool withFraction)
{
    std::size_t p = 0;
    if (p < s.size() && (s[p] == '-' || s[p] == '+'))
        ++p;
    if (p >= s.size() || !isDigit(s[p]))
        return false;
    while (p < s.size() && (isDigit(s[p]) || s[p] == '_'))
        ++p;
    int groups = 0;
    while (groups < 2 && p < s.size() && s[p] == ':') {
        ++p;
        const std::size_t n = countDigits(s, p, 2);
        if (n == 2 && s[p] <= '5')
            p += 2;
        else if (n >= 1)
            p += 1;
        else
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (!withFraction)
        return p == s.size();
    if (p >= s.size() || s[p] != '.')
        return false;
    for (++p; p < s.size(); ++p)
        if (!isDigit(s[p]) && s[p] != '_')
            return false;
    return true;
}

Value sexagesimal(std::string_view s, bool asFloat)
{
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t colon = s.find(':', start);
        parts.push_back(s.substr(start, colon == std::string_view::npos ? colon : colon - start));
        if (colon == std::string_view::npos)
            break;
        start = colon + 1;
    }
    // Psych weighs part e by 60 ** (e - 2).abs, so "1:30" is 1*3600 + 30*60.
    if (asFloat) {
        double sum = 0;
        for (std::size_t e = 0; e < parts.size(); ++e)
            sum += rubyToF(parts[e]) * std::pow(60.0, std::abs(int(e) - 2));
        return sum;
    }
    std::int64_t sum = 0;
    for (std::size_t e = 0; e < parts.size(); ++e) {
        std::int64_t weight = 1;
        for (int k = 0; k < std::abs(int(e) - 2); ++k)
            weight *= 60;
        sum += rubyToI(parts[e]) * weight;
    }
    return sum;
}

// FLOAT = /^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?)$/
bool matchFloat(std::string_view s)
{
    std::size_t p = 0;
    if (p < s.size() && (s[p] == '-' || s[p] == '+'))
        ++p;
    if (p < s.size() && isDigit(s[p]))
        while (p < s.size() && (isDigit(s[p]) || s[p] == '_' || s[p] == ','))
            ++p;
    if (p >= s.size() || s[p] != '.')
        return false;
    ++p;
    p += countDigits(s, p);
    if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
        ++p;
        if (p >= s.size() || (s[p] != '-' && s[p] != '+'))
            return false;
        ++p;
        const std::size_t n = countDigits(s, p);
        if (n == 0)
            return false;
        p += n;
    }
    return p == s.size();
}

// Float(string.gsub(/[,_]|\.([Ee]|$)/, '\1')): Ruby's Float() raises when no
// digit is left in the mantissa ("-.e+5").
Resolved psychFloat(std::string_view s)
{
    std::string clean;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ',' || c == '_')
            continue;
        if (c == '.' && (i + 1 == s.size() || s[i + 1] == 'e' || s[i + 1] == 'E'))
            continue;
        clean += c;
    }
    const std::size_t e = clean.find_first_of("eE");
    const std::string_view mantissa = std::string_view(clean).substr(0, e);
    if (mantissa.find_first_of("0123456789") == std::string_view::npos)
        return {Value(), "invalid value for Float(): \"" + clean + "\""};
    return {Value(std::strtod(clean.c_str(), nullptr)), {}};
}

// INTEGER: binary, octal (leading 0), decimal with , or _ separators, hex.
bool matchInteger(std::string_view s)
{
    std::size_t p = 0;
    if (p < s.size() && (s[p] == '-' || s[p] == '+'))
        ++p;
    const std::string_view body = s.substr(p);
    auto allOf = [](std::string_view rest, auto pred) {
        if (rest.empty())
            return false;
        for (char c : rest)
            if (!pred(c))
                return false;
        return true;
    };
    if (body.size() >= 2 && body[0] == '0' && body[1] == 'b')
        return allOf(body.substr(2), [](char c) { return c == '0' || c == '1' || c == '_' || c == ','; });
    if (body.size() >= 2 && body[0] == '0' && body[1] == 'x')
        return allOf(body.substr(2), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '_' || c == ','; });
    if (body.size() >= 2 && body[0] == '0')
        return allOf(body.substr(1), [](char c) { return (c >= '0' && c <= '7') || c == '_' || c == ','; });
    if (body == "0")
        return true;
    if (body.empty() || body[0] < '1' || body[0] > '9')
        return false;
    for (std::size_t i = 1; i < body.size(); ++i) {
        if (isDigit(body[i]))
            continue;
        if ((body[i] == ',' || body[i] == '_') && i + 1 < body.size() && isDigit(body[i + 1])) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

// Integer(string.gsub(/[,_]/, '')): 0b.. binary, 0x.. hex, 0.. octal.
// Ruby has big integers; beyond 64 bits Folio keeps the nearest Float.
Resolved psychInteger(std::string_view s)
{
    std::string clean;
    for (char c : s)
        if (c != ',' && c != '_')
            clean += c;
    std::size_t p = 0;
    bool negative = false;
    if (clean[p] == '-' || clean[p] == '+')
        negative = clean[p++] == '-';
    int base = 10;
    if (clean.size() - p >= 2 && clean[p] == '0' && (clean[p + 1] == 'b' || clean[p + 1] == 'x')) {
        base = clean[p + 1] == 'b' ? 2 : 16;
        p += 2;
    } else if (clean.size() - p >= 2 && clean[p] == '0') {
        base = 8;
        p += 1;
    }
    const std::string digits = clean.substr(p);
    if (digits.empty())
        return {Value(), "invalid value for Integer(): \"" + clean + "\""};
    errno = 0;
    const unsigned long long magnitude = std::strtoull(digits.c_str(), nullptr, base);
    const bool fits = errno != ERANGE
                      && magnitude <= (negative ? 9223372036854775808ULL : 9223372036854775807ULL);
    if (!fits) {
        double d = 0;
        for (char c : digits)
            d = d * base + (isDigit(c) ? c - '0' : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
        return {Value(negative ? -d : d), {}};
    }
    const std::int64_t value = negative ? std::int64_t(0 - magnitude) : std::int64_t(magnitude);
    return {Value(value), {}};
}

std::string disallowed(std::string_view className)
{
    return "Tried to load unspecified class: " + std::string(className);
}

} // namespace

std::optional<double> rubyFloat(std::string_view text)
{
    std::size_t b = 0, e = text.size();
    while (b < e && isSpace(text[b]))
        ++b;
    while (e > b && isSpace(text[e - 1]))
        --e;
    std::string clean;
    const std::string_view t = text.substr(b, e - b);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '_' && i > 0 && i + 1 < t.size() && std::isxdigit(static_cast<unsigned char>(t[i - 1]))
            && std::isxdigit(static_cast<unsigned char>(t[i + 1])))
            continue;
        clean += t[i];
    }
    if (clean.empty() || clean.find_first_of("nNiI") != std::string::npos)
        return std::nullopt;   // strtod would accept "inf"/"nan"; Ruby's Float() does not
    char *end = nullptr;
    const double d = std::strtod(clean.c_str(), &end);
    if (end != clean.c_str() + clean.size())
        return std::nullopt;
    return d;
}

Resolved tokenize(std::string_view s, const ScalarContext &context)
{
    if (s.empty())
        return {Value(), {}};

    if (looksLikeWord(s) || s.find('\n') != std::string_view::npos) {
        if (charCount(s) > 5 || std::string_view("ytonfYTONF~").find(s[0]) == std::string_view::npos)
            return {Value(s), {}};
        if (s == "~" || iequals(s, "null"))
            return {Value(), {}};
        if (iequals(s, "yes") || iequals(s, "true") || iequals(s, "on"))
            return {Value(true), {}};
        if (iequals(s, "no") || iequals(s, "false") || iequals(s, "off"))
            return {Value(false), {}};
        return {Value(s), {}};
    }
    if (const auto parts = matchTime(s)) {
        if (const auto time = parseTime(*parts, context))
            return {Value(*time), {}};
        return {Value(s), {}};
    }
    if (const auto date = matchDate(s))
        return {Value(*date), {}};
    if (iequals(s, ".inf") || iequals(s, "+.inf"))
        return {Value(std::numeric_limits<double>::infinity()), {}};
    if (iequals(s, "-.inf"))
        return {Value(-std::numeric_limits<double>::infinity()), {}};
    if (iequals(s, ".nan"))
        return {Value(std::numeric_limits<double>::quiet_NaN()), {}};
    if (s.size() >= 2 && s[0] == ':')
        return {Value(), disallowed("Symbol")};
    if (matchSexagesimal(s, false))
        return {sexagesimal(s, false), {}};
    if (matchSexagesimal(s, true))
        return {sexagesimal(s, true), {}};
    if (matchFloat(s)) {
        if (s == "." || s == "-." || s == "+.")
            return {Value(s), {}};
        return psychFloat(s);
    }
    if (matchInteger(s))
        return psychInteger(s);
    return {Value(s), {}};
}

Resolved resolveTagged(std::string_view tag, std::string_view text, const ScalarContext &context)
{
    if (tag == "!binary" || tag == "tag:yaml.org,2002:binary") {
        const QByteArray decoded = QByteArray::fromBase64(QByteArray(text.data(), qsizetype(text.size())));
        return {Value(std::string(decoded.constData(), std::size_t(decoded.size()))), {}};
    }
    if (tag == "tag:yaml.org,2002:str" || tag == "!str" || tag == "!ruby/string")
        return {Value(text), {}};
    if (tag.starts_with("!str:") || tag.starts_with("!ruby/string:"))
        return {Value(), disallowed(tag.substr(tag.find(':') + 1))};
    if (tag == "tag:yaml.org,2002:float" || tag == "!float") {
        Resolved inner = tokenize(text, context);
        if (!inner.ok())
            return inner;
        const Value &v = inner.value;
        if (v.isInt())
            return {Value(double(v.toInt())), {}};
        if (v.isFloat())
            return inner;
        if (v.isString()) {
            if (const auto d = rubyFloat(v.str()))
                return {Value(*d), {}};
            return {Value(), "invalid value for Float(): \"" + v.str() + "\""};
        }
        return {Value(), "can't convert " + std::string(v.isNil() ? "nil" : "this value") + " into Float"};
    }
    if (tag.starts_with("!ruby/")) {
        // Regexp, Range, Symbol, Class, objects...: safe_load permits only Date and Time.
        if (tag.starts_with("!ruby/sym"))
            return {Value(), disallowed("Symbol")};
        if (tag == "!ruby/regexp")
            return {Value(), disallowed("Regexp")};
        if (tag == "!ruby/range")
            return {Value(), disallowed("Range")};
        return {Value(), disallowed(tag.substr(tag.find(':') == std::string_view::npos ? 1 : tag.find(':') + 1))};
    }
    return tokenize(text, context);
}

} // namespace folio::site::yaml::detail
