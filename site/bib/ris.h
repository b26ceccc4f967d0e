// RIS (Scopus, Web of Science, EndNote, Google Scholar's RefMan export) read
// into the same entries a .bib gives, so import treats both alike.
#pragma once

#include "bibtex.h"

namespace folio::site::bib {

// Entries get a BibTeX type (JOUR -> article, CONF/CPAPER -> inproceedings,
// BOOK -> book, CHAP -> incollection, THES -> phdthesis, RPRT -> techreport,
// else misc), BibTeX field names, a key made as Google Scholar makes one
// (first author's last name, year, first title word that is not a little
// word, lower-case ASCII; "b", "c", ... appended when taken), values escaped
// as LaTeX (R&D -> R\&D), and `source` set to the entry as BibTeX (format()).
// Tags: TY, AU/A1, A2/ED, TI/T1, JF/T2/JO/BT/JA/J2, T3, PY/Y1/DA, VL, IS,
// SP/EP, DO, UR, AB/N2, PB, CY, SN (ISBN or ISSN), KW, N1, LA, ET; a record
// without ER, or a tag outside a record, is a warning.
Database parseRis(QByteArrayView text, const ReadOptions &options = {});

} // namespace folio::site::bib
