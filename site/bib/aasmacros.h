// The journal macros of AASTeX's aas_macros.sty (\apj, \mnras, \aap, ...),
// which NASA ADS writes in every BibTeX export it makes (`journal = {\apjl}`):
// astronomers' lists are full of them, and without the table their venue
// would be empty. The text is what the macros print in a paper (ApJL,
// MNRAS, A&A), as the journals and ADS abbreviate them.
#pragma once

#include <string_view>

namespace folio::site::bib {

// The abbreviation `\command` prints ("apjl" -> "ApJL"), or "" when it is
// not one of aas_macros.sty's journals.
std::string_view aasJournal(std::string_view command);

} // namespace folio::site::bib
