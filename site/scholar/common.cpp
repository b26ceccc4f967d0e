#include "common.h"

#include "site/jekyll/text.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>

namespace folio::site::scholar {

using liquid::Hash;
using liquid::Value;

std::string contentTag(std::string_view name, std::string_view content, const Attributes &attributes)
{
    std::string out = "<" + std::string(name);
    for (const auto &[key, value] : attributes)
        out += " " + key + "=\"" + value + "\"";
    out += ">";
    out += content;
    out += "</" + std::string(name) + ">";
    return out;
}

std::string linkTo(std::string_view href, std::string_view content, Attributes attributes)
{
    attributes.emplace_back("href", std::string(href));
    return contentTag("a", content.empty() ? href : content, attributes);
}

Attributes attributesOf(const Hash &hash)
{
    Attributes out;
    for (const auto &[key, value] : hash)
        out.emplace_back(key, value.toString());
    return out;
}

namespace {

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Utilities#resolve_sort_value: `name` falls back from author to editor,
// institution, organization and publisher, without outer braces, lower-case.
std::optional<std::string> sortValue(const Item &item, const std::string &key)
{
    if (key == "name") {
        for (const char *field : {"author", "editor", "institution", "organization", "publisher"})
            if (const std::string *v = item.field(field)) {
                std::string s = *v;
                std::size_t b = 0;
                while (b < s.size() && (s[b] == '{' || std::isspace(static_cast<unsigned char>(s[b]))))
                    ++b;
                std::size_t e = s.size();
                while (e > b && (s[e - 1] == '}' || std::isspace(static_cast<unsigned char>(s[e - 1]))))
                    --e;
                return lower(s.substr(b, e - b));
            }
        return std::string();
    }
    if (const std::string *v = item.field(key))
        return *v;
    return std::nullopt;
}

bool descending(const std::string &order)
{
    const QRegularExpression re(QStringLiteral("^(desc|reverse)"), QRegularExpression::CaseInsensitiveOption);
    return re.match(QString::fromStdString(order)).hasMatch();
}

// Jekyll's URL.escape_path (Addressable's normalize_component with the
// characters a path may hold): every other byte percent-encoded.
std::string escapePath(std::string_view path)
{
    static constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || kAllowed.find(char(c)) != std::string_view::npos) {
            out += char(c);
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string replaceAll(std::string text, const std::string &from, const std::string &to)
{
    if (from.empty())
        return text;
    std::size_t pos = 0;
    while ((pos = text.find(from, pos)) != std::string::npos) {
        text.replace(pos, from.size(), to);
        pos += to.size();
    }
    return text;
}

// Ruby's File.join of two parts: one slash between them (File.join("", "x") is "/x").
std::string fileJoin(const std::string &a, const std::string &b)
{
    std::string left = a;
    while (!left.empty() && left.back() == '/')
        left.pop_back();
    std::string right = b;
    while (!right.empty() && right.front() == '/')
        right.erase(0, 1);
    return left + "/" + right;
}

} // namespace

bool sortsByNone(const Config &config)
{
    return config.value("sort_by").isString() && config.string("sort_by") == "none";
}

void sortItems(std::vector<const Item *> &items, const Config &config)
{
    if (sortsByNone(config))
        return;
    std::vector<std::string> keys = config.list("sort_by");
    for (std::string &k : keys)
        if (k == "month")
            k = "month_numeric";
    const std::vector<std::string> orders = config.list("order");
    if (keys.empty())
        return;
    // Ruby's sort is not stable; a stable one gives entries that compare
    // equal in their file order, which is what a reader expects.
    std::vector<bool> down;
    for (std::size_t i = 0; i < keys.size(); ++i)
        down.push_back(descending(i < orders.size() ? orders[i] : (orders.empty() ? std::string() : orders.back())));
    std::stable_sort(items.begin(), items.end(), [&](const Item *a, const Item *b) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::optional<std::string> va = sortValue(*a, keys[i]);
            const std::optional<std::string> vb = sortValue(*b, keys[i]);
            const int c = down[i] ? compareValues(vb ? &*vb : nullptr, va ? &*va : nullptr)
                                  : compareValues(va ? &*va : nullptr, vb ? &*vb : nullptr);
            if (c != 0)
                return c < 0;
        }
        return false;
    });
}

