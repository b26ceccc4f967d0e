#include "writer.h"
#include "buildtr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <atomic>
#include <cstdio>

namespace folio::site::build {

namespace {

// Writes a file the way QSaveFile does (a temporary beside it, renamed over
// it, so a reader never sees half a page) but without QSaveFile's fsync per
// file: a build writes thousands of pages, Jekyll syncs none of them, and the
// syncs made most of a build's wall time on a loaded disk.
class ReplacingFile final
{
public:
    explicit ReplacingFile(const QString &target)
        : m_target(target),
          m_temp(target + QStringLiteral(".folio-%1.tmp").arg(s_counter.fetch_add(1, std::memory_order_relaxed))),
          m_file(m_temp)
    {}
    ~ReplacingFile()
    {
        if (!m_committed) {
            m_file.close();
            QFile::remove(m_temp);
        }
    }
    bool open() { return m_file.open(QIODevice::WriteOnly | QIODevice::Truncate); }
    bool write(const char *data, qint64 size) { return m_file.write(data, size) == size; }
    bool commit()
    {
        m_file.close();
        if (m_file.error() != QFileDevice::NoError)
            return false;
        // rename(2) replaces the target in one step; QFile::rename refuses an existing target.
        m_committed = std::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_target).constData()) == 0;
        return m_committed;
    }
    QString errorString() const { return m_file.errorString(); }

private:
    static inline std::atomic<unsigned> s_counter{0};
    QString m_target, m_temp;
    QFile m_file;
    bool m_committed = false;
};

} // namespace

Result<QString> checkedOutputPath(const QString &relativePath)
{
    QString p = relativePath;
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (p.isEmpty() || p.startsWith(QLatin1Char('/')) || QDir::isAbsolutePath(p))
        return makeError(Tr::tr("output path '%1' is not inside the output folder").arg(relativePath));
    for (const QString &part : p.split(QLatin1Char('/')))
        if (part == QLatin1String(".."))
            return makeError(Tr::tr("output path '%1' climbs out of the output folder").arg(relativePath));
    const QString clean = QDir::cleanPath(p);
    if (clean.isEmpty() || clean == QLatin1String("."))
        return makeError(Tr::tr("output path '%1' is empty").arg(relativePath));
    return clean;
}

// --- MemoryWriter ---------------------------------------------------------------

Result<void> MemoryWriter::write(const QString &relativePath, std::string_view bytes)
{
    auto path = checkedOutputPath(relativePath);
    if (!path)
        return makeError(path.error());
    std::lock_guard lock(m_mutex);
    m_files[*path] = File{QByteArray(bytes.data(), qsizetype(bytes.size())), {}};
    return {};
}

Result<void> MemoryWriter::copy(const QString &relativePath, const QString &sourceFile)
{
    auto path = checkedOutputPath(relativePath);
    if (!path)
        return makeError(path.error());
    std::lock_guard lock(m_mutex);
    m_files[*path] = File{{}, sourceFile};
    return {};
}

std::map<QString, MemoryWriter::File> MemoryWriter::files() const
{
    std::lock_guard lock(m_mutex);
    return m_files;
}

bool MemoryWriter::contains(const QString &relativePath) const
{
    std::lock_guard lock(m_mutex);
    return m_files.count(relativePath) > 0;
}

std::optional<QByteArray> MemoryWriter::read(const QString &relativePath) const
{
    File file;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_files.find(relativePath);
        if (it == m_files.end())
            return std::nullopt;
        file = it->second;
    }
    if (file.sourceFile.isEmpty())
        return file.bytes;
    QFile f(file.sourceFile);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

// --- DiskWriter -------------------------------------------------------------------

DiskWriter::DiskWriter(QString destination, QString source, QStringList keepFiles, QString manifestDir)
    : m_destination(QDir::cleanPath(QFileInfo(destination).absoluteFilePath())),
      m_source(QDir::cleanPath(QFileInfo(source).absoluteFilePath())), m_keepFiles(std::move(keepFiles))
{
    if (manifestDir.isEmpty()) {
        manifestDir = qEnvironmentVariable("FOLIO_CACHE_DIR");
        if (manifestDir.isEmpty())
            manifestDir = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
                          + QStringLiteral("/folio");
        manifestDir += QStringLiteral("/builds");
    }
    const QByteArray key = QCryptographicHash::hash(m_destination.toUtf8(), QCryptographicHash::Sha1).toHex();
    m_manifestPath = manifestDir + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".manifest");
}

Result<void> DiskWriter::prepare()
{
    if (m_destination == m_source || m_source.startsWith(m_destination + QLatin1Char('/')))
        return makeError(Tr::tr("the output folder %1 would contain the site's own files; choose "
                                "another folder such as %2/_site").arg(m_destination, m_source));
    if (!QDir().mkpath(m_destination))
        return makeError(Tr::tr("cannot create the output folder %1").arg(m_destination));
    return {};
}

