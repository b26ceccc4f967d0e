// Shared by tst_import and tst_export: site copies in temporary folders,
// folio-cli runs, file reads.
#pragma once

#include "site/build/builder.h"
#include "site/publications/publication.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace importtest {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target))
            return false;
    }
    return true;
}

// Every file under `dir` (relative path -> bytes), to compare before and after.
inline QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        files.insert(QDir(dir).relativeFilePath(file), readAll(file));
    }
    return files;
}

struct CliRun final {
    int exitCode = -1;
    QString out, err;
};

inline CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(FOLIO_CLI), args);
    CliRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline folio::site::publications::Publications loadPublications(const QString &siteDir)
{
    folio::site::DiagnosticSink sink;
    auto site = folio::site::build::loadSite(siteDir, {}, sink);
    return site ? folio::site::publications::readPublications(*site) : folio::site::publications::Publications{};
}

// The error of a Result, or nothing: QVERIFY2 evaluates its message even on success.
template<typename T>
QByteArray why(const folio::site::Result<T> &r)
{
    return r ? QByteArray() : r.error().toUtf8();
}

inline QString sharedFixture(const char *path) { return QStringLiteral(FOLIO_SHARED_DIR "/fixtures/") + QLatin1String(path); }

} // namespace importtest
