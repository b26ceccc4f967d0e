// Ruby's Time as Liquid and Jekyll use it: strftime with Ruby's flags, and the
// lenient parsing of date strings that Liquid's `date` filter and Jekyll's
// date filters apply (Liquid::Utils.to_date, Time.parse).
#pragma once

#include "value.h"

#include <optional>
#include <string>
#include <string_view>

namespace folio::site::liquid {

// Broken-down local time of a Time in its own UTC offset.
struct CivilTime final {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    int weekday = 4;   // 0 = Sunday
    int yearDay = 1;   // 1..366
    std::int32_t nanoseconds = 0;
    std::int32_t utcOffset = 0;
};

CivilTime toCivil(const Time &t);
// Builds a Time from a civil date-time that is `utcOffset` seconds east of UTC.
Time fromCivil(int year, int month, int day, int hour, int minute, int second,
               std::int32_t utcOffset, std::int32_t nanoseconds = 0);

// Ruby Time#strftime (flags - _ 0 ^ #, widths, %e %-d %B %b %A %a %j %z %:z %Z %s %N %L %P %p ...).
std::string strftime(const Time &t, std::string_view format);

// Liquid's to_date/Time.parse: "now"/"today", integers as epoch seconds, ISO
// dates and date-times, "Jan 2, 2006", RFC 822... Times without a zone are
// taken in `defaultOffset`. Returns nullopt for what Ruby cannot parse.
std::optional<Time> parseTime(std::string_view text, std::int32_t defaultOffset);

// The UTC offset (seconds east) of the IANA zone `zone` at `utcSeconds`,
// e.g. America/Los_Angeles -> -28800 or -25200. Empty zone: the process's local zone.
std::int32_t zoneOffsetAt(std::string_view zone, std::int64_t utcSeconds);

} // namespace folio::site::liquid
