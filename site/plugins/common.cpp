#include "internal.h"

#include "site/jekyll/url.h"

#include <QFileInfo>

namespace folio::site::plugins::detail {

namespace {

bool listNames(const liquid::Value &list, std::string_view name)
{
    if (list.isString())
        return list.str() == name;
    for (const liquid::Value &v : list.array())
        if (v.toString() == name)
            return true;
    return false;
}

// `config` is the merged configuration hash, or the site drop (which answers
// every config key).
bool enabledIn(const liquid::Value &config, std::string_view name)
{
    // `gems:` is Jekyll 3's spelling of `plugins:`.
    if (!listNames(config.get("plugins"), name) && !listNames(config.get("gems"), name))
        return false;
    return !config.get("safe").truthy() || listNames(config.get("whitelist"), name);
}

} // namespace

bool enabled(const model::Site &site, std::string_view name)
{
    return enabledIn(site.config().values(), name);
}

bool enabled(const liquid::Context &ctx, std::string_view name)
{
    return enabledIn(ctx.find("site"), name);
}

std::string absoluteUrl(const model::Site &site, std::string_view input)
{
    Result<std::string> url = jekyll::absoluteUrl(input, site.config().url(), site.config().baseurl());
    return url ? *url : std::string(input);
}

bool siteHasUrl(const model::Site &site, std::string_view url)
{
    for (const model::Document *page : site.pages())
        if (page->url == url)
            return true;
    for (const model::StaticFile &file : site.staticFiles())
        if (file.url == url)
            return true;
    return false;
}

bool sourceFileExists(const model::Site &site, std::string_view relativePath)
{
    std::string path(relativePath);
    while (!path.empty() && path.front() == '/')
        path.erase(0, 1);
    return QFileInfo::exists(site.config().source().filePath(qs(path)));
}

std::string withLeadingSlash(std::string_view path)
{
    if (!path.empty() && path.front() == '/')
        return std::string(path);
    return "/" + std::string(path);
}

liquid::Value applyFilter(liquid::Context &ctx, std::string_view name, const liquid::Value &input,
                          const liquid::FilterArgs &args)
{
    const liquid::FilterSpec *filter = ctx.environment().filter(name);
    if (!filter) {
        ctx.error(QStringLiteral("Folio's plugins need the '%1' filter, which this Liquid environment lacks")
                      .arg(qs(name)));
        return {};
    }
    return filter->function(input, args, ctx);
}

} // namespace folio::site::plugins::detail
