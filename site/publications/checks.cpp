#include "checks.h"
#include "publicationstr.h"
#include "text_p.h"

#include "site/yaml/frontmatter.h"
#include "site/yaml/yaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace folio::site::publications {

namespace {

using liquid::Value;

using detail::q;

using detail::trimmedSpaceTabNewline;

// What the checks of one item know besides its text.
struct Context final {
    QString siteDir;                      // "" without a site
    std::string baseurl;
    std::vector<Category> categories;
    std::string displayPath;              // "_publications/x.md"
    // Other documents of the site at the item's URL ("_pages/x.md").
    std::vector<std::string> sameUrl;
};

// The checks of one item, in the order the user should meet them.
class ItemChecks final
{
public:
    ItemChecks(const Publication &item, const std::string &text, const Context &context)
        : m_item(item), m_text(text), m_context(context), m_record(recordLayout(text))
    {
    }

    std::vector<Check> run()
    {
        keysInBody();
        title();
        venue();
        date();
        invisibleCharacters();
        urls();
        duplicateUrl();
        category();
        citation();
        return std::move(m_checks);
    }

private:
    const yaml::FrontMatterKey *keyOf(std::string_view field) const
    {
        const auto it = m_item.sources.find(std::string(field));
        return it == m_item.sources.end() ? nullptr : m_record.keys.find(it->second.key);
    }
    int lineOf(std::string_view field) const
    {
        if (const yaml::FrontMatterKey *k = keyOf(field))
            return k->firstLine;
        return m_record.keys.yamlFirstLine > 0 ? m_record.keys.yamlFirstLine : 1;
    }
    // Fixes that go through the front matter editor need the keys in the
    // front matter: below it, the first fix moves them up and the others are
    // offered on the next check.
    bool canEditFrontMatter() const { return !m_record.inBody && m_record.keys.ok(); }

    Check &add(const char *id, int line, const QString &message)
    {
        Check check;
        check.id = QLatin1String(id);
        check.diagnostic.severity = Severity::Warning;
        check.diagnostic.file = q(m_context.displayPath);
        check.diagnostic.line = line;
        check.diagnostic.column = 1;
        check.diagnostic.message = message;
        if (line > 0) {
            const std::size_t begin = lineStartOf(line);
            const std::size_t end = m_text.find('\n', begin);
            check.diagnostic.snippet = q(std::string_view(m_text).substr(begin, end == std::string::npos ? end : end - begin))
                                           .trimmed();
        }
        m_checks.push_back(std::move(check));
        return m_checks.back();
    }
    std::size_t lineStartOf(int line) const
    {
        std::size_t pos = 0;
        for (int l = 1; l < line; ++l) {
            pos = m_text.find('\n', pos);
            if (pos == std::string::npos)
                return m_text.size();
            ++pos;
        }
        return pos;
    }
    Fix makeFix(const QString &description, std::vector<yaml::TextEdit> edits) const
    {
        return Fix{description, m_item.sourcePath, std::move(edits)};
    }

    // The fix's result reads back with `expected` for the keys named (nil:
    // removed) and every other key as before; else the fix is not offered.
    bool readsBack(const std::vector<yaml::TextEdit> &edits, const std::map<std::string, Value> &expected) const
    {
        const auto fixed = applyFix(m_text, Fix{{}, {}, edits});
        if (!fixed)
            return false;
        const yaml::FrontMatterLayout after = yaml::readFrontMatter(*fixed);
        if (!after.ok())
            return false;
        const liquid::Hash &now = after.values.hash();
        const liquid::Hash &was = m_record.keys.values.hash();
        for (const auto &[key, value] : expected) {
            const Value *got = now.find(key);
            if (value.isNil() ? got != nullptr : (!got || got->inspect() != value.inspect()))
                return false;
        }
        for (const auto &[key, value] : was) {
            if (expected.count(key))
                continue;
            const Value *got = now.find(key);
            if (!got || got->inspect() != value.inspect())
                return false;
        }
        return true;
    }

