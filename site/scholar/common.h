// Pieces of the gem's Utilities shared by the tags and the details pages:
// its HTML helpers, sorting, the details pages' URLs, the repository links
// and the data a template or a details page gets for an entry.
#pragma once

#include "config.h"
#include "library.h"

#include "site/liquid/value.h"

#include <QString>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::site::scholar {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// Utilities#content_tag: <name k="v">content</name>, attributes as given.
std::string contentTag(std::string_view name, std::string_view content, const Attributes &attributes = {});
// Utilities#link_to: content_tag(:a, content, attributes + href).
std::string linkTo(std::string_view href, std::string_view content, Attributes attributes = {});
// A hash setting (bibliography_item_attributes) as attributes.
Attributes attributesOf(const liquid::Hash &hash);

// Utilities#sort: stable, by `sort_by`'s keys and `order`'s directions.
void sortItems(std::vector<const Item *> &items, const Config &config);
// Utilities#skip_sort? (without --cited_in_order).
bool sortsByNone(const Config &config);

// The page URL of an entry's details page (details_permalink expanded as
// Jekyll's URL class does), and the link to it with the site's baseurl.
// `site` answers `permalink` and `baseurl` (the config hash or the site drop).
std::string detailsPath(const Item &item, const Config &config, const liquid::Value &site);
std::string detailsLink(const Item &item, const Config &config, const liquid::Value &site);

// `repository:` files named after the entry key ("ruby.pdf"): ext -> URL.
liquid::Hash repositoryLinks(const Item &item, const Config &config, const QString &siteDir, const liquid::Value &site);

// Utilities#reference_tag around formatted text: <span id="prefix-key">html</span>.
std::string referenceTag(const Item &item, std::string_view html, const Config &config, std::string_view prefix);

// Utilities#reference_data: entry, reference, key, type, link, links.
liquid::Hash referenceData(const Item &item, const std::string &reference, const liquid::Hash &links);

// The line of `_config.yml` where `scholar:` sets `key` (0 when not set there).
int configLine(const QString &siteDir, std::string_view key);

} // namespace folio::site::scholar
