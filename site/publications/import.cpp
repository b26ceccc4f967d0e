#include "import.h"

#include "checks.h"
#include "citation.h"
#include "publicationstr.h"
#include "text_p.h"
#include "tsv.h"

#include "site/bib/csljson.h"
#include "site/bib/latex.h"
#include "site/bib/names.h"
#include "site/bib/ris.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/frontmatteredit.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#ifdef __linux__
#include <fcntl.h>
#include <unistd.h>
#endif

namespace folio::site::publications {

namespace {

using detail::diagnostic;
using detail::lower;
using detail::q;
using detail::trimmed;

std::optional<std::string> readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

// ---- records from BibTeX entries ----

int leadingNumber(std::string_view s)
{
    int n = 0;
    bool any = false;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            n = n * 10 + (c - '0');
            any = true;
            if (n > 99999)
                return 0;
        } else if (any) {
            break;
        }
    }
    return any ? n : 0;
}

// biblatex `date = {2023-05-01}` (or 2023-05, 2023).
void readBiblatexDate(std::string_view date, ImportRecord &r)
{
    const std::string d = trimmed(date);
    if (d.size() < 4)
        return;
    r.year = leadingNumber(d.substr(0, 4));
    if (d.size() >= 7 && d[4] == '-')
        r.month = leadingNumber(d.substr(5, 2));
    if (d.size() >= 10 && d[7] == '-')
        r.day = leadingNumber(d.substr(8, 2));
}

// The venue fields a type names first (BibTeX's standard styles print them),
// then the rest, so an entry with an unusual type still gets its venue.
std::string venueOf(const bib::Entry &e)
{
    static const std::map<std::string, std::vector<std::string_view>, std::less<>> byType = {
        {"article", {"journal", "journaltitle"}},
        {"inproceedings", {"booktitle", "eventtitle"}},
        {"conference", {"booktitle", "eventtitle"}},
        {"incollection", {"booktitle"}},
        {"inbook", {"booktitle", "title"}},
        {"phdthesis", {"school", "institution"}},
        {"mastersthesis", {"school", "institution"}},
        {"thesis", {"school", "institution"}},
        {"techreport", {"institution"}},
        {"report", {"institution"}},
        {"book", {"publisher"}},
        {"misc", {"howpublished", "publisher"}},
        {"unpublished", {"howpublished"}},
    };
    static const std::vector<std::string_view> any = {"journal", "journaltitle", "booktitle", "school",
                                                      "institution", "publisher", "howpublished", "organization"};
    auto pick = [&](const std::vector<std::string_view> &fields) -> std::string {
        for (auto f : fields)
            if (std::string v = e.value(f); !trimmed(v).empty())
                return trimmed(bib::toText(v));
        return {};
    };
    if (auto it = byType.find(e.type); it != byType.end())
        if (std::string v = pick(it->second); !v.empty())
            return v;
    if (std::string v = pick(any); !v.empty())
        return v;
    // An arXiv preprint as Google Scholar exports it: eprint + archiveprefix.
    if (lower(e.value("archiveprefix")) == "arxiv" && !e.value("eprint").empty())
        return "arXiv:" + trimmed(e.value("eprint"));
    return {};
}

// The abstract's first sentence: up to the first ". ", "? " or "! " after
// some words (so "e.g. " at the start does not end it), else all of it.
std::string firstSentence(const std::string &text)
{
    for (std::size_t i = 40; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == '?' || c == '!') && std::isspace(static_cast<unsigned char>(text[i + 1]))
            && std::isalpha(static_cast<unsigned char>(text[i - 1])))
            return text.substr(0, i + 1);
    }
    return text;
}

// ---- ASCII slugs ----

