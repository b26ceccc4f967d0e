// The bibliographies the tags read: .bib files parsed by site/bib, each
// entry prepared once for everything the gem does with it (queries, sorting,
// the `entry` a template sees, CSL-JSON for citeproc-js), cached per file
// set and modification time for the whole process as the gem's bib_cache
// is, so a page with ten bibliography tags and a site with a hundred cite
// tags read and prepare the .bib once.
#pragma once

#include "config.h"

#include "site/bib/bibtex.h"
#include "site/core/diagnostic.h"
#include "site/liquid/value.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::site::scholar {

struct Item final {
    std::string key;
    std::string type;    // lower-case BibTeX type
    // Field values as bibtex-ruby's Value#to_s gives them to queries and
    // sorting: LaTeX as written (macros expanded), names as "von Last, Jr,
    // First and ..." when names are parsed, months as jan..dec when months
    // are parsed (with month_numeric added), in file order.
    std::vector<std::pair<std::string, std::string>> fields;
    liquid::Value liquid;    // the template's `entry` (Utilities#liquidify)
    QJsonObject csl;         // CSL-JSON for citeproc-js, "id" = key
    QString file;            // the .bib it comes from, for messages
    int line = 0;

    // The value of field `name`, or null (bibtex-ruby's nil).
    const std::string *field(std::string_view name) const;
    // bibtex-ruby's Entry#year: the year field, else the first 4 digits of date.
    std::optional<std::string> year() const;
};

struct Library final {
    std::vector<Item> items;                // the entries of every file, in order
    std::vector<Diagnostic> diagnostics;    // BibTeX problems, each at file:line
    QStringList missing;                    // absolute paths that could not be read
    std::uint64_t id = 0;                   // unique per load, for caches of formatted text

    // bibtex-ruby's Bibliography#[] for a key (case-sensitive first, then as
    // BibTeX compares keys); null when missing.
    const Item *find(std::string_view key) const;
};

// The gem's Utilities#bibtex_paths for the tag's `--file`s (empty: the
// `bibliography:` setting, a glob when it holds '*'), each under `source:`
// (relative to the site, or absolute), `.bib` added when the name has no
// extension and does not exist as given.
QStringList bibtexPaths(const Config &config, const std::vector<std::string> &files, const QString &siteDir);

// The library for `paths` read with `config`'s BibTeX options. `fresh` is
// set when this call read the files (the caller reports the diagnostics
// then, once per change of the files rather than once per page).
std::shared_ptr<const Library> loadLibrary(const QStringList &paths, const Config &config, const QString &siteDir,
                                           bool *fresh = nullptr);

// bibtex-ruby's Value <=>: integers when both are integers, else strings.
int compareValues(const std::string *a, const std::string *b);
bool isNumeric(std::string_view value);

} // namespace folio::site::scholar

namespace folio::site::scholar {

// A library made from BibTeX text (the `{% bibtex %}` block's body), not cached.
std::shared_ptr<const Library> libraryFromText(const std::string &text, const Config &config, const QString &fileName);

} // namespace folio::site::scholar
