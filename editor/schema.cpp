#include "schema.h"

#include "site/model/defaults.h"
#include "site/model/site.h"
#include "site/yaml/frontmatteredit.h"

#include <QFile>
#include <QSet>

namespace folio::editor {

namespace {

using site::liquid::Value;

// Files read per collection for their keys: enough for any personal site,
// bounded so that opening a document in a huge collection stays quick.
constexpr int kMaxFilesRead = 400;
constexpr qint64 kMaxFrontMatterBytes = 64 * 1024;

bool isUrlKey(const QString &key)
{
    const QString k = key.toLower();
    return k.endsWith(QLatin1String("url")) || k == QLatin1String("link") || k == QLatin1String("redirect_to")
           || k == QLatin1String("canonical_url") || k == QLatin1String("website");
}

bool isListKey(const QString &key)
{
    return key == QLatin1String("tags") || key == QLatin1String("categories") || key == QLatin1String("redirect_from");
}

bool isMultiLineKey(const QString &key)
{
    return key == QLatin1String("excerpt") || key == QLatin1String("citation") || key == QLatin1String("description")
           || key == QLatin1String("abstract") || key == QLatin1String("bibtex");
}

// academicpages' switches (its layouts read them; _config.yml defaults set them).
bool isBoolKey(const QString &key)
{
    static const QSet<QString> keys{QStringLiteral("author_profile"), QStringLiteral("share"),
                                    QStringLiteral("comments"), QStringLiteral("comment"), QStringLiteral("related"),
                                    QStringLiteral("read_time"), QStringLiteral("published"), QStringLiteral("toc"),
                                    QStringLiteral("show_date"), QStringLiteral("sitemap")};
    return keys.contains(key);
}

bool isScalarList(const Value &value)
{
    if (!value.isArray())
        return false;
    for (const Value &item : value.array())
        if (item.isArray() || item.isHash())
            return false;
    return true;
}

// The front matter of a file as written (no defaults merged in).
Value frontMatterOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(kMaxFrontMatterBytes);
    const std::string text(head.constData(), std::size_t(head.size()));
    return site::yaml::readFrontMatter(text).values;
}

} // namespace

