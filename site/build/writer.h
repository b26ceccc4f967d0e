// Where a build's files go. DiskWriter writes into the destination folder and
// nowhere else, and removes only files an earlier Folio build of that folder
// wrote (a manifest kept in the user's cache folder, outside the output).
// MemoryWriter keeps the files for the preview's URL scheme.
#pragma once

#include "site/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <mutex>
#include <set>
#include <string_view>

namespace folio::site::build {

class Writer
{
public:
    virtual ~Writer() = default;
    // `relativePath` is inside the output ("posts/a/index.html"). Thread-safe.
    virtual Result<void> write(const QString &relativePath, std::string_view bytes) = 0;
    virtual Result<void> copy(const QString &relativePath, const QString &sourceFile) = 0;
    // After the last write: cleanup and bookkeeping.
    virtual Result<void> finish() { return {}; }
};

// A relative output path that stays inside the output folder: no "..", not
// absolute, not empty. Returns the cleaned path or an error naming it.
Result<QString> checkedOutputPath(const QString &relativePath);

class MemoryWriter final : public Writer
{
public:
    Result<void> write(const QString &relativePath, std::string_view bytes) override;
    Result<void> copy(const QString &relativePath, const QString &sourceFile) override;

    struct File final {
        QByteArray bytes;     // rendered output
        QString sourceFile;   // or, for a static file, where to read it
    };
    std::map<QString, File> files() const;
    bool contains(const QString &relativePath) const;
    // The bytes of a file (reading a static file's source on demand).
    std::optional<QByteArray> read(const QString &relativePath) const;

private:
    mutable std::mutex m_mutex;
    std::map<QString, File> m_files;
};

class DiskWriter final : public Writer
{
public:
    // `destination` is created if needed. `keepFiles` (Jekyll's keep_files) are
    // never removed. The manifest lives in `manifestDir` (default: the user's
    // cache folder, folio/builds), named after the destination's path.
    DiskWriter(QString destination, QString source, QStringList keepFiles, QString manifestDir = {});

    // Refuses a destination that is the source or contains it.
    Result<void> prepare();
    Result<void> write(const QString &relativePath, std::string_view bytes) override;
    Result<void> copy(const QString &relativePath, const QString &sourceFile) override;
    // Removes files the previous build wrote that this one did not (except
    // keep_files), then records what this build wrote.
    Result<void> finish() override;

    int written() const;     // files whose bytes changed
    int unchanged() const;   // files left as they were (same bytes)
    QStringList removed() const { return m_removed; }
    QString manifestPath() const { return m_manifestPath; }

private:
    struct Target;   // an output path and what one lstat(2) found there
    Result<Target> target(const QString &relativePath);
    Result<void> ensureFolder(const QString &dir);
    bool folderKnown(const QString &dir) const;
    void countWritten(bool changed);

    QString m_destination, m_source, m_manifestPath;
    QStringList m_keepFiles, m_removed;
    mutable std::mutex m_mutex;
    std::set<QString> m_writtenPaths;
    std::set<QString> m_madeDirs;   // folders made or checked (real folders, not links)
    int m_written = 0, m_unchanged = 0;
};

} // namespace folio::site::build
