// RIS (Scopus, Web of Science, EndNote, Google Scholar's RefMan export) read
// into the same entries a .bib gives, so import treats both alike.
#pragma once

#include "bibtex.h"

namespace folio::site::bib {

// Entries get a BibTeX type (JOUR -> article, CONF/CPAPER -> inproceedings,
// BOOK -> book, CHAP -> incollection, THES -> phdthesis, RPRT -> techreport,
// else misc), BibTeX field names, a key made as Google Scholar makes one
// (first author's last name, year, first title word, lower-case), and
// `source` set to the entry as BibTeX (format()).
Database parseRis(QByteArrayView text, const ReadOptions &options = {});

} // namespace folio::site::bib
