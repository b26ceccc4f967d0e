#include "defaults.h"

#include <fnmatch.h>

namespace folio::site::model {

namespace {

// Jekyll's sanitize_path: drop one leading "/" (and the rest of a lone "/").
std::string sanitizePath(const std::string &path)
{
    if (path.empty())
        return {};
    if (path.front() == '/')
        return path.substr(1);
    return path;
}

std::string stripCollectionsDir(const Config &config, const std::string &path)
{
    const std::string dir = config.collectionsDirName();
    if (dir.empty())
        return path;
    const std::string slashed = dir + "/";
    return path.rfind(slashed, 0) == 0 ? path.substr(slashed.size()) : path;
}

// A glob scope applies when some leading part of the path is a file or
// directory the glob names (Jekyll globs the disk, then tests start_with?).
bool globApplies(const std::string &pattern, const std::string &path)
{
    for (std::size_t end = path.find('/'); ; end = path.find('/', end + 1)) {
        const std::string prefix = end == std::string::npos ? path : path.substr(0, end);
        if (::fnmatch(pattern.c_str(), prefix.c_str(), FNM_PATHNAME) == 0)
            return true;
        if (end == std::string::npos)
            return false;
    }
}

bool applies(const Config &config, const DefaultsRule &rule, std::string_view path, std::string_view type)
{
    if (!rule.type.empty() && rule.type != type)
        return false;
    if (rule.path.empty())
        return true;
    const std::string sanitized = sanitizePath(std::string(path));
    if (rule.path.find('*') != std::string::npos)
        return globApplies(stripCollectionsDir(config, sanitizePath(rule.path)), sanitized);
    return sanitized.rfind(stripCollectionsDir(config, rule.path), 0) == 0;
}

bool hasPrecedence(const DefaultsRule *old, const DefaultsRule &rule)
{
    if (!old)
        return true;
    const std::size_t newLen = sanitizePath(rule.path).size(), oldLen = sanitizePath(old->path).size();
    if (newLen != oldLen)
        return newLen >= oldLen;
    if (!rule.type.empty())
        return true;
    return old->type.empty();
}

} // namespace

liquid::Hash frontMatterDefaults(const Config &config, std::string_view path, std::string_view type)
{
    liquid::Value merged = liquid::Hash{};
    const DefaultsRule *old = nullptr;
    for (const DefaultsRule &rule : config.defaults()) {
        if (!applies(config, rule, path, type))
            continue;
        if (hasPrecedence(old, rule)) {
            merged = deepMerge(merged, rule.values);
            old = &rule;
        } else {
            merged = deepMerge(rule.values, merged);
        }
    }
    return merged.hash();
}

} // namespace folio::site::model
