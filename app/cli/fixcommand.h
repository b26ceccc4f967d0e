// `folio-cli check SITE [--fix [--dry-run]]`: everything `check` reports (the
// site's problems, broken links) and the publication checks, each with the
// fix it has; with --fix each fix is shown as a unified diff and applied.
#pragma once

#include "commands.h"

namespace folio::cli {

struct FixArguments final {
    bool fix = false;      // apply the fixes
    bool dryRun = false;   // show them, write nothing (implies fix)
};

// Exit code: 0 without errors; 1 with errors (a page that failed, a fix that
// does not apply, a file changed since it was read); 2 for a bad SITE.
int checkSite(const BuildArguments &args, const FixArguments &fix);

} // namespace folio::cli