// Accented letters as their base letter, and the letters that do not
// decompose (ß, æ, ø, ł, đ, þ) as their usual Latin spelling.
std::string asciiFold(const std::string &text)
{
    static const std::map<char32_t, const char *> special = {
        {U'ß', "ss"}, {U'æ', "ae"}, {U'Æ', "AE"}, {U'ø', "o"}, {U'Ø', "O"}, {U'ł', "l"}, {U'Ł', "L"},
        {U'đ', "d"},  {U'Đ', "D"},  {U'þ', "th"}, {U'Þ', "Th"}, {U'œ', "oe"}, {U'Œ', "OE"}, {U'ı', "i"},
        {U'–', "-"},  {U'—', "-"},  {U'’', ""},   {U'‘', ""},
    };
    const QString decomposed = q(text).normalized(QString::NormalizationForm_KD);
    std::string out;
    for (const char32_t c : decomposed.toUcs4()) {
        if (c < 0x80) {
            out += char(c);
        } else if (auto it = special.find(c); it != special.end()) {
            out += it->second;
        } else if (QChar::isSpace(c)) {
            out += ' ';
        }   // combining marks and other scripts: dropped, as pubsFromBib drops them
    }
    return out;
}

std::string safeFileName(std::string_view name)
{
    std::string out;
    for (char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '-';
    while (!out.empty() && out.front() == '.')
        out.erase(0, 1);
    return out;
}

// ---- YAML ----

std::string quoted(const std::string &s) { return yaml::formatScalar(liquid::Value(s), yaml::ValueStyle::DoubleQuoted); }

void addKey(std::string &out, std::string_view key, const std::string &value)
{
    if (value.empty())
        return;
    out += key;
    out += ": ";
    out += quoted(value);
    out += '\n';
}

// ---- matching ----

std::string normalizedUrl(std::string_view url)
{
    std::string u = lower(trimmed(url));
    for (std::string_view prefix : {"https://", "http://"})
        if (u.rfind(prefix, 0) == 0)
            u.erase(0, prefix.size());
    if (u.rfind("www.", 0) == 0)
        u.erase(0, 4);
    while (!u.empty() && u.back() == '/')
        u.pop_back();
    return u;
}

std::string doiFromUrl(std::string_view url)
{
    const std::string u = normalizedUrl(url);
    for (std::string_view host : {"doi.org/", "dx.doi.org/"})
        if (u.rfind(host, 0) == 0)
            return u.substr(host.size());
    return {};
}

// What identifies a paper, from an existing item or a record.
struct Identity final {
    std::string doi, url, key, title;
    int year = 0;
    bool yearTrusted = true;   // false: the year is only the file name's
    std::string where;         // for messages: "_publications/x.md", "refs.bib:12"
};

// The key of the entry stored at `bibtexurl` (files/<key>.bib): the file's
// own first key when it can be read, else the file's base name.
std::string storedKey(const Publication &p, const QString &siteDir)
{
    if (p.bibtexurl.empty() || p.bibtexurl.find("://") != std::string::npos)
        return {};
    std::string path = p.bibtexurl;
    const std::size_t files = path.find("files/");
    if (files == std::string::npos)
        return {};
    path = path.substr(files);
    if (auto text = readText(QDir(siteDir).filePath(q(path)))) {
        static const QRegularExpression first(QStringLiteral("@\\s*\\w+\\s*[{(]\\s*([^,\\s]+)\\s*,"));
        const auto m = first.match(q(*text));
        if (m.hasMatch())
            return lower(m.captured(1).toStdString());
    }
    const QString base = QFileInfo(q(path)).completeBaseName();
    return lower(base.toStdString());
}

Identity identityOf(const Publication &p, const QString &siteDir)
{
    Identity id;
    id.doi = normalizedDoi(p.doi);
    if (id.doi.empty())
        id.doi = doiFromUrl(p.paperurl);
    id.url = normalizedUrl(p.paperurl);
    id.key = storedKey(p, siteDir);
    id.title = normalizedTitle(p.title);
    id.year = p.year;
    const auto date = p.sources.find("date");
    id.yearTrusted = date != p.sources.end() && !date->second.key.empty() && date->second.line > 0;
    id.where = p.relativePath;
    return id;
}

Identity identityOf(const ImportRecord &r)
{
    Identity id;
    id.doi = normalizedDoi(r.doi);
    if (id.doi.empty())
        id.doi = doiFromUrl(r.paperurl);
    id.url = normalizedUrl(r.paperurl);
    id.key = lower(r.key);
    id.title = normalizedTitle(r.title);
    id.year = r.year;
    id.where = (r.file.isEmpty() ? std::string("input") : r.file.toStdString()) + ":" + std::to_string(r.line);
    return id;
}

// Why `a` (a record) is the same paper as `b`, or "" when it is not.
QString sameReason(const Identity &a, const Identity &b)
{
    if (!a.doi.empty() && a.doi == b.doi)
        return Tr::tr("same DOI as %1").arg(q(b.where));
    if (!a.key.empty() && a.key == b.key)
        return Tr::tr("same BibTeX key as %1").arg(q(b.where));
    if (!a.url.empty() && a.url == b.url)
        return Tr::tr("same paper URL as %1").arg(q(b.where));
    if (!a.title.empty() && a.title == b.title) {
        if (a.year == b.year)
            return Tr::tr("same title and year as %1").arg(q(b.where));
        if (!b.yearTrusted || !a.year || !b.year)
            return Tr::tr("same title as %1").arg(q(b.where));
    }
    return {};
}

// ---- merging ----

bool isEmpty(const std::string &s) { return trimmed(s).empty(); }

// The key the existing item uses for a field, else academicpages' name.
std::string keyFor(const Publication &p, const std::string &field, const std::string &fallback)
{
    const auto it = p.sources.find(field);
    return it != p.sources.end() && !it->second.key.empty() ? it->second.key : fallback;
}

struct Fill final {
    std::string field;   // record field name ("venue")
    std::string key;     // front matter key to write
    liquid::Value value;
    bool rawDate = false;   // written as a YAML date, not a string
};

std::vector<Fill> fillsFor(const Publication &p, const ImportRecord &r, const std::string &bibtexurl)
{
    std::vector<Fill> fills;
    auto add = [&](const std::string &field, const std::string &existing, const std::string &value,
                   const std::string &canonical) {
        if (isEmpty(existing) && !isEmpty(value))
            fills.push_back({field, keyFor(p, field, canonical), liquid::Value(value)});
    };
    add("title", p.title, r.title, "title");
    add("category", p.category, r.category, "category");
    add("excerpt", p.excerpt, r.excerpt, "excerpt");
    if (isEmpty(p.date) && !r.date().empty())
        fills.push_back({"date", keyFor(p, "date", "date"), liquid::Value(r.date()), true});
    // A venue holding the author list (the seed's first paper) is no venue:
    // the BibTeX's journal or booktitle replaces it, and the names go to
    // authors below when the item lists none.
    if (!isEmpty(r.venue) && !venuePersonNames(p.venue).empty())
        fills.push_back({"venue", keyFor(p, "venue", "venue"), liquid::Value(r.venue)});
    else
        add("venue", p.venue, r.venue, "venue");
    add("slidesurl", p.slidesurl, r.slidesurl, "slidesurl");
    add("paperurl", p.paperurl, r.paperurl, "paperurl");
    add("bibtexurl", p.bibtexurl, bibtexurl, "bibtexurl");
    add("citation", p.citation, r.citation, "citation");
    if (p.authors.empty() && !r.authors.empty()) {
        liquid::Array list;
        for (const auto &a : r.authors)
            list.emplace_back(a);
        fills.push_back({"authors", keyFor(p, "authors", "authors"), liquid::Value(std::move(list))});
    }
    add("doi", p.doi, r.doi, "doi");
    return fills;
}

// ---- naming ----

bool permalinksEndInSlash(const Publications &existing)
{
    int slash = 0, bare = 0;
    for (const auto &p : existing.items) {
        if (p.permalink.empty())
            continue;
        (p.permalink.back() == '/' ? slash : bare)++;
    }
    return slash > bare;
}

std::string uniqueName(const QString &siteDir, const std::string &dir, const std::string &base,
                       const std::string &ext, std::set<std::string> &taken)
{
    for (int n = 1;; ++n) {
        const std::string name = n == 1 ? base : base + "-" + std::to_string(n);
        const std::string rel = dir + "/" + name + ext;
        if (taken.count(lower(rel)) || QFileInfo::exists(QDir(siteDir).filePath(q(rel))))
            continue;
        taken.insert(lower(rel));
        return name;
    }
}

std::string withNewline(std::string s)
{
    if (!s.empty() && s.back() != '\n')
        s += '\n';
    return s;
}

// The record's BibTeX saved as files/<key>.bib: an identical file already
// there is reused, one with other content keeps its bytes and the entry
// goes to files/<key>-2.bib.
std::optional<PlannedFile> bibFileFor(const ImportRecord &r, const QString &siteDir, std::set<std::string> &taken,
                                      std::string &fileName)
{
    if (r.bibtex.empty())
        return std::nullopt;
    std::string base = safeFileName(r.key);
    if (base.empty())
        base = "publication";
    const std::string text = withNewline(r.bibtex);
    for (int n = 1;; ++n) {
        const std::string name = (n == 1 ? base : base + "-" + std::to_string(n)) + ".bib";
        const std::string rel = "files/" + name;
        if (taken.count(lower(rel)))
            continue;
        const QString abs = QDir(siteDir).filePath(q(rel));
        if (QFileInfo::exists(abs)) {
            const auto existing = readText(abs);
            if (existing && trimmed(*existing) == trimmed(text)) {
                fileName = name;
                taken.insert(lower(rel));
                return PlannedFile{};   // already there: nothing to write
            }
            continue;
        }
        taken.insert(lower(rel));
        fileName = name;
        return PlannedFile{rel, text, false, {}};
    }
}

void fillCitations(ImportPlan &plan, const ImportOptions &options)
{
    std::vector<ImportRecord *> wanted;
    for (auto &item : plan.items)
        if (item.action != ImportAction::Skip && item.record.citation.empty() && !item.record.csl.isEmpty())
            wanted.push_back(&item.record);
    if (wanted.empty())
        return;
    std::vector<std::string> made;
    if (options.citations) {
        made = options.citations({wanted.begin(), wanted.end()});
    } else {
        std::vector<QJsonObject> items;
        for (const ImportRecord *r : wanted) {
            QJsonObject item = r->csl;
            // academicpages' layouts print paperurl as a link after the
            // citation: the citation need not print the URL too.
            if (!r->paperurl.empty())
                item.remove(QStringLiteral("URL"));
            if (!item.contains(QStringLiteral("id")))
                item.insert(QStringLiteral("id"), q(r->key));
            items.push_back(item);
        }
        auto result = publications::makeCitations(items, citationOptions(options.settings, options.siteDir));
        if (!result) {
            plan.diagnostics.push_back(diagnostic(
                Severity::Warning, {}, 0,
                Tr::tr("citations were not generated: %1").arg(result.error())));
            return;
        }
        made = std::move(*result);
    }
    for (std::size_t i = 0; i < wanted.size() && i < made.size(); ++i)
        wanted[i]->citation = made[i];
}

// A value as itemText writes it, as the YAML after "key:".
std::string newValueText(const liquid::Value &value)
{
    if (value.type() != liquid::Value::Type::Array)
        return " " + quoted(value.toString());
    std::string out;
    for (const liquid::Value &v : value.array())
        out += "\n  - " + quoted(v.toString());
    return out;
}

Result<std::string> applyFills(std::string text, const std::vector<Fill> &fills, const QString &file,
                               std::vector<std::string> &filled, std::vector<Diagnostic> &diagnostics)
{
    yaml::LoadOptions load;
    load.fileName = file;
    for (const Fill &f : fills) {
        // A key the file has keeps its style (setValueEdit); a new one is
        // written as new items are, double-quoted, a list as a block list.
        const bool present = yaml::readFrontMatter(text, load).find(f.key) != nullptr;
        auto edit = f.rawDate ? yaml::setRawValueEdit(text, f.key, " " + f.value.toString(), load)
                    : present ? yaml::setValueEdit(text, f.key, f.value, load)
                              : yaml::setRawValueEdit(text, f.key, newValueText(f.value), load);
        if (!edit) {
            diagnostics.push_back(diagnostic(Severity::Warning, file, 0,
                                             Tr::tr("%1 was not filled: %2").arg(q(f.key), edit.error())));
            continue;
        }
        text = yaml::applyEdit(text, *edit);
        filled.push_back(f.key);
    }
    return text;
}

Result<std::string> moveKeysUp(const Publication &p, const std::string &text)
{
    for (const Check &check : checkPublicationText(p, text)) {
        if (check.id != QLatin1String("keys-in-body"))
            continue;
        if (!check.fix)
            break;
        return applyFix(text, *check.fix);
    }
    return makeError(Tr::tr("%1: the keys below its front matter cannot be moved up safely, so it was not "
                            "merged: move them between the --- lines by hand")
                         .arg(q(p.relativePath)));
}

void planMerge(PlannedItem &item, const Publication &p, const ImportOptions &options, std::set<std::string> &taken,
               std::vector<Diagnostic> &diagnostics)
{
    const auto original = readText(p.sourcePath);
    if (!original) {
        item.action = ImportAction::Skip;
        item.reason = Tr::tr("%1 cannot be read, so it was not merged").arg(q(p.relativePath));
        return;
    }
    std::string text = *original;
    if (p.keysInBody) {
        // The checks' own fix moves the keys up (checks.h: keys-in-body).
        auto moved = moveKeysUp(p, text);
        if (!moved) {
            item.action = ImportAction::Skip;
            item.reason = moved.error();
            return;
        }
        text = std::move(*moved);
        item.movedKeys = true;
    }
    std::string bibtexurl = item.record.bibtexurl;
    std::optional<PlannedFile> bib;
    if (isEmpty(p.bibtexurl) && bibtexurl.empty()) {
        std::string fileName;
        bib = bibFileFor(item.record, options.siteDir, taken, fileName);
        if (bib)
            bibtexurl = bibtexUrl(fileName, options);
    }
    const std::vector<Fill> fills = fillsFor(p, item.record, bibtexurl);
    auto edited = applyFills(text, fills, q(p.relativePath), item.filled, diagnostics);
    if (!edited || (item.filled.empty() && !item.movedKeys)) {
        item.action = ImportAction::Skip;
        item.reason = Tr::tr("same paper as %1, which has every field this entry gives").arg(q(p.relativePath));
        return;
    }
    const bool bibLinked = std::find(item.filled.begin(), item.filled.end(), keyFor(p, "bibtexurl", "bibtexurl"))
                           != item.filled.end();
    if (bib && bibLinked && !bib->relativePath.empty())
        item.files.push_back(std::move(*bib));
    item.files.push_back(PlannedFile{p.relativePath, std::move(*edited), true, *original});
}

void planCreate(PlannedItem &item, const ImportOptions &options, bool slash, std::set<std::string> &taken)
{
    ImportRecord &r = item.record;
    std::string slug = r.slug.empty() ? slugFromTitle(r.title) : safeFileName(r.slug);
    if (slug.empty())
        slug = safeFileName(r.key).empty() ? "publication" : safeFileName(r.key);
    const std::string name = uniqueName(options.siteDir, options.collectionDir, r.date() + "-" + slug, ".md", taken);
    if (r.bibtexurl.empty()) {
        std::string fileName;
        if (auto bib = bibFileFor(r, options.siteDir, taken, fileName)) {
            r.bibtexurl = bibtexUrl(fileName, options);
            if (!bib->relativePath.empty())
                item.files.push_back(std::move(*bib));
        }
    }
    item.relativePath = options.collectionDir + "/" + name + ".md";
    const std::string permalink = "/publication/" + name + (slash ? "/" : "");
    item.files.insert(item.files.begin(), PlannedFile{item.relativePath, itemText(r, permalink), false, {}});
}

// An existing file (a merge): QSaveFile, so it is replaced whole, synced
// to the disk, or not at all.
Result<void> replaceFile(const QString &path, const std::string &text)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !out.commit())
        return makeError(out.errorString());
    return {};
}

