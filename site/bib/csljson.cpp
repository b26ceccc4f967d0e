// BibTeX to CSL-JSON, following citation.js's and Zotero's BibTeX mappings
// (types, journal/booktitle -> container-title, number -> issue, address ->
// publisher-place, school/institution -> publisher, series -> collection-title).
#include "csljson.h"

#include "latex.h"
#include "names.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

namespace folio::site::bib {
namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

struct TypeMapping final {
    const char *csl;
    const char *genre;   // nullptr: none
};

TypeMapping cslType(const std::string &type)
{
    static const std::map<std::string, TypeMapping> types = {
        {"article", {"article-journal", nullptr}},     {"book", {"book", nullptr}},
        {"mvbook", {"book", nullptr}},                 {"bookinbook", {"chapter", nullptr}},
        {"suppbook", {"chapter", nullptr}},            {"booklet", {"pamphlet", nullptr}},
        {"collection", {"book", nullptr}},             {"mvcollection", {"book", nullptr}},
        {"inbook", {"chapter", nullptr}},              {"incollection", {"chapter", nullptr}},
        {"suppcollection", {"chapter", nullptr}},      {"inproceedings", {"paper-conference", nullptr}},
        {"conference", {"paper-conference", nullptr}}, {"proceedings", {"book", nullptr}},
        {"mvproceedings", {"book", nullptr}},          {"manual", {"report", nullptr}},
        {"mastersthesis", {"thesis", "Master's thesis"}}, {"phdthesis", {"thesis", "PhD thesis"}},
        {"thesis", {"thesis", nullptr}},               {"techreport", {"report", nullptr}},
        {"report", {"report", nullptr}},               {"misc", {"document", nullptr}},
        {"unpublished", {"manuscript", nullptr}},      {"online", {"webpage", nullptr}},
        {"www", {"webpage", nullptr}},                 {"electronic", {"webpage", nullptr}},
        {"webpage", {"webpage", nullptr}},             {"patent", {"patent", nullptr}},
        {"periodical", {"periodical", nullptr}},       {"dataset", {"dataset", nullptr}},
        {"data", {"dataset", nullptr}},                {"software", {"software", nullptr}},
        {"reference", {"book", nullptr}},              {"inreference", {"entry-encyclopedia", nullptr}},
        {"standard", {"standard", nullptr}},           {"letter", {"personal_communication", nullptr}},
        {"review", {"review", nullptr}},               {"legislation", {"legislation", nullptr}},
        {"jurisdiction", {"legal_case", nullptr}},     {"movie", {"motion_picture", nullptr}},
        {"video", {"motion_picture", nullptr}},        {"audio", {"song", nullptr}},
        {"music", {"song", nullptr}},                  {"artwork", {"graphic", nullptr}},
        {"image", {"graphic", nullptr}},               {"performance", {"performance", nullptr}},
        {"presentation", {"speech", nullptr}}};
    const auto it = types.find(type);
    return it == types.end() ? TypeMapping{"document", nullptr} : it->second;
}

std::string verbatim(std::string_view value) { return toVerbatim(value); }

// "and others" stays in the list as the literal name "others" (as
// jekyll-scholar's bibtex-ruby passes it on): dropping it would make a
// paper by many look like a paper by the names listed.
QJsonArray cslNames(const std::string &value)
{
    QJsonArray out;
    const NameList list = splitNames(value);
    for (const Name &n : list.names) {
        QJsonObject name;
        if (n.corporate) {
            name.insert(QStringLiteral("literal"), qs(n.last));
        } else {
            if (!n.last.empty())
                name.insert(QStringLiteral("family"), qs(n.last));
            if (!n.first.empty())
                name.insert(QStringLiteral("given"), qs(n.first));
            if (!n.von.empty())
                name.insert(QStringLiteral("non-dropping-particle"), qs(n.von));
            if (!n.jr.empty())
                name.insert(QStringLiteral("suffix"), qs(n.jr));
        }
        out.append(name);
    }
    if (list.others)
        out.append(QJsonObject{{QStringLiteral("literal"), QStringLiteral("others")}});
    return out;
}

// "2023", "2023-05", "2023-05-17" (biblatex's date, EDTF), ranges "a/b".
QJsonArray dateParts(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral("^\\s*(-?\\d{1,4})(?:-(\\d{1,2}))?(?:-(\\d{1,2}))?"));
    QJsonArray parts;
    const auto m = iso.match(text);
    if (!m.hasMatch())
        return parts;
    QJsonArray one;
    for (int i = 1; i <= 3; ++i) {
        if (m.captured(i).isEmpty())
            break;
        one.append(m.captured(i).toInt());
    }
    parts.append(one);
    return parts;
}

