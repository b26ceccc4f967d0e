// site/csl's cache of formatted answers (cache.cpp says why and where).
#pragma once

#include <QByteArray>
#include <QString>

#include <list>
#include <mutex>
#include <optional>

namespace folio::site::csl {

class AnswerCache final
{
public:
    static bool enabled();
    // Hex SHA-1 of citeproc-js, the glue, the style (its digest) and the call's parts.
    static QByteArray key(const QString &function, const QByteArray &styleDigest, const QString &locale,
                          const QString &payload);

    std::optional<QByteArray> find(const QByteArray &key);
    void store(const QByteArray &key, const QByteArray &answer);

private:
    struct Entry final {
        QByteArray key;
        QByteArray answer;
    };
    void remember(const QByteArray &key, const QByteArray &answer);
    static void prune(const QString &dir);

    std::mutex m_mutex;
    std::list<Entry> m_memory;   // most recently used first
    int m_stores = 0;
};

} // namespace folio::site::csl
