// RIS read by hand: bibutils (libbibutils) reads RIS, but only through its
// global-option C API into its own BibTeX writer (its own keys, its own
// LaTeX escaping and field choices), which would then be parsed again; the
// tag mapping below is short and is the part that has to be ours (Google
// Scholar's keys, KW as keywords, SN as ISBN or ISSN).
#include "ris.h"

#include "bibtr.h"
#include "latex.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <cctype>
#include <map>
#include <set>

namespace folio::site::bib {
namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

struct Record final {
    int line = 0;
    std::string type;                               // TY
    std::vector<std::pair<std::string, std::string>> tags;   // in order, repeated tags kept
    bool ended = false;

    std::vector<std::string> all(std::initializer_list<const char *> names) const
    {
        std::vector<std::string> out;
        for (const auto &[tag, value] : tags)
            for (const char *n : names)
                if (tag == n && !value.empty())
                    out.push_back(value);
        return out;
    }
    std::string first(std::initializer_list<const char *> names) const
    {
        for (const char *n : names)   // in the order of preference given
            for (const auto &[tag, value] : tags)
                if (tag == n && !value.empty())
                    return value;
        return {};
    }
};

std::string trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

// Plain text as a BibTeX value: TeX's special characters escaped.
std::string latexEscaped(std::string_view text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': case '%': case '$': case '#': case '_': case '{': case '}':
            out += '\\';
            out += c;
            break;
        case '~': out += "\\textasciitilde{}"; break;
        case '^': out += "\\textasciicircum{}"; break;
        case '\\': out += "\\textbackslash{}"; break;
        default: out += c;
        }
    }
    return out;
}

std::string bibType(const std::string &ty)
{
    static const std::map<std::string, std::string> types = {
        {"JOUR", "article"}, {"JFULL", "article"}, {"EJOUR", "article"}, {"MGZN", "article"},
        {"NEWS", "article"}, {"CONF", "inproceedings"}, {"CPAPER", "inproceedings"},
        {"BOOK", "book"}, {"EBOOK", "book"}, {"EDBOOK", "book"}, {"CHAP", "incollection"},
        {"ECHAP", "incollection"}, {"THES", "phdthesis"}, {"RPRT", "techreport"}, {"UNPB", "unpublished"}};
    const auto it = types.find(ty);
    return it == types.end() ? "misc" : it->second;
}

// Google Scholar's key: first author's last name, year, first title word
// that is not a little word, lower-case ASCII letters.
std::string asciiWord(const std::string &text)
{
    const QString decomposed = qs(text).normalized(QString::NormalizationForm_D);
    std::string out;
    for (const QChar c : decomposed) {
        if (c.unicode() < 0x80 && std::isalnum(static_cast<unsigned char>(c.unicode())))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c.unicode())));
        else if (c == QChar(0x00DF))
            out += "ss";
    }
    return out;
}

std::string makeKey(const std::string &firstAuthor, const std::string &year, const std::string &title)
{
    static const std::set<std::string> little = {"a", "an", "the", "on", "of", "in", "for", "to", "and",
                                                 "with", "at", "by", "from", "is", "are", "towards", "toward"};
    std::string last = firstAuthor.substr(0, firstAuthor.find(','));
    if (firstAuthor.find(',') == std::string::npos) {   // "First Last"
        const std::size_t space = firstAuthor.rfind(' ');
        last = space == std::string::npos ? firstAuthor : firstAuthor.substr(space + 1);
    }
    std::string word;
    const QStringList words = qs(title).split(QRegularExpression(QStringLiteral("[\\s\\-:/]+")), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        const std::string a = asciiWord(w.toStdString());
        if (!a.empty() && !little.count(a)) {
            word = a;
            break;
        }
    }
    std::string key = asciiWord(last) + year + word;
    return key.empty() ? std::string("ris") : key;
}

struct RisDate final {
    std::string year, month, day;
};

