// YAML as Jekyll's Ruby reads it (Psych 4 on Ruby 3.1, `Psych.safe_load` with
// Date and Time permitted and aliases allowed), on top of yaml-cpp 0.7's event
// parser. Checked against Ruby case by case (tests/yaml/data/psych-*.txt):
// - plain scalars as Psych's ScalarScanner resolves them, in its order:
//   booleans yes/no/true/false/on/off in any case (`y`/`n` stay strings), null
//   ~/null (any case)/empty, integers 0x.., 0b.., 0755 octal, 1_000 and 1,000,
//   sexagesimal "1:30" (= 5400, Psych's own arithmetic), floats only with a
//   '.' ("1e3" and "1.5e3" stay strings, "1.5e+3" is 1500.0), .inf/-.inf/.nan;
//   `2020-01-02` a Date (Time with dateOnly), `2020-01-02 10:00:00[.frac][ zone]`
//   a Time; invalid dates stay strings; a value starting with ':' is a Ruby
//   Symbol, which safe_load refuses: an error, as in Jekyll;
// - a time WITHOUT a zone is read as UTC and shown in the local zone (Psych's
//   Time.utc + Time.at): `10:00:00` is 02:00:00 -0800 in Los Angeles. Jekyll's
//   local zone is its `timezone` setting (it sets ENV["TZ"]), LoadOptions::timezone here;
//   _config.yml itself is read before that, in the machine's zone (empty timezone).
//   A `Z` time is UTC: Ruby prints it "2020-01-02 10:00:00 UTC"; liquid::Time has
//   no UTC flag (yet) and prints "+0000";
// - quoted and block scalars are strings; explicit tags as Psych: !!str, !!int
//   (even on a quoted "3"), !!float, !!binary, !!null; Ruby-class tags refused;
// - merge keys `<<: *a` / `<<: [*a, *b]` with Hash#merge! semantics (merged keys
//   override the keys written before the `<<`); a quoted '<<' merges too, `!!str <<` not;
// - the last of duplicate keys wins, in the first one's position;
// - keys are strings: a non-string key becomes its Ruby to_s (`1:` -> "1",
//   `yes:` -> "true", `~:` -> "", `2020-01-02:` -> "2020-01-02"). Jekyll keeps
//   Ruby's key objects; checked with jekyll 4.3.1 on `1: one` / `yes: v`: `for`
//   loops and jsonify show the same keys as Folio, `x[1]` and `x[true]` find the
//   value in both, `x.yes` is nil in both, but `x["1"]` and `x["true"]` find
//   nothing in Jekyll and the value in Folio;
// - integers beyond 64 bits become Floats (Ruby has big integers);
// - only the first document is read; a UTF-8 BOM is skipped; invalid UTF-8 is an error;
// - where yaml-cpp is more lenient than libyaml it is corrected (an unclosed
//   quote at the end, a line starting with ': ', '.' in anchor names, \N and \_).
// Jekyll reads _data/*.json with this same YAML loader (so `1e3` in a .json data
// file is the string "1e3"): use load() for them to match Jekyll, and loadJson()
// where real JSON is meant.
#pragma once

#include "site/core/result.h"
#include "site/liquid/value.h"

#include <QString>

#include <string_view>

namespace folio::site::yaml {

struct LoadOptions final {
    // IANA zone name (the site's `timezone`); empty = the process's local zone.
    std::string timezone;
    // For error messages: the file and the line of `text`'s first line in it
    // (front matter starts on line 2 of a document).
    QString fileName;
    int firstLine = 1;
};

// A parse error names the file, line and column and what to do, as
// "path:line:col: ..." ready for a Diagnostic; see ParseError below.
struct ParseError final {
    QString fileName;
    int line = 0;
    int column = 0;
    QString message;
};

// Loads one YAML document. An empty or comment-only text gives nil (Jekyll: {}).
// On error returns the error message "file:line:col: message" via Result,
// and, when `error` is given, the parts of it. Safe to call from several
// threads at once (each call has its own parser). yaml-cpp costs about 80 us
// for a 10-line front matter, so a 4000-post site spends ~0.3 s here on one core.
Result<liquid::Value> load(std::string_view text, const LoadOptions &options = {},
                           ParseError *error = nullptr);

// JSON as Ruby's JSON.parse reads it (`folio-cli liquid --data`), keys kept
// in order, \u escapes with surrogate pairs, `\/`, /* */ and // comments.
Result<liquid::Value> loadJson(std::string_view text, const LoadOptions &options = {},
                               ParseError *error = nullptr);

// CSV/TSV (a _data/*.csv file): Jekyll's CSV.read(headers: true) -> array of
// hashes; an empty unquoted field is nil, "" is an empty string; a short row
// gives nil for the missing columns; of repeated headers the first wins; a
// BOM stays in the first header, as in Jekyll (it reads CSV without "bom|").
// Errors are "line N: ..." (the caller adds the file name).
Result<liquid::Value> loadCsv(std::string_view text, char separator = ',');

} // namespace folio::site::yaml
