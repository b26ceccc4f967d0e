// Jekyll's FrontmatterDefaults: the `defaults:` values that apply to a file,
// merged so that the most specific scope (longest path, then with a type) wins.
#pragma once

#include "config.h"

namespace folio::site::model {

// `path` is the document's relative path ("_posts/2020-01-01-a.md"), `type` its
// collection label or "pages". Returns a hash (possibly empty).
liquid::Hash frontMatterDefaults(const Config &config, std::string_view path, std::string_view type);

} // namespace folio::site::model