std::string detailsPath(const Item &item, const Config &config, const Value &site)
{
    // Placeholders in the gem's order: the fields (slugified, the DOI as
    // is), then key, details_dir, extension and doi.
    std::vector<std::pair<std::string, std::string>> placeholders;
    const auto set = [&](const std::string &name, std::string value) {
        for (auto &p : placeholders)
            if (p.first == name) {
                p.second = std::move(value);
                return;
            }
        placeholders.emplace_back(name, std::move(value));
    };
    for (const auto &[name, value] : item.fields)
        set(name, name == "doi" || value.empty() ? value : jekyll::slugify(value, "pretty"));
    const QRegularExpression keySpace(QStringLiteral("[:\\s]+"));
    set("key", QString::fromStdString(item.key).replace(keySpace, QStringLiteral("_")).toStdString());
    set("details_dir", config.string("details_dir"));
    const Value permalink = site.get("permalink");
    const std::string style = permalink.toString();
    set("extension", style == "pretty" || (!style.empty() && style.back() == '/') ? "/" : ".html");
    const std::string *doi = item.field("doi");
    if (!doi || doi->empty())
        set("doi", QString::fromStdString(item.key).replace(keySpace, QStringLiteral("_")).toStdString());

    // Jekyll's URL#generate_url_from_hash and sanitize_url.
    std::string url = config.string("details_permalink");
    for (const auto &[name, value] : placeholders) {
        if (url.find(':') == std::string::npos)
            break;
        url = replaceAll(url, ":" + name, escapePath(value));
    }
    url = replaceAll("/" + url, "..", "/");
    url = replaceAll(url, "./", "");
    std::string squeezed;
    for (char c : url)
        if (!(c == '/' && !squeezed.empty() && squeezed.back() == '/'))
            squeezed += c;
    return squeezed;
}

std::string detailsLink(const Item &item, const Config &config, const Value &site)
{
    Value base = site.get("baseurl");
    if (base.isNil())
        base = site.get("base_url");
    return fileJoin(base.toString(), detailsPath(item, config, site));
}

liquid::Hash repositoryLinks(const Item &item, const Config &config, const QString &siteDir, const Value &site)
{
    Hash links;
    const std::string repository = config.string("repository");
    if (repository.empty())
        return links;
    const QString dir = QDir(siteDir).filePath(QString::fromStdString(repository));
    const std::string delimiter = config.string("repository_file_delimiter");
    const std::string name = QString::fromStdString(item.key)
                                 .replace(QRegularExpression(QStringLiteral("[:\\s]+")), QStringLiteral("_"))
                                 .toStdString();
    Value base = site.get("baseurl");
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files) {
        const std::string rel = QDir(dir).relativeFilePath(file).toStdString();
        const std::size_t cut = delimiter.empty() ? std::string::npos : rel.find(delimiter);
        if (cut == std::string::npos || rel.substr(0, cut) != name)
            continue;
        const std::string ext = rel.substr(cut + delimiter.size());
        links.set(ext, fileJoin(base.toString(), QDir(siteDir).relativeFilePath(file).toStdString()));
    }
    return links;
}

std::string referenceTag(const Item &item, std::string_view html, const Config &config, std::string_view prefix)
{
    const std::string id = prefix.empty() ? item.key : std::string(prefix) + "-" + item.key;
    std::string tag = config.string("reference_tagname");
    if (tag.empty())
        tag = "span";
    return contentTag(tag, html, {{"id", id}});
}

Hash referenceData(const Item &item, const std::string &reference, const Hash &links)
{
    Value link = links.value("pdf");
    if (link.isNil())
        link = links.value("ps");
    return Hash{{"entry", item.liquid},
                {"reference", reference},
                {"key", item.key},
                {"type", item.type},
                {"link", link},
                {"links", Value(links)}};
}

int configLine(const QString &siteDir, std::string_view key)
{
    QFile file(QDir(siteDir).filePath(QStringLiteral("_config.yml")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression scholar(QStringLiteral("^scholar\\s*:"));
    const QRegularExpression topLevel(QStringLiteral("^[^\\s#]"));
    const QRegularExpression setting(
        QStringLiteral("^\\s+%1\\s*:").arg(QRegularExpression::escape(QString::fromUtf8(key.data(), qsizetype(key.size())))));
    bool inScholar = false;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine());
        if (scholar.match(text).hasMatch()) {
            inScholar = true;
            continue;
        }
        if (topLevel.match(text).hasMatch())
            inScholar = false;
        if (inScholar && setting.match(text).hasMatch())
            return line;
    }
    return 0;
}

} // namespace folio::site::scholar
