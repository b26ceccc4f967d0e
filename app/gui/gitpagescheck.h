// What GitHub Pages' own Jekyll (kramdown, safe mode, its plugin whitelist)
// would render differently from Folio, checked before the site's sources are
// pushed to a repository that GitHub Pages builds.
#pragma once

#include <QString>

#include <vector>

namespace folio::app {

struct PagesWarning final {
    QString file;     // relative to the site
    int line = 0;     // 1-based; 0 = the whole file
    QString message;
};

// The plugins GitHub Pages runs (the github-pages gem's whitelist, plus the
// ones it enables itself).
bool githubPagesRunsPlugin(const QString &name);

// Warnings for the site in `siteDir`: plugins GitHub Pages lacks,
// `_plugins/*.rb` (not run in safe mode), and formulas in Markdown files that
// only Folio's math protection keeps intact. `skipFolder` (the output
// folder) is not scanned.
std::vector<PagesWarning> githubPagesWarnings(const QString &siteDir, const QString &skipFolder = {});

} // namespace folio::app
