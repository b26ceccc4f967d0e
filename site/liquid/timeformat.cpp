// Ruby Time#strftime and the subset of Time.parse (Date._parse) that dates in
// Jekyll sites use. Civil-date arithmetic is Howard Hinnant's days_from_civil.
#include "timeformat.h"
#include "memo.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <unordered_map>

namespace folio::site::liquid {

namespace {

constexpr const char *kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char *kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &y, int &m, int &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yy + (m <= 2));
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// ISO 8601 week-based year and week number.
void isoWeek(const CivilTime &c, int &isoYear, int &week)
{
    const int wday = (c.weekday + 6) % 7;   // Monday = 0
    int w = (c.yearDay - 1 - wday + 10) / 7;
    isoYear = c.year;
    if (w < 1) {
        isoYear = c.year - 1;
        const int prevDays = isLeap(isoYear) ? 366 : 365;
        w = (c.yearDay + prevDays - 1 - wday + 10) / 7;
    } else {
        const int days = isLeap(c.year) ? 366 : 365;
        if (w == 53 && (c.yearDay - 1 - wday + 3) >= days) {   // Thursday of this week is in next year
            isoYear = c.year + 1;
            w = 1;
        }
    }
    week = w;
}

struct Spec {
    char padChar = 0;     // 0 = conversion default
    bool noPad = false;
    bool upper = false;
    bool swapCase = false;
    int width = -1;
    int colons = 0;
};

void appendPadded(std::string &out, std::string_view text, const Spec &spec, char defaultPad, int defaultWidth)
{
    int width = spec.width >= 0 ? spec.width : defaultWidth;
    char pad = spec.padChar ? spec.padChar : defaultPad;
    if (spec.noPad)
        width = 0;
    std::string s(text);
    if (spec.upper)
        for (char &c : s)
            c = char(std::toupper((unsigned char)c));
    if (spec.swapCase) {
        bool anyLower = false;
        for (char c : s)
            anyLower |= bool(std::islower((unsigned char)c));
        for (char &c : s)
            c = anyLower ? char(std::toupper((unsigned char)c)) : char(std::tolower((unsigned char)c));
    }
    if (int(s.size()) < width) {
        // Numbers keep their sign in front of zero padding.
        if (pad == '0' && !s.empty() && (s[0] == '-' || s[0] == '+')) {
            out += s[0];
            out.append(std::size_t(width - int(s.size())), '0');
            out.append(s, 1);
            return;
        }
        out.append(std::size_t(width - int(s.size())), pad);
    }
    out += s;
}

void appendNumber(std::string &out, std::int64_t n, const Spec &spec, char defaultPad, int defaultWidth)
{
    appendPadded(out, std::to_string(n), spec, defaultPad, defaultWidth);
}

std::string formatOffset(std::int32_t off, int colons)
{
    const char sign = off < 0 ? '-' : '+';
    const int a = std::abs(off);
    char buf[32];
    switch (colons) {
    case 1: std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, a / 3600, a / 60 % 60); break;
    case 2: std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60); break;
    default: std::snprintf(buf, sizeof buf, "%c%02d%02d", sign, a / 3600, a / 60 % 60); break;
    }
    return buf;
}

} // namespace

CivilTime toCivil(const Time &t)
{
    CivilTime c;
    const std::int64_t local = t.seconds + t.utcOffset;
    const std::int64_t days = floorDiv(local, 86400);
    const std::int64_t secs = local - days * 86400;
    civilFromDays(days, c.year, c.month, c.day);
    c.hour = int(secs / 3600);
    c.minute = int(secs / 60 % 60);
    c.second = int(secs % 60);
    c.weekday = int(((days % 7) + 11) % 7);   // 1970-01-01 was a Thursday (4)
    c.yearDay = int(days - daysFromCivil(c.year, 1, 1)) + 1;
    c.nanoseconds = t.nanoseconds;
    c.utcOffset = t.utcOffset;
    return c;
}