const FieldSpec *Schema::field(const QString &key) const
{
    for (const FieldSpec &f : fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

QStringList builtInFields(const QString &type)
{
    // From academicpages' own sample files, its _includes (archive-single,
    // single layout) and its markdown_generator scripts.
    if (type == QLatin1String("posts"))
        return {QStringLiteral("title"), QStringLiteral("date"), QStringLiteral("permalink"), QStringLiteral("tags"),
                QStringLiteral("categories"), QStringLiteral("excerpt"), QStringLiteral("layout")};
    if (type == QLatin1String("publications"))
        return {QStringLiteral("title"), QStringLiteral("collection"), QStringLiteral("category"),
                QStringLiteral("permalink"), QStringLiteral("excerpt"), QStringLiteral("date"), QStringLiteral("venue"),
                QStringLiteral("slidesurl"), QStringLiteral("paperurl"), QStringLiteral("bibtexurl"),
                QStringLiteral("citation")};
    if (type == QLatin1String("talks"))
        return {QStringLiteral("title"), QStringLiteral("collection"), QStringLiteral("type"),
                QStringLiteral("permalink"), QStringLiteral("venue"), QStringLiteral("date"),
                QStringLiteral("location"), QStringLiteral("talkurl")};
    if (type == QLatin1String("teaching"))
        return {QStringLiteral("title"), QStringLiteral("collection"), QStringLiteral("type"),
                QStringLiteral("permalink"), QStringLiteral("venue"), QStringLiteral("date"),
                QStringLiteral("location")};
    if (type == QLatin1String("portfolio"))
        return {QStringLiteral("title"), QStringLiteral("excerpt"), QStringLiteral("collection"),
                QStringLiteral("permalink"), QStringLiteral("date")};
    if (type == QLatin1String("pages"))
        return {QStringLiteral("title"), QStringLiteral("permalink"), QStringLiteral("layout"),
                QStringLiteral("author_profile"), QStringLiteral("excerpt")};
    return {QStringLiteral("title"), QStringLiteral("date"), QStringLiteral("permalink"), QStringLiteral("excerpt")};
}

FieldKind kindFor(const QString &key, const Value &value)
{
    // A value the key's usual widget cannot show goes to the raw editor.
    if (value.isHash() || (value.isArray() && !isScalarList(value)))
        return FieldKind::Raw;
    if (key == QLatin1String("layout"))
        return FieldKind::Layout;
    if (key == QLatin1String("date") || key == QLatin1String("last_modified_at") || value.isTime())
        return value.isNil() || value.isTime() ? FieldKind::Date : FieldKind::Text;
    if (isListKey(key) || value.isArray())
        return FieldKind::List;
    if (value.isBool() || (value.isNil() && isBoolKey(key)))
        return FieldKind::Bool;
    if (isUrlKey(key))
        return FieldKind::Url;
    if (isMultiLineKey(key) || (value.isString() && value.str().find('\n') != std::string::npos))
        return FieldKind::MultiLine;
    return FieldKind::Text;
}

QString displayText(const Value &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList items;
        for (const Value &item : value.array())
            items << displayText(item);
        return items.join(QStringLiteral(", "));
    }
    if (value.isHash())
        return QString::fromStdString(value.inspect());
    return QString::fromStdString(value.toString());
}

Schema schemaFor(const site::model::Site *site, const QString &type, const QString &relativePath)
{
    Schema schema;
    schema.type = type;
    QSet<QString> seen;
    auto add = [&](const QString &key, FieldKind kind, bool builtIn) {
        if (seen.contains(key))
            return;
        seen.insert(key);
        schema.fields.append({key, kind, builtIn, {}});
    };
    for (const QString &key : builtInFields(type))
        add(key, kindFor(key, {}), true);
    if (!site)
        return schema;

    for (const auto &[name, layout] : site->layouts())
        schema.layouts << QString::fromStdString(name);
    schema.layouts.sort();

    // The defaults for this path and type: placeholders, and fields of their own.
    const site::liquid::Hash defaults = site::model::frontMatterDefaults(site->config(), relativePath.toStdString(),
                                                                         type.toStdString());
    for (const auto &[k, v] : defaults)
        add(QString::fromStdString(k), kindFor(QString::fromStdString(k), v), false);
    for (FieldSpec &field : schema.fields)
        if (const Value *v = defaults.find(field.key.toStdString()))
            field.placeholder = displayText(*v);

    // The keys the collection's files use, with the kind their values need.
    const std::string label = type == QLatin1String("pages") ? std::string() : type.toStdString();
    int read = 0;
    QHash<QString, FieldKind> foundKinds;
    QStringList foundOrder;
    for (const auto &doc : site->documents()) {
        if (doc->generated || doc->collection != label || (label.empty() && !doc->isPage()))
            continue;
        if (++read > kMaxFilesRead)
            break;
        const Value data = frontMatterOf(doc->sourcePath);
        for (const auto &[k, v] : data.hash()) {
            const QString key = QString::fromStdString(k);
            if (key == QLatin1String("<<"))
                continue;
            const FieldKind kind = kindFor(key, v);
            if (!foundKinds.contains(key)) {
                foundKinds.insert(key, kind);
                foundOrder << key;
            } else if (foundKinds.value(key) != kind) {
                // Files disagree (a bool here, text there): the most general widget.
                foundKinds[key] = kind == FieldKind::Raw || foundKinds.value(key) == FieldKind::Raw ? FieldKind::Raw
                                                                                                     : FieldKind::Text;
            }
            if (v.isArray())
                for (const Value &item : v.array())
                    if (!item.isArray() && !item.isHash() && !schema.knownValues[key].contains(displayText(item)))
                        schema.knownValues[key] << displayText(item);
        }
    }
    for (const QString &key : foundOrder)
        add(key, foundKinds.value(key), false);
    for (QStringList &values : schema.knownValues)
        values.sort(Qt::CaseInsensitive);
    return schema;
}

} // namespace folio::editor
