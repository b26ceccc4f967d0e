// The process's citeproc-js: one QJSEngine on a thread of its own, fed by a
// queue. A QJSEngine may only be used from the thread that made it, and a
// build formats citations from many render threads at once; the queue also
// means citeproc-js and each style are parsed once per process.
#include "site/csl/csl.h"
#include "site/csl/cache_p.h"
#include "csltr.h"
#include "site/csl/styles_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJSEngine>
#include <QJSValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamReader>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace folio::site::csl {

namespace {

const QString kCiteprocResource = QStringLiteral(":/folio/csl/citeproc_commonjs.js");
const QString kHostResource = QStringLiteral(":/folio/csl/citeproc-host.js");

QString readText(const QString &path, bool *ok = nullptr)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? QString::fromUtf8(file.readAll()) : QString();
}

// What citeproc-js calls back into: locale files, read on the engine thread
// when a style first needs them.
class Host final : public QObject
{
    Q_OBJECT
public:
    Q_INVOKABLE QString readLocale(const QString &lang) const
    {
        const QString path = localeFile(lang);
        return path.isEmpty() ? QString() : readText(path);
    }
};

// A JavaScript exception as one line: the message, and where it was thrown
// when the value says.
QString describeException(const QJSValue &error)
{
    QString message = error.toString();
    const int line = error.property(QStringLiteral("lineNumber")).toInt();
    const QString file = error.property(QStringLiteral("fileName")).toString();
    if (error.isError() && line > 0 && !file.isEmpty())
        message += QStringLiteral(" (%1:%2)").arg(QFileInfo(file).fileName()).arg(line);
    return message;
}

// A style read from disk, checked for well-formed XML once per change of the
// file. citeproc-js's own XML reader accepts much that is broken, and its
// complaints name no line; QXmlStreamReader names the line.
struct StyleText final {
    QDateTime modified;
    qint64 size = -1;
    QString xml;
    // SHA-1 of the text, for the answer cache's keys: hashed once per file
    // version, not on every call (import formats each item in a call of its
    // own, and APA's style is 100 KB).
    QByteArray digest;
};

Result<QString> checkedXml(const QString &path, const QByteArray &data)
{
    QXmlStreamReader reader(data);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError()) {
        return makeError(Tr::tr("%1:%2: the CSL style is not well-formed XML: %3. Fix the file, "
                                "or use an installed style such as \"apa\".")
                             .arg(path)
                             .arg(reader.lineNumber())
                             .arg(reader.errorString()));
    }
    return QString::fromUtf8(data);
}

// Locale "xx-YY" with no locale file: citeproc-js would fail on it, so the
// style is formatted in American English, as citeproc-js does for a language
// it lacks when asked through an item.
QString availableLocale(const QString &locale)
{
    const QString wanted = locale.trimmed().isEmpty() ? QStringLiteral("en-US") : locale.trimmed();
    return localeFile(wanted).isEmpty() ? QStringLiteral("en-US") : wanted;
}

std::string utf8(const QJsonValue &value)
{
    return value.toString().toStdString();
}

// citeproc-js's complaint about a style, named after the file.
Error styleError(const QString &file, const QString &message)
{
    QString reason = message.trimmed();
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    return makeError(Tr::tr("%1: citeproc-js cannot format with this CSL style: %2. Fix the style, "
                            "or use an installed one such as \"apa\".")
                         .arg(file, reason));
}

} // namespace

struct Citeproc::Private final {
    // Callers' side.
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> queue;
    std::thread thread;

    // Style files by path, shared by the callers (read outside the engine
    // thread, so a slow disk does not hold the queue).
    std::mutex stylesMutex;
    QHash<QString, StyleText> styles;

    // The engine thread's own.
    std::unique_ptr<QJSEngine> engine;
    std::unique_ptr<Host> host;   // made on the engine thread, which it serves
    QJSValue api;
    QString loadError;   // why citeproc-js could not be loaded, once and for all

    void run();
    void load();
    Result<QByteArray> call(const QString &function, const QJSValueList &arguments);
    Result<StyleText> styleXml(const QString &path);
    struct Prepared final {
        QString key;      // the JavaScript side's engine cache key
        QString path;     // the style file, for messages
        QString xml;
        QString locale;
        QByteArray styleDigest;   // StyleText::digest
    };
    Result<Prepared> prepare(const FormatOptions &options);
    // The answer of the glue's `function` for `payload`, from the cache or
    // the engine.
    Result<QJsonValue> format(const QString &function, const Prepared &prepared, const QString &payload,
                              bool withText);
    AnswerCache cache;
    std::once_flag started;

