// Jekyll's URL class: permalink templates with `:placeholders`, URL
// sanitising, and the output path a URL is written to.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::site::model {

// Document URLs (Jekyll's generate_url_from_drop): every `:name` in the
// template is looked up; an unknown one is an error naming it.
using PlaceholderLookup = std::function<std::optional<std::string>(std::string_view name)>;
std::optional<std::string> expandDocumentTemplate(std::string_view tmpl, const PlaceholderLookup &lookup,
                                                  std::string *unknownPlaceholder);

// Page URLs (generate_url_from_hash): placeholders replaced in order; a nil
// value removes "/:name".
std::string expandPageTemplate(std::string_view tmpl,
                               const std::vector<std::pair<std::string, std::optional<std::string>>> &placeholders);

// Jekyll's sanitize_url: leading "/", ".." -> "/", "./" removed, "//" squeezed.
std::string sanitizeUrl(std::string_view url);
// Whether a user-written permalink climbs out of the site ("/../x"): Folio
// reports it instead of silently rewriting it as Jekyll does.
bool climbsOut(std::string_view permalink);

// URL.escape_path: Addressable::URI.encode, then the first '#' -> %23.
std::string escapePath(std::string_view path);
// URL.unescape_path: percent-decoding.
std::string unescapePath(std::string_view path);

// The output file of a URL: "/a/" -> "a/index.html", "/a" + ".html" -> "a.html".
// Documents and pages differ when the URL has no extension (see Jekyll).
std::string documentDestination(std::string_view url, std::string_view outputExt);
std::string pageDestination(std::string_view url, std::string_view outputExt);

} // namespace folio::site::model
