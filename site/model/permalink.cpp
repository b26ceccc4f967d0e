#include "permalink.h"

#include <cctype>
#include <cstdio>

namespace folio::site::model {

namespace {

bool isPlaceholderChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

bool isSimplePath(std::string_view s)
{
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '/' && c != '-')
            return false;
    return true;
}

void replaceAll(std::string &s, std::string_view from, std::string_view to)
{
    if (from.empty())
        return;
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
}

} // namespace

std::optional<std::string> expandDocumentTemplate(std::string_view tmpl, const PlaceholderLookup &lookup,
                                                  std::string *unknownPlaceholder)
{
    std::string out;
    for (std::size_t i = 0; i < tmpl.size();) {
        if (tmpl[i] != ':' || i + 1 >= tmpl.size() || !isPlaceholderChar(tmpl[i + 1])) {
            out += tmpl[i++];
            continue;
        }
        std::size_t j = i + 1;
        while (j < tmpl.size() && isPlaceholderChar(tmpl[j]))
            ++j;
        std::string name(tmpl.substr(i + 1, j - i - 1));
        // Jekyll tries "name_" and then "name" for names ending in "_".
        std::optional<std::string> value = lookup(name);
        std::size_t consumed = name.size();
        if (!value && name.back() == '_') {
            value = lookup(std::string_view(name).substr(0, name.size() - 1));
            consumed = name.size() - 1;
        }
        if (!value) {
            if (unknownPlaceholder)
                *unknownPlaceholder = name;
            return std::nullopt;
        }
        out += escapePath(*value);
        i = i + 1 + consumed;
    }
    return out;
}

std::string expandPageTemplate(std::string_view tmpl,
                               const std::vector<std::pair<std::string, std::optional<std::string>>> &placeholders)
{
    std::string result(tmpl);
    for (const auto &[name, value] : placeholders) {
        if (result.find(':') == std::string::npos)
            break;
        if (!value)
            replaceAll(result, "/:" + name, "");
        else
            replaceAll(result, ":" + name, escapePath(*value));
    }
    return result;
}

std::string sanitizeUrl(std::string_view url)
{
    std::string s = "/" + std::string(url);
    replaceAll(s, "..", "/");
    replaceAll(s, "./", "");
    std::string out;
    for (char c : s)
        if (!(c == '/' && !out.empty() && out.back() == '/'))
            out += c;
    return out;
}

bool climbsOut(std::string_view permalink)
{
    std::size_t start = 0;
    while (start <= permalink.size()) {
        std::size_t end = permalink.find('/', start);
        if (end == std::string_view::npos)
            end = permalink.size();
        if (permalink.substr(start, end - start) == "..")
            return true;
        start = end + 1;
    }
    return false;
}

std::string escapePath(std::string_view path)
{
    if (path.empty() || isSimplePath(path))
        return std::string(path);
    // Addressable::URI.encode keeps unreserved and reserved characters and
    // percent-encodes everything else byte by byte (UTF-8).
    static const std::string_view keep = "-._~:/?#[]@!$&'()*+,;=";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || keep.find(char(c)) != std::string_view::npos) {
            out += char(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    const std::size_t hash = out.find('#');
    if (hash != std::string::npos)
        out.replace(hash, 1, "%23");
    return out;
}

std::string unescapePath(std::string_view path)
{
    if (path.find('%') == std::string_view::npos)
        return std::string(path);
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1]))
            && std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
            out += char(std::stoi(std::string(path.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += path[i];
        }
    }
    return out;
}

namespace {
std::string relativeOutput(std::string_view url)
{
    std::string path = unescapePath(url);
    while (!path.empty() && path.front() == '/')
        path.erase(0, 1);
    return path;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
} // namespace

std::string documentDestination(std::string_view url, std::string_view outputExt)
{
    std::string path = relativeOutput(url);
    if (endsWith(url, "/"))
        return path + "index.html";
    if (!endsWith(path, outputExt))
        path += outputExt;
    return path;
}

std::string pageDestination(std::string_view url, std::string_view outputExt)
{
    std::string path = relativeOutput(url);
    if (endsWith(url, "/"))
        path += "index";
    if (!endsWith(path, outputExt))
        path += outputExt;
    return path;
}

} // namespace folio::site::model
