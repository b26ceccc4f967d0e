// What folio-cli's command files share: its two output streams and the small
// steps every command over a site takes (the source-folder check, the build
// options from the arguments, printing diagnostics).
#pragma once

#include "commands.h"

#include "site/core/diagnostic.h"
#include "site/model/config.h"

#include <QString>
#include <QTextStream>

namespace folio::cli {

QTextStream &out();
QTextStream &err();

// False, after saying so on stderr, if `source` is not a folder.
bool checkSourceDir(const QString &source);

site::model::BuildOptions buildOptions(const BuildArguments &args);

// Prints the diagnostics (errors always, warnings unless quiet) and returns
// the number of errors.
int printDiagnostics(site::DiagnosticSink &sink, int verbosity);

} // namespace folio::cli
