// Jekyll's EntryFilter: which files and directories of the source take part in
// the build (include/exclude globs and prefixes, `_`/`.`/`#`/`~` names, backups).
#pragma once

#include <QString>
#include <QStringList>

namespace folio::site::model {

class EntryFilter final
{
public:
    // `include` and `exclude` as in _config.yml; paths are relative to `source`.
    EntryFilter(QString source, QStringList include, QStringList exclude);

    // Whether `entry` (relative to `baseDir`, itself relative to the source;
    // '/'-separated, baseDir "" for the source) is read. As in Jekyll, the
    // special-name rule looks at the entry and its last component, the
    // exclude globs at the whole path from the source.
    bool accepts(const QString &baseDir, const QString &entry) const;

    bool included(const QString &entry) const;
    bool excluded(const QString &relativePath) const;
    static bool special(const QString &name);   // starts with . _ # ~

private:
    bool globMatches(const QStringList &patterns, const QString &relativePath) const;

    QString m_source;
    QStringList m_include;
    QStringList m_exclude;   // exclude minus include, as Jekyll computes it
};

// Ruby's File.fnmatch? without flags (`*` and `?` also match `/`, `[...]` classes).
bool fnmatch(const QString &pattern, const QString &path);

} // namespace folio::site::model