QJsonObject issued(const Entry &entry)
{
    QJsonObject date;
    if (const std::string d = toText(entry.value("date")); !d.empty()) {
        const QString text = qs(d);
        QJsonArray parts;
        for (const QString &piece : text.split(QLatin1Char('/'))) {
            const QJsonArray p = dateParts(piece);
            if (!p.isEmpty())
                parts.append(p.first());
        }
        if (!parts.isEmpty())
            date.insert(QStringLiteral("date-parts"), parts);
        else
            date.insert(QStringLiteral("literal"), text);
        return date;
    }
    const std::string year = toText(entry.value("year"));
    if (year.empty())
        return date;
    static const QRegularExpression yearNumber(QStringLiteral("^\\s*(\\d{1,4})\\s*[a-z]?\\s*$"));
    const auto m = yearNumber.match(qs(year));
    if (!m.hasMatch()) {
        date.insert(QStringLiteral("literal"), qs(year));   // "in press", "forthcoming"
        return date;
    }
    QJsonArray one{m.captured(1).toInt()};
    if (const int month = parseMonth(toText(entry.value("month")))) {
        one.append(month);
        const std::string day = toText(entry.value("day"));
        if (!day.empty() && std::all_of(day.begin(), day.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            one.append(std::stoi(day));
    }
    date.insert(QStringLiteral("date-parts"), QJsonArray{one});
    return date;
}

void putMarkup(QJsonObject &o, const char *key, const std::string &value)
{
    if (!value.empty())
        o.insert(QLatin1String(key), qs(toCslMarkup(value)));
}

void putText(QJsonObject &o, const char *key, const std::string &value)
{
    if (!value.empty())
        o.insert(QLatin1String(key), qs(toText(value)));
}

void putVerbatim(QJsonObject &o, const char *key, const std::string &value)
{
    if (!value.empty())
        o.insert(QLatin1String(key), qs(verbatim(value)));
}

std::string first(const Entry &e, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (std::string v = e.value(n); !v.empty())
            return v;
    return {};
}

std::string doi(const Entry &e)
{
    std::string d = verbatim(e.value("doi"));
    for (const char *prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"})
        if (d.rfind(prefix, 0) == 0)
            d.erase(0, std::strlen(prefix));
    return d;
}

} // namespace

QJsonObject toCslJson(const Entry &entry)
{
    QJsonObject o;
    const TypeMapping type = cslType(entry.type);
    o.insert(QStringLiteral("id"), qs(entry.key));
    o.insert(QStringLiteral("citation-key"), qs(entry.key));
    o.insert(QStringLiteral("type"), QLatin1String(type.csl));

    const bool partOfBook = entry.type == "inbook" || entry.type == "bookinbook" || entry.type == "suppbook";
    if (partOfBook && !entry.has("booktitle") && entry.has("chapter")) {
        // @inbook{title = the book, chapter = the part}
        putMarkup(o, "title", entry.value("chapter"));
        putMarkup(o, "container-title", entry.value("title"));
    } else {
        putMarkup(o, "title", entry.value("title"));
        putMarkup(o, "container-title", first(entry, {"journal", "journaltitle", "booktitle"}));
        if (partOfBook)
            putText(o, "chapter-number", entry.value("chapter"));
    }
    putMarkup(o, "title-short", entry.value("shorttitle"));
    putMarkup(o, "container-title-short", entry.value("shortjournal"));
    putMarkup(o, "collection-title", entry.value("series"));
    putMarkup(o, "event-title", entry.value("eventtitle"));

    for (const char *role : {"author", "editor", "translator"}) {
        const QJsonArray names = cslNames(entry.value(role));
        if (!names.isEmpty())
            o.insert(QLatin1String(role), names);
    }
    const QJsonObject date = issued(entry);
    if (!date.isEmpty())
        o.insert(QStringLiteral("issued"), date);
    if (const std::string urldate = toText(entry.value("urldate")); !urldate.empty()) {
        const QJsonArray parts = dateParts(qs(urldate));
        if (!parts.isEmpty())
            o.insert(QStringLiteral("accessed"), QJsonObject{{QStringLiteral("date-parts"), parts}});
    }

    putText(o, "volume", entry.value("volume"));
    const bool report = std::string_view(type.csl) == "report" || std::string_view(type.csl) == "patent"
                        || std::string_view(type.csl) == "standard";
    putText(o, report ? "number" : "issue", first(entry, {"number", "issue"}));
    putText(o, "page", first(entry, {"pages"}));
    if (!o.contains(QStringLiteral("page")) && entry.has("articleno"))
        putText(o, "number", entry.value("articleno"));
    putText(o, "number-of-pages", first(entry, {"numpages", "pagetotal"}));
    putText(o, "edition", entry.value("edition"));
    putText(o, "publisher", first(entry, {"publisher", "school", "institution", "organization"}));
    putText(o, "publisher-place", first(entry, {"address", "location"}));
    if (entry.type == "inproceedings" || entry.type == "conference") {
        putText(o, "event-place", first(entry, {"venue", "location"}));
        if (!entry.has("address"))
            o.remove(QStringLiteral("publisher-place"));
    }
    if (type.genre && !entry.has("type"))
        o.insert(QStringLiteral("genre"), QLatin1String(type.genre));
    else
        putText(o, "genre", entry.value("type"));
    if (const std::string d = doi(entry); !d.empty())
        o.insert(QStringLiteral("DOI"), qs(d));
    putVerbatim(o, "URL", entry.value("url"));
    putText(o, "ISBN", entry.value("isbn"));
    putText(o, "ISSN", entry.value("issn"));
    putMarkup(o, "abstract", entry.value("abstract"));
    putMarkup(o, "note", first(entry, {"note", "annote"}));
    putText(o, "language", first(entry, {"langid", "language"}));
    putText(o, "keyword", entry.value("keywords"));
    putText(o, "medium", entry.value("howpublished").rfind("\\url", 0) == 0 ? std::string() : entry.value("howpublished"));
    if (!o.contains(QStringLiteral("URL")) && entry.value("howpublished").rfind("\\url", 0) == 0)
        putVerbatim(o, "URL", entry.value("howpublished"));
    return o;
}

} // namespace folio::site::bib
