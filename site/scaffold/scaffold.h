// Folio's starter site: a complete academic Jekyll site (resources/starter-site,
// compiled into the binaries) that `folio-cli new` and File > New Site copy
// into an empty folder, with the user's title and name filled in.
#pragma once

#include "site/core/result.h"

#include <QString>
#include <QStringList>

namespace folio::site::scaffold {

struct SiteOptions final {
    QString title;    // the site's title; empty: the author's name, else the starter's
    QString author;   // author.name; empty: the starter's placeholder
};

// Copies the starter site into `dir` (created if missing) and sets `title` and
// `author.name` in its _config.yml, changing only those two values so the
// comments stay. Fails, writing nothing, if `dir` exists and is not an empty
// folder. Writes nothing outside `dir`.
Result<void> createSite(const QString &dir, const SiteOptions &options = {});

// The starter's files, as paths relative to the site's root, sorted.
QStringList starterFiles();

// The bytes of one starter file (a path from starterFiles()), empty if unknown.
QByteArray starterFile(const QString &relativePath);

// _config.yml text with `title` and `author.name` replaced by the given values
// (empty values leave the line alone); every other byte is kept.
QByteArray withTitleAndAuthor(const QByteArray &config, const QString &title, const QString &author);

} // namespace folio::site::scaffold
