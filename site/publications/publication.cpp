#include "publication.h"
#include "text_p.h"

#include "site/liquid/timeformat.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/yaml.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace folio::site::publications {

namespace {

using liquid::Value;

// The record's fields and the keys academicpages' templates and generators
// wrote them under from 2016 to 2026, the template's own key first:
// `paperurl` (2016 template, publications.py), `paper_url` (the TSV column,
// copied as a key by some forks), `pdf` (al-folio habits); `slidesurl` (2019),
// `bibtexurl` (2024); `venue` (2016), `journal`/`booktitle` (BibTeX-minded
// forks); `authors` (2024 template), `author` (pubsFromBib.py); `date`
// (Jekyll's), `pub_date` (the TSV column). The first key with a value wins.
struct FieldKeys final {
    std::string_view field;
    std::vector<std::string> keys;
};

const std::vector<FieldKeys> &fieldTable()
{
    static const std::vector<FieldKeys> table = {
        {"title", {"title"}},
        {"authors", {"authors", "author"}},
        {"venue", {"venue", "journal", "booktitle"}},
        {"date", {"date", "pub_date"}},
        {"year", {"year"}},
        {"category", {"category"}},
        {"paperurl", {"paperurl", "paper_url", "pdf"}},
        {"slidesurl", {"slidesurl", "slides_url"}},
        {"bibtexurl", {"bibtexurl", "bibtex_url"}},
        {"citation", {"citation"}},
        {"excerpt", {"excerpt"}},
        {"doi", {"doi"}},
        {"abstract", {"abstract"}},
        {"permalink", {"permalink"}},
    };
    return table;
}

using detail::trimmedSpaceTabNewline;

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string isoDate(int year, int month, int day)
{
    return std::to_string(year) + "-" + twoDigits(month) + "-" + twoDigits(day);
}

// A front matter value as a record's text: strings as written, dates as
// YYYY-MM-DD, numbers as Ruby prints them, nil as "".
std::string textOf(const Value &v)
{
    if (v.isTime()) {
        const liquid::CivilTime c = liquid::toCivil(v.time());
        return isoDate(c.year, c.month, c.day);
    }
    if (v.isArray()) {
        std::string out;
        for (const Value &item : v.array())
            out += (out.empty() ? "" : ", ") + textOf(item);
        return out;
    }
    return v.isNil() ? std::string() : v.toString();
}

// The date as YYYY-MM-DD the way Jekyll reads the `date` key: a YAML date or
// time, or a text Ruby's Time.parse reads. A bare number is not a date (Jekyll
// takes it as seconds since 1970), nor is what does not parse: "".
std::string dateOf(const Value &v)
{
    if (v.isTime())
        return textOf(v);
    if (!v.isString())
        return {};
    const std::string text = trimmedSpaceTabNewline(v.str());
    static const QRegularExpression bareYear(QStringLiteral("^\\d{1,4}$"));
    if (text.empty() || bareYear.match(QString::fromStdString(text)).hasMatch())
        return {};
    const auto parsed = liquid::parseTime(text, 0);
    if (!parsed)
        return {};
    const liquid::CivilTime c = liquid::toCivil(*parsed);
    return isoDate(c.year, c.month, c.day);
}

// The date in a file name as Jekyll reads it for posts and academicpages
// relies on for publications: "2009-10-01-paper-title.md".
std::string fileNameDate(std::string_view relativePath)
{
    const std::size_t slash = relativePath.rfind('/');
    const QString name = QString::fromUtf8(relativePath.substr(slash == std::string_view::npos ? 0 : slash + 1));
    static const QRegularExpression dated(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-"));
    const auto m = dated.match(name);
    if (!m.hasMatch())
        return {};
    const int y = m.captured(1).toInt(), mo = m.captured(2).toInt(), d = m.captured(3).toInt();
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return {};
    return isoDate(y, mo, d);
}

// "A. Bc and D. Ef" (BibTeX), "A. Bc, D. Ef" (academicpages' generators), a
// YAML list: the names in order.
std::vector<std::string> splitAuthors(const Value &v)
{
    std::vector<std::string> out;
    if (v.isArray()) {
        for (const Value &item : v.array())
            if (std::string name = trimmedSpaceTabNewline(textOf(item)); !name.empty())
                out.push_back(std::move(name));
        return out;
    }
    QString text = QString::fromStdString(textOf(v)).simplified();
    if (text.isEmpty())
        return out;
    const bool bibtexStyle = text.contains(QLatin1String(" and "));
    static const QRegularExpression andSeparator(QStringLiteral(",?\\s+and\\s+"));
    static const QRegularExpression listSeparator(QStringLiteral("\\s*[,;]\\s*"));
    const QStringList parts = bibtexStyle ? text.split(andSeparator) : text.split(listSeparator);
    for (const QString &part : parts)
        if (const QString name = part.trimmed(); !name.isEmpty())
            out.push_back(name.toStdString());
    return out;
}

// The loaded value of `key` in the record, or nil.
Value valueIn(const yaml::FrontMatterLayout &layout, std::string_view key)
{
    return layout.values.isHash() ? layout.values.hash().value(key) : Value();
}

// Which of the field's keys holds it: the first one with a value, else the
// first one written, else none.
const yaml::FrontMatterKey *keyForField(const yaml::FrontMatterLayout &layout, const FieldKeys &field)
{
    const yaml::FrontMatterKey *firstWritten = nullptr;
    for (const std::string &key : field.keys) {
        const yaml::FrontMatterKey *k = layout.find(key);
        if (!k)
            continue;
        if (!firstWritten)
            firstWritten = k;
        const Value v = valueIn(layout, key);
        if (!v.isNil() && !(v.isString() && trimmedSpaceTabNewline(v.str()).empty()))
            return k;
    }
    return firstWritten;
}

std::size_t lineStart(std::string_view text, int line)
{
    std::size_t pos = 0;
    for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
        pos = text.find('\n', pos);
        if (pos != std::string_view::npos)
            ++pos;
    }
    return pos == std::string_view::npos ? text.size() : pos;
}

// Moves a layout read from a synthetic document to where its lines are in
// the file: `byteShift` bytes and `lineShift` lines further.
void shiftLayout(yaml::FrontMatterLayout &layout, std::ptrdiff_t byteShift, int lineShift)
{
    auto shift = [byteShift](std::size_t &offset) { offset = std::size_t(std::ptrdiff_t(offset) + byteShift); };
    shift(layout.yamlBegin);
    shift(layout.yamlEnd);
    layout.yamlFirstLine += lineShift;
    for (yaml::FrontMatterKey &k : layout.keys) {
        shift(k.begin);
        shift(k.end);
        shift(k.valueBegin);
        k.firstLine += lineShift;
        k.lastLine += lineShift;
    }
}

QStringList stringsOf(const Value &v)
{
    QStringList out;
    if (v.isArray()) {
        for (const Value &item : v.array())
            if (!item.isNil() && !item.toString().empty())
                out << QString::fromStdString(item.toString());
    } else if (v.isString() && !v.str().empty()) {
        out << QString::fromStdString(v.str());
    }
    return out;
}

// Named HTML entities academicpages' generators write into titles and
// citations (html_escape: &amp; &quot; &apos;), and numeric ones.
QString decodeEntities(QString text)
{
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt|nbsp);"));
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name.startsWith(QLatin1String("#x")))
            out += QChar::fromUcs4(name.mid(2).toUInt(nullptr, 16));
        else if (name.startsWith(QLatin1Char('#')))
            out += QChar::fromUcs4(name.mid(1).toUInt());
        else if (name == QLatin1String("amp"))
            out += QLatin1Char('&');
        else if (name == QLatin1String("quot"))
            out += QLatin1Char('"');
        else if (name == QLatin1String("apos"))
            out += QLatin1Char('\'');
        else if (name == QLatin1String("lt"))
            out += QLatin1Char('<');
        else if (name == QLatin1String("gt"))
            out += QLatin1Char('>');
        else
            out += QLatin1Char(' ');
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace

const std::vector<std::string> &keysOfField(std::string_view field)
{
    static const std::vector<std::string> none;
    for (const FieldKeys &f : fieldTable())
        if (f.field == field)
            return f.keys;
    return none;
}

RecordLayout recordLayout(std::string_view text)
{
    RecordLayout record;
    record.keys = yaml::readFrontMatter(text);
    const yaml::FrontMatterSplit split = yaml::split(text);
    const yaml::MisplacedFrontMatter misplaced = yaml::findMisplacedFrontMatter(split);
    if (!misplaced.found)
        return record;
    // The key lines read as the front matter they were meant to be: a
    // synthetic document whose offsets are moved back onto the file's.
    record.inBody = true;
    record.closingBegin = std::size_t(split.yaml.data() + split.yaml.size() - text.data());
    record.bodyKeysBegin = lineStart(text, misplaced.firstLine);
    record.bodyKeysEnd = lineStart(text, misplaced.lastLine + 1);
    const std::string_view lines = text.substr(record.bodyKeysBegin, record.bodyKeysEnd - record.bodyKeysBegin);
    std::string synthetic = "---\n" + std::string(lines);
    if (!synthetic.ends_with('\n'))
        synthetic += '\n';
    synthetic += "---\n";
    yaml::FrontMatterLayout moved = yaml::readFrontMatter(synthetic);
    shiftLayout(moved, std::ptrdiff_t(record.bodyKeysBegin) - 4, misplaced.firstLine - 2);
    moved.hasFrontMatter = true;
    moved.hasBom = record.keys.hasBom;
    record.keys = std::move(moved);
    return record;
}

