// SCSS/Sass through libsass, as jekyll-sass-converter configures it.
//
// Jekyll 4.3.1 as Debian ships it uses jekyll-sass-converter 2.2.0 with the
// sassc gem, which calls this same libsass (3.6.5): its defaults are style
// `compact` (not `expanded`: that is the sass-embedded default of converter
// 3.x), `line_comments: false`, libsass's precision (10), load paths
// `load_paths` + `sass_dir` (default `_sass`), and `sourcemap: always`, which
// writes `main.css.map` beside the CSS and ends the CSS with
// "\n\n/*# sourceMappingURL=main.css.map */". Folio writes no source map
// unless `sourceMapFile` is set (the CSS is otherwise byte-identical).
//
// Threads: compile() may be called from any thread. libsass 3.6 keeps its
// state in the context it is given, and the known races (static recursion
// counters, libsass PRs #2286 and #2583) are fixed in 3.5+, but its authors
// call it "not guaranteed to be 100% thread safe", so Folio runs one libsass
// compilation at a time behind a process-wide mutex: a site has a handful of
// Sass entry points, so nothing is lost by serializing them.
#pragma once

#include "site/core/result.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace folio::site::sass {

enum class Style { Expanded, Compressed, Nested, Compact };

struct Options final {
    Style style = Style::Compact;       // `sass: style:`; jekyll-sass-converter 2.x (sassc) default
    QStringList loadPaths;              // `load_paths` then `sass_dir` (default _sass), absolute
    bool indentedSyntax = false;        // .sass files
    QString inputPath;                  // for error messages and relative @import
    bool lineComments = false;          // `sass: line_comments:`
    int precision = 0;                  // digits after the point; 0 = libsass default (10), as sassc
    // Source map: empty = none (Folio's default). Otherwise the map's file name
    // as it will be written (e.g. "/site/_site/assets/css/main.css.map"); the CSS then
    // ends with Jekyll's sourceMappingURL comment, and the map is in Output.
    QString sourceMapFile;
    QString outputPath;                 // the CSS's path, for the map's "file" field
};

struct Output final {
    std::string css;
    std::string sourceMap;              // JSON, empty unless Options::sourceMapFile
    QStringList includedFiles;          // every file @import read, for rebuild tracking
};

// Compiles SCSS text to CSS. An error names the file:line:col libsass reports.
Result<std::string> compile(std::string_view source, const Options &options);
Result<Output> compileWithDetails(std::string_view source, const Options &options);

// The load paths jekyll-sass-converter 2.2 gives libsass: the user's
// `sass: load_paths` then `sass: sass_dir` (default "_sass" when empty), each
// relative to the site source, glob patterns (* ? [..]) expanded, made
// absolute, duplicates dropped, only existing folders kept.
QStringList jekyllLoadPaths(const QString &siteSource, const QString &sassDir,
                            const QStringList &userLoadPaths = {});

// Whether Jekyll would write a source map for `sass: sourcemap:` (empty when
// unset: Jekyll's default is `always`; `never`; `development` only when
// JEKYLL_ENV is development, Jekyll's default environment). Folio writes one
// only when the user asked for it explicitly; this says what Jekyll does.
bool jekyllWritesSourceMap(std::string_view sourcemapOption, std::string_view jekyllEnv = "development");

// `nested`, `expanded`, `compact`, `compressed` (a leading ':' is ignored, as
// Jekyll does); anything else gives the default, Compact, as Jekyll does.
Style styleFromName(std::string_view name);

} // namespace folio::site::sass