    std::optional<Fix> setValueFix(const QString &description, const std::string &key, const Value &value) const
    {
        if (!canEditFrontMatter())
            return std::nullopt;
        auto edit = yaml::setValueEdit(m_text, key, value);
        if (!edit)
            return std::nullopt;
        return makeFix(description, {*edit});
    }
    std::optional<Fix> setDateFix(const QString &description, const std::string &key, const std::string &date) const
    {
        if (!canEditFrontMatter())
            return std::nullopt;
        // A trailing comment on the key's line stays (the raw edit would drop
        // it); the old value (a year, a date) holds no '#'.
        std::string comment;
        if (const yaml::FrontMatterKey *existing = m_record.keys.find(key)) {
            const std::size_t hash = existing->rawValue.find(" #");
            if (hash != std::string::npos && existing->rawValue.find('\n') == std::string::npos)
                comment = existing->rawValue.substr(hash);
        }
        auto edit = yaml::setRawValueEdit(m_text, key, " " + date + comment);
        if (!edit)
            return std::nullopt;
        return makeFix(description, {*edit});
    }

    void keysInBody();
    void title();
    void venue();
    void date();
    void invisibleCharacters();
    void urls();
    void url(const std::string &field, const std::string &value);
    void duplicateUrl();
    void category();
    void citation();

    const Publication &m_item;
    const std::string &m_text;
    const Context &m_context;
    const RecordLayout m_record;
    std::vector<Check> m_checks;
};

// ---- keys below an empty front matter ----

void ItemChecks::keysInBody()
{
    if (!m_record.inBody)
        return;
    QStringList keys;
    for (const yaml::FrontMatterKey &k : m_record.keys.keys)
        keys << q(k.key);
    const int first = m_item.bodyKeysFirstLine, last = m_item.bodyKeysLastLine;
    Check &check = add("keys-in-body", first,
                       Tr::tr("the front matter between the --- lines is empty and its keys (%1) are below it, on "
                              "lines %2-%3: Jekyll shows them as text and the item has no title, venue or link; "
                              "move them up between the --- lines")
                           .arg(keys.join(QStringLiteral(", ")))
                           .arg(first)
                           .arg(last));
    // One edit from the closing `---` to the end of the key lines: the keys
    // first, then the closing line as it was (with the blank lines Jekyll's
    // split swallowed after it). Every other byte stays.
    const std::string closing = m_text.substr(m_record.closingBegin, m_record.bodyKeysBegin - m_record.closingBegin);
    std::string keyLines = m_text.substr(m_record.bodyKeysBegin, m_record.bodyKeysEnd - m_record.bodyKeysBegin);
    if (!keyLines.ends_with('\n'))
        keyLines += closing.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    const std::vector<yaml::TextEdit> edits = {{m_record.closingBegin, m_record.bodyKeysEnd, keyLines + closing}};
    // It must read back as the keys did in the body.
    const auto fixed = applyFix(m_text, Fix{{}, {}, edits});
    if (!fixed)
        return;
    const yaml::FrontMatterLayout after = yaml::readFrontMatter(*fixed);
    if (!after.ok() || after.values.inspect() != m_record.keys.values.inspect())
        return;
    check.fix = makeFix(keys.size() == 1 ? Tr::tr("Move the key found in the body into the front matter")
                                         : Tr::tr("Move the %1 keys found in the body into the front matter").arg(keys.size()),
                        edits);
}

// ---- title, venue ----

void ItemChecks::title()
{
    if (!trimmedSpaceTabNewline(m_item.title).empty())
        return;
    add("missing-title", lineOf("title"),
        Tr::tr("the item has no title: the publications page shows an empty heading; add title: \"...\""));
}

// Words that say a text names a venue, not people.
bool isVenueWord(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("conference"), QStringLiteral("journal"), QStringLiteral("proceedings"),
        QStringLiteral("transactions"), QStringLiteral("international"), QStringLiteral("workshop"),
        QStringLiteral("symposium"), QStringLiteral("university"), QStringLiteral("press"), QStringLiteral("letters"),
        QStringLiteral("review"), QStringLiteral("society"), QStringLiteral("advances"), QStringLiteral("annual"),
        QStringLiteral("science"), QStringLiteral("sciences"), QStringLiteral("nature"), QStringLiteral("arxiv"),
        QStringLiteral("preprint"), QStringLiteral("thesis"), QStringLiteral("institute"), QStringLiteral("meeting"),
        QStringLiteral("research"), QStringLiteral("engineering"), QStringLiteral("systems"),
        QStringLiteral("learning"), QStringLiteral("computing"), QStringLiteral("vision"), QStringLiteral("physics"),
        QStringLiteral("chemistry"), QStringLiteral("medicine"), QStringLiteral("magazine"), QStringLiteral("bulletin"),
        QStringLiteral("quarterly"), QStringLiteral("in"), QStringLiteral("on"), QStringLiteral("of"),
        QStringLiteral("for"), QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("ieee"),
        QStringLiteral("acm"), QStringLiteral("springer"), QStringLiteral("elsevier"), QStringLiteral("vol"),
        QStringLiteral("volume"), QStringLiteral("pp"), QStringLiteral("pages")};
    return words.contains(word.toCaseFolded());
}

