// SCSS/Sass through libsass, as jekyll-sass-converter configures it.
#pragma once

#include "site/core/result.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace folio::site::sass {

enum class Style { Expanded, Compressed, Nested, Compact };

struct Options final {
    Style style = Style::Expanded;     // `sass: style:`
    QStringList loadPaths;              // `sass_dir` (default _sass) and `load_paths`, absolute
    bool indentedSyntax = false;        // .sass files
    QString inputPath;                  // for error messages and relative @import
};

// Compiles SCSS text to CSS. An error names the file:line:col libsass reports.
Result<std::string> compile(std::string_view source, const Options &options);

Style styleFromName(std::string_view name);

} // namespace folio::site::sass
