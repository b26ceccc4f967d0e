// Publications imported from BibTeX, RIS or academicpages' publications.tsv
// into a site's `_publications` collection, as academicpages'
// markdown_generator (pubsFromBib.py, publications.py) would write them, but
// safely: every string double-quoted so no title breaks the YAML, duplicates
// found instead of copied, nothing ever overwritten.
//
// Two steps, so the window can show what will happen before it happens:
//   planImport  decides, per record, create / merge / skip, and makes every
//               file's final text (reads the site's files, writes nothing);
//   applyImport writes the plan atomically (QSaveFile), refusing a file
//               that changed on disk since it was planned.
#pragma once

#include "publication.h"

#include "site/bib/bibtex.h"
#include "site/core/diagnostic.h"
#include "site/core/result.h"
#include "site/liquid/value.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace folio::site::publications {

// One publication to import, whatever file it came from. Strings are Unicode
// text (BibTeX's LaTeX already turned into text), except `citation`, which is
// HTML as academicpages' layouts print it.
struct ImportRecord final {
    std::string key;                    // BibTeX key; "" for a TSV row
    std::string type;                   // BibTeX type ("article", "inproceedings"...); "" for TSV
    std::string title;
    std::vector<std::string> authors;   // "First Last", in order
    std::string venue;                  // journal / booktitle / school ...
    int year = 0, month = 0, day = 0;   // 0 = not given
    std::string category;               // given (TSV `category`); else derived from type
    std::string excerpt;
    std::string abstract;               // written as the page's body
    std::string paperurl, slidesurl, bibtexurl;
    std::string doi;                    // bare ("10.1000/x"), no resolver prefix
    std::string citation;               // given (TSV); else generated (citation.h)
    std::string slug;                   // given (TSV `url_slug`); else made from the title
    std::string bibtex;                 // the entry's own text (bib::Entry::source), saved as files/<key>.bib
    QJsonObject csl;                    // CSL-JSON for generating the citation (BibTeX/RIS entries)
    QString file;                       // where it came from, for messages
    int line = 0;

    // "YYYY-MM-DD", months and days defaulting to 01 as pubsFromBib does; "" without a year.
    std::string date() const;
};

// An entry as a record: title, venue (journal, booktitle, school, institution,
// publisher, howpublished, as the type has it) through bib::toText, authors
// through bib::splitNames, excerpt from `note` (pubsFromBib's rule: more than
// 5 characters) else the abstract's first sentence, paperurl from `url` else
// https://doi.org/DOI.
ImportRecord recordFromEntry(const bib::Entry &entry);

// The file an import reads, chosen by its extension: .bib (BibTeX), .ris,
// .tsv (academicpages' publications.tsv; tsv.h). Problems of the input (a
// broken entry: file:line) are in `diagnostics`; the other records are read.
struct ImportInput final {
    std::vector<ImportRecord> records;
    std::vector<Diagnostic> diagnostics;
};
Result<ImportInput> readImportFile(const QString &path);
ImportInput recordsFromDatabase(const bib::Database &database);

// Citation text for the records that have none, one per record, "" when one
// cannot be made. The default (an empty function) formats them with site/csl
// in the site's style (citation.h).
using CitationMaker = std::function<std::vector<std::string>(const std::vector<const ImportRecord *> &)>;

struct ImportOptions final {
    QString siteDir;          // absolute; where files are planned and read
    std::string collectionDir = "_publications";   // relative to siteDir (collections_dir/_publications)
    bool merge = false;       // fill an existing item's empty fields instead of skipping it
    Settings settings;        // style, locale, owner names (readSettings); `--style` overrides style
    std::string baseurl;      // the site's baseurl, for bibtexurl (see bibtexUrl)
    bool baseurlInLinks = false;   // the site prints bibtexurl raw (academicpages): prefix baseurl
    CitationMaker citations;  // empty: site/csl
};

enum class ImportAction { Create, Merge, Skip };