// Particles of names: "Ludwig van Beethoven", "Maria de la Cruz".
bool isNameParticle(const QString &word)
{
    static const QSet<QString> particles = {QStringLiteral("van"), QStringLiteral("von"), QStringLiteral("de"),
                                            QStringLiteral("der"), QStringLiteral("den"), QStringLiteral("da"),
                                            QStringLiteral("di"), QStringLiteral("du"), QStringLiteral("la"),
                                            QStringLiteral("le"), QStringLiteral("del"), QStringLiteral("dos"),
                                            QStringLiteral("bin"), QStringLiteral("al"), QStringLiteral("ter")};
    return particles.contains(word);
}

bool isHan(const QString &s)
{
    if (s.size() < 2 || s.size() > 4)
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.script() == QChar::Script_Han; });
}

// One person's name as academics write it: "Yineng Chen", "J. Smith",
// "Jean-Pierre de la Cruz", "Chen, Yineng", "陈一能". Two to five words, each
// capitalised (or a particle, or an initial), no digits, no venue words.
bool looksLikeName(const QString &raw)
{
    QString name = raw.trimmed();
    if (isHan(name))
        return true;
    if (name.count(QLatin1Char(',')) == 1) {   // "Last, First"
        const QStringList parts = name.split(QLatin1Char(','));
        return looksLikeName(parts[1].trimmed() + QLatin1Char(' ') + parts[0].trimmed());
    }
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList words = name.split(space, Qt::SkipEmptyParts);
    if (words.size() < 2 || words.size() > 5)
        return false;
    int capitalised = 0;
    for (const QString &word : words) {
        if (isVenueWord(word))
            return false;
        if (isNameParticle(word))
            continue;
        // An acronym (AAAI, ICML) is a venue.
        if (word.size() > 1 && word == word.toUpper() && !word.contains(QLatin1Char('.')))
            return false;
        for (const QChar c : word)
            if (!(c.isLetter() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('\'')
                  || c == QChar(0x2019)))
                return false;
        if (!word.front().isUpper())
            return false;
        ++capitalised;
    }
    return capitalised >= 2 || (capitalised == 1 && words.size() >= 2);
}

// A venue that is a list of at least two person names: what the seed's first
// paper has ("Yineng Chen, Zuchao Li, Lefei Zhang, Bo Du, Hai Zhao").
std::vector<std::string> personNames(const std::string &venue)
{
    const QString text = q(venue).simplified();
    static const QRegularExpression andSeparator(QStringLiteral(",?\\s+and\\s+|\\s*&\\s*"));
    QStringList parts;
    if (text.contains(QLatin1String(" and ")) && text.count(QLatin1Char(',')) >= 1
        && text.split(andSeparator).size() >= 2) {
        // "Chen, Yineng and Li, Zuchao" (BibTeX) or "A B, C D and E F".
        const QStringList byAnd = text.split(andSeparator);
        const bool bibtexStyle = std::all_of(byAnd.begin(), byAnd.end(),
                                             [](const QString &p) { return p.count(QLatin1Char(',')) == 1; });
        if (bibtexStyle) {
            parts = byAnd;
        } else {
            for (const QString &chunk : byAnd)
                parts << chunk.split(QLatin1Char(','));
        }
    } else {
        static const QRegularExpression listSeparator(QStringLiteral("\\s*[,;，、]\\s*|,?\\s+and\\s+|\\s*&\\s*"));
        parts = text.split(listSeparator);
    }
    parts.removeAll(QString());
    std::vector<std::string> names;
    if (parts.size() < 2)
        return names;
    for (const QString &part : parts) {
        if (!looksLikeName(part))
            return {};
        names.push_back(part.trimmed().toStdString());
    }
    return names;
}

