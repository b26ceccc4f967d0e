// What is wrong with a site's `_publications` items, as the window's
// Diagnostics dock shows it and `folio-cli check` prints it, each with a
// one-click fix where one is certain. A fix is a list of byte-range edits on
// the file's current text (yaml::TextEdit, as the front-matter form makes
// them): only the lines concerned change; comments, quoting, key order, CRLF
// and the body keep every byte.
//
// Checks (id):
//   keys-in-body      keys written below an empty front matter; fix: move them up
//   missing-title     no title
//   empty-venue       no venue, or an empty one ("Published in , 2010")
//   venue-is-authors  the venue is a list of person names; fix: `authors:` list
//                     in its place (the venue can then be filled from BibTeX)
//   missing-date      neither `date` nor a dated file name; fix when `year`
//                     or `pub_date` says it
//   invalid-date      a `date` Jekyll cannot read as a date (a bare year is
//                     seconds since 1970 to Jekyll); fix for a bare year
//   invisible-chars   U+FEFF, U+200B/C/D, U+2060, U+00AD in a title, a key or
//                     a URL; fix: remove them
//   invalid-url       paperurl/slidesurl/bibtexurl neither a URL nor a site
//                     path; fix when certain (a relative path to a site
//                     file, a bare host, a DOI, spaces around it)
//   duplicate-url     two items (or an item and a page) with one URL
//   unknown-category  a category the site's `publication_category` lacks (or
//                     none, when it has one): the publications page leaves the
//                     item out; fix when a listed category differs only in
//                     case or plural
//   stale-citation    the citation does not mention the item's title, venue
//                     or year (no fix: regenerating it is the citation
//                     generator's job, site/publications/citation.h)
#pragma once

#include "publication.h"

#include "site/core/diagnostic.h"
#include "site/core/result.h"
#include "site/model/site.h"
#include "site/yaml/frontmatteredit.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::publications {

struct Fix final {
    QString description;   // "Move the 4 keys found in the body into the front matter"
    QString file;          // absolute
    std::vector<yaml::TextEdit> edits;   // on the file's current text, non-overlapping, in order
};

struct Check final {
    QString id;              // "keys-in-body", "empty-venue", ...
    Diagnostic diagnostic;   // file (site-relative), line, message saying what to do
    std::optional<Fix> fix;
};

// Every item of the site's publications collection, read from its file.
std::vector<Check> checkPublications(const model::Site &site);

// One item from `text` (the editor's buffer, or the file): the same checks,
// with the site's categories and the other items' URLs from `site`.
// `sourcePath` is absolute.
std::vector<Check> checkPublicationText(const model::Site &site, const QString &sourcePath, const std::string &text);

// The same without a site (no duplicate URLs, no categories, no site files).
std::vector<Check> checkPublicationText(const Publication &item, const std::string &text,
                                        const std::vector<Category> &categories = {});

// The text with the fix's edits applied. Fails, saying why, when an edit
// lies outside the text or edits overlap (the text changed since the check).
Result<std::string> applyFix(std::string_view text, const Fix &fix);

// Every fix of one item, one after the other: each fix is made on the text
// the previous one left (the item is checked again between them, so a fix
// offered only once the keys are in the front matter is applied too).
struct AppliedFix final {
    Fix fix;
    std::string before, after;   // the text it was made on, and its result
};
struct FixedText final {
    std::string text;                 // the final text
    std::vector<AppliedFix> applied;  // in order; empty: nothing to fix
};
// Fails when a fix does not apply (then nothing of it should be written).
Result<FixedText> fixText(const model::Site &site, const QString &sourcePath, const std::string &text);

// The person names a venue consists of ("Yineng Chen, Zuchao Li, Lefei
// Zhang" -> three names), or none when it reads as a journal or conference:
// the venue-is-authors check, and import's merge, which replaces such a venue.
std::vector<std::string> venuePersonNames(const std::string &venue);

// A unified diff (`diff -u`, 3 lines of context) of two texts of `file`, for
// showing a fix before it is applied; "" when they are equal.
std::string diff(std::string_view before, std::string_view after, QString file);

} // namespace folio::site::publications
