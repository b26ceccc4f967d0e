// Formatted answers kept by what they were made from. citeproc-js in Qt 6.4's
// engine costs about 10-20 ms of CPU per entry and a second to parse a large
// style (bench/csl_bench), while a site's publications rarely change between
// builds, and the editor rebuilds its preview on every pause in typing. So a
// whole call's answer is kept in memory and on disk ($FOLIO_CACHE_DIR/csl, or
// ~/.cache/folio/csl, beside the build records), keyed by a hash of everything
// it depends on: citeproc-js and Folio's glue, the style's text, the locale
// and the call's items (with owner names marked). A hit never starts the
// engine. FOLIO_CSL_NO_CACHE=1 turns both off (the tests of the engine do).
#include "site/csl/cache_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace folio::site::csl {

namespace {

constexpr int kMemoryEntries = 256;
// A site's {% cite %} tags are a call each: room for a few sites' worth.
constexpr int kDiskEntries = 6000;       // pruned back to kDiskKept beyond this
constexpr int kDiskKept = 4500;
constexpr int kStoresBetweenPrunes = 100;
// Bump when the answers' form changes.
const QByteArray kFormat = QByteArrayLiteral("folio-csl-cache-1");

QString cacheDir()
{
    QString base = qEnvironmentVariable("FOLIO_CACHE_DIR");
    if (base.isEmpty()) {
        base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
               + QStringLiteral("/folio");
    }
    return base + QStringLiteral("/csl");
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return hash.result();
}

} // namespace

bool AnswerCache::enabled()
{
    return qEnvironmentVariableIntValue("FOLIO_CSL_NO_CACHE") == 0;
}

QByteArray AnswerCache::key(const QString &function, const QByteArray &styleDigest, const QString &locale,
                            const QString &payload)
{
    // citeproc-js and the glue are in the key, so a new Folio never reads an
    // older one's answers. Hashed once per process (about 1 MB).
    static const QByteArray code = fileHash(QStringLiteral(":/folio/csl/citeproc_commonjs.js"))
                                   + fileHash(QStringLiteral(":/folio/csl/citeproc-host.js"));
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(kFormat);
    hash.addData(code);
    hash.addData(styleDigest);
    for (const QString *part : {&function, &locale, &payload}) {
        const QByteArray bytes = part->toUtf8();
        hash.addData(QByteArray::number(bytes.size()) + ':');
        hash.addData(bytes);
    }
    return hash.result().toHex();
}

std::optional<QByteArray> AnswerCache::find(const QByteArray &key)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = std::find_if(m_memory.begin(), m_memory.end(),
                                     [&](const Entry &e) { return e.key == key; });
        if (it != m_memory.end()) {
            m_memory.splice(m_memory.begin(), m_memory, it);
            return m_memory.front().answer;
        }
    }
    QFile file(cacheDir() + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray answer = file.readAll();
    if (answer.isEmpty())
        return std::nullopt;
    remember(key, answer);
    return answer;
}

void AnswerCache::store(const QByteArray &key, const QByteArray &answer)
{
    remember(key, answer);
    const QString dir = cacheDir();
    if (!QDir().mkpath(dir))
        return;   // a cache that cannot be written is only slower
    QSaveFile file(dir + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(answer);
    if (!file.commit())
        return;
    bool pruneNow = false;
    {
        std::lock_guard lock(m_mutex);
        pruneNow = ++m_stores % kStoresBetweenPrunes == 1;   // the first store of a process too
    }
    if (pruneNow)
        prune(dir);
}

void AnswerCache::remember(const QByteArray &key, const QByteArray &answer)
{
    std::lock_guard lock(m_mutex);
    m_memory.remove_if([&](const Entry &e) { return e.key == key; });
    m_memory.push_front({key, answer});
    while (m_memory.size() > kMemoryEntries)
        m_memory.pop_back();
}

// Only this folder's own answer files, oldest first, and only beyond a bound.
void AnswerCache::prune(const QString &dir)
{
    QDir folder(dir);
    QFileInfoList files = folder.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time | QDir::Reversed);
    if (files.size() <= kDiskEntries)
        return;
    for (qsizetype n = 0; n < files.size() - kDiskKept; ++n)
        QFile::remove(files.at(n).absoluteFilePath());
}

} // namespace folio::site::csl
