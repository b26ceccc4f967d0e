#include "export.h"

#include "publicationstr.h"
#include "text_p.h"

#include "site/bib/names.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <set>

namespace folio::site::publications {

namespace {

using detail::diagnostic;
using detail::lower;
using detail::q;

std::string asciiLetters(std::string_view text)
{
    const QString folded = q(text).normalized(QString::NormalizationForm_KD);
    std::string out;
    for (const QChar c : folded)
        if (c.unicode() < 0x80 && c.isLetterOrNumber())
            out += char(std::tolower(c.unicode()));
    return out;
}

// Text from front matter as a BibTeX value: the characters LaTeX treats as
// commands escaped (math between $ is left alone, it is LaTeX already).
std::string latexValue(std::string_view text)
{
    std::string out;
    bool math = false;
    for (char c : text) {
        if (c == '$')
            math = !math;
        if (!math && (c == '&' || c == '%' || c == '#'))
            out += '\\';
        out += c;
    }
    return out;
}

// The field the venue goes in for an entry type (BibTeX's standard styles).
std::string venueField(std::string_view type)
{
    if (type == "article")
        return "journal";
    if (type == "inproceedings" || type == "conference" || type == "incollection" || type == "inbook")
        return "booktitle";
    if (type == "phdthesis" || type == "mastersthesis")
        return "school";
    if (type == "techreport")
        return "institution";
    if (type == "book")
        return "publisher";
    return "howpublished";
}

std::string typeForCategory(std::string_view category)
{
    const std::string c = lower(category);
    if (c == "manuscripts" || c == "journal" || c == "journals" || c == "articles")
        return "article";
    if (c == "conferences" || c == "conference" || c == "proceedings")
        return "inproceedings";
    if (c == "books" || c == "book")
        return "book";
    if (c == "theses" || c == "thesis")
        return "phdthesis";
    return "misc";
}

std::string joinAuthors(const std::vector<std::string> &authors)
{
    std::string out;
    for (const auto &a : authors) {
        if (!out.empty())
            out += " and ";
        out += latexValue(a);
    }
    return out;
}

bool hasValue(const bib::Entry &e, std::string_view field)
{
    const bib::Field *f = e.field(field);
    return f && !f->value.empty();
}

// Adds a field the entry lacks; true when it did.
bool supplement(bib::Entry &e, const std::string &field, const std::string &value)
{
    if (value.empty() || hasValue(e, field))
        return false;
    if (bib::Field *existing = const_cast<bib::Field *>(e.field(field))) {
        existing->value = value;
        return true;
    }
    e.fields.push_back(bib::Field{field, value, 0, false});
    return true;
}

std::optional<bib::Entry> storedEntry(const Publication &item, const ExportOptions &options, ExportReport *report)
{
    const std::string file = siteFileOfUrl(item.bibtexurl, options);
    if (file.empty())
        return std::nullopt;
    const QString path = QDir(options.siteDir).filePath(q(file));
    if (!QFile::exists(path))
        return std::nullopt;
    bib::ReadOptions read;
    read.fileName = q(file);
    auto db = bib::readFile(path, read);
    if (!db || db->entries.empty()) {
        if (report) {
            report->diagnostics.push_back(
                diagnostic(Severity::Warning, q(item.relativePath), 0,
                           Tr::tr("its bibtexurl %1 holds no BibTeX entry that reads: the entry was made "
                                  "from the front matter")
                               .arg(q(file))));
        }
        return std::nullopt;
    }
    return db->entries.front();
}

std::string uniqueKey(std::string key, std::vector<std::string> &used)
{
    if (key.empty())
        key = "publication";
    std::string candidate = key;
    for (char suffix = 'b'; std::find(used.begin(), used.end(), lower(candidate)) != used.end(); ++suffix)
        candidate = key + (suffix <= 'z' ? std::string(1, suffix) : std::to_string(suffix - 'a'));
    used.push_back(lower(candidate));
    return candidate;
}

} // namespace

std::string siteFileOfUrl(const std::string &url, const ExportOptions &options)
{
    std::string u = url;
    auto strip = [&](std::string prefix) {
        while (!prefix.empty() && prefix.back() == '/')
            prefix.pop_back();
        if (!prefix.empty() && u.rfind(prefix, 0) == 0 && (u.size() == prefix.size() || u[prefix.size()] == '/'))
            u.erase(0, prefix.size());
    };
    strip(options.url);
    strip(options.baseurl);
    if (u.find("://") != std::string::npos || u.empty())
        return {};
    while (!u.empty() && u.front() == '/')
        u.erase(0, 1);
    if (u.find("..") != std::string::npos)
        return {};
    return u;
}

std::string scholarKey(const Publication &item)
{
    static const std::set<std::string> skipped = {"a", "an", "the", "on", "of", "in", "for", "to", "and",
                                                  "with", "at", "by", "from", "towards", "toward", "is"};
    std::string author;
    if (!item.authors.empty()) {
        const bib::NameList names = bib::splitNames(item.authors.front());
        author = asciiLetters(names.names.empty() ? item.authors.front() : names.names.front().last);
    }
    std::string word;
    std::string current;
    const QString title = q(item.title);
    for (const QString &w : title.split(QRegularExpression(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption), Qt::SkipEmptyParts)) {
        current = asciiLetters(w.toStdString());
        if (!current.empty() && !skipped.count(current)) {
            word = current;
            break;
        }
    }
    return author + (item.year ? std::to_string(item.year) : std::string()) + word;
}

bib::Entry exportEntry(const Publication &item, const ExportOptions &options, std::vector<std::string> &usedKeys,
                       ExportReport *report)
{
    std::optional<bib::Entry> stored = storedEntry(item, options, report);
    bib::Entry e = stored ? *stored : bib::Entry{};
    bool changed = !stored;
    if (!stored) {
        e.type = typeForCategory(item.category);
        e.key = scholarKey(item);
    }
    const std::string key = uniqueKey(e.key, usedKeys);
    changed |= key != e.key;
    e.key = key;
    changed |= supplement(e, "title", latexValue(item.title));
    changed |= supplement(e, "author", joinAuthors(item.authors));
    changed |= supplement(e, venueField(e.type), latexValue(item.venue));
    if (item.year > 0)
        changed |= supplement(e, "year", std::to_string(item.year));
    // A month only from a written date (a file name's date is often a
    // template's placeholder), and not from YYYY-01-01, pubsFromBib's "no month".
    const auto date = item.sources.find("date");
    const bool dateWritten = date != item.sources.end() && !date->second.key.empty();
    if (dateWritten && item.date.size() >= 10 && item.date.substr(5) != "01-01")
        changed |= supplement(e, "month", std::to_string(std::stoi(item.date.substr(5, 2))));
    const bool doiUrl = item.paperurl.find("doi.org/") != std::string::npos;
    if (!doiUrl)
        changed |= supplement(e, "url", item.paperurl);
    std::string doi = item.doi;
    if (doi.empty() && doiUrl)
        doi = item.paperurl.substr(item.paperurl.find("doi.org/") + 8);
    changed |= supplement(e, "doi", doi);
    if (changed || e.source.empty())
        e.source = bib::format(e);
    if (report)
        (stored ? report->fromStored : report->fromFrontMatter)++;
    return e;
}

std::string exportBibtex(const Publications &publications, const ExportOptions &options, ExportReport *report)
{
    std::string out;
    std::vector<std::string> used;
    for (const Publication &item : publications.items) {
        if (item.title.empty() && report) {
            // Spelled out: lupdate does not see this function's Tr as the module's.
            report->diagnostics.push_back(diagnostic(
                Severity::Warning, q(item.relativePath), 0,
                QCoreApplication::translate("folio::site::publications",
                                            "this item has no title: its entry has none either; give it a title")));
        }
        const bib::Entry e = exportEntry(item, options, used, report);
        if (!out.empty())
            out += '\n';
        out += e.source;
        if (out.back() != '\n')
            out += '\n';
    }
    return out;
}

} // namespace folio::site::publications
