// The publications module's own small text helpers, shared by its .cpp files.
// Internal: not part of the module's API, and not to be included from
// outside site/publications.
#pragma once

#include "site/core/diagnostic.h"

#include <QString>

#include <cctype>
#include <string>
#include <string_view>

namespace folio::site::publications::detail {

inline QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// ASCII lower case (std::tolower in the C locale).
inline std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Without leading and trailing std::isspace characters (space, \t, \n, \v,
// \f, \r).
inline std::string trimmed(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

// Without leading and trailing spaces, tabs, \r and \n only: unlike
// trimmed(), a \v or \f at either end is kept.
inline std::string trimmedSpaceTabNewline(std::string_view s)
{
    const std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    const std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

inline Diagnostic diagnostic(Severity severity, const QString &file, int line, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.file = file;
    d.line = line;
    d.message = message;
    return d;
}

} // namespace folio::site::publications::detail