void ItemChecks::venue()
{
    const yaml::FrontMatterKey *venueKey = keyOf("venue");
    const std::string venue = trimmedSpaceTabNewline(m_item.venue);
    const std::string year = m_item.year ? std::to_string(m_item.year) : std::string("YEAR");
    if (venue.empty()) {
        add("empty-venue", lineOf("venue"),
            (venueKey ? Tr::tr("the venue is empty: the publications page shows \"Published in , %1\"; give the "
                               "journal or conference (venue: \"...\")")
                      : Tr::tr("the item has no venue: the publications page shows \"Published in , %1\"; add the "
                               "journal or conference (venue: \"...\")"))
                .arg(q(year)));
        return;
    }
    const std::vector<std::string> names = personNames(venue);
    if (names.empty())
        return;
    Check &check = add("venue-is-authors", lineOf("venue"),
                       m_record.inBody
                           ? Tr::tr("the venue \"%1\" is a list of %2 names, not a journal or conference; move the "
                                    "names to authors and give the venue (fixed once the keys are in the front matter)")
                                 .arg(q(venue))
                                 .arg(names.size())
                           : Tr::tr("the venue \"%1\" is a list of %2 names, not a journal or conference: the page "
                                    "shows \"Published in %1, %3\"; move the names to authors and give the venue")
                                 .arg(q(venue))
                                 .arg(names.size())
                                 .arg(q(year)));
    if (!canEditFrontMatter() || !venueKey)
        return;
    liquid::Array list;
    for (const std::string &n : names)
        list.emplace_back(n);
    const Value authors{list};
    std::map<std::string, Value> expected = {{venueKey->key, Value()}};
    std::vector<yaml::TextEdit> edits;
    const yaml::FrontMatterKey *authorsKey = m_record.keys.find("authors");
    const std::vector<std::string> existing = m_item.authors;
    if (!existing.empty()) {
        // Authors already given: the venue can go only when it repeats them.
        std::vector<std::string> a, b;
        for (const auto &n : existing)
            a.push_back(normalizedTitle(n));
        for (const auto &n : names)
            b.push_back(normalizedTitle(n));
        if (a != b)
            return;
        auto removal = yaml::removeKeyEdit(m_text, venueKey->key);
        if (!removal)
            return;
        edits.push_back(*removal);
        if (!readsBack(edits, expected))
            return;
        check.fix = makeFix(Tr::tr("Remove the venue, which repeats the authors"), edits);
        return;
    }
    expected["authors"] = authors;
    if (!authorsKey) {
        // The venue's lines become the authors list, in the venue's place, as
        // a block list the way academicpages' 2024 template writes it.
        const std::string lineEnd = m_text.compare(venueKey->end >= 2 ? venueKey->end - 2 : 0, 2, "\r\n") == 0
                                        ? "\r\n"
                                        : "\n";
        std::string replacement = "authors:" + lineEnd;
        for (const std::string &n : names)
            replacement += "  - " + yaml::formatScalar(Value(n), yaml::ValueStyle::Plain) + lineEnd;
        edits.push_back({venueKey->begin, venueKey->end, replacement});
    } else {
        // An empty `authors:` is there: set it, and remove the venue.
        auto set = yaml::setValueEdit(m_text, "authors", authors);
        auto removal = yaml::removeKeyEdit(m_text, venueKey->key);
        if (!set || !removal)
            return;
        edits = {*set, *removal};
        std::sort(edits.begin(), edits.end(), [](const auto &x, const auto &y) { return x.begin < y.begin; });
    }
    if (!readsBack(edits, expected))
        return;
    check.fix = makeFix(Tr::tr("Move the %1 names of the venue to authors").arg(names.size()), edits);
}

// ---- date ----

std::string fileDate(std::string_view relativePath)
{
    const std::size_t slash = relativePath.rfind('/');
    const QString name = q(relativePath.substr(slash == std::string_view::npos ? 0 : slash + 1));
    static const QRegularExpression dated(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})-"));
    const auto m = dated.match(name);
    return m.hasMatch() ? (m.captured(1) + QLatin1Char('-') + m.captured(2) + QLatin1Char('-') + m.captured(3)).toStdString()
                        : std::string();
}

