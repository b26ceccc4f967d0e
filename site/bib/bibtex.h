// BibTeX databases read with btparse (Debian's libbtparse, the C parser of
// the Text::BibTeX/biber family): entries of every type, @string macros and
// `#` concatenation, @preamble, @comment, crossref inheritance, nested
// braces, CRLF, a BOM, keys in any case. What btparse does not do (Unicode
// text, locating errors in our terms, recovery after a broken entry,
// Latin-1 input) is done here.
//
// Values are kept in LaTeX as written (macros expanded, `#` pasted, outer
// braces/quotes removed, inner braces kept): latex.h turns them into text
// for display, the stored BibTeX (Entry::source) keeps every byte.
#pragma once

#include "site/core/diagnostic.h"
#include "site/core/result.h"

#include <QByteArrayView>
#include <QString>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::bib {

struct Field final {
    std::string name;    // lower-case ("author", "booktitle")
    std::string value;   // LaTeX, macros expanded and pasted, outer delimiters removed
    int line = 0;        // 1-based line of the field's name in the file
    bool inherited = false;   // copied from the crossref'd entry
};

struct Entry final {
    std::string type;    // lower-case ("article", "inproceedings", "misc", or what the file says)
    std::string key;     // as written (keys compare case-insensitively, as in BibTeX)
    std::vector<Field> fields;   // in file order, then inherited ones
    std::string source;  // the entry's text exactly as in the file, '@' to the closing delimiter
                         // (CRLF kept; a file that is not UTF-8 gives it re-encoded as UTF-8)
    QString file;        // as given in ReadOptions
    int line = 0;        // 1-based line of the '@'

    const Field *field(std::string_view name) const;   // name compared case-insensitively
    std::string value(std::string_view name) const;    // "" when missing
    bool has(std::string_view name) const { return field(name) != nullptr; }
};

struct Database final {
    std::vector<Entry> entries;                    // regular entries, in file order
    std::vector<std::string> preambles;            // @preamble values
    std::map<std::string, std::string> strings;    // @string macros, lower-case names
    // Problems, each naming file:line and what to do, in line order; the
    // entries around a broken one are still read.
    std::vector<Diagnostic> diagnostics;

    const Entry *find(std::string_view key) const;   // case-insensitive
    bool hasErrors() const;
};

struct ReadOptions final {
    QString fileName;               // for entries and diagnostics (relative to the site when possible)
    bool resolveCrossref = true;    // copy missing fields from the `crossref` entry
};

// Reads BibTeX text (UTF-8, a BOM skipped; bytes that are not UTF-8 are read
// as Latin-1/Windows-1252 with a warning). Never fails: problems are in
// Database::diagnostics. Thread-safe (btparse keeps global state, so reads
// are serialised inside). `month = aug` reads as "August" (the macros every
// style defines; a file's own @string{aug = ...} wins).
Database parse(QByteArrayView text, const ReadOptions &options = {});
// The same for a file; fails only when the file cannot be read.
Result<Database> readFile(const QString &path, ReadOptions options = {});

// Months as BibTeX writes them: `aug`, `August`, `8`, `08` -> 8; 0 when not a month.
int parseMonth(std::string_view text);

// The entry's date from `year`/`month`/`day`, or from biblatex's `date`
// (Zotero and biblatex exports have no year: 2021-03-15, 2021-03, 2021,
// a range 2020/2021 gives its start) when there is no numeric year. A part
// not given, or not a number ("in press"), is 0.
struct Date final {
    int year = 0;
    int month = 0;   // 1..12
    int day = 0;     // 1..31
};
Date entryDate(const Entry &entry);

// An entry as BibTeX text, fields in the given order, values in braces
// (a value that already is balanced LaTeX is written as is; a brace it cannot
// pair becomes \textbraceleft{}/\textbraceright{}), one field a line, the
// fields inherited through crossref left out (the entry as written):
//   @article{key,
//     title = {...},
//   }
std::string format(const Entry &entry);

} // namespace folio::site::bib