    // Runs `work` on the engine thread and waits for its result.
    template<typename T>
    T onEngineThread(std::function<T()> work)
    {
        // Started on the first call that needs it: a build whose citations
        // all come from the cache never pays for the engine.
        std::call_once(started, [this] {
            thread = std::thread([this] { run(); });
            thread.detach();
        });
        auto task = std::make_shared<std::packaged_task<T()>>(std::move(work));
        std::future<T> done = task->get_future();
        {
            std::lock_guard lock(mutex);
            queue.emplace_back([task] { (*task)(); });
        }
        wake.notify_one();
        return done.get();
    }
};

void Citeproc::Private::run()
{
    load();
    for (;;) {
        std::function<void()> work;
        {
            std::unique_lock lock(mutex);
            wake.wait(lock, [this] { return !queue.empty(); });
            work = std::move(queue.front());
            queue.pop_front();
        }
        work();
    }
}

// citeproc_commonjs.js is a CommonJS module ending in `module.exports = CSL`;
// QJSEngine has no require(), so it runs inside a function given `module`
// and `exports`, on the file's first line so that errors keep its line
// numbers. Qt 6.4's engine has the ES2016 features it uses and no Intl, which
// it does not need (its sort falls back to localeCompare).
// Messages in this class's members name their context: lupdate does not
// resolve Tr inside a nested class defined out of line.
void Citeproc::Private::load()
{
    engine = std::make_unique<QJSEngine>();
    bool vendored = false;
    const QString citeproc = readText(kCiteprocResource, &vendored);
    if (!vendored) {
        loadError = QCoreApplication::translate("folio::site::csl", "citeproc-js is not part of this build of Folio, so citations cannot be "
                           "formatted. Run scripts/install-deps.sh (it puts citeproc-js in "
                           "resources/citeproc), then configure and build again.");
        return;
    }
    QJSValue global = engine->globalObject();
    // citeproc-js reports warnings through console.log; they are not the user's business.
    engine->evaluate(QStringLiteral("var console = { log: function () {}, warn: function () {}, "
                                    "error: function () {} };"));
    host = std::make_unique<Host>();
    QJSEngine::setObjectOwnership(host.get(), QJSEngine::CppOwnership);
    global.setProperty(QStringLiteral("folioHost"), engine->newQObject(host.get()));
    const QJSValue module = engine->evaluate(QStringLiteral("({ exports: {} })"));
    const QJSValue wrapper = engine->evaluate(
        QStringLiteral("(function (module, exports) {") + citeproc + QStringLiteral("\n})"),
        QStringLiteral("citeproc_commonjs.js"));
    QJSValue result = wrapper.isCallable()
                          ? wrapper.call({module, module.property(QStringLiteral("exports"))})
                          : wrapper;
    if (result.isError() || engine->hasError()) {
        const QJSValue error = engine->hasError() ? engine->catchError() : result;
        loadError = QCoreApplication::translate("folio::site::csl", "citeproc-js could not be loaded: %1").arg(describeException(error));
        return;
    }
    global.setProperty(QStringLiteral("CSL"), module.property(QStringLiteral("exports")));
    result = engine->evaluate(readText(kHostResource), QStringLiteral("citeproc-host.js"));
    if (result.isError() || engine->hasError()) {
        const QJSValue error = engine->hasError() ? engine->catchError() : result;
        loadError = QCoreApplication::translate("folio::site::csl", "citeproc-js could not be loaded: %1").arg(describeException(error));
        return;
    }
    api = global.property(QStringLiteral("folioCsl"));
}

// The glue answers {"value": ...} or {"error": "..."} (citeproc-host.js);
// the answer is returned as it came, the form the cache keeps.
Result<QByteArray> Citeproc::Private::call(const QString &function, const QJSValueList &arguments)
{
    if (!loadError.isEmpty())
        return makeError(loadError);
    const QJSValue result = api.property(function).call(arguments);
    if (engine->hasError())
        return makeError(describeException(engine->catchError()));
    if (result.isError())
        return makeError(describeException(result));
    const QByteArray answer = result.toString().toUtf8();
    const QJsonObject object = QJsonDocument::fromJson(answer).object();
    if (object.contains(QLatin1String("error")))
        return makeError(object.value(QLatin1String("error")).toString());
    if (!object.contains(QLatin1String("value")))
        return makeError(QCoreApplication::translate("folio::site::csl", "citeproc-js gave no answer (%1).").arg(QString::fromUtf8(answer.left(200))));
    return answer;
}

