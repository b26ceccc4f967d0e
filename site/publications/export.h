// A site's publications as one BibTeX file (`folio-cli export-bib`, the
// window's "Export BibTeX"): for each item its stored entry (the
// files/<key>.bib its `bibtexurl` names) where there is one, with what the
// front matter says and the entry lacks added; else an entry made from the
// front matter. Importing the export into the same site creates nothing.
#pragma once

#include "publication.h"

#include "site/bib/bibtex.h"
#include "site/core/diagnostic.h"

#include <QString>

#include <string>
#include <vector>

namespace folio::site::publications {

struct ExportOptions final {
    QString siteDir;       // absolute, where bibtexurl's files are read
    std::string url;       // the site's url and baseurl, stripped from a bibtexurl
    std::string baseurl;   // that names one of the site's own files
};

struct ExportReport final {
    int fromStored = 0;    // entries taken from the item's stored BibTeX
    int fromFrontMatter = 0;
    std::vector<Diagnostic> diagnostics;   // a stored file that does not read, an item without title
};

// The entries, one per item, in the order given, separated by blank lines.
std::string exportBibtex(const Publications &publications, const ExportOptions &options,
                         ExportReport *report = nullptr);

// One item's entry. `usedKeys` (lower-case) makes keys unique across a file:
// a key already used gets "b", "c", ... appended.
bib::Entry exportEntry(const Publication &item, const ExportOptions &options, std::vector<std::string> &usedKeys,
                       ExportReport *report = nullptr);

// The key Google Scholar makes: the first author's last name, the year and
// the first word of the title that is not an article or preposition, in
// lower-case ASCII ("chen2023bidirectional").
std::string scholarKey(const Publication &item);

// The site file a bibtexurl names ("files/key.bib"), or "" when it is
// another site's address.
std::string siteFileOfUrl(const std::string &url, const ExportOptions &options);

} // namespace folio::site::publications
