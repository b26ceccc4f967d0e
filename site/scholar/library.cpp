#include "library.h"
#include "text_p.h"

#include "site/bib/csljson.h"
#include "site/bib/latex.h"
#include "site/bib/names.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

#include <array>
#include <atomic>
#include <cctype>
#include <map>
#include <mutex>
#include <strings.h>

namespace folio::site::scholar {

using liquid::Hash;
using liquid::Value;

namespace {

constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};

// bibtex-ruby's NAME_FIELDS: parsed into Names when parse_names is on.
bool isNameField(std::string_view name) { return name == "author" || name == "editor" || name == "translator"; }

// Fields that hold addresses: kept as written, since LaTeX's `~` (a
// non-breaking space) and `&` escaping would break the links themes make
// of them (https://example.edu/~me/paper.pdf).
bool isAddressField(std::string_view name, std::string_view value)
{
    static constexpr std::array<std::string_view, 16> kNames{"url", "doi", "eprint", "arxiv", "pdf", "html",
                                                             "supp", "code", "website", "poster", "slides",
                                                             "video", "blog", "preview", "file", "isbn"};
    for (std::string_view n : kNames)
        if (n == name)
            return true;
    return value.find("://") != std::string_view::npos;
}

// Entry::MONTHS_FILTER: "August", "aug", "8", "08" -> "aug"; anything else as is.
std::string monthFilter(const std::string &value)
{
    const std::string v = detail::strip(value);
    if (v.size() >= 3) {
        std::string prefix = v.substr(0, 3);
        for (char &c : prefix)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        for (std::string_view m : kMonths)
            if (m == prefix)
                return prefix;
    }
    if (!v.empty() && v.size() <= 2 && std::isdigit(static_cast<unsigned char>(v[0]))
        && (v.size() == 1 || std::isdigit(static_cast<unsigned char>(v[1])))) {
        const int n = std::stoi(v);
        return n >= 1 && n <= 12 ? std::string(kMonths[std::size_t(n - 1)]) : value;
    }
    return value;
}

int monthNumber(const std::string &month)
{
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (kMonths[i] == month)
            return int(i) + 1;
    return 0;
}

// BibTeX::Name#sort_order: "von Last, Jr, First" (empty parts left out).
std::string sortOrder(const bib::Name &name)
{
    if (name.corporate)
        return name.last.empty() ? name.display() : name.last;
    std::string head = name.von;
    if (!name.last.empty())
        head += (head.empty() ? "" : " ") + name.last;
    std::string out = head;
    for (const std::string *part : {&name.jr, &name.first})
        if (!part->empty())
            out += ", " + *part;
    return out;
}

std::string joinNames(const bib::NameList &list)
{
    std::string out;
    for (const bib::Name &n : list.names) {
        if (!out.empty())
            out += " and ";
        out += sortOrder(n);
    }
    if (list.others)
        out += out.empty() ? "others" : " and others";
    return out;
}

bool contains(const std::vector<std::string> &list, std::string_view name)
{
    for (const std::string &s : list)
        if (s == name)
            return true;
    return false;
}

// Entry#to_s with the gem's quotes: one field a line, values in braces
// except a parsed month (a Ruby symbol), the skipped fields left out.
std::string bibtexText(const bib::Entry &entry, const std::vector<std::pair<std::string, std::string>> &fields,
                       const std::vector<std::string> &skip, bool parseMonths)
{
    std::string out = "@" + entry.type + "{" + entry.key + ",\n";
    bool first = true;
    for (const auto &[name, value] : fields) {
        if (contains(skip, name))
            continue;
        const bib::Field *field = entry.field(name);
        if (field && field->inherited)
            continue;
        if (!first)
            out += ",\n";
        first = false;
        out += "  " + name + " = ";
        if (name == "month" && parseMonths && monthNumber(value) != 0) {
            out += value;
        } else {
            // Names as written: the parsed form would lose their LaTeX.
            const std::string raw = field ? field->value : value;
            out += "{" + (isNameField(name) ? raw : value) + "}";
        }
    }
    out += "\n}\n";
    return out;
}

Value namePartsArray(const bib::NameList &list, Hash &entry, const std::string &field)
{
    liquid::Array array;
    for (std::size_t i = 0; i < list.names.size(); ++i) {
        const bib::Name &n = list.names[i];
        // BibTeX::Name is Struct.new(:first, :last, :prefix, :suffix): every
        // member, "" when unset.
        const std::string last = n.corporate && n.last.empty() ? n.display() : n.last;
        Hash parts{{"first", n.first}, {"last", last}, {"prefix", n.von}, {"suffix", n.jr}};
        for (const auto &[part, value] : parts)
            entry.set(field + "_" + std::to_string(i) + "_" + part, value);
        array.emplace_back(std::move(parts));
    }
    return Value(std::move(array));
}

Item prepare(const bib::Entry &entry, const Config &config)
{
    Item item;
    item.key = entry.key;
    item.type = entry.type;
    item.file = entry.file;
    item.line = entry.line;
    const bool parseNames = config.parseNames();
    const bool parseMonths = config.parseMonths();
    const bool latex = config.convertsLatex();

    Hash liquid;
    liquid.set("key", entry.key);
    liquid.set("type", entry.type);
    liquid.set("bibtex", Value());   // placed here as the gem does; set below
    std::optional<std::string> monthNumeric;
    for (const bib::Field &f : entry.fields) {
        std::string value = f.value;
        std::string shown = latex && !isAddressField(f.name, f.value) ? bib::toHtml(f.value) : f.value;
        if (parseNames && isNameField(f.name)) {
            const bib::NameList names = bib::splitNames(f.value);
            value = joinNames(names);
            shown = value;
            liquid.set(f.name, shown);
            liquid.set(f.name + "_array", namePartsArray(names, liquid, f.name));
            item.fields.emplace_back(f.name, std::move(value));
            continue;
        }
        if (parseMonths && f.name == "month") {
            value = monthFilter(f.value);
            shown = value;
            if (const int n = monthNumber(value))
                monthNumeric = std::to_string(n);
        }
        liquid.set(f.name, shown);
        item.fields.emplace_back(f.name, std::move(value));
    }
    if (monthNumeric) {
        liquid.set("month_numeric", *monthNumeric);
        item.fields.emplace_back("month_numeric", *monthNumeric);
    }
    liquid.set("bibtex", bibtexText(entry, item.fields, config.skipFields(), parseMonths));
    item.liquid = Value(std::move(liquid));

    item.csl = bib::toCslJson(entry);
    item.csl.insert(QStringLiteral("id"), QString::fromStdString(entry.key));
    return item;
}

// What makes two loads the same: the files as they are on disk now and the
// settings that change how entries are prepared.
std::string cacheKey(const QStringList &paths, const Config &config)
{
    std::string key;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        key += path.toStdString() + '|' + std::to_string(info.exists() ? info.lastModified().toMSecsSinceEpoch() : -1)
               + '|' + std::to_string(info.size()) + '\n';
    }
    key += config.parseNames() ? "N" : "n";
    key += config.parseMonths() ? "M" : "m";
    key += config.convertsLatex() ? "L" : "l";
    for (const std::string &f : config.skipFields())
        key += "|" + f;
    return key;
}

