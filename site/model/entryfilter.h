// Jekyll's EntryFilter: which files and directories of the source take part in
// the build (include/exclude globs and prefixes, `_`/`.`/`#`/`~` names, backups).
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

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
    // A pattern as glob_include? compares it: the full path it names, and
    // whether it has glob characters (without, fnmatch is plain equality).
    struct Pattern {
        QString full;
        bool glob = false;
    };
    std::vector<Pattern> patterns(const QStringList &globs) const;
    bool globMatches(const std::vector<Pattern> &patterns, const QString &relativePath) const;

    QString m_source;
    std::vector<Pattern> m_includePatterns;
    std::vector<Pattern> m_excludePatterns;   // exclude minus include, as Jekyll computes it
};

// Ruby's File.fnmatch? without flags (`*` and `?` also match `/`, `[...]` classes).
bool fnmatch(const QString &pattern, const QString &path);

} // namespace folio::site::model
