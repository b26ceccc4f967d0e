// YAML as Jekyll's Ruby (Psych, YAML 1.1) reads it, on top of yaml-cpp 0.7:
// merge keys (`<<: *anchor`), YAML 1.1 booleans (yes/no/on/off/y/n),
// integers (0x, 0o, 0b, 1_000, sexagesimal), floats (.inf, .nan), null (~, empty),
// timestamps (`2020-01-02` -> Date, `2020-01-02 10:00:00 +01:00` -> Time, a time
// without a zone taken in the site's timezone), the last of duplicate keys wins,
// keys always strings (as Jekyll's data reaches Liquid), a UTF-8 BOM ignored.
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
// and, when `error` is given, the parts of it.
Result<liquid::Value> load(std::string_view text, const LoadOptions &options = {},
                           ParseError *error = nullptr);

// JSON (a _data/*.json file, `folio-cli liquid --data`), keys kept in order.
Result<liquid::Value> loadJson(std::string_view text, const LoadOptions &options = {},
                               ParseError *error = nullptr);

// CSV/TSV (a _data/*.csv file): Jekyll's CSV.read(headers: true) -> array of hashes.
Result<liquid::Value> loadCsv(std::string_view text, char separator = ',');

} // namespace folio::site::yaml
