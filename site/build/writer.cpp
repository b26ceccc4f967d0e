#include "writer.h"
#include "buildtr.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace folio::site::build {

namespace {

// A build writes thousands of pages into thousands of new folders, and the
// system calls per page (Qt's QFileInfo, QDir::mkpath and QFile::open each
// stat the path again) were a large part of its time. On Unix the writer
// calls the system directly: one lstat(2) per page, one mkdir(2) per new
// folder, and a new page is created in place. Elsewhere the same steps go
// through Qt.

// What is at an output path, from one lstat(2): the link itself, not what it
// points to, since Folio never writes through links.
struct PathState final {
    enum Kind { Absent, File, Folder, Link, Other, Unreadable };
    Kind kind = Absent;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    int error = 0;   // errno, when Unreadable
};

enum class FolderMade { Made, Existed, Link, Failed };

#ifdef Q_OS_UNIX

using NativePath = QByteArray;   // what the system calls take
NativePath nativePath(const QString &path) { return QFile::encodeName(path); }

PathState probe(const NativePath &name)
{
    struct stat st;
    if (::lstat(name.constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return {};
        return {PathState::Unreadable, 0, 0, error};
    }
    PathState state;
    state.kind = S_ISLNK(st.st_mode)   ? PathState::Link
                 : S_ISREG(st.st_mode) ? PathState::File
                 : S_ISDIR(st.st_mode) ? PathState::Folder
                                       : PathState::Other;
    state.size = qint64(st.st_size);
    // Milliseconds, as QFileInfo::lastModified gives the source's.
    state.mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    return state;
}

// mkdir(2) first: for a new folder that is the only call. When something is
// already there, only a real folder will do: lstat, not stat, so a link to a
// folder elsewhere is reported rather than written through.
FolderMade makeFolder(const NativePath &name)
{
    if (::mkdir(name.constData(), 0777) == 0)
        return FolderMade::Made;
    if (errno != EEXIST)
        return FolderMade::Failed;
    switch (probe(name).kind) {
    case PathState::Folder: return FolderMade::Existed;
    case PathState::Link: return FolderMade::Link;
    default: return FolderMade::Failed;
    }
}

// Whether the file holds exactly `bytes`. Compares as it reads, so a page that
// changed early stops early. O_NOFOLLOW: a link put there since the lstat is
// not read through (and is then refused when written).
bool sameContents(const NativePath &name, std::string_view bytes)
{
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    char buffer[64 * 1024];
    size_t offset = 0;
    bool same = true;
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            same = same && n == 0;
            break;
        }
        // Longer than the page (it grew since the lstat) or different: not the same.
        if (size_t(n) > bytes.size() - offset || std::memcmp(buffer, bytes.data() + offset, size_t(n)) != 0) {
            same = false;
            break;
        }
        offset += size_t(n);
    }
    ::close(fd);
    return same && offset == bytes.size();
}

// Writes one output file. A file that was not there is created in place: no
// reader can see half of a page that did not exist, and O_EXCL|O_NOFOLLOW make
// a file or link that appeared meanwhile an error instead of something written
// through. A file that was there is replaced as QSaveFile does (a temporary
// beside it, renamed over it, so a reader such as the preview server never
// sees half a page) but without QSaveFile's fsync per file: a build writes
// thousands of pages, Jekyll syncs none of them, and the syncs made most of a
// build's wall time on a loaded disk.
class OutputFile final
{
public:
    OutputFile(NativePath target, bool replace) : m_target(std::move(target)), m_replace(replace) {}
    ~OutputFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        // What failed half-way is Folio's own (created with O_EXCL): remove it.
        if (m_created && !m_committed)
            ::unlink(path().constData());
    }
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    bool open()
    {
        if (!m_replace) {
            if (create(m_target))
                return true;
            if (m_error != EEXIST)
                return false;
            // Someone made the file since the lstat: replace it like any page
            // that was there (rename replaces a link itself, never its target).
            m_replace = true;
        }
        // A temporary left by a build that was killed keeps its name (the
        // counter starts again at 0): take the next name rather than fail.
        for (int attempt = 0; attempt < 100; ++attempt) {
            m_temp = m_target + ".folio-" + QByteArray::number(s_counter.fetch_add(1, std::memory_order_relaxed)) + ".tmp";
            if (create(m_temp))
                return true;
            if (m_error != EEXIST)
                return false;
        }
        return false;
    }

    bool write(const char *data, qint64 size)
    {
        while (size > 0) {
            const ssize_t n = ::write(m_fd, data, size_t(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return fail();
            data += n;   // a short write (a full disk, a signal) goes on from there
            size -= n;
        }
        return true;
    }

    bool commit()
    {
        // On Linux close(2) frees the descriptor even when interrupted: never retry it.
        if (::close(std::exchange(m_fd, -1)) != 0 && errno != EINTR)
            return fail();
        // rename(2) replaces the target in one step.
        if (m_replace && ::rename(m_temp.constData(), m_target.constData()) != 0)
            return fail();
        m_committed = true;
        return true;
    }

    QString errorString() const { return qt_error_string(m_error); }

private:
    bool create(const NativePath &name)
    {
        m_fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (m_fd < 0)
            return fail();
        m_created = true;
        return true;
    }
    bool fail()
    {
        m_error = errno;
        return false;
    }
    const NativePath &path() const { return m_replace ? m_temp : m_target; }

    static inline std::atomic<unsigned> s_counter{0};
    NativePath m_target, m_temp;
    int m_fd = -1, m_error = 0;
    bool m_replace, m_created = false, m_committed = false;
};

#else // Qt's calls, which stat more but work everywhere.

using NativePath = QString;
NativePath nativePath(const QString &path) { return path; }

PathState probe(const NativePath &name)
{
    const QFileInfo info(name);
    PathState state;
    state.kind = info.isSymLink() ? PathState::Link
                 : info.isFile()  ? PathState::File
                 : info.isDir()   ? PathState::Folder
                 : info.exists()  ? PathState::Other
                                  : PathState::Absent;
    state.size = info.size();
    state.mtimeMs = info.lastModified().toMSecsSinceEpoch();
    return state;
}

FolderMade makeFolder(const NativePath &name)
{
    if (QDir().mkdir(name))
        return FolderMade::Made;
    switch (probe(name).kind) {
    case PathState::Folder: return FolderMade::Existed;
    case PathState::Link: return FolderMade::Link;
    default: return FolderMade::Failed;
    }
}

bool sameContents(const NativePath &name, std::string_view bytes)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray old = file.readAll();
    return old.size() == qsizetype(bytes.size()) && std::equal(old.begin(), old.end(), bytes.begin());
}

