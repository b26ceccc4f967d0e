// The `citation:` of a publication item, made by citeproc-js (site/csl) in
// the site's style (Settings: `folio: publications: style`), with the site
// owner's names in bold. academicpages' layouts print `citation` as HTML
// ("Recommended citation: {{ post.citation }}"), so the value is citeproc's
// HTML on one line: <i> for the venue, <b> for the owner.
#pragma once

#include "publication.h"

#include "site/bib/bibtex.h"
#include "site/core/result.h"
#include "site/csl/csl.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace folio::site::publications {

// The formatting options for a site: its Settings, with `style` (an id or
// a path, `--style`) replacing the site's when given.
csl::FormatOptions citationOptions(const Settings &settings, const QString &siteDir,
                                   const QString &style = {});

// One citation per CSL-JSON item (each needs an "id"), in order. Fails when
// the style or locale cannot be loaded.
Result<std::vector<std::string>> makeCitations(const std::vector<QJsonObject> &items,
                                               const csl::FormatOptions &options);

// The citation of one BibTeX entry (the window's "generate citation").
Result<std::string> citationFor(const bib::Entry &entry, const csl::FormatOptions &options);

// citeproc's HTML as a front matter value: line breaks and runs of spaces
// made one space, trimmed.
std::string oneLine(std::string_view html);

} // namespace folio::site::publications
