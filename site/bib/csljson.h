// An entry as CSL-JSON, the input citeproc-js formats (site/csl): types
// mapped as citation.js and Zotero map BibTeX's (article -> article-journal,
// inproceedings -> paper-conference, ...), names split (names.h), dates from
// year/month/day or date, rich text from latex.h's toCslMarkup. `id` and
// `citation-key` are the key; "and others" stays in the name list as
// {"literal": "others"}; URL and DOI are taken verbatim (a doi.org prefix
// dropped); urldate becomes `accessed`.
#pragma once

#include "bibtex.h"

#include <QJsonObject>

namespace folio::site::bib {

QJsonObject toCslJson(const Entry &entry);

} // namespace folio::site::bib