// A new file: written under a temporary name beside it and renamed, which
// fails rather than replace a file of that name that appeared meanwhile, so
// no one's file is ever overwritten and no half-written item is ever seen.
// Unlike QSaveFile it does not sync each file: 500 items were 1,000
// fdatasync calls, 6 s on a loaded disk instead of 0.3; the whole import
// is synced once at the end instead (syncFileSystem).
Result<void> writeNewFile(const QString &path, const std::string &text)
{
    const QFileInfo info(path);
    const QString temporary = info.dir().filePath(QStringLiteral(".%1.folio-new").arg(info.fileName()));
    QFile out(temporary);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(out.errorString());
    const bool ok = out.write(text.data(), qint64(text.size())) == qint64(text.size()) && out.flush();
    out.close();
    if (!ok || out.error() != QFileDevice::NoError) {
        QFile::remove(temporary);
        return makeError(out.errorString());
    }
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return makeError(Tr::tr("a file of that name appeared meanwhile; run the import again"));
    }
    return {};
}

void syncFileSystem(const QString &dir)
{
#ifdef __linux__
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(dir);
#endif
}

} // namespace

// ---- public ----

std::string ImportRecord::date() const
{
    if (year <= 0)
        return {};
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month > 0 ? month : 1, day > 0 ? day : 1);
    return buffer;
}