Result<QJsonValue> Citeproc::Private::format(const QString &function, const Prepared &prepared,
                                             const QString &payload, bool withText)
{
    const bool caching = AnswerCache::enabled();
    const QString variant = withText ? function : function + QStringLiteral(":html");
    const QByteArray key = caching ? AnswerCache::key(variant, prepared.styleDigest, prepared.locale, payload)
                                   : QByteArray();
    std::optional<QByteArray> answer = caching ? cache.find(key) : std::nullopt;
    if (!answer) {
        Result<QByteArray> computed = onEngineThread<Result<QByteArray>>([&]() -> Result<QByteArray> {
            if (!loadError.isEmpty())
                return makeError(loadError);
            Result<QByteArray> result =
                call(function, {prepared.key, prepared.xml, prepared.locale, payload, withText});
            if (!result)
                return styleError(prepared.path, result.error());
            return result;
        });
        if (!computed)
            return makeError(computed.error());
        if (caching)
            cache.store(key, *computed);
        answer = std::move(*computed);
    }
    return QJsonDocument::fromJson(*answer).object().value(QLatin1String("value"));
}

Result<StyleText> Citeproc::Private::styleXml(const QString &path)
{
    const QFileInfo info(path);
    {
        std::lock_guard lock(stylesMutex);
        const auto known = styles.constFind(path);
        if (known != styles.constEnd() && known->modified == info.lastModified()
            && known->size == info.size()) {
            return *known;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(QCoreApplication::translate("folio::site::csl", "The CSL style file %1 cannot be read: %2.")
                             .arg(path, file.errorString()));
    }
    Result<QString> xml = checkedXml(path, file.readAll());
    if (!xml)
        return makeError(xml.error());
    StyleText text{info.lastModified(), info.size(), *xml,
                   QCryptographicHash::hash(xml->toUtf8(), QCryptographicHash::Sha1)};
    std::lock_guard lock(stylesMutex);
    styles.insert(path, text);
    return text;
}

Citeproc &Citeproc::instance()
{
    // Never destroyed: the engine thread waits for work until the process
    // ends (a QJSEngine torn down after QCoreApplication is not safe).
    static Citeproc *const citeproc = new Citeproc;
    return *citeproc;
}

Citeproc::Citeproc() : d(new Private) {}

Citeproc::~Citeproc() = default;

auto Citeproc::Private::prepare(const FormatOptions &options) -> Result<Prepared>
{
    Result<QString> path = resolveStyle(options.style, options.siteDir);
    if (!path)
        return makeError(path.error());
    Result<StyleText> style = styleXml(*path);
    if (!style)
        return makeError(style.error());
    const QString locale = availableLocale(options.locale);
    return Prepared{*path + QLatin1Char('|') + locale, *path, style->xml, locale, style->digest};
}


Result<std::vector<Formatted>> Citeproc::bibliography(const std::vector<QJsonObject> &items,
                                                      const FormatOptions &options)
{
    if (items.empty())
        return std::vector<Formatted>{};
    Result<Private::Prepared> prepared = d->prepare(options);
    if (!prepared)
        return makeError(prepared.error());
    QJsonArray array;
    for (const QJsonObject &item : items)
        array.append(markBoldNames(item, options.boldNames));
    const QString itemsJson = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));

    const Result<QJsonValue> answer = d->format(QStringLiteral("bibliography"), *prepared, itemsJson, options.text);
    if (!answer)
        return makeError(answer.error());
    const QJsonArray entries = answer->toArray();
    std::vector<Formatted> formatted;
    formatted.reserve(entries.size());
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        formatted.push_back({utf8(object.value(QLatin1String("html"))),
                             utf8(object.value(QLatin1String("text")))});
    }
    return formatted;
}

Result<Formatted> Citeproc::citation(const std::vector<CiteItem> &cites, const FormatOptions &options)
{
    if (cites.empty())
        return Formatted{};
    Result<Private::Prepared> prepared = d->prepare(options);
    if (!prepared)
        return makeError(prepared.error());
    QJsonArray array;
    for (const CiteItem &cite : cites) {
        array.append(QJsonObject{
            {QStringLiteral("item"), markBoldNames(cite.item, options.boldNames)},
            {QStringLiteral("locator"), cite.locator},
            {QStringLiteral("label"), cite.label},
            {QStringLiteral("prefix"), cite.prefix},
            {QStringLiteral("suffix"), cite.suffix},
        });
    }
    const QString citesJson = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    const Result<QJsonValue> answer = d->format(QStringLiteral("citation"), *prepared, citesJson, true);
    if (!answer)
        return makeError(answer.error());
    const QJsonObject object = answer->toObject();
    return Formatted{utf8(object.value(QLatin1String("html"))), utf8(object.value(QLatin1String("text")))};
}

Result<QString> Citeproc::version()
{
    return d->onEngineThread<Result<QString>>([this]() -> Result<QString> {
        if (!d->loadError.isEmpty())
            return makeError(d->loadError);
        return d->api.property(QStringLiteral("version")).toString();
    });
}

} // namespace folio::site::csl

#include "citeproc.moc"