std::atomic<std::uint64_t> g_nextId{1};

std::shared_ptr<const Library> readLibrary(const QStringList &paths, const Config &config, const QString &siteDir)
{
    auto library = std::make_shared<Library>();
    library->id = g_nextId++;
    const QDir site(siteDir);
    for (const QString &path : paths) {
        bib::ReadOptions options;
        options.fileName = siteDir.isEmpty() ? path : site.relativeFilePath(path);
        Result<bib::Database> db = bib::readFile(path, options);
        if (!db) {
            library->missing << path;
            continue;
        }
        for (Diagnostic &d : db->diagnostics)
            library->diagnostics.push_back(std::move(d));
        for (const bib::Entry &entry : db->entries)
            library->items.push_back(prepare(entry, config));
    }
    return library;
}

} // namespace

const std::string *Item::field(std::string_view name) const
{
    for (const auto &[n, v] : fields)
        if (n == name)
            return &v;
    return nullptr;
}

std::optional<std::string> Item::year() const
{
    if (const std::string *y = field("year"))
        return *y;
    if (const std::string *d = field("date")) {
        for (std::size_t i = 0; i + 4 <= d->size(); ++i)
            if (std::isdigit(static_cast<unsigned char>((*d)[i])) && std::isdigit(static_cast<unsigned char>((*d)[i + 1]))
                && std::isdigit(static_cast<unsigned char>((*d)[i + 2]))
                && std::isdigit(static_cast<unsigned char>((*d)[i + 3])))
                return d->substr(i, 4);
    }
    return std::nullopt;
}

