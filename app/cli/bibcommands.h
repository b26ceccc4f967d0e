// folio-cli's publications commands: import-bib and export-bib. Each returns
// the process exit code: 0 only without errors.
#pragma once

#include <QString>
#include <QStringList>

namespace folio::cli {

struct ImportBibArguments final {
    QString site;
    QString file;        // .bib, .ris or academicpages' publications.tsv
    bool dryRun = false; // say what would happen, write nothing
    bool merge = false;  // fill the empty fields of items that are the same paper
    QString style;       // CSL style id or path for the citations; empty: the site's
};

int importBib(const ImportBibArguments &args);

struct ExportBibArguments final {
    QString site;
    QString output;      // empty: standard output
};

int exportBib(const ExportBibArguments &args);

// Parses `import-bib`'s or `export-bib`'s arguments (`args` without the
// command itself) and runs it; 2 with a usage message for bad arguments.
int bibCommand(const QString &command, const QStringList &args);

} // namespace folio::cli