std::string normalizedDoi(std::string_view doi)
{
    std::string d = lower(trimmed(doi));
    if (std::string fromUrl = doiFromUrl(d); !fromUrl.empty())
        d = fromUrl;
    if (d.rfind("doi:", 0) == 0)
        d = trimmed(d.substr(4));
    return d;
}

ImportRecord recordFromEntry(const bib::Entry &e)
{
    ImportRecord r;
    r.key = e.key;
    r.type = e.type;
    r.file = e.file;
    r.line = e.line;
    r.title = trimmed(bib::toText(e.value("title")));
    for (const auto &field : {"author", "editor"}) {
        const bib::NameList names = bib::splitNames(e.value(field));
        for (const bib::Name &n : names.names)
            r.authors.push_back(n.display());
        if (!r.authors.empty())
            break;
    }
    r.venue = venueOf(e);
    r.year = leadingNumber(e.value("year"));
    r.month = bib::parseMonth(trimmed(e.value("month")));
    r.day = leadingNumber(e.value("day"));
    if (!r.year && e.has("date"))
        readBiblatexDate(e.value("date"), r);
    if (r.day > 31)
        r.day = 0;
    r.abstract = trimmed(bib::toText(e.value("abstract")));
    const std::string note = trimmed(bib::toText(e.value("note")));
    r.excerpt = note.size() > 5 ? note : firstSentence(r.abstract);
    r.doi = normalizedDoi(e.value("doi"));
    r.paperurl = trimmed(e.value("url"));
    if (r.paperurl.empty() && !r.doi.empty())
        r.paperurl = "https://doi.org/" + r.doi;
    r.bibtex = e.source.empty() ? bib::format(e) : e.source;
    r.csl = bib::toCslJson(e);
    if (!r.csl.contains(QStringLiteral("id")))
        r.csl.insert(QStringLiteral("id"), q(e.key));
    return r;
}

