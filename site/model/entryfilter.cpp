#include "entryfilter.h"

#include <QFileInfo>

#include <fnmatch.h>

namespace folio::site::model {

bool fnmatch(const QString &pattern, const QString &path)
{
    const QByteArray p = pattern.toUtf8(), s = path.toUtf8();
    return ::fnmatch(p.constData(), s.constData(), 0) == 0;
}

EntryFilter::EntryFilter(QString source, QStringList include, QStringList exclude)
    : m_source(std::move(source)), m_include(std::move(include))
{
    for (const QString &e : exclude)
        if (!m_include.contains(e))
            m_exclude << e;
}

bool EntryFilter::special(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('_'))
           || name.startsWith(QLatin1Char('#')) || name.startsWith(QLatin1Char('~'));
}

// Jekyll's glob_include?: a pattern matches by fnmatch, by plain prefix (so
// `README` also excludes `README.md`), or names the directory with a slash.
bool EntryFilter::globMatches(const QStringList &patterns, const QString &relativePath) const
{
    const QString entry = m_source + QLatin1Char('/') + relativePath;
    const bool isDir = QFileInfo(entry).isDir();
    for (const QString &pattern : patterns) {
        QString p = pattern;
        while (p.startsWith(QLatin1Char('/')))
            p.remove(0, 1);
        const QString full = m_source + QLatin1Char('/') + p;
        if (fnmatch(full, entry) || entry.startsWith(full) || (isDir && full == entry + QLatin1Char('/')))
            return true;
    }
    return false;
}

bool EntryFilter::included(const QString &entry) const
{
    const QString base = entry.section(QLatin1Char('/'), -1);
    return globMatches(m_include, entry) || globMatches(m_include, base);
}

bool EntryFilter::excluded(const QString &relativePath) const
{
    return globMatches(m_exclude, relativePath);
}

bool EntryFilter::accepts(const QString &baseDir, const QString &entry) const
{
    if (entry.endsWith(QLatin1Char('.')))
        return false;
    const QString fromSource = baseDir.isEmpty() ? entry : baseDir + QLatin1Char('/') + entry;
    const bool inc = included(entry);
    if (excluded(fromSource) && !inc)
        return false;
    if (inc)
        return true;
    const QString base = entry.section(QLatin1Char('/'), -1);
    return !special(entry) && !special(base) && !entry.endsWith(QLatin1Char('~'));
}

} // namespace folio::site::model
