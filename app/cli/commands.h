// folio-cli's commands. Each takes its parsed arguments and returns the process
// exit code: 0 only without errors.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace folio::cli {

struct BuildArguments final {
    QString source;
    QString destination;          // default SOURCE/_site
    bool drafts = false;
    std::optional<bool> future;   // --future / --no-future
    int jobs = 0;                 // 0 = all cores
    int verbosity = 1;            // 0 quiet, 1 normal, 2 verbose
    bool development = false;     // JEKYLL_ENV=development
};

int build(const BuildArguments &args);

struct LiquidArguments final {
    QString templateFile;
    QString dataFile;      // JSON
    QString includesDir;
};

int liquid(const LiquidArguments &args);

struct NewArguments final {
    QString directory;
    QString title;    // empty: the author's name, else the starter's
    QString author;   // empty: the starter's placeholder
};

// Creates Folio's starter site in a new or empty folder.
int newSite(const NewArguments &args);

} // namespace folio::cli