Result<QString> DiskWriter::target(const QString &relativePath)
{
    auto rel = checkedOutputPath(relativePath);
    if (!rel)
        return makeError(rel.error());
    const QString full = m_destination + QLatin1Char('/') + *rel;
    // Never write into the sources (an output folder inside them must not
    // shadow a source file) and never outside the destination.
    if (!QDir::cleanPath(full).startsWith(m_destination + QLatin1Char('/')))
        return makeError(Tr::tr("output path '%1' is outside the output folder").arg(relativePath));
    const QFileInfo info(full);
    if (info.isSymLink())
        return makeError(Tr::tr("%1 is a symbolic link in the output folder; Folio does not write "
                                "through links").arg(full));
    // Many pages share a folder: create each one once (mkpath stats every level).
    const QString dir = info.absolutePath();
    bool made = false;
    {
        std::lock_guard lock(m_mutex);
        m_writtenPaths.insert(*rel);
        made = m_madeDirs.count(dir) != 0;
    }
    if (!made) {
        if (!QDir().mkpath(dir))
            return makeError(Tr::tr("cannot create the folder %1").arg(dir));
        std::lock_guard lock(m_mutex);
        m_madeDirs.insert(dir);
    }
    return full;
}

Result<void> DiskWriter::write(const QString &relativePath, std::string_view bytes)
{
    auto full = target(relativePath);
    if (!full)
        return makeError(full.error());
    QFile existing(*full);
    if (existing.size() == qint64(bytes.size()) && existing.open(QIODevice::ReadOnly)) {
        const QByteArray old = existing.readAll();
        if (old.size() == qsizetype(bytes.size()) && std::equal(old.begin(), old.end(), bytes.begin())) {
            std::lock_guard lock(m_mutex);
            ++m_unchanged;
            return {};
        }
    }
    existing.close();
    ReplacingFile out(*full);
    if (!out.open() || !out.write(bytes.data(), qint64(bytes.size())) || !out.commit())
        return makeError(Tr::tr("cannot write %1: %2").arg(*full, out.errorString()));
    std::lock_guard lock(m_mutex);
    ++m_written;
    return {};
}

Result<void> DiskWriter::copy(const QString &relativePath, const QString &sourceFile)
{
    auto full = target(relativePath);
    if (!full)
        return makeError(full.error());
    const QFileInfo src(sourceFile), dst(*full);
    if (dst.exists() && dst.size() == src.size() && dst.lastModified() >= src.lastModified()) {
        std::lock_guard lock(m_mutex);
        ++m_unchanged;
        return {};
    }
    QFile in(sourceFile);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("cannot read %1: %2").arg(sourceFile, in.errorString()));
    ReplacingFile out(*full);
    if (!out.open())
        return makeError(Tr::tr("cannot write %1: %2").arg(*full, out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (!out.write(chunk.constData(), chunk.size()))
            return makeError(Tr::tr("cannot write %1: %2").arg(*full, out.errorString()));
    }
    if (!out.commit())
        return makeError(Tr::tr("cannot write %1: %2").arg(*full, out.errorString()));
    std::lock_guard lock(m_mutex);
    ++m_written;
    return {};
}

Result<void> DiskWriter::finish()
{
    QStringList previous;
    QFile manifest(m_manifestPath);
    if (manifest.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = manifest.readAll().split('\n');
        // The first line names the destination: a manifest of another folder
        // (a hash collision) must not delete anything here.
        if (!lines.isEmpty() && QString::fromUtf8(lines.front()) == m_destination)
            for (qsizetype i = 1; i < lines.size(); ++i)
                if (!lines[i].isEmpty())
                    previous << QString::fromUtf8(lines[i]);
        manifest.close();
    }
    for (const QString &rel : previous) {
        if (m_writtenPaths.count(rel))
            continue;
        bool keep = false;
        for (const QString &k : m_keepFiles)
            keep = keep || rel == k || rel.startsWith(k + QLatin1Char('/'));
        auto checked = checkedOutputPath(rel);
        if (keep || !checked)
            continue;
        const QString full = m_destination + QLatin1Char('/') + *checked;
        if (QFileInfo(full).isFile() && QFile::remove(full)) {
            m_removed << rel;
            // Remove folders the build emptied, up to the destination.
            QDir dir = QFileInfo(full).absoluteDir();
            while (dir.absolutePath() != m_destination && dir.isEmpty() && dir.rmdir(dir.absolutePath()))
                dir.cdUp();
        }
    }
    if (!QDir().mkpath(QFileInfo(m_manifestPath).absolutePath()))
        return makeError(Tr::tr("cannot create %1 to record the build").arg(QFileInfo(m_manifestPath).absolutePath()));
    QSaveFile out(m_manifestPath);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(Tr::tr("cannot record the build in %1").arg(m_manifestPath));
    out.write(m_destination.toUtf8() + '\n');
    for (const QString &rel : m_writtenPaths)
        out.write(rel.toUtf8() + '\n');
    if (!out.commit())
        return makeError(Tr::tr("cannot record the build in %1").arg(m_manifestPath));
    return {};
}

int DiskWriter::written() const
{
    std::lock_guard lock(m_mutex);
    return m_written;
}

int DiskWriter::unchanged() const
{
    std::lock_guard lock(m_mutex);
    return m_unchanged;
}

} // namespace folio::site::build
