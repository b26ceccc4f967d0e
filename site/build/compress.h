// The "compress" layout (jch.penibelst.de, v3.0.2), a pure-Liquid HTML
// minifier that Minimal Mistakes and academicpages wrap around every page.
// Interpreted, it costs more than everything else in a page's render (165
// replace passes over the page, splits on whitespace...). Folio recognises that
// exact layout by its text and runs this native equivalent instead; the test
// suite checks it byte for byte against the Liquid interpreter. Any other
// version, or a configuration the native code does not cover, renders through
// Liquid as usual.
#pragma once

#include "site/liquid/value.h"

#include <optional>
#include <string>
#include <string_view>

namespace folio::site::build {

// Whether `layoutContent` (the layout after its front matter) is the compress
// layout this file implements.
bool isCompressLayout(std::string_view layoutContent);

// What rendering the compress layout would give for `content`, with the site's
// `compress_html` settings and `jekyll.environment`. `layoutContent` supplies
// the text around the Liquid (its leading and trailing newlines). nullopt when
// the settings need the interpreter (e.g. `profile: true`); `content` is
// taken (moved from) only when a value is returned.
std::optional<std::string> compressHtml(std::string_view layoutContent, std::string &&content,
                                        const liquid::Value &settings, std::string_view environment);

} // namespace folio::site::build