// PY/Y1/DA: "2020", "2020/05/17/", "2020///", "2020/05//Spring".
RisDate risDate(const std::string &text)
{
    RisDate d;
    const QStringList parts = qs(text).split(QLatin1Char('/'));
    static const QRegularExpression fourDigits(QStringLiteral("(\\d{4})"));
    if (const auto m = fourDigits.match(parts.value(0)); m.hasMatch())
        d.year = m.captured(1).toStdString();
    const int month = parts.value(1).toInt();
    if (month >= 1 && month <= 12)
        d.month = std::to_string(month);
    const int day = parts.value(2).toInt();
    if (day >= 1 && day <= 31 && !d.month.empty())
        d.day = std::to_string(day);
    return d;
}

bool looksLikeIsbn(const std::string &sn)
{
    std::string digits;
    for (char c : sn)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x')
            digits += c;
    return digits.size() == 10 || digits.size() == 13;
}

class RisReader final
{
public:
    RisReader(const ReadOptions &options, Database &db) : m_options(options), m_db(db) {}

    void run(const QString &text)
    {
        static const QRegularExpression tagLine(QStringLiteral("^([A-Z][A-Z0-9])  ?-(?: (.*))?$"));
        const QStringList lines = text.split(QLatin1Char('\n'));
        std::optional<Record> record;
        std::string *lastValue = nullptr;
        for (int i = 0; i < lines.size(); ++i) {
            QString line = lines[i];
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            const int lineNo = i + 1;
            const auto m = tagLine.match(line);
            if (!m.hasMatch()) {
                if (record && lastValue && !line.trimmed().isEmpty())
                    *lastValue += " " + line.trimmed().toStdString();   // a wrapped value
                continue;
            }
            const std::string tag = m.captured(1).toStdString();
            const std::string value = trimmed(m.captured(2).toStdString());
            if (tag == "TY") {
                if (record)
                    finish(*record, lineNo);
                record = Record{};
                record->line = lineNo;
                record->type = value;
                lastValue = nullptr;
                continue;
            }
            if (!record) {
                report(Severity::Warning, lineNo,
                       Tr::tr("RIS tag %1 outside a record is ignored: a record starts with 'TY  - ' and ends "
                              "with 'ER  - '")
                           .arg(qs(tag)));
                continue;
            }
            if (tag == "ER") {
                record->ended = true;
                finish(*record, lineNo);
                record.reset();
                lastValue = nullptr;
                continue;
            }
            record->tags.emplace_back(tag, value);
            lastValue = &record->tags.back().second;
        }
        if (record)
            finish(*record, lines.size());
        if (m_db.entries.empty() && !m_db.hasErrors())
            report(Severity::Warning, 0,
                   Tr::tr("no RIS records were found: a record starts with 'TY  - JOUR' (or another type) "
                          "and ends with 'ER  - '"));
    }

private:
    void report(Severity severity, int line, const QString &message)
    {
        Diagnostic d;
        d.severity = severity;
        d.file = m_options.fileName;
        d.line = line;
        d.message = message;
        m_db.diagnostics.push_back(std::move(d));
    }

    void add(Entry &e, const char *name, const std::string &value, bool escape = true)
    {
        if (value.empty() || e.has(name))
            return;
        e.fields.push_back(Field{name, escape ? latexEscaped(value) : value, e.line, false});
    }

