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
    : m_source(std::move(source))
{
    QStringList excludeOnly;   // exclude minus include, as Jekyll computes it
    for (const QString &e : exclude)
        if (!include.contains(e))
            excludeOnly << e;
    m_includePatterns = patterns(include);
    m_excludePatterns = patterns(excludeOnly);
}

std::vector<EntryFilter::Pattern> EntryFilter::patterns(const QStringList &globs) const
{
    std::vector<Pattern> out;
    for (const QString &glob : globs) {
        QString p = glob;
        while (p.startsWith(QLatin1Char('/')))
            p.remove(0, 1);
        Pattern pattern;
        pattern.full = m_source + QLatin1Char('/') + p;
        for (const QChar c : std::as_const(pattern.full))
            pattern.glob = pattern.glob || c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[')
                           || c == QLatin1Char('\\');
        out.push_back(std::move(pattern));
    }
    return out;
}

bool EntryFilter::special(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('_'))
           || name.startsWith(QLatin1Char('#')) || name.startsWith(QLatin1Char('~'));
}

// Jekyll's glob_include?: a pattern matches by fnmatch, by plain prefix (so
// `README` also excludes `README.md`), or names the directory with a slash.
// Every file of the site is tested against every pattern, and glibc's
// fnmatch converts both to wide characters in a UTF-8 locale: patterns
// without glob characters match only as the prefix, and the entry is looked at
// on disk only when a pattern names it as a folder.
bool EntryFilter::globMatches(const std::vector<Pattern> &patterns, const QString &relativePath) const
{
    const QString entry = m_source + QLatin1Char('/') + relativePath;
    for (const Pattern &p : patterns) {
        if (entry.startsWith(p.full) || (p.glob && fnmatch(p.full, entry)))
            return true;
        if (p.full.size() == entry.size() + 1 && p.full.endsWith(QLatin1Char('/')) && p.full.startsWith(entry)
            && QFileInfo(entry).isDir())
            return true;
    }
    return false;
}

bool EntryFilter::included(const QString &entry) const
{
    const QString base = entry.section(QLatin1Char('/'), -1);
    return globMatches(m_includePatterns, entry) || globMatches(m_includePatterns, base);
}

bool EntryFilter::excluded(const QString &relativePath) const
{
    return globMatches(m_excludePatterns, relativePath);
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