Publication readPublication(const QString &sourcePath, const std::string &relativePath, const std::string &text)
{
    Publication p;
    p.sourcePath = sourcePath;
    p.relativePath = relativePath;
    const RecordLayout record = recordLayout(text);
    const yaml::FrontMatterLayout &layout = record.keys;
    p.keysInBody = record.inBody;
    if (record.inBody && !layout.keys.empty()) {
        p.bodyKeysFirstLine = layout.keys.front().firstLine;
        p.bodyKeysLastLine = layout.keys.back().lastLine;
    }

    std::map<std::string, Value> values;
    for (const FieldKeys &field : fieldTable()) {
        const yaml::FrontMatterKey *key = keyForField(layout, field);
        if (!key)
            continue;
        p.sources[std::string(field.field)] = Source{key->key, key->firstLine, record.inBody};
        values[std::string(field.field)] = valueIn(layout, key->key);
    }
    auto text_ = [&](const char *field) {
        const auto it = values.find(field);
        return it == values.end() ? std::string() : textOf(it->second);
    };
    p.title = text_("title");
    if (const auto it = values.find("authors"); it != values.end())
        p.authors = splitAuthors(it->second);
    p.venue = text_("venue");
    p.category = text_("category");
    p.paperurl = text_("paperurl");
    p.slidesurl = text_("slidesurl");
    p.bibtexurl = text_("bibtexurl");
    p.citation = text_("citation");
    p.excerpt = text_("excerpt");
    p.doi = text_("doi");
    p.abstract = text_("abstract");
    p.permalink = text_("permalink");
    p.url = p.permalink;

    if (const auto it = values.find("date"); it != values.end())
        p.date = dateOf(it->second);
    if (p.date.empty())
        p.date = fileNameDate(relativePath);
    if (!p.date.empty()) {
        p.year = std::stoi(p.date.substr(0, p.date.find('-')));
    } else {
        // `date: 2023` (no date to Jekyll, but the year the author meant),
        // else pubsFromBib.py's `year:`.
        static const QRegularExpression bareYear(QStringLiteral("^\\s*(\\d{4})\\s*$"));
        for (const char *field : {"date", "year"}) {
            const auto it = values.find(field);
            if (it == values.end())
                continue;
            const auto m = bareYear.match(QString::fromStdString(textOf(it->second)));
            if (m.hasMatch()) {
                p.year = m.captured(1).toInt();
                break;
            }
        }
    }
    return p;
}

Publications readPublications(const model::Site &site)
{
    Publications out;
    const model::Config &config = site.config();
    for (const auto &[key, value] : config.value("publication_category").hash())
        out.categories.push_back({key, value.get("title").toString()});
    for (const model::Document *doc : site.collectionDocuments(out.collection)) {
        if (doc->generated)
            continue;
        QFile file(doc->sourcePath);
        if (!file.open(QIODevice::ReadOnly))
            continue;   // the site's reader reported it
        const QByteArray bytes = file.readAll();
        Publication p = readPublication(doc->sourcePath, doc->relativePath, bytes.toStdString());
        p.url = doc->url;
        out.items.push_back(std::move(p));
    }
    return out;
}

Settings readSettings(const model::Config &config)
{
    Settings settings;
    const Value folio = config.value("folio").get("publications");
    if (const std::string style = trimmedSpaceTabNewline(folio.get("style").toString()); !style.empty())
        settings.style = QString::fromStdString(style);
    if (const std::string locale = trimmedSpaceTabNewline(folio.get("locale").toString()); !locale.empty())
        settings.locale = QString::fromStdString(locale);
    if (const std::string name = trimmedSpaceTabNewline(config.value("author").get("name").toString()); !name.empty())
        settings.boldNames << QString::fromStdString(name);
    for (const QString &name : stringsOf(folio.get("owner_names")))
        if (!settings.boldNames.contains(name.trimmed()))
            settings.boldNames << name.trimmed();
    return settings;
}

std::string normalizedTitle(std::string_view title)
{
    // Entities and HTML tags first (generators escape quotes; titles carry
    // <i>), then compatibility decomposition so accents become marks and
    // ligatures letters, then case folding.
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString text = decodeEntities(QString::fromUtf8(title.data(), qsizetype(title.size())));
    text.replace(tag, QStringLiteral(" "));
    // BibTeX's case-protecting braces are inside words ("{T}ransformers").
    text.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    // QString folds case character by character: the full folding of ß
    // (to "ss", as Unicode's CaseFolding.txt has it) is done by hand.
    text = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    text.replace(QChar(0x00DF), QLatin1String("ss"));
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing
            || c.category() == QChar::Mark_SpacingCombining || c.category() == QChar::Other_Format)
            continue;
        if (c.isLetterOrNumber() || c.isSurrogate()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            out += c;
        } else {
            space = true;   // punctuation, spaces, braces: one separator
        }
    }
    return out.toStdString();
}

} // namespace folio::site::publications