// One file write of a plan: a new file, or an existing one changed.
struct PlannedFile final {
    std::string relativePath;   // to the site: "_publications/2023-01-01-slug.md", "files/key.bib"
    std::string text;           // the whole new content
    bool exists = false;        // an existing file is changed (merge): `before` must still be on disk
    std::string before;         // its content when planned
};

struct PlannedItem final {
    ImportAction action = ImportAction::Skip;
    ImportRecord record;
    // Create: the new item; Merge/Skip: the existing item it is the same paper as
    // (Skip of a duplicate within the input: "").
    std::string relativePath;
    QString reason;                     // Skip: why ("same DOI as ..."); Merge: what was done
    std::vector<std::string> filled;    // Merge: front matter keys filled
    bool movedKeys = false;             // Merge: the keys below the front matter were moved into it
    std::vector<PlannedFile> files;     // what applying writes for this item
};

struct ImportPlan final {
    QString siteDir;
    std::vector<PlannedItem> items;          // in input order
    std::vector<Diagnostic> diagnostics;     // input problems, citation problems

    int count(ImportAction action) const;
    bool hasErrors() const;
};

// Decides each record. A record is the same paper as an existing item (or
// an earlier record) when it has the same DOI, the same paper URL, the same
// BibTeX key as the item's stored files/<key>.bib, or the same
// normalizedTitle and year; an item whose year comes only from its file name
// (no `date` in its front matter, e.g. keys below the front matter) matches
// by title alone. The same paper is skipped, or with `merge` has its empty
// fields filled (keys below the front matter moved up first, by the
// keys-in-body fix of checks.h).
ImportPlan planImport(const Publications &existing, const std::vector<ImportRecord> &records,
                      const ImportOptions &options);
ImportPlan planImport(const Publications &existing, const bib::Database &entries,
                      const ImportOptions &options);

struct ImportReport final {
    std::vector<std::string> written;   // relative paths, in order
    int created = 0, merged = 0, skipped = 0;
};

// Writes the plan's files under its siteDir, each atomically. A new file is
// never written over an existing one, and an existing one only when it still
// has the planned `before` content; either refusal fails with what to do,
// after the files before it were written.
Result<ImportReport> applyImport(const ImportPlan &plan, const QString &siteDir);

// --- parts, public for the window and the tests ---

// academicpages' url_slug: the title's LaTeX braces and backslashes dropped,
// spaces as '-', [bracketed] parts and every character outside
// [A-Za-z0-9_-] removed, "--" -> "-". Folio first folds accents to ASCII
// ("Schrödinger" -> "Schrodinger", where pubsFromBib drops the letter), and
// keeps at most 100 characters (a file name must fit the file system).
std::string slugFromTitle(std::string_view title);

// "2023-01-01-Slug" and its academicpages permalink "/publication/2023-01-01-Slug".
std::string itemName(const ImportRecord &record);

// The category key for a BibTeX type: article -> manuscripts, inproceedings
// -> conferences, book/incollection -> books, theses -> theses, ...; with a
// site map, one of the site's keys (the type's first choice the site has,
// else the site's first category, so the item is listed on its page).
std::string categoryFor(std::string_view bibType, const std::vector<Category> &siteCategories);

// A new item's whole file text: front matter in academicpages' key order
// (title, collection, category, permalink, excerpt, date, venue, slidesurl,
// paperurl, bibtexurl, citation, authors, doi), every string double-quoted.
std::string itemText(const ImportRecord &record, const std::string &permalink);

// bibtexurl for files/<fileName>: "/files/<fileName>", with the baseurl in
// front when the site's templates print the URL as written.
std::string bibtexUrl(const std::string &fileName, const ImportOptions &options);

// Whether the site's templates print `bibtexurl` as written (academicpages'
// `href="{{ post.bibtexurl }}"`), rather than through relative_url.
bool templatesPrintBibtexUrlRaw(const QString &siteDir);

// DOI without resolver or "doi:" prefix, lower-case (DOIs compare case-insensitively).
std::string normalizedDoi(std::string_view doi);

} // namespace folio::site::publications