ImportInput recordsFromDatabase(const bib::Database &database)
{
    ImportInput input;
    input.diagnostics = database.diagnostics;
    for (const bib::Entry &e : database.entries) {
        ImportRecord r = recordFromEntry(e);
        if (r.title.empty()) {
            input.diagnostics.push_back(diagnostic(Severity::Error, e.file, e.line,
                                                   Tr::tr("entry %1 has no title: add title = {...}").arg(q(e.key))));
            continue;
        }
        if (!r.year) {
            input.diagnostics.push_back(diagnostic(
                Severity::Error, e.file, e.line,
                Tr::tr("entry %1 has no year, so its file name and date cannot be made: add year = {...}")
                    .arg(q(e.key))));
            continue;
        }
        input.records.push_back(std::move(r));
    }
    return input;
}

Result<ImportInput> readImportFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("%1 cannot be read: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    bib::ReadOptions options;
    options.fileName = path;
    if (suffix == QLatin1String("tsv") || suffix == QLatin1String("txt"))
        return recordsFromTsv(parseTsv(bytes, path), path);
    if (suffix == QLatin1String("ris"))
        return recordsFromDatabase(bib::parseRis(bytes, options));
    if (suffix == QLatin1String("bib") || suffix == QLatin1String("bibtex"))
        return recordsFromDatabase(bib::parse(bytes, options));
    return makeError(Tr::tr("%1: import reads .bib, .ris and academicpages' publications.tsv; "
                            "give the file one of those extensions")
                         .arg(path));
}