void ItemChecks::date()
{
    const std::string named = fileDate(m_item.relativePath);
    const yaml::FrontMatterKey *dateKey = m_record.keys.find("date");
    if (dateKey) {
        const Value v = m_record.keys.values.hash().value("date");
        if (v.isTime())
            return;
        const std::string raw = trimmedSpaceTabNewline(v.toString());
        if (v.isNil() || raw.empty()) {
            if (!named.empty())
                return;   // `date:` left empty: the file name's date applies
            add("missing-date", dateKey->firstLine,
                Tr::tr("the date is empty and the file name has none: Jekyll dates the item with the time of "
                       "the build, so it shows this year and sorts first; give date: YYYY-MM-DD"));
            return;
        }
        // A bare year (2023, "2023") is what Jekyll accepts silently and gets
        // wrong; other texts either parse ("May 2023") or stop the build with
        // the site reader's own error, which says what to do.
        static const QRegularExpression bareYear(QStringLiteral("^(1[0-9]|20|21)\\d\\d$"));
        if (!(v.isInt() || v.isString()) || !bareYear.match(q(raw)).hasMatch())
            return;
        Check &check = add("invalid-date", dateKey->firstLine,
                           Tr::tr("date: %1 is a year, not a date: Jekyll reads it as seconds since 1970 and the "
                                  "page shows 1970; write a full date, date: %1-01-01")
                               .arg(q(raw)));
        // The file name's date when it is in that year, else 1 January.
        const std::string date = named.starts_with(raw + "-") ? named : raw + "-01-01";
        check.fix = setDateFix(Tr::tr("Write the date as %1").arg(q(date)), "date", date);
        return;
    }
    if (!named.empty())
        return;
    // No `date`: what else says when it appeared (pub_date, the TSV column
    // academicpages' generator reads; year, pubsFromBib.py's key).
    std::string known = m_item.date;
    if (known.empty() && m_item.year > 999)
        known = std::to_string(m_item.year) + "-01-01";
    Check &check = add("missing-date", lineOf("title"),
                       Tr::tr("the item has no date and its file name none: Jekyll dates it with the time of the "
                              "build, so it shows this year and sorts first; add date: YYYY-MM-DD or name the file "
                              "YYYY-MM-DD-title.md"));
    if (!known.empty())
        check.fix = setDateFix(Tr::tr("Add date: %1").arg(q(known)), "date", known);
}

// ---- invisible characters ----

struct Invisible final {
    char32_t code;
    const char *utf8;
    const char *name;
};

constexpr std::array<Invisible, 6> kInvisible = {{
    {0xFEFF, "\xEF\xBB\xBF", "ZERO WIDTH NO-BREAK SPACE"},
    {0x200B, "\xE2\x80\x8B", "ZERO WIDTH SPACE"},
    {0x200C, "\xE2\x80\x8C", "ZERO WIDTH NON-JOINER"},
    {0x200D, "\xE2\x80\x8D", "ZERO WIDTH JOINER"},
    {0x2060, "\xE2\x81\xA0", "WORD JOINER"},
    {0x00AD, "\xC2\xAD", "SOFT HYPHEN"},
}};

bool isAsciiNeighbour(std::string_view text, std::size_t begin, std::size_t end)
{
    const bool before = begin == 0 || static_cast<unsigned char>(text[begin - 1]) < 0x80;
    const bool after = end >= text.size() || static_cast<unsigned char>(text[end]) < 0x80;
    return before || after;
}

void ItemChecks::invisibleCharacters()
{
    // Keys and the values of the fields that are addresses or the title.
    static const std::vector<std::string> valueKeys = [] {
        std::vector<std::string> keys = {"title", "permalink", "doi"};
        for (const char *field : {"paperurl", "slidesurl", "bibtexurl"})
            for (const std::string &k : keysOfField(field))
                keys.push_back(k);
        return keys;
    }();
    std::vector<yaml::TextEdit> edits;
    std::map<std::string, int> counts;   // character name -> count
    QStringList where;
    int firstLine = 0;
    for (const yaml::FrontMatterKey &k : m_record.keys.keys) {
        const bool scanValue = std::find(valueKeys.begin(), valueKeys.end(), k.key) != valueKeys.end();
        const std::size_t end = scanValue ? k.end : k.valueBegin;
        bool found = false;
        for (std::size_t pos = k.begin; pos < end;) {
            const Invisible *hit = nullptr;
            for (const Invisible &inv : kInvisible)
                if (std::string_view(m_text).substr(pos).starts_with(inv.utf8))
                    hit = &inv;
            if (!hit) {
                ++pos;
                continue;
            }
            const std::size_t len = std::strlen(hit->utf8);
            // Joiners belong in Persian, Indic and emoji text; in a title they
            // are kept between non-ASCII characters.
            const bool joiner = hit->code == 0x200C || hit->code == 0x200D;
            if (joiner && k.key == "title" && pos >= k.valueBegin && !isAsciiNeighbour(m_text, pos, pos + len)) {
                pos += len;
                continue;
            }
            edits.push_back({pos, pos + len, {}});
            ++counts[hit->name];
            found = true;
            pos += len;
        }
        if (found) {
            where << q(k.key);
            if (!firstLine)
                firstLine = k.firstLine;
        }
    }
    if (edits.empty())
        return;
    QStringList names;
    for (const auto &[name, n] : counts)
        names << (n > 1 ? QStringLiteral("%1 ×%2").arg(QLatin1String(name.c_str())).arg(n) : QLatin1String(name.c_str()));
    Check &check = add("invisible-chars", firstLine,
                       Tr::tr("invisible characters in %1 (%2): they break links, search and duplicate detection; "
                              "remove them")
                           .arg(where.join(QStringLiteral(", ")), names.join(QStringLiteral(", "))));
    const auto fixed = applyFix(m_text, Fix{{}, {}, edits});
    if (!fixed)
        return;
    const yaml::FrontMatterLayout after = recordLayout(*fixed).keys;
    if (!after.ok() || after.keys.size() != m_record.keys.keys.size())
        return;
    check.fix = makeFix(edits.size() == 1 ? Tr::tr("Remove the invisible character")
                                          : Tr::tr("Remove the %1 invisible characters").arg(edits.size()),
                        edits);
}