Time fromCivil(int year, int month, int day, int hour, int minute, int second, std::int32_t utcOffset,
               std::int32_t nanoseconds)
{
    // Normalise months outside 1..12 the way mktime does.
    std::int64_t y = year + floorDiv(month - 1, 12);
    const int m = int((month - 1) - floorDiv(month - 1, 12) * 12) + 1;
    const std::int64_t days = daysFromCivil(y, unsigned(m), 1) + (day - 1);
    Time t;
    t.seconds = days * 86400 + std::int64_t(hour) * 3600 + std::int64_t(minute) * 60 + second - utcOffset;
    t.utcOffset = utcOffset;
    t.nanoseconds = nanoseconds;
    return t;
}

std::string strftime(const Time &t, std::string_view format)
{
    const CivilTime c = toCivil(t);
    std::string out;
    out.reserve(format.size() + 16);
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char ch = format[i];
        if (ch != '%' || i + 1 >= format.size()) {
            out += ch;
            continue;
        }
        const std::size_t start = i;
        ++i;
        Spec spec;
        // Flags.
        for (; i < format.size(); ++i) {
            const char f = format[i];
            if (f == '-')
                spec.noPad = true;
            else if (f == '_')
                spec.padChar = ' ';
            else if (f == '0')
                spec.padChar = '0';
            else if (f == '^')
                spec.upper = true;
            else if (f == '#')
                spec.swapCase = true;
            else
                break;
        }
        if (i < format.size() && std::isdigit((unsigned char)format[i])) {
            spec.width = 0;
            while (i < format.size() && std::isdigit((unsigned char)format[i]))
                spec.width = spec.width * 10 + (format[i++] - '0');
        }
        while (i < format.size() && format[i] == ':') {
            ++spec.colons;
            ++i;
        }
        if (i >= format.size()) {
            out.append(format.substr(start));
            break;
        }
        const char conv = format[i];
        const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
        switch (conv) {
        case 'Y': {
            // Ruby pads years below 1000 to 4 digits only with explicit width.
            appendNumber(out, c.year, spec, '0', c.year < 0 ? 5 : 4);
            break;
        }
        case 'C': appendNumber(out, floorDiv(c.year, 100), spec, '0', 2); break;
        case 'y': appendNumber(out, ((c.year % 100) + 100) % 100, spec, '0', 2); break;
        case 'm': appendNumber(out, c.month, spec, '0', 2); break;
        case 'B': appendPadded(out, kMonthNames[c.month - 1], spec, ' ', 0); break;
        case 'b':
        case 'h': appendPadded(out, std::string(kMonthNames[c.month - 1], 3), spec, ' ', 0); break;
        case 'd': appendNumber(out, c.day, spec, '0', 2); break;
        case 'e': appendNumber(out, c.day, spec, ' ', 2); break;
        case 'j': appendNumber(out, c.yearDay, spec, '0', 3); break;
        case 'H': appendNumber(out, c.hour, spec, '0', 2); break;
        case 'k': appendNumber(out, c.hour, spec, ' ', 2); break;
        case 'I': appendNumber(out, hour12, spec, '0', 2); break;
        case 'l': appendNumber(out, hour12, spec, ' ', 2); break;
        case 'P': {
            Spec s = spec;
            if (s.swapCase) { s.swapCase = false; s.upper = true; }
            appendPadded(out, c.hour < 12 ? "am" : "pm", s, ' ', 0);
            break;
        }
        case 'p': {
            Spec s = spec;
            std::string text = c.hour < 12 ? "AM" : "PM";
            if (s.swapCase) { s.swapCase = false; text = c.hour < 12 ? "am" : "pm"; }
            appendPadded(out, text, s, ' ', 0);
            break;
        }
        case 'M': appendNumber(out, c.minute, spec, '0', 2); break;
        case 'S': appendNumber(out, c.second, spec, '0', 2); break;
        case 'L':
        case 'N': {
            // Fractional seconds: width = number of digits (default 3 for L, 9 for N).
            const int digits = spec.width > 0 ? spec.width : (conv == 'L' ? 3 : 9);
            char buf[16];
            std::snprintf(buf, sizeof buf, "%09d", int(c.nanoseconds));
            std::string s(buf);
            if (digits <= 9)
                s.resize(std::size_t(digits));
            else
                s.append(std::size_t(digits - 9), '0');
            out += s;
            break;
        }
        case 'z': {
            std::string s = formatOffset(c.utcOffset, spec.colons);
            if (spec.width > int(s.size())) {
                Spec sp = spec;
                if (!sp.padChar)
                    sp.padChar = '0';
                appendPadded(out, s, sp, '0', 0);
            } else {
                out += s;
            }
            break;
        }
        case 'Z': appendPadded(out, c.utcOffset == 0 ? "UTC" : "", spec, ' ', 0); break;
        case 'A': appendPadded(out, kDayNames[c.weekday], spec, ' ', 0); break;
        case 'a': appendPadded(out, std::string(kDayNames[c.weekday], 3), spec, ' ', 0); break;
        case 'u': appendNumber(out, c.weekday == 0 ? 7 : c.weekday, spec, '0', 1); break;
        case 'w': appendNumber(out, c.weekday, spec, '0', 1); break;
        case 'U': appendNumber(out, (c.yearDay - 1 - c.weekday + 7) / 7, spec, '0', 2); break;
        case 'W': appendNumber(out, (c.yearDay - 1 - (c.weekday + 6) % 7 + 7) / 7, spec, '0', 2); break;
        case 'G':
        case 'g':
        case 'V': {
            int isoYear = 0, week = 0;
            isoWeek(c, isoYear, week);
            if (conv == 'G')
                appendNumber(out, isoYear, spec, '0', 4);
            else if (conv == 'g')
                appendNumber(out, ((isoYear % 100) + 100) % 100, spec, '0', 2);
            else
                appendNumber(out, week, spec, '0', 2);
            break;
        }
        case 's': appendNumber(out, t.seconds, spec, '0', 1); break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '%': out += '%'; break;
        case 'c': appendPadded(out, strftime(t, "%a %b %e %H:%M:%S %Y"), spec, ' ', 0); break;
        case 'D':
        case 'x': appendPadded(out, strftime(t, "%m/%d/%y"), spec, ' ', 0); break;
        case 'F': appendPadded(out, strftime(t, "%Y-%m-%d"), spec, ' ', 0); break;
        case 'T':
        case 'X': appendPadded(out, strftime(t, "%H:%M:%S"), spec, ' ', 0); break;
        case 'R': appendPadded(out, strftime(t, "%H:%M"), spec, ' ', 0); break;
        case 'r': appendPadded(out, strftime(t, "%I:%M:%S %p"), spec, ' ', 0); break;
        case 'v': appendPadded(out, strftime(t, "%e-%^b-%4Y"), spec, ' ', 0); break;
        case '+': appendPadded(out, strftime(t, "%a %b %e %H:%M:%S %Z %Y"), spec, ' ', 0); break;
        default:
            // Ruby prints unknown directives as they are.
            out.append(format.substr(start, i - start + 1));
            break;
        }
    }
    return out;
}