std::string slugFromTitle(std::string_view title)
{
    std::string clean;
    for (char c : asciiFold(std::string(title))) {
        if (c == '{' || c == '}' || c == '\\')
            continue;
        clean += c == ' ' ? '-' : c;
    }
    static const QRegularExpression dropped(QStringLiteral("\\[.*\\]|[^a-zA-Z0-9_-]"));
    std::string slug = q(clean).remove(dropped).toStdString();
    for (std::size_t at; (at = slug.find("--")) != std::string::npos;)
        slug.erase(at, 1);
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    while (!slug.empty() && slug.front() == '-')
        slug.erase(0, 1);
    if (slug.size() > 100) {
        const std::size_t cut = slug.rfind('-', 100);
        slug.resize(cut != std::string::npos && cut > 40 ? cut : 100);
    }
    return slug;
}

std::string itemName(const ImportRecord &record)
{
    const std::string slug = record.slug.empty() ? slugFromTitle(record.title) : safeFileName(record.slug);
    return record.date() + "-" + slug;
}

std::string categoryFor(std::string_view bibType, const std::vector<Category> &siteCategories)
{
    static const std::map<std::string, std::vector<std::string>, std::less<>> choices = {
        {"article", {"manuscripts"}},
        {"inproceedings", {"conferences"}},
        {"conference", {"conferences"}},
        {"proceedings", {"conferences", "books"}},
        {"book", {"books"}},
        {"inbook", {"books"}},
        {"incollection", {"books", "conferences"}},
        {"phdthesis", {"theses", "thesis", "books"}},
        {"mastersthesis", {"theses", "thesis", "books"}},
        {"thesis", {"theses", "thesis", "books"}},
        {"techreport", {"reports", "preprints", "manuscripts"}},
        {"unpublished", {"preprints", "manuscripts"}},
        {"misc", {"preprints", "manuscripts"}},
    };
    const auto it = choices.find(lower(bibType));
    if (siteCategories.empty())
        return it != choices.end() && lower(bibType) != "misc" ? it->second.front() : std::string();
    if (it != choices.end())
        for (const std::string &c : it->second)
            for (const Category &site : siteCategories)
                if (site.key == c)
                    return c;
    return siteCategories.front().key;
}