// ---- addresses ----

bool hasSpace(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool isAbsoluteUrl(const std::string &s)
{
    static const QRegularExpression url(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://[^\\s/]+\\S*$"));
    return url.match(q(s)).hasMatch();
}

bool isSitePath(const std::string &s) { return s.starts_with('/') && !hasSpace(s); }

// A web address written without its scheme: "arxiv.org/abs/1", "www.x.edu".
bool isBareHost(const std::string &s)
{
    static const QRegularExpression host(
        QStringLiteral("^(www\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.(org|com|net|edu|io|gov|ac\\.[a-z]{2}|[a-z]{2})(/\\S*)?$"));
    return !hasSpace(s) && host.match(q(s)).hasMatch() && (s.starts_with("www.") || s.find('/') != std::string::npos);
}

std::string doiOf(const std::string &s)
{
    static const QRegularExpression doi(QStringLiteral("^(?:doi:\\s*)?(10\\.\\d{4,9}/\\S+)$"),
                                        QRegularExpression::CaseInsensitiveOption);
    const auto m = doi.match(q(s));
    return m.hasMatch() ? m.captured(1).toStdString() : std::string();
}

void ItemChecks::urls()
{
    for (const char *field : {"paperurl", "slidesurl", "bibtexurl"}) {
        const auto it = m_item.sources.find(field);
        if (it == m_item.sources.end())
            continue;
        const Value v = m_record.keys.values.hash().value(it->second.key);
        if (v.isString() && !v.str().empty())
            url(it->second.key, v.str());
    }
}

void ItemChecks::url(const std::string &key, const std::string &raw)
{
    const std::string value = trimmedSpaceTabNewline(raw);
    if (value.empty() || isAbsoluteUrl(value) || isSitePath(value)) {
        if (value != raw && !value.empty() && (isAbsoluteUrl(value) || isSitePath(value)) && hasSpace(raw)) {
            const yaml::FrontMatterKey *k = m_record.keys.find(key);
            Check &check = add("invalid-url", k ? k->firstLine : 1,
                               Tr::tr("%1 has spaces around the address: \"%2\"; remove them").arg(q(key), q(raw)));
            check.fix = setValueFix(Tr::tr("Remove the spaces around %1").arg(q(key)), key, Value(value));
        }
        return;
    }
    const yaml::FrontMatterKey *k = m_record.keys.find(key);
    const int line = k ? k->firstLine : 1;
    if (value.starts_with('#')) {
        add("invalid-url", line,
            Tr::tr("%1 is \"%2\", a placeholder: the page's download link goes nowhere; give the address or "
                   "remove the key")
                .arg(q(key), q(value)));
        return;
    }
    std::string suggestion;
    QString why;
    if (const std::string doi = doiOf(value); !doi.empty()) {
        suggestion = "https://doi.org/" + doi;
        why = Tr::tr("a DOI, not an address");
    } else if (!hasSpace(value) && !m_context.siteDir.isEmpty()
               && QFileInfo(QDir(m_context.siteDir).filePath(q(value))).isFile()) {
        suggestion = m_context.baseurl + "/" + value;
        why = Tr::tr("a relative address: from the item's page it points below the page's own folder");
    } else if (isBareHost(value)) {
        suggestion = "https://" + value;
        why = Tr::tr("an address without https://: the browser takes it for a file of the site");
    }
    if (suggestion.empty()) {
        add("invalid-url", line,
            Tr::tr("%1 \"%2\" is neither a web address (https://...) nor a path of the site (/files/...): the "
                   "page's link is broken; correct it")
                .arg(q(key), q(value)));
        return;
    }
    Check &check = add("invalid-url", line,
                       Tr::tr("%1 \"%2\" is %3; write %4").arg(q(key), q(value), why, q(suggestion)));
    check.fix = setValueFix(Tr::tr("Write %1 as %2").arg(q(key), q(suggestion)), key, Value(suggestion));
}

void ItemChecks::duplicateUrl()
{
    if (m_context.sameUrl.empty())
        return;
    QStringList others;
    for (const std::string &o : m_context.sameUrl)
        others << q(o);
    add("duplicate-url", lineOf("permalink"),
        Tr::tr("the item's address %1 is also the address of %2: Jekyll writes one page over the other; give one "
               "of them another permalink")
            .arg(q(m_item.url), others.join(QStringLiteral(", "))));
}

// ---- category ----

std::string singular(std::string s)
{
    if (s.ends_with('s'))
        s.pop_back();
    return s;
}

void ItemChecks::category()
{
    if (m_context.categories.empty())
        return;
    QStringList keys;
    for (const Category &c : m_context.categories)
        keys << q(c.key);
    const std::string category = trimmedSpaceTabNewline(m_item.category);
    for (const Category &c : m_context.categories)
        if (c.key == category)
            return;
    if (category.empty()) {
        add("unknown-category", lineOf("title"),
            Tr::tr("the item has no category: the site lists publications under publication_category (%1) in "
                   "_config.yml, so this one is not on the publications page; add category: with one of them")
                .arg(keys.join(QStringLiteral(", "))));
        return;
    }
    Check &check = add("unknown-category", lineOf("category"),
                       Tr::tr("category \"%1\" is not one of publication_category in _config.yml (%2): the "
                              "publications page leaves the item out; use one of them or add it there")
                           .arg(q(category), keys.join(QStringLiteral(", "))));
    const std::string folded = singular(q(category).toCaseFolded().toStdString());
    for (const Category &c : m_context.categories) {
        if (singular(q(c.key).toCaseFolded().toStdString()) == folded) {
            const auto it = m_item.sources.find("category");
            if (it != m_item.sources.end())
                check.fix = setValueFix(Tr::tr("Write category: %1").arg(q(c.key)), it->second.key, Value(c.key));
            return;
        }
    }
}

// ---- citation ----

std::vector<QString> wordsOf(const std::string &normalized)
{
    std::vector<QString> words;
    for (const QString &w : q(normalized).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words.push_back(w);
    return words;
}

void ItemChecks::citation()
{
    const std::string cited = normalizedTitle(m_item.citation);
    if (cited.empty())
        return;
    const std::string padded = " " + cited + " ";
    auto mentions = [&](const std::string &normalized) {
        return normalized.empty() || padded.find(" " + normalized + " ") != std::string::npos;
    };
    QStringList missing;
    const std::string title = normalizedTitle(m_item.title);
    if (!mentions(title))
        missing << Tr::tr("title");
    // A venue is mentioned when its words are, in any order: "AAAI 2023" in
    // "Proceedings of the AAAI Conference on Artificial Intelligence, 2023".
    const std::string venue = normalizedTitle(m_item.venue);
    if (!venue.empty() && personNames(m_item.venue).empty() && !mentions(venue)) {
        const std::vector<QString> citedWords = wordsOf(cited);
        for (const QString &w : wordsOf(venue)) {
            bool number = false;
            w.toInt(&number);
            if (number || w.size() < 3)
                continue;
            if (std::find(citedWords.begin(), citedWords.end(), w) == citedWords.end()) {
                missing << Tr::tr("venue");
                break;
            }
        }
    }
    if (m_item.year > 0 && !mentions(std::to_string(m_item.year)))
        missing << Tr::tr("year %1").arg(m_item.year);
    if (missing.isEmpty())
        return;
    add("stale-citation", lineOf("citation"),
        Tr::tr("the citation does not mention the item's %1: it may describe another version of the paper; "
               "regenerate it or correct it")
            .arg(missing.join(QStringLiteral(", "))));
}

// The site's documents by the file they are written to, for duplicate
// addresses: those the reader already gave up (write = false) included, so
// both items of a pair hear of it.
std::map<QString, std::vector<const model::Document *>> documentsByDestination(const model::Site &site)
{
    std::map<QString, std::vector<const model::Document *>> byDestination;
    for (const auto &doc : site.documents())
        if (!doc->generated && !doc->destination.isEmpty())
            byDestination[doc->destination].push_back(doc.get());
    return byDestination;
}

Context contextFor(const model::Site &site, const std::vector<Category> &categories, const Publication &item,
                   const QString &destination,
                   const std::map<QString, std::vector<const model::Document *>> &byDestination)
{
    Context context;
    context.siteDir = site.sourceDir();
    context.baseurl = site.config().baseurl();
    while (context.baseurl.ends_with('/'))
        context.baseurl.pop_back();
    context.categories = categories;
    context.displayPath = item.relativePath;
    if (const auto it = byDestination.find(destination); it != byDestination.end() && !destination.isEmpty())
        for (const model::Document *doc : it->second)
            if (doc->sourcePath != item.sourcePath)
                context.sameUrl.push_back(doc->relativePath);
    return context;
}

std::vector<Category> categoriesOf(const model::Site &site)
{
    std::vector<Category> out;
    for (const auto &[key, value] : site.config().value("publication_category").hash())
        out.push_back({key, value.get("title").toString()});
    return out;
}

} // namespace

std::vector<Check> checkPublications(const model::Site &site)
{
    std::vector<Check> checks;
    const auto byDestination = documentsByDestination(site);
    const std::vector<Category> categories = categoriesOf(site);
    for (const model::Document *doc : site.collectionDocuments("publications")) {
        if (doc->generated)
            continue;
        QFile file(doc->sourcePath);
        if (!file.open(QIODevice::ReadOnly))
            continue;   // the site's reader reported it
        const std::string text = file.readAll().toStdString();
        Publication item = readPublication(doc->sourcePath, doc->relativePath, text);
        item.url = doc->url;
        const Context context = contextFor(site, categories, item, doc->destination, byDestination);
        for (Check &c : ItemChecks(item, text, context).run())
            checks.push_back(std::move(c));
    }
    return checks;
}

std::vector<Check> checkPublicationText(const model::Site &site, const QString &sourcePath, const std::string &text)
{
    const model::Document *doc = site.documentForPath(sourcePath);
    const QString relative = QDir(site.sourceDir()).relativeFilePath(sourcePath);
    Publication item = readPublication(sourcePath, doc ? doc->relativePath : relative.toStdString(), text);
    QString destination;
    if (doc) {
        // The buffer's own URL (its permalink may have changed).
        DiagnosticSink ignored;
        const auto reread = site.rereadFromText(*doc, text, ignored);
        item.url = reread ? reread->url : doc->url;
        destination = reread ? reread->destination : doc->destination;
    }
    const Context context = contextFor(site, categoriesOf(site), item, destination, documentsByDestination(site));
    return ItemChecks(item, text, context).run();
}

std::vector<Check> checkPublicationText(const Publication &item, const std::string &text,
                                        const std::vector<Category> &categories)
{
    Context context;
    context.categories = categories;
    context.displayPath = item.relativePath;
    return ItemChecks(item, text, context).run();
}

Result<FixedText> fixText(const model::Site &site, const QString &sourcePath, const std::string &text)
{
    FixedText result;
    result.text = text;
    // Each round applies one fix and checks again; a fix whose result does
    // not make its check go away is not repeated (and ends the rounds).
    constexpr int kMaxRounds = 32;
    std::set<std::string> seen = {text};
    for (int round = 0; round < kMaxRounds; ++round) {
        const std::vector<Check> checks = checkPublicationText(site, sourcePath, result.text);
        const auto next = std::find_if(checks.begin(), checks.end(), [](const Check &c) { return c.fix.has_value(); });
        if (next == checks.end())
            break;
        auto applied = applyFix(result.text, *next->fix);
        if (!applied)
            return makeError(QStringLiteral("%1: %2").arg(next->diagnostic.file, applied.error()));
        if (!seen.insert(*applied).second)
            break;
        result.applied.push_back({*next->fix, result.text, *applied});
        result.text = std::move(*applied);
    }
    return result;
}

std::vector<std::string> venuePersonNames(const std::string &venue) { return personNames(venue); }

} // namespace folio::site::publications