// --- parsing -------------------------------------------------------------------------

namespace {

int monthFromName(std::string_view word)
{
    if (word.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m) {
        const std::string_view name = kMonthNames[m];
        bool match = true;
        for (std::size_t k = 0; k < 3; ++k)
            if (std::tolower((unsigned char)word[k]) != std::tolower((unsigned char)name[k]))
                match = false;
        if (match)
            return m + 1;
    }
    return 0;
}

bool isDayName(std::string_view word)
{
    if (word.size() < 3)
        return false;
    for (const char *d : kDayNames) {
        bool match = true;
        for (std::size_t k = 0; k < 3; ++k)
            if (std::tolower((unsigned char)word[k]) != std::tolower((unsigned char)d[k]))
                match = false;
        if (match)
            return true;
    }
    return false;
}

struct Token {
    enum Kind { Number, Word, Punct } kind;
    std::string_view text;
    std::size_t pos;
};

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char ch = (unsigned char)s[i];
        if (std::isspace(ch)) {
            ++i;
            continue;
        }
        const std::size_t b = i;
        if (std::isdigit(ch)) {
            while (i < s.size() && std::isdigit((unsigned char)s[i]))
                ++i;
            out.push_back({Token::Number, s.substr(b, i - b), b});
        } else if (std::isalpha(ch)) {
            while (i < s.size() && std::isalpha((unsigned char)s[i]))
                ++i;
            out.push_back({Token::Word, s.substr(b, i - b), b});
        } else {
            ++i;
            out.push_back({Token::Punct, s.substr(b, 1), b});
        }
    }
    return out;
}

