// LaTeX in BibTeX values to Unicode, written by hand because no Debian
// library does it for the whole of what real exports contain (btparse only
// purifies for sorting; bibutils' tables are internal to its conversions):
// accents in all their spellings ({\"o}, \"{o}, \"o, {\ss}, \o, \l, \c{c},
// \v{s}, \H{o}, \k{a}, \'\i ...), special characters (\&, \%, \$, \#, \_),
// ligatures and dashes (-- and ---), ~ (a tie: a plain space in toText, &nbsp;
// in toHtml, U+00A0 in toCslMarkup), \textit/\emph (emphasis), \textbf,
// \textsc, \url{}, \href{}{}, and braces that only protect case. Math ($...$,
// $$...$$, \(...\), \[...\]) is left as written for MathJax. An unknown command
// is dropped and the text of its braced arguments kept. Output is NFC.
#pragma once

#include <string>
#include <string_view>

namespace folio::site::bib {

// Plain Unicode text: what a table cell or front matter `title:` shows.
// Emphasis loses its markup, case-protecting braces are removed, math kept.
std::string toText(std::string_view latex);

// HTML: text escaped, \emph/\textit -> <em>, \textbf -> <strong>, math kept
// (escaped as text, so MathJax finds it on the page).
std::string toHtml(std::string_view latex);

// The rich text citeproc-js reads in CSL-JSON: <i>, <b>, <sup>, <sub>,
// <span style="font-variant:small-caps;">, and <span class="nocase"> for
// braces that protect case ({DNA}), so styles that change case leave it.
std::string toCslMarkup(std::string_view latex);

// A value that is not prose, taken as written: url, doi, eprint, file.
// TeX's escapes of special characters (\_ \% \& \# \$ \~ \{ \}) are undone,
// braces and a surrounding \url{...} dropped, nothing else converted (no
// dashes, no ~ as a space), surrounding spaces trimmed.
std::string toVerbatim(std::string_view latex);

} // namespace folio::site::bib