std::string itemText(const ImportRecord &r, const std::string &permalink)
{
    std::string out = "---\n";
    addKey(out, "title", r.title);
    out += "collection: publications\n";
    addKey(out, "category", r.category);
    addKey(out, "permalink", permalink);
    addKey(out, "excerpt", r.excerpt);
    if (!r.date().empty())
        out += "date: " + r.date() + "\n";
    addKey(out, "venue", r.venue);
    addKey(out, "slidesurl", r.slidesurl);
    addKey(out, "paperurl", r.paperurl);
    addKey(out, "bibtexurl", r.bibtexurl);
    addKey(out, "citation", r.citation);
    if (!r.authors.empty()) {
        out += "authors:\n";
        for (const auto &a : r.authors)
            out += "  - " + quoted(a) + "\n";
    }
    addKey(out, "doi", r.doi);
    out += "---\n";
    if (!r.abstract.empty())
        out += "\n" + r.abstract + "\n";
    return out;
}

std::string bibtexUrl(const std::string &fileName, const ImportOptions &options)
{
    std::string base = options.baseurlInLinks ? options.baseurl : std::string();
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    if (!base.empty() && base.front() != '/')
        base.insert(base.begin(), '/');
    return base + "/files/" + fileName;
}

bool templatesPrintBibtexUrlRaw(const QString &siteDir)
{
    static const QRegularExpression raw(QStringLiteral("\\{\\{-?\\s*[\\w.]*bibtexurl\\s*-?\\}\\}"));
    for (const QString &dir : {QStringLiteral("_layouts"), QStringLiteral("_includes"), QStringLiteral("_pages")}) {
        QDirIterator it(QDir(siteDir).filePath(dir), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() > 1 << 20 || !f.open(QIODevice::ReadOnly))
                continue;
            if (raw.match(QString::fromUtf8(f.readAll())).hasMatch())
                return true;
        }
    }
    return false;
}

int ImportPlan::count(ImportAction action) const
{
    return int(std::count_if(items.begin(), items.end(), [&](const PlannedItem &i) { return i.action == action; }));
}

bool ImportPlan::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

