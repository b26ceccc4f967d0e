// The scholar module's own small text helpers, shared by its .cpp files.
// Internal: not part of the module's API, and not to be included from
// outside site/scholar.
#pragma once

#include <QString>

#include <cctype>
#include <string>
#include <string_view>

namespace folio::site::scholar::detail {

inline QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// Ruby's String#strip: without leading and trailing std::isspace characters.
inline std::string strip(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

} // namespace folio::site::scholar::detail
