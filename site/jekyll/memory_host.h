// A Host whose site is a few fields set by hand: for tests and for rendering
// snippets (the editor's preview of a filter) without a site model.
#pragma once

#include "host.h"

#include <functional>
#include <map>

namespace folio::site::jekyll {

class MemoryHost final : public Host
{
public:
    std::string url;
    std::string base;
    std::string zone;                                   // "" = process zone
    std::map<std::string, std::string> linkTargets;     // relative path -> url
    std::vector<PostRef> postList;
    QString includeBase;
    std::string highlighterName = "rouge";
    // Converters; unset ones return their input (markdownify/smartify) or fail (sassify).
    std::function<std::string(std::string_view)> markdownConverter;
    std::function<std::string(std::string_view)> smartyPants;
    std::function<Result<std::string>(std::string_view, bool scss)> sassConverter;

    std::string siteUrl() const override { return url; }
    std::string baseurl() const override { return base; }
    std::string timezone() const override { return zone; }
    std::string markdownify(std::string_view text) const override
    {
        return markdownConverter ? markdownConverter(text) : std::string(text);
    }
    std::string smartify(std::string_view text) const override
    {
        return smartyPants ? smartyPants(text) : std::string(text);
    }
    Result<std::string> sassify(std::string_view text, bool scss) const override
    {
        if (!sassConverter)
            return makeError(QStringLiteral("No Sass converter is configured for this site."));
        return sassConverter(text, scss);
    }
    std::optional<std::string> linkTarget(std::string_view relativePath) const override
    {
        auto it = linkTargets.find(std::string(relativePath));
        if (it == linkTargets.end())
            it = linkTargets.find("/" + std::string(relativePath));
        if (it == linkTargets.end())
            return std::nullopt;
        return it->second;
    }
    std::vector<PostRef> posts() const override { return postList; }
    QString includeRelativeBase(const liquid::Value &) const override { return includeBase; }
    std::string highlighter() const override { return highlighterName; }
};

} // namespace folio::site::jekyll
