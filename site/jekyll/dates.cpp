#include "dates.h"

#include "text.h"

#include "site/liquid/timeformat.h"

namespace folio::site::jekyll {

namespace {

liquid::Time inZone(liquid::Time t, std::string_view timezone)
{
    t.utcOffset = liquid::zoneOffsetAt(timezone, t.seconds);
    t.dateOnly = false;
    return t;
}

// Time.parse reads a zone-less string in local time; the offset depends on the
// date (DST), so parse once in UTC to learn the date, then again in its offset.
std::optional<liquid::Time> parseLocal(std::string_view text, std::string_view timezone)
{
    std::optional<liquid::Time> guess = liquid::parseTime(text, 0);
    if (!guess)
        return std::nullopt;
    const std::int32_t offset = liquid::zoneOffsetAt(timezone, guess->seconds);
    return liquid::parseTime(text, offset);
}

} // namespace

Result<liquid::Time> toSiteTime(const liquid::Value &input, std::string_view timezone)
{
    std::optional<liquid::Time> time;
    if (input.isTime()) {
        const liquid::Time &t = input.time();
        if (t.dateOnly) {
            // Date#to_time: midnight of that day in local time.
            const liquid::CivilTime c = liquid::toCivil(t);
            const liquid::Time utcMidnight = liquid::fromCivil(c.year, c.month, c.day, 0, 0, 0, 0);
            const std::int32_t offset = liquid::zoneOffsetAt(timezone, utcMidnight.seconds);
            time = liquid::fromCivil(c.year, c.month, c.day, 0, 0, 0, offset);
        } else {
            time = t;
        }
    } else if (input.isInt()) {
        time = liquid::Time{input.toInt(), 0, 0, false};
    } else if (input.isString()) {
        time = parseLocal(input.str(), timezone);
    }
    if (!time)
        return makeError(QStringLiteral("Invalid Date: '%1' is not a valid datetime.")
                             .arg(QString::fromStdString(input.inspect())));
    return inZone(*time, timezone);
}

std::string xmlschema(const liquid::Time &t)
{
    return liquid::strftime(t, "%Y-%m-%dT%H:%M:%S%:z");
}

std::string rfc822(const liquid::Time &t)
{
    return liquid::strftime(t, "%a, %d %b %Y %H:%M:%S %z");
}

std::string stringifyDate(const liquid::Time &t, bool longMonth, std::string_view type,
                          std::string_view style)
{
    const std::string month = longMonth ? "%B" : "%b";
    if (type == "ordinal") {
        const int day = liquid::toCivil(t).day;
        const std::string ordinalDay = std::to_string(day) + ordinalSuffix(day);
        if (style == "US")
            return liquid::strftime(t, month + " " + ordinalDay + ", %Y");
        return liquid::strftime(t, ordinalDay + " " + month + " %Y");
    }
    return liquid::strftime(t, "%d " + month + " %Y");
}

} // namespace folio::site::jekyll