    void finish(const Record &r, int lineNo)
    {
        if (!r.ended)
            report(Severity::Warning, r.line,
                   Tr::tr("the RIS record starting at line %1 has no 'ER  - ' line before line %2: it was read "
                          "to there; end each record with 'ER  - '")
                       .arg(QString::number(r.line), QString::number(lineNo)));
        Entry e;
        e.type = bibType(r.type);
        e.file = m_options.fileName;
        e.line = r.line;
        std::string authors;
        for (const std::string &a : r.all({"AU", "A1"}))
            authors += (authors.empty() ? "" : " and ") + latexEscaped(a);
        std::string editors;
        for (const std::string &a : r.all({"A2", "ED"}))
            if (e.type != "article")
                editors += (editors.empty() ? "" : " and ") + latexEscaped(a);
        const std::string title = r.first({"TI", "T1", "CT"});
        add(e, "title", title);
        add(e, "author", authors, false);
        add(e, "editor", editors, false);
        const std::string container = r.first({"JF", "T2", "JO", "BT", "JA", "J2"});
        if (e.type == "article")
            add(e, "journal", container);
        else if (e.type == "inproceedings" || e.type == "incollection")
            add(e, "booktitle", container.empty() ? r.first({"T3"}) : container);
        else if (e.type == "book" || e.type == "misc")
            add(e, "series", r.first({"T2", "T3"}));
        if (e.type == "inproceedings" || e.type == "incollection")
            add(e, "series", r.first({"T3"}) == container ? std::string() : r.first({"T3"}));
        const std::string dateText = r.first({"PY", "Y1", "DA"});
        const RisDate date = risDate(dateText);
        const RisDate full = risDate(r.first({"DA", "PY", "Y1"}));
        add(e, "year", date.year.empty() ? full.year : date.year);
        add(e, "month", full.month);
        add(e, "day", full.day);
        add(e, "volume", r.first({"VL"}));
        add(e, "number", r.first({"IS", "M1"}) );
        std::string sp = r.first({"SP"});
        const std::string ep = r.first({"EP"});
        if (sp.find('-') != std::string::npos && sp.find("--") == std::string::npos && ep.empty())
            sp.replace(sp.find('-'), 1, "--");
        add(e, "pages", ep.empty() || ep == sp ? sp : sp + "--" + ep);
        add(e, "doi", r.first({"DO"}), false);
        add(e, "url", r.first({"UR", "L2"}), false);
        add(e, "abstract", r.first({"AB", "N2"}));
        add(e, "publisher", r.first({"PB"}));
        if (e.type == "phdthesis")
            add(e, "school", r.first({"PB"}));
        add(e, "address", r.first({"CY", "PP"}));
        for (std::string sn : r.all({"SN"})) {
            // Scopus says which: "10504729 (ISSN)", "9781728196817 (ISBN)".
            bool isbn = looksLikeIsbn(sn) || e.type == "book" || e.type == "incollection";
            if (const std::size_t paren = sn.find(" ("); paren != std::string::npos) {
                const std::string kind = sn.substr(paren + 2);
                if (kind.rfind("ISBN", 0) == 0)
                    isbn = true;
                else if (kind.rfind("ISSN", 0) == 0)
                    isbn = false;
                sn = trimmed(sn.substr(0, paren));
            }
            add(e, isbn ? "isbn" : "issn", sn);
        }
        std::string keywords;
        for (const std::string &k : r.all({"KW"}))
            keywords += (keywords.empty() ? "" : ", ") + k;
        add(e, "keywords", keywords);
        add(e, "note", r.first({"N1"}));
        add(e, "language", r.first({"LA"}));
        add(e, "edition", r.first({"ET"}));
        if (title.empty() && authors.empty()) {
            report(Severity::Warning, r.line,
                   Tr::tr("the RIS record at line %1 has neither a title (TI) nor authors (AU) and was skipped")
                       .arg(r.line));
            return;
        }
        const std::vector<std::string> allAuthors = r.all({"AU", "A1"});
        std::string key = makeKey(allAuthors.empty() ? std::string() : allAuthors.front(), e.value("year"), title);
        const std::string base = key;
        for (char suffix = 'b'; m_db.find(key) && suffix <= 'z'; ++suffix)
            key = base + suffix;
        e.key = key;
        e.source = format(e);
        m_db.entries.push_back(std::move(e));
    }

    const ReadOptions &m_options;
    Database &m_db;
};

} // namespace

Database parseRis(QByteArrayView bytes, const ReadOptions &options)
{
    Database db;
    QByteArrayView data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(data);
    if (utf8.hasError()) {
        text = QString::fromLatin1(data.data(), data.size());
        Diagnostic d;
        d.severity = Severity::Warning;
        d.file = options.fileName;
        d.message = Tr::tr("%1 is not UTF-8: it was read as Latin-1; check the accents, and export it as UTF-8")
                        .arg(options.fileName.isEmpty() ? Tr::tr("the RIS text") : options.fileName);
        db.diagnostics.push_back(std::move(d));
    }
    RisReader(options, db).run(text);
    return db;
}

} // namespace folio::site::bib