int toInt(std::string_view s)
{
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

} // namespace

std::optional<Time> parseTime(std::string_view input, std::int32_t defaultOffset)
{
    std::string lower(input);
    for (char &c : lower)
        c = char(std::tolower((unsigned char)c));
    // Trim.
    std::string_view text = lower;
    while (!text.empty() && std::isspace((unsigned char)text.front()))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace((unsigned char)text.back()))
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    if (text == "now" || text == "today") {
        noteHiddenInput();   // the clock: a memoised include would print a stale time
        const qint64 ms = QDateTime::currentMSecsSinceEpoch();
        Time t;
        t.seconds = ms / 1000;
        t.nanoseconds = std::int32_t((ms % 1000) * 1000000);
        t.utcOffset = defaultOffset;
        return t;
    }
    bool allDigits = true;
    for (char c : text)
        allDigits &= bool(std::isdigit((unsigned char)c));
    if (allDigits && text.size() < 19) {
        Time t;
        t.seconds = std::stoll(std::string(text));
        t.utcOffset = defaultOffset;
        return t;
    }

    const std::vector<Token> toks = tokenize(text);
    int year = -1, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::int32_t nanos = 0;
    bool haveTime = false, haveZone = false, utcZone = false, pm = false, am = false;
    std::int32_t offset = defaultOffset;

    std::size_t k = 0;
    auto tok = [&](std::size_t idx) -> const Token * { return idx < toks.size() ? &toks[idx] : nullptr; };
    auto isPunct = [&](std::size_t idx, char c) {
        const Token *t = tok(idx);
        return t && t->kind == Token::Punct && t->text[0] == c;
    };
    while (k < toks.size()) {
        const Token &t = toks[k];
        if (t.kind == Token::Number) {
            // YYYY-MM-DD or YYYY/MM/DD
            if (t.text.size() == 4 && year < 0 && (isPunct(k + 1, '-') || isPunct(k + 1, '/'))
                && tok(k + 2) && tok(k + 2)->kind == Token::Number) {
                year = toInt(t.text);
                month = toInt(tok(k + 2)->text);
                k += 3;
                if ((isPunct(k, '-') || isPunct(k, '/')) && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
                    day = toInt(tok(k + 1)->text);
                    k += 2;
                } else {
                    day = 1;
                }
                continue;
            }
            // YYYYMMDD
            if (t.text.size() == 8 && year < 0) {
                year = toInt(t.text.substr(0, 4));
                month = toInt(t.text.substr(4, 2));
                day = toInt(t.text.substr(6, 2));
                ++k;
                continue;
            }
            // HH:MM[:SS[.frac]]
            if (isPunct(k + 1, ':') && tok(k + 2) && tok(k + 2)->kind == Token::Number && !haveTime) {
                hour = toInt(t.text);
                minute = toInt(tok(k + 2)->text);
                k += 3;
                if (isPunct(k, ':') && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
                    second = toInt(tok(k + 1)->text);
                    k += 2;
                    if ((isPunct(k, '.') || isPunct(k, ',')) && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
                        std::string frac(tok(k + 1)->text.substr(0, 9));
                        frac.append(9 - frac.size(), '0');
                        nanos = std::int32_t(std::stol(frac));
                        k += 2;
                    }
                }
                haveTime = true;
                continue;
            }
            // MM/DD/YYYY (US)
            if (isPunct(k + 1, '/') && tok(k + 2) && tok(k + 2)->kind == Token::Number && year < 0) {
                month = toInt(t.text);
                day = toInt(tok(k + 2)->text);
                k += 3;
                if (isPunct(k, '/') && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
                    year = toInt(tok(k + 1)->text);
                    if (tok(k + 1)->text.size() == 2)
                        year += year < 69 ? 2000 : 1900;
                    k += 2;
                }
                continue;
            }
            // A day (1-2 digits) or a year (3-4 digits) next to a month name.
            if (t.text.size() <= 2 && day == 0) {
                day = toInt(t.text);
                ++k;
                if (tok(k) && tok(k)->kind == Token::Word
                    && (tok(k)->text == "st" || tok(k)->text == "nd" || tok(k)->text == "rd" || tok(k)->text == "th"))
                    ++k;
                continue;
            }
            if (t.text.size() <= 4 && year < 0) {
                year = toInt(t.text);
                ++k;
                continue;
            }
            return std::nullopt;
        }
        if (t.kind == Token::Word) {
            if (t.text == "t" && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
                ++k;
                continue;
            }
            if (t.text == "z" || t.text == "utc" || t.text == "gmt" || t.text == "ut") {
                offset = 0;
                haveZone = true;
                utcZone = t.text != "gmt";   // Ruby's zone_utc?: GMT is London's local zone
                ++k;
                continue;
            }
            if (t.text == "pm" || t.text == "am") {
                (t.text == "pm" ? pm : am) = true;
                ++k;
                continue;
            }
            if (const int m = monthFromName(t.text)) {
                month = m;
                ++k;
                continue;
            }
            if (isDayName(t.text)) {
                ++k;
                continue;
            }
            if (t.text == "at" || t.text == "of") {
                ++k;
                continue;
            }
            // Ruby ignores words it does not know.
            ++k;
            continue;
        }
        // Punctuation: a zone offset after a time, otherwise a separator.
        if ((t.text[0] == '+' || t.text[0] == '-') && haveTime && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
            std::string_view digits = tok(k + 1)->text;
            int hh = 0, mm = 0;
            k += 2;
            if (digits.size() == 4) {
                hh = toInt(digits.substr(0, 2));
                mm = toInt(digits.substr(2, 2));
            } else if (digits.size() <= 2) {
                hh = toInt(digits);
                if (isPunct(k, ':') && tok(k + 1) && tok(k + 1)->kind == Token::Number) {
                    mm = toInt(tok(k + 1)->text);
                    k += 2;
                }
            } else {
                return std::nullopt;
            }
            offset = (hh * 3600 + mm * 60) * (t.text[0] == '-' ? -1 : 1);
            haveZone = true;
            utcZone = t.text[0] == '-' && offset == 0;   // -00:00: UTC, offset to local time unknown
            continue;
        }
        if (t.text[0] == '-' && k == 0)
            return std::nullopt;   // "-1152098955": Ruby's Date._parse finds no date
        ++k;
    }
    (void)haveZone;
    if (pm && hour < 12)
        hour += 12;
    if (am && hour == 12)
        hour = 0;
    if (year < 0 && month == 0 && day == 0 && !haveTime)
        return std::nullopt;
    if (year < 0 || month == 0 || day == 0) {
        // Missing parts come from today, as Time.parse does.
        const Time now = *parseTime("now", defaultOffset);
        const CivilTime c = toCivil(now);
        if (year < 0)
            year = c.year;
        if (month == 0)
            month = (day == 0 && !haveTime) ? 1 : c.month;
        if (day == 0)
            day = haveTime && month == c.month ? c.day : 1;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
        return std::nullopt;
    Time parsed = fromCivil(year, month, day, hour, minute, second, offset, nanos);
    parsed.utc = utcZone;
    return parsed;
}

std::int32_t zoneOffsetAt(std::string_view zone, std::int64_t utcSeconds)
{
    if (zone.empty()) {
        // The process's zone (TZ, which Jekyll sets from `timezone:`): libc is
        // much cheaper than building a QTimeZone per call.
        const std::time_t t = std::time_t(utcSeconds);
        std::tm tm{};
        if (!localtime_r(&t, &tm))
            return 0;
        return std::int32_t(tm.tm_gmtoff);
    }
    const QDateTime when = QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc());
    // QTimeZone construction reads the tz database; cache per zone name.
    static std::mutex mutex;
    static std::unordered_map<std::string, QTimeZone> cache;
    QTimeZone tz;
    {
        std::lock_guard lock(mutex);
        auto it = cache.find(std::string(zone));
        if (it == cache.end())
            it = cache.emplace(std::string(zone), QTimeZone(QByteArray(zone.data(), qsizetype(zone.size())))).first;
        tz = it->second;
    }
    if (!tz.isValid())
        return 0;
    return std::int32_t(tz.offsetFromUtc(when));
}

} // namespace folio::site::liquid
