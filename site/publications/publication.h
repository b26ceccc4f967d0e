// A `_publications` item read as a record, whatever academicpages template
// version wrote it (2016-2026 key names: `venue`/`journal`/`booktitle`,
// `paperurl`/`paper_url`/`pdf`, `slidesurl`/`slides_url`, `bibtexurl`/
// `bibtex_url`, `date`/`pub_date`/the file name's date, `citation`, `excerpt`,
// `doi`, `abstract`, `authors`/`author`, `category`), with the site's
// `publication_category` map. Keys the author wrote below an empty front
// matter (the seed's two papers) are read from the body, and the record says
// so, so checks and import treat the item as the paper it describes.
#pragma once

#include "site/core/diagnostic.h"
#include "site/model/site.h"
#include "site/yaml/frontmatteredit.h"

#include <QString>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

namespace folio::site::publications {

// One record field as written: which front matter key holds it and where.
struct Source final {
    std::string key;      // the key as written ("paper_url"), "" when absent
    int line = 0;         // 1-based line in the file; 0 when absent
    bool inBody = false;  // written below the front matter (misplaced)
};

struct Publication final {
    QString sourcePath;          // absolute
    std::string relativePath;    // "_publications/2009-10-01-paper-title-number-1.md"
    std::string title;
    std::vector<std::string> authors;   // as written (a list, or one string split on " and "/", ")
    std::string venue;
    std::string date;            // "YYYY-MM-DD" (or "" when none can be read)
    int year = 0;
    std::string category;        // the `category` key ("manuscripts", "conferences", ...)
    std::string paperurl, slidesurl, bibtexurl;
    std::string citation;
    std::string excerpt;
    std::string doi;
    std::string abstract;
    std::string permalink;
    std::string url;             // as the site computes it ("/publication/2009-10-01-paper-title-number-1")
    // Record field name ("title", "venue", "paperurl", ...) -> where it was read.
    std::map<std::string, Source> sources;
    // The keys were found below an empty front matter (yaml::findMisplacedFrontMatter).
    bool keysInBody = false;
    int bodyKeysFirstLine = 0, bodyKeysLastLine = 0;
};

// A `publication_category` entry of _config.yml: `manuscripts: {title: "Journal Articles"}`.
struct Category final {
    std::string key;
    std::string title;
};

struct Publications final {
    std::vector<Publication> items;    // in the order the site's collection sorts them
    std::vector<Category> categories;  // in _config.yml order; empty when the site has none
    std::string collection = "publications";
};

// The site's Folio settings for publications, under `folio: publications:`
// in _config.yml (Jekyll ignores the key, so it travels with the repository
// and folio-cli sees what the window set):
//   folio:
//     publications:
//       style: ieee            # CSL style id or path; default apa
//       locale: en-US
//       owner_names: ["Y. Chen", "Chen, Yineng"]   # bolded besides author.name
struct Settings final {
    QString style = QStringLiteral("apa");
    QString locale = QStringLiteral("en-US");
    QStringList boldNames;   // author.name first, then owner_names
};
Settings readSettings(const model::Config &config);

// Reads one item from its file text (what the editor holds, or the file).
Publication readPublication(const QString &sourcePath, const std::string &relativePath,
                            const std::string &text);

// Every item of the site's publications collection, with its URL from the
// loaded site, and the category map.
Publications readPublications(const model::Site &site);

// Normalized title for duplicate detection: Unicode text, case folded,
// accents and punctuation dropped, spaces collapsed.
std::string normalizedTitle(std::string_view title);

// The record's keys as written, with byte offsets and lines in `text` (the
// whole file): the front matter's, or, when the keys were written below an
// empty front matter, those lines of the body read as YAML (`inBody`). What
// checks and fixes edit.
struct RecordLayout final {
    yaml::FrontMatterLayout keys;   // offsets and lines are the file's
    bool inBody = false;
    std::size_t closingBegin = 0;   // inBody: the closing `---` line(s) before the keys
    std::size_t bodyKeysBegin = 0, bodyKeysEnd = 0;   // inBody: the key lines, line ends included
};
RecordLayout recordLayout(std::string_view text);

// The record field ("paperurl") -> the keys templates of 2016-2026 wrote it
// under, the template's own first ("paperurl", "paper_url", "pdf").
const std::vector<std::string> &keysOfField(std::string_view field);

} // namespace folio::site::publications
