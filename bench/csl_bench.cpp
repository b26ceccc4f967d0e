// bench/csl_bench: what citations cost in Folio's QJSEngine (site/csl), beside
// the targets: engine start + citeproc-js load <= 150 ms once per process,
// 1,000 bibliography entries in one call <= 0.5 s. The items are
// tests/csl/items.json, varied (ids, titles, years, authors) to 1,000.
//
//   csl_bench [count] [style...]     (default 1000 apa ieee chicago-author-date)
//
// QV4_JIT_CALL_THRESHOLD (Qt's, default 3) and QV4_FORCE_INTERPRETER=1 change
// how V4 runs citeproc-js; the figures say which was used.
#include "site/csl/csl.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <vector>

using namespace folio::site::csl;

namespace {

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

std::vector<QJsonObject> sampleItems(int count)
{
    QFile file(QStringLiteral(FOLIO_SOURCE_DIR "/tests/csl/items.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read tests/csl/items.json");
    const QJsonArray base = QJsonDocument::fromJson(file.readAll()).array();
    static const char *families[] = {"Chen", "Li", "Wang", "Smith", "García", "Müller", "Kim", "Okafor"};
    std::vector<QJsonObject> items;
    for (int n = 0; n < count; ++n) {
        QJsonObject item = base.at(n % base.size()).toObject();
        item.insert(QStringLiteral("id"), QStringLiteral("item%1").arg(n));
        item.insert(QStringLiteral("title"), item.value(QLatin1String("title")).toString()
                                                 + QStringLiteral(", part %1").arg(n));
        item.insert(QStringLiteral("issued"),
                    QJsonObject{{QStringLiteral("date-parts"), QJsonArray{QJsonArray{1990 + n % 35}}}});
        QJsonArray authors = item.value(QLatin1String("author")).toArray();
        if (!authors.isEmpty() && authors.first().toObject().contains(QLatin1String("family"))) {
            QJsonObject first = authors.first().toObject();
            first.insert(QStringLiteral("family"), QString::fromUtf8(families[n % 8]));
            authors.replace(0, first);
            item.insert(QStringLiteral("author"), authors);
        }
        items.push_back(item);
    }
    return items;
}

struct Timing final {
    double wallMs;
    double cpuMs;
};

template<typename F>
Timing timed(F &&work)
{
    QElapsedTimer wall;
    const double cpu = cpuMs();
    wall.start();
    work();
    return {wall.nsecsElapsed() / 1e6, cpuMs() - cpu};
}

void row(const char *what, Timing t, const char *target = "")
{
    std::printf("  %-44s %9.1f ms wall %9.1f ms CPU  %s\n", what, t.wallMs, t.cpuMs, target);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The engine's figures; the cache's come last, in a folder of their own.
    qputenv("FOLIO_CSL_NO_CACHE", "1");
    QTemporaryDir cacheDir;
    qputenv("FOLIO_CACHE_DIR", cacheDir.path().toUtf8());
    QStringList args = app.arguments().mid(1);
    const int count = !args.isEmpty() && args.first().toInt() > 0 ? args.takeFirst().toInt() : 1000;
    const QStringList styles = args.isEmpty() ? QStringList{QStringLiteral("apa"), QStringLiteral("ieee"),
                                                            QStringLiteral("chicago-author-date")}
                                              : args;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("csl_bench: %d items; QV4_JIT_CALL_THRESHOLD=%s QV4_FORCE_INTERPRETER=%s\n", count,
                qgetenv("QV4_JIT_CALL_THRESHOLD").isEmpty() ? "(default)" : qgetenv("QV4_JIT_CALL_THRESHOLD").constData(),
                qgetenv("QV4_FORCE_INTERPRETER").isEmpty() ? "(unset)" : qgetenv("QV4_FORCE_INTERPRETER").constData());

    size_t styleCount = 0;
    row("installedStyles() (Debian's folder)", timed([&] { styleCount = installedStyles().size(); }));
    std::printf("  %zu independent styles\n", styleCount);

    QString version;
    row("engine start + citeproc-js load", timed([&] {
            const auto v = Citeproc::instance().version();
            if (!v)
                qFatal("%s", qPrintable(v.error()));
            version = *v;
        }), "(target <= 150 ms, once per process)");
    std::printf("  citeproc-js %s\n", qPrintable(version));

    const std::vector<QJsonObject> items = sampleItems(count);
    const QStringList owner = {QStringLiteral("Yineng Chen")};
    for (const QString &style : styles) {
        FormatOptions options;
        options.style = style;
        options.boldNames = owner;
        std::printf("%s\n", qPrintable(style));
        row("first use (style and locale parsed), 1 entry", timed([&] {
                if (!Citeproc::instance().bibliography({items.front()}, options))
                    qFatal("format failed");
            }));
        for (int run = 1; run <= 2; ++run) {
            size_t bytes = 0;
            const Timing t = timed([&] {
                const auto result = Citeproc::instance().bibliography(items, options);
                if (!result)
                    qFatal("%s", qPrintable(result.error()));
                for (const Formatted &f : *result)
                    bytes += f.html.size() + f.text.size();
            });
            const QByteArray what = QStringLiteral("%1 entries, one call (run %2)").arg(count).arg(run).toUtf8();
            row(what.constData(), t, run == 1 ? "(target <= 500 ms)" : "");
        }
        FormatOptions htmlOnly = options;
        htmlOnly.text = false;
        const QByteArray htmlWhat = QStringLiteral("%1 entries, one call, html only").arg(count).toUtf8();
        row(htmlWhat.constData(), timed([&] {
                if (!Citeproc::instance().bibliography(items, htmlOnly))
                    qFatal("format failed");
            }));
        qunsetenv("FOLIO_CSL_NO_CACHE");
        if (!Citeproc::instance().bibliography(items, options))   // computed and stored
            qFatal("format failed");
        const QByteArray cachedWhat = QStringLiteral("%1 entries, one call, cached").arg(count).toUtf8();
        row(cachedWhat.constData(), timed([&] {
                if (!Citeproc::instance().bibliography(items, options))
                    qFatal("format failed");
            }));
        qputenv("FOLIO_CSL_NO_CACHE", "1");
        const int single = std::min(count, 100);
        const Timing one = timed([&] {
            for (int n = 0; n < single; ++n) {
                if (!Citeproc::instance().bibliography({items[n]}, options))
                    qFatal("format failed");
            }
        });
        const QByteArray what = QStringLiteral("%1 entries, one call each").arg(single).toUtf8();
        row(what.constData(), one);
        const Timing cites = timed([&] {
            for (int n = 0; n < single; ++n) {
                CiteItem cite;
                cite.item = items[n];
                cite.locator = QStringLiteral("12");
                if (!Citeproc::instance().citation({cite}, options))
                    qFatal("citation failed");
            }
        });
        const QByteArray citeWhat = QStringLiteral("%1 in-text citations, one call each").arg(single).toUtf8();
        row(citeWhat.constData(), cites);
    }
    return 0;
}