class OutputFile final
{
public:
    OutputFile(NativePath target, bool replace) : m_target(std::move(target)), m_replace(replace) {}
    ~OutputFile()
    {
        m_file.close();
        if (m_created && !m_committed)
            QFile::remove(m_file.fileName());
    }

    bool open()
    {
        if (!m_replace) {
            m_file.setFileName(m_target);
            if ((m_created = m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)))
                return true;
            if (!QFileInfo::exists(m_target))
                return false;
            m_replace = true;
        }
        for (int attempt = 0; attempt < 100; ++attempt) {
            m_file.setFileName(m_target + QStringLiteral(".folio-%1.tmp").arg(s_counter.fetch_add(1, std::memory_order_relaxed)));
            if ((m_created = m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)))
                return true;
        }
        return false;
    }
    bool write(const char *data, qint64 size) { return m_file.write(data, size) == size; }
    bool commit()
    {
        m_file.close();
        if (m_file.error() != QFileDevice::NoError)
            return false;
        // rename(2) replaces the target in one step; QFile::rename refuses an existing target.
        if (m_replace && std::rename(QFile::encodeName(m_file.fileName()).constData(), QFile::encodeName(m_target).constData()) != 0) {
            m_renameError = qt_error_string(errno);
            return false;
        }
        m_committed = true;
        return true;
    }
    QString errorString() const { return m_renameError.isEmpty() ? m_file.errorString() : m_renameError; }

private:
    static inline std::atomic<unsigned> s_counter{0};
    NativePath m_target;
    QFile m_file;
    QString m_renameError;
    bool m_replace, m_created = false, m_committed = false;
};

#endif

// Whether `relative` (checked) is a regular file reached through real folders
// only. A stale page is deleted only then: Folio never writes through links,
// so a file behind a link, or the link itself, is not one it wrote (a folder
// replaced by a link since the last build would otherwise lose the user's
// file of the same name wherever the link points).
bool isFileInside(const QString &destination, const QString &relative)
{
    for (qsizetype slash = relative.indexOf(QLatin1Char('/')); slash >= 0;
         slash = relative.indexOf(QLatin1Char('/'), slash + 1))
        if (probe(nativePath(destination + QLatin1Char('/') + relative.left(slash))).kind != PathState::Folder)
            return false;
    return probe(nativePath(destination + QLatin1Char('/') + relative)).kind == PathState::File;
}

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

struct DiskWriter::Target final {
    QString path;      // for messages
    NativePath name;   // for the system calls
    PathState state;   // what was there before this write
};

