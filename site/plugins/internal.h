// Shared by the plugin sources of this folder; not part of the module's API.
#pragma once

#include "site/core/diagnostic.h"
#include "site/liquid/liquid.h"
#include "site/model/site.h"

#include <QString>

#include <string>
#include <string_view>

namespace folio::site::plugins::detail {

inline QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// Whether `_config.yml` enables the gem `name` (in `plugins:` or the older
// `gems:`; with `safe: true`, only when `whitelist:` names it too, as Jekyll's
// PluginManager allows it).
bool enabled(const model::Site &site, std::string_view name);
bool enabled(const liquid::Context &ctx, std::string_view name);

// Jekyll's absolute_url for `input` with the site's url and baseurl; the
// input unchanged when the URL cannot be normalized.
std::string absoluteUrl(const model::Site &site, std::string_view input);

// A page or static file of the site already answers at `url` ("/robots.txt").
bool siteHasUrl(const model::Site &site, std::string_view url);

// A file exists at `relativePath` under the site's source folder.
bool sourceFileExists(const model::Site &site, std::string_view relativePath);

// Ruby's ensure_leading_slash.
std::string withLeadingSlash(std::string_view path);

// Applies a registered Liquid filter to `input`, as a template would; errors
// go to the context like any filter error. nil when the filter is missing.
liquid::Value applyFilter(liquid::Context &ctx, std::string_view name, const liquid::Value &input,
                          const liquid::FilterArgs &args = {});

// The generators; generate() calls them in the order Jekyll runs them.
void generateRedirects(model::Site &site, DiagnosticSink &sink);
void generatePagination(model::Site &site, DiagnosticSink &sink);
void generateFeeds(model::Site &site, DiagnosticSink &sink);
void generateSitemap(model::Site &site, DiagnosticSink &sink);
// One warning per plugin or _plugins/*.rb file Folio cannot run.
void warnUnsupported(const model::Site &site, DiagnosticSink &sink);

void registerSeoTag(liquid::Environment &env);
void registerFeedMetaTag(liquid::Environment &env);
void registerGistTag(liquid::Environment &env);

} // namespace folio::site::plugins::detail
