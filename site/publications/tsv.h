// academicpages' markdown_generator/publications.tsv read as import records.
// publications.py reads it with pandas (read_csv, sep="\t", header=0), so
// this reads what pandas does: a header row naming the columns in any order
// (pub_date, title, venue, excerpt, citation, url_slug, paper_url and the
// later slides_url, bibtex_url, category), fields in double quotes with ""
// for a quote (tabs and line breaks inside), CRLF, a BOM, blank lines
// skipped. Written by hand: yaml::loadCsv reads Jekyll's _data files (nil
// for empty cells, no line numbers per row), and records need the row's line.
#pragma once

#include "import.h"

#include <QByteArrayView>

namespace folio::site::publications {

// A row as its header names it: column name (lower-case, trimmed) -> cell.
struct TsvRow final {
    std::vector<std::pair<std::string, std::string>> cells;
    int line = 0;   // 1-based line where the row starts

    std::string value(std::string_view column) const;   // "" when missing
};

struct TsvTable final {
    std::vector<std::string> header;
    std::vector<TsvRow> rows;
    std::vector<Diagnostic> diagnostics;   // an unclosed quote, a row longer than the header
};

// Splits TSV text into rows by its header. `fileName` is for diagnostics.
TsvTable parseTsv(QByteArrayView text, const QString &fileName = {});

// Rows as records: pub_date as YYYY-MM-DD, YYYY-MM, YYYY or pandas' M/D/YY
// (a row whose date cannot be read is reported at its line and skipped, as
// is one without a title); paper_url, slides_url, bibtex_url, citation,
// url_slug and category taken as written (publications.py writes them as
// they are).
ImportInput recordsFromTsv(const TsvTable &table, const QString &fileName = {});

} // namespace folio::site::publications