const Item *Library::find(std::string_view key) const
{
    for (const Item &item : items)
        if (item.key == key)
            return &item;
    for (const Item &item : items)
        if (item.key.size() == key.size() && strncasecmp(item.key.data(), key.data(), key.size()) == 0)
            return &item;
    return nullptr;
}

QStringList bibtexPaths(const Config &config, const std::vector<std::string> &files, const QString &siteDir)
{
    // scholar_source: `source` as is when it is an existing absolute path.
    const QString source = QString::fromStdString(config.string("source"));
    // Ruby's File.join: an absolute `source` that does not exist ("/_bibliography/",
    // as al-folio writes it) is still under the site.
    const QString sourceDir = QDir::isAbsolutePath(source) && QFileInfo(source).isDir()
                                  ? source
                                  : QDir::cleanPath(siteDir + QLatin1Char('/') + source);
    const QString bibliography = QString::fromStdString(config.string("bibliography"));
    QStringList names;
    for (const std::string &f : files)
        names << QString::fromStdString(f);
    if (names.isEmpty() && bibliography.contains(QLatin1Char('*'))) {
        // Dir.glob under the source folder, sorted as Ruby 3 sorts it.
        const QRegularExpression re = QRegularExpression::fromWildcard(bibliography);
        QDirIterator it(sourceDir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = QDir(sourceDir).relativeFilePath(it.next());
            if (re.match(rel).hasMatch())
                names << rel;
        }
        names.sort();
    }
    if (names.isEmpty() && !bibliography.contains(QLatin1Char('*')))
        names << bibliography;
    QStringList paths;
    for (QString name : names) {
        if (name.isEmpty())
            name = bibliography;
        if (QDir::isAbsolutePath(name) && QFileInfo::exists(name)) {
            paths << name;
            continue;
        }
        QString path = QDir::cleanPath(sourceDir + QLatin1Char('/') + name);
        if (QFileInfo(path).suffix().isEmpty() && !QFileInfo::exists(path))
            path += QStringLiteral(".bib");
        paths << path;
    }
    return paths;
}

std::shared_ptr<const Library> loadLibrary(const QStringList &paths, const Config &config, const QString &siteDir,
                                           bool *fresh)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Library>> cache;
    const std::string key = cacheKey(paths, config) + '|' + siteDir.toStdString();
    // Loads happen under the lock: the first page to ask reads the files,
    // the others wait for it instead of reading them again.
    std::lock_guard lock(mutex);
    if (fresh)
        *fresh = false;
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    if (cache.size() > 32)
        cache.clear();   // old versions of files edited in the window
    auto library = readLibrary(paths, config, siteDir);
    if (fresh)
        *fresh = true;
    cache.emplace(key, library);
    return library;
}

std::shared_ptr<const Library> libraryFromText(const std::string &text, const Config &config, const QString &fileName)
{
    auto library = std::make_shared<Library>();
    library->id = g_nextId++;
    bib::ReadOptions options;
    options.fileName = fileName;
    bib::Database db = bib::parse(QByteArrayView(text.data(), qsizetype(text.size())), options);
    library->diagnostics = std::move(db.diagnostics);
    for (const bib::Entry &entry : db.entries)
        library->items.push_back(prepare(entry, config));
    return library;
}

bool isNumeric(std::string_view value)
{
    // Value#numeric?: /^\s*[+-]?\d+\s*$/.
    std::size_t i = 0;
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i])))
        ++i;
    if (i < value.size() && (value[i] == '+' || value[i] == '-'))
        ++i;
    const std::size_t digits = i;
    while (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])))
        ++i;
    if (i == digits)
        return false;
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i])))
        ++i;
    return i == value.size();
}

int compareValues(const std::string *a, const std::string *b)
{
    static const std::string empty;
    const std::string &x = a ? *a : empty;
    const std::string &y = b ? *b : empty;
    if (isNumeric(x) && isNumeric(y)) {
        const long long i = std::stoll(x), j = std::stoll(y);
        return i < j ? -1 : i > j ? 1 : 0;
    }
    const int c = x.compare(y);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

} // namespace folio::site::scholar
