// Jekyll's date filters (date_to_xmlschema, date_to_rfc822, date_to_string,
// date_to_long_string) on top of liquid::strftime/parseTime.
#pragma once

#include "site/core/result.h"
#include "site/liquid/value.h"

#include <string>
#include <string_view>

namespace folio::site::jekyll {

// Jekyll's `time(input)`: Liquid::Utils.to_date, then to_time.localtime, where
// "local" is the site's zone (Jekyll exports `timezone` as TZ; "" = the
// process's zone). Fails with Jekyll's InvalidDateError message.
Result<liquid::Time> toSiteTime(const liquid::Value &input, std::string_view timezone);

std::string xmlschema(const liquid::Time &t);   // 2008-11-07T13:07:54+00:00
std::string rfc822(const liquid::Time &t);      // Fri, 07 Nov 2008 13:07:54 +0000

// date_to_string (%b) / date_to_long_string (%B): "07 Nov 2008", with
// type "ordinal" "7th Nov 2008", and style "US" "Nov 7th, 2008".
std::string stringifyDate(const liquid::Time &t, bool longMonth, std::string_view type,
                          std::string_view style);

} // namespace folio::site::jekyll
