#include "scaffold.h"
#include "scaffoldtr.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace folio::site::scaffold {

namespace {

// Where qt_add_resources (site/scaffold/resources.cmake) puts the starter site.
const QString kRoot = QStringLiteral(":/folio/starter-site");

// A YAML double-quoted scalar: the one form that holds any text on one line.
QByteArray yamlQuoted(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value.simplified()) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out.toUtf8();
}

// Replaces the value of the first line matching `key` (a regex with one
// capture group: the key and its colon, indentation included) and keeps any
// comment after the value.
bool replaceValue(QList<QByteArray> &lines, qsizetype from, qsizetype to, const QRegularExpression &key,
                  const QByteArray &value)
{
    for (qsizetype i = from; i < to; ++i) {
        const QString line = QString::fromUtf8(lines[i]);
        const auto m = key.match(line);
        if (!m.hasMatch())
            continue;
        lines[i] = m.captured(1).toUtf8() + ' ' + value;
        return true;
    }
    return false;
}

bool isTopLevelKey(const QByteArray &line)
{
    return !line.isEmpty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '-';
}

Result<void> checkTarget(const QString &dir)
{
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return makeError(Tr::tr("%1 is a file, not a folder: give the path of a new or empty folder for the site")
                             .arg(QDir::toNativeSeparators(dir)));
    if (info.exists() && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return makeError(Tr::tr("%1 is not empty: Folio creates a new site only in a new or empty folder, "
                                "so nothing there is overwritten; choose another folder or empty this one")
                             .arg(QDir::toNativeSeparators(dir)));
    if (!QDir().mkpath(dir))
        return makeError(Tr::tr("cannot create the folder %1: check that its parent exists and that you may write there")
                             .arg(QDir::toNativeSeparators(dir)));
    return {};
}

} // namespace

QStringList starterFiles()
{
    QStringList out;
    QDirIterator it(kRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next().mid(kRoot.size() + 1);
    out.sort();
    return out;
}

QByteArray starterFile(const QString &relativePath)
{
    QFile f(kRoot + QLatin1Char('/') + relativePath);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray withTitleAndAuthor(const QByteArray &config, const QString &title, const QString &author)
{
    QList<QByteArray> lines = config.split('\n');
    if (!title.trimmed().isEmpty()) {
        static const QRegularExpression titleKey(QStringLiteral("^(title\\s*:)"));
        replaceValue(lines, 0, lines.size(), titleKey, yamlQuoted(title));
    }
    if (!author.trimmed().isEmpty()) {
        // author.name: the `name:` line inside the top-level `author:` block.
        qsizetype start = -1;
        for (qsizetype i = 0; i < lines.size() && start < 0; ++i)
            if (lines[i].startsWith("author:"))
                start = i + 1;
        if (start > 0) {
            qsizetype end = start;
            while (end < lines.size() && !isTopLevelKey(lines[end]))
                ++end;
            static const QRegularExpression nameKey(QStringLiteral("^(\\s+name\\s*:)"));
            replaceValue(lines, start, end, nameKey, yamlQuoted(author));
        }
    }
    return lines.join('\n');
}

Result<void> createSite(const QString &dir, const SiteOptions &options)
{
    if (dir.trimmed().isEmpty())
        return makeError(Tr::tr("no folder given for the new site"));
    if (auto ok = checkTarget(dir); !ok)
        return ok;
    const QDir root(QFileInfo(dir).absoluteFilePath());
    const QString title = options.title.trimmed().isEmpty() ? options.author : options.title;

    const QStringList files = starterFiles();
    if (files.isEmpty())
        return makeError(Tr::tr("this build of Folio has no starter site inside (resources/starter-site was not compiled in)"));
    for (const QString &relative : files) {
        // Paths come from our own resources, but a path that would leave the
        // folder is refused rather than trusted.
        const QString target = QDir::cleanPath(root.absoluteFilePath(relative));
        if (!target.startsWith(root.absolutePath() + QLatin1Char('/')))
            return makeError(Tr::tr("starter file %1 would be written outside %2; not written").arg(relative, root.path()));
        QByteArray bytes = starterFile(relative);
        if (relative == QLatin1String("_config.yml"))
            bytes = withTitleAndAuthor(bytes, title, options.author);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return makeError(Tr::tr("cannot create the folder %1: check the permissions of %2")
                                 .arg(QDir::toNativeSeparators(QFileInfo(target).absolutePath()), QDir::toNativeSeparators(root.path())));
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return makeError(Tr::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(target), out.errorString()));
    }
    return {};
}

} // namespace folio::site::scaffold
