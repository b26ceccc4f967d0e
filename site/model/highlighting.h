// kramdown's code highlighting as Jekyll 4.3 configures it from _config.yml.
#pragma once

#include "site/liquid/value.h"
#include "site/markdown/markdown.h"

#include <string>
#include <vector>

namespace folio::site::model {

// A setting that would change the output in a way Folio does not reproduce.
struct UnsupportedSetting final {
    std::string key;  // dotted: kramdown.syntax_highlighter_opts.block.formatter
    // A highlighter other than Rouge: the code is written unhighlighted;
    // otherwise the setting is ignored.
    bool highlighter = false;
};

// Jekyll's KramdownParser#setup and kramdown's Rouge highlighter: the
// highlighter is `kramdown: syntax_highlighter`, else `highlighter:` (Rouge,
// or none for any name kramdown has no highlighter for); its options are
// `kramdown: syntax_highlighter_opts` (`guess_lang` replaced by `kramdown:
// guess_lang`, `default_lang` plaintext unless set) merged with their `block:`
// or `span:` part. `config` is the merged site config; `unsupported` gets the
// settings Folio ignores.
markdown::Highlighting highlightingSettings(const liquid::Value &config, std::vector<UnsupportedSetting> *unsupported);

} // namespace folio::site::model
