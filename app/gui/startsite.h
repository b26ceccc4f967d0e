// Which site the window opens at start: the one named on the command line,
// else the last one opened, else Folio's starter site, created once in the
// user's data folder from the copy compiled into Folio (that copy is never
// edited; the user's is theirs to change).
#pragma once

#include "site/core/result.h"

#include <QString>

namespace folio::app {

// Where the user's copy of the starter site lives.
QString starterSiteFolder();
// The starter site's folder, created from the bundled copy on first use.
site::Result<QString> ensureStarterSite();
// The site to open: `requested` if not empty, else the last site if it still
// exists, else the starter site (created if needed).
site::Result<QString> siteToOpen(const QString &requested, bool forceStarter);

} // namespace folio::app
