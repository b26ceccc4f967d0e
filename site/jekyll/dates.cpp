#include "dates.h"

#include "text.h"

#include "site/liquid/timeformat.h"

namespace folio::site::jekyll {

namespace {

liquid::Time inZone(liquid::Time t, std::string_view timezone)
{
    t.utcOffset = liquid::zoneOffsetAt(timezone, t.seconds);
    t.dateOnly = false;
    t.utc = false;   // Jekyll's time(): to_time.dup.localtime
    return t;
}

// Time.parse reads a zone-less string as local wall-clock time. Around a DST
// change the wall clock is ambiguous (fall back: Ruby takes the later, standard
// offset) or missing (spring forward: Ruby counts with the offset before the
// change, so 02:30 becomes 03:30 in the new offset).
std::optional<liquid::Time> parseLocal(std::string_view text, std::string_view timezone)
{
    const std::optional<liquid::Time> asUtc = liquid::parseTime(text, 0);
    if (!asUtc)
        return std::nullopt;
    const std::optional<liquid::Time> probe = liquid::parseTime(text, 3600);
    if (probe && probe->seconds == asUtc->seconds)
        return asUtc;   // the text names its own zone
    const std::int64_t wall = asUtc->seconds;
    const std::int32_t before = liquid::zoneOffsetAt(timezone, wall - 12 * 3600);
    const std::int32_t after = liquid::zoneOffsetAt(timezone, wall + 12 * 3600);
    const auto fits = [&](std::int32_t offset) { return liquid::zoneOffsetAt(timezone, wall - offset) == offset; };
    std::int32_t offset = before;
    if (fits(after))
        offset = after;
    else if (fits(before))
        offset = before;
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
