// Small file helpers shared by the suites that build sites in temporary folders.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace folio::tests {

// Writes `bytes` to root/relative, creating folders; fails the test if it cannot.
inline void writeFile(const QString &root, const QString &relative, const QByteArray &bytes)
{
    const QString path = root + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(bytes);
}

// The whole file, or empty when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The files under `root` (hidden ones too), as sorted paths relative to it.
inline QStringList filesUnder(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next().mid(root.size() + 1);
    out.sort();
    return out;
}

// Copies the site folder `source` to root/site (or root/`name`) for a test to
// change, and returns that path; empty when the copy failed.
inline QString copySite(const QString &source, const QString &root, const QString &name = QStringLiteral("site"))
{
    const QString target = root + QLatin1Char('/') + name;
    return QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), source, target}) == 0 ? target : QString();
}

// Folio's own sample site (resources/sample-site), copied the same way.
inline QString copySampleSite(const QString &root, const QString &name = QStringLiteral("site"))
{
    return copySite(QStringLiteral(FOLIO_SOURCE_DIR "/resources/sample-site"), root, name);
}

} // namespace folio::tests