Result<DiskWriter::Target> DiskWriter::target(const QString &relativePath)
{
    auto rel = checkedOutputPath(relativePath);
    if (!rel)
        return makeError(rel.error());
    // Never write into the sources (an output folder inside them must not
    // shadow a source file) and never outside the destination. The path is
    // inside by construction: checkedOutputPath gives a relative path, cleaned
    // (no "." or empty parts, no trailing '/'), with no ".." part, and the
    // destination is absolute and cleaned, so destination + '/' + path names a
    // file below it; cleaning it again and comparing (as was done here) always
    // agreed. A cleaned path ends in '/' only when it is a root ("/", "C:/"):
    // that check refused every file there, and still does.
    if (m_destination.endsWith(QLatin1Char('/')))
        return makeError(Tr::tr("output path '%1' is outside the output folder").arg(relativePath));
    const QString full = m_destination + QLatin1Char('/') + *rel;
    Target t{full, nativePath(full), {}};
    // A NUL would end the name early for the system, naming another file.
    if (full.contains(QChar(0)))
        return makeError(Tr::tr("cannot write %1: %2").arg(full, qt_error_string(EINVAL)));
    if (auto folder = ensureFolder(full.left(full.lastIndexOf(QLatin1Char('/')))); !folder)
        return makeError(folder.error());
    t.state = probe(t.name);
    switch (t.state.kind) {
    case PathState::Link:
        return makeError(Tr::tr("%1 is a symbolic link in the output folder; Folio does not write "
                                "through links").arg(full));
    case PathState::Folder:
        return makeError(Tr::tr("cannot write %1: %2").arg(full, qt_error_string(EISDIR)));
    case PathState::Unreadable:
        return makeError(Tr::tr("cannot write %1: %2").arg(full, qt_error_string(t.state.error)));
    default:
        break;
    }
    // Recorded only once it is sure to be Folio's to write: the manifest names
    // what a later build may delete.
    std::lock_guard lock(m_mutex);
    m_writtenPaths.insert(*rel);
    return t;
}

bool DiskWriter::folderKnown(const QString &dir) const
{
    std::lock_guard lock(m_mutex);
    return m_madeDirs.count(dir) != 0;
}

// Many pages share a folder: each is made (or found) once per build. Parents
// first, so that every level below the destination is known to be a real
// folder, not a link: mkdir(2) in a linked folder would create, and the page
// then be written, wherever the link points, outside the output.
Result<void> DiskWriter::ensureFolder(const QString &dir)
{
    if (folderKnown(dir))
        return {};
    if (dir == m_destination) {
        // The destination itself may be a link: the user chose it. prepare() made it.
        if (!QDir().mkpath(dir))
            return makeError(Tr::tr("cannot create the folder %1").arg(dir));
    } else {
        // `dir` is below the destination (see target()), so this ends there.
        if (auto parent = ensureFolder(dir.left(dir.lastIndexOf(QLatin1Char('/')))); !parent)
            return parent;
        switch (makeFolder(nativePath(dir))) {
        case FolderMade::Made:
        case FolderMade::Existed:
            break;
        case FolderMade::Link:
            return makeError(Tr::tr("%1 is a symbolic link in the output folder; Folio does not write "
                                    "through links").arg(dir));
        case FolderMade::Failed:
            return makeError(Tr::tr("cannot create the folder %1").arg(dir));
        }
    }
    std::lock_guard lock(m_mutex);
    m_madeDirs.insert(dir);
    return {};
}

void DiskWriter::countWritten(bool changed)
{
    std::lock_guard lock(m_mutex);
    ++(changed ? m_written : m_unchanged);
}

Result<void> DiskWriter::write(const QString &relativePath, std::string_view bytes)
{
    auto t = target(relativePath);
    if (!t)
        return makeError(t.error());
    // A page that did not change is left alone (its date too, so a sync tool
    // or a browser's cache sees no change). Only a same-sized file can be it.
    if (t->state.kind == PathState::File && t->state.size == qint64(bytes.size()) && sameContents(t->name, bytes)) {
        countWritten(false);
        return {};
    }
    OutputFile out(t->name, t->state.kind != PathState::Absent);
    if (!out.open() || !out.write(bytes.data(), qint64(bytes.size())) || !out.commit())
        return makeError(Tr::tr("cannot write %1: %2").arg(t->path, out.errorString()));
    countWritten(true);
    return {};
}

Result<void> DiskWriter::copy(const QString &relativePath, const QString &sourceFile)
{
    auto t = target(relativePath);
    if (!t)
        return makeError(t.error());
    const QFileInfo src(sourceFile);
    if (t->state.kind == PathState::File && t->state.size == src.size()
        && t->state.mtimeMs >= src.lastModified().toMSecsSinceEpoch()) {
        countWritten(false);
        return {};
    }
    QFile in(sourceFile);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("cannot read %1: %2").arg(sourceFile, in.errorString()));
    OutputFile out(t->name, t->state.kind != PathState::Absent);
    if (!out.open())
        return makeError(Tr::tr("cannot write %1: %2").arg(t->path, out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (!out.write(chunk.constData(), chunk.size()))
            return makeError(Tr::tr("cannot write %1: %2").arg(t->path, out.errorString()));
    }
    if (!out.commit())
        return makeError(Tr::tr("cannot write %1: %2").arg(t->path, out.errorString()));
    countWritten(true);
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
        if (isFileInside(m_destination, *checked) && QFile::remove(full)) {
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