ImportPlan planImport(const Publications &existing, const std::vector<ImportRecord> &records,
                      const ImportOptions &options)
{
    ImportPlan plan;
    plan.siteDir = options.siteDir;
    std::vector<Identity> known;
    for (const Publication &p : existing.items)
        known.push_back(identityOf(p, options.siteDir));
    std::vector<Identity> planned;   // records already in the plan, for duplicates within the input
    std::set<std::size_t> mergedInto;
    std::vector<std::size_t> matched;   // per plan item: the existing item it is the same paper as
    for (const ImportRecord &record : records) {
        PlannedItem item;
        item.record = record;
        if (item.record.category.empty())
            item.record.category = categoryFor(record.type, existing.categories);
        const Identity id = identityOf(record);
        for (std::size_t i = 0; i < known.size() && item.reason.isEmpty(); ++i) {
            item.reason = sameReason(id, known[i]);
            if (item.reason.isEmpty())
                continue;
            item.relativePath = existing.items[i].relativePath;
            const bool again = mergedInto.count(i) > 0;
            item.action = options.merge && !again ? ImportAction::Merge : ImportAction::Skip;
            if (item.action == ImportAction::Merge)
                mergedInto.insert(i);
            else if (existing.items[i].keysInBody && !options.merge)
                item.reason += Tr::tr("; its keys are written below its front matter, where Jekyll does not read them: "
                                      "--merge moves them up and fills its empty fields");
            matched.resize(plan.items.size() + 1);
            matched[plan.items.size()] = i;
        }
        for (std::size_t i = 0; i < planned.size() && item.reason.isEmpty(); ++i) {
            item.reason = sameReason(id, planned[i]);
            if (!item.reason.isEmpty())
                item.action = ImportAction::Skip;
        }
        if (item.reason.isEmpty())
            item.action = ImportAction::Create;
        planned.push_back(id);
        plan.items.push_back(std::move(item));
    }
    fillCitations(plan, options);

    const bool slash = permalinksEndInSlash(existing);
    std::set<std::string> taken;
    matched.resize(plan.items.size());
    for (std::size_t n = 0; n < plan.items.size(); ++n) {
        PlannedItem &item = plan.items[n];
        if (item.action == ImportAction::Create)
            planCreate(item, options, slash, taken);
        else if (item.action == ImportAction::Merge)
            planMerge(item, existing.items[matched[n]], options, taken, plan.diagnostics);
    }
    return plan;
}

ImportPlan planImport(const Publications &existing, const bib::Database &entries, const ImportOptions &options)
{
    ImportInput input = recordsFromDatabase(entries);
    ImportPlan plan = planImport(existing, input.records, options);
    plan.diagnostics.insert(plan.diagnostics.begin(), input.diagnostics.begin(), input.diagnostics.end());
    return plan;
}

Result<ImportReport> applyImport(const ImportPlan &plan, const QString &siteDir)
{
    ImportReport report;
    const QDir root(siteDir);
    std::set<QString> folders;
    // Written files reach the disk together, once, at the end (see writeNewFile).
    struct SyncAtEnd final {
        QString dir;
        ~SyncAtEnd() { syncFileSystem(dir); }
    } sync{siteDir};
    for (const PlannedItem &item : plan.items) {
        switch (item.action) {
        case ImportAction::Create: ++report.created; break;
        case ImportAction::Merge: ++report.merged; break;
        case ImportAction::Skip: ++report.skipped; continue;
        }
        for (const PlannedFile &file : item.files) {
            const QString path = root.filePath(q(file.relativePath));
            const auto current = readText(path);
            if (file.exists ? (!current || *current != file.before) : current.has_value()) {
                if (!file.exists && current && *current == file.text)
                    continue;   // written by an earlier run of the same plan
                return makeError(Tr::tr("%1 changed since the import was planned, so it was not written: "
                                        "run the import again")
                                     .arg(q(file.relativePath)));
            }
            const QString folder = QFileInfo(path).absolutePath();
            if (!folders.count(folder) && !QDir().mkpath(folder))
                return makeError(Tr::tr("the folder of %1 cannot be created").arg(q(file.relativePath)));
            folders.insert(folder);
            auto written = file.exists ? replaceFile(path, file.text) : writeNewFile(path, file.text);
            if (!written)
                return makeError(Tr::tr("%1 cannot be written: %2").arg(q(file.relativePath), written.error()));
            report.written.push_back(file.relativePath);
        }
    }
    return report;
}

} // namespace folio::site::publications
