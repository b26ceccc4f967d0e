#include "tsv.h"

#include "publicationstr.h"
#include "text_p.h"

#include <QDate>

#include <cctype>
#include <optional>

namespace folio::site::publications {

namespace {

using detail::diagnostic;
using detail::lower;
using detail::trimmed;

std::string lowerTrimmed(std::string_view s) { return lower(trimmed(s)); }

// One physical row of cells. pandas' C reader: a field that starts with '"'
// is quoted up to the next lone '"' ("" is a quote), and may hold tabs and
// line breaks; a quote elsewhere in a field is an ordinary character.
struct RawRow final {
    std::vector<std::string> cells;
    int line = 0;
    bool blank = true;
};

class Splitter final
{
public:
    Splitter(std::string_view text, const QString &fileName, std::vector<Diagnostic> &diagnostics)
        : m_text(text), m_file(fileName), m_diagnostics(diagnostics)
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
    }

    bool next(RawRow &row)
    {
        if (m_pos >= m_text.size())
            return false;
        row = RawRow{};
        row.line = m_line;
        std::string cell;
        for (;;) {
            if (m_pos < m_text.size() && m_text[m_pos] == '"' && cell.empty()) {
                readQuoted(cell);
                row.blank = false;
            }
            if (m_pos >= m_text.size()) {
                row.cells.push_back(std::move(cell));
                return true;
            }
            const char c = m_text[m_pos++];
            if (c == '\t') {
                row.cells.push_back(std::move(cell));
                cell.clear();
                row.blank = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n')
                    ++m_pos;
                ++m_line;
                row.cells.push_back(std::move(cell));
                return true;
            } else {
                cell += c;
                if (!std::isspace(static_cast<unsigned char>(c)))
                    row.blank = false;
            }
        }
    }

private:
    void readQuoted(std::string &cell)
    {
        const int startLine = m_line;
        ++m_pos;   // the opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"') {
                if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                    cell += '"';
                    ++m_pos;
                    continue;
                }
                return;
            }
            if (c == '\n')
                ++m_line;
            if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n')
                continue;   // CRLF inside a quoted cell reads as one line break
            cell += c == '\r' ? '\n' : c;
        }
        m_diagnostics.push_back(diagnostic(Severity::Error, m_file, startLine,
                                        Tr::tr("a quoted cell is not closed: add the closing \" "
                                               "(a quote inside a cell is written \"\")")));
    }

    std::string_view m_text;
    QString m_file;
    std::vector<Diagnostic> &m_diagnostics;
    std::size_t m_pos = 0;
    int m_line = 1;
};

struct Date final {
    int year = 0, month = 0, day = 0;
};

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

std::vector<std::string_view> splitOn(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

int toInt(std::string_view s) { return std::stoi(std::string(s)); }

// YYYY-MM-DD (publications.py's format; a time after it is ignored),
// YYYY-MM, YYYY, and M/D/YY or M/D/YYYY (what a spreadsheet saves).
std::optional<Date> parseDate(std::string_view text)
{
    const std::string s = trimmed(text.substr(0, text.find_first_of(" T")));
    Date d;
    if (s.find('/') != std::string::npos) {
        const auto parts = splitOn(s, '/');
        if (parts.size() != 3 || !allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2])
            || parts[0].size() > 2 || parts[1].size() > 2 || (parts[2].size() != 2 && parts[2].size() != 4))
            return std::nullopt;
        d.month = toInt(parts[0]);
        d.day = toInt(parts[1]);
        d.year = toInt(parts[2]);
        if (parts[2].size() == 2)   // pandas/Excel's pivot: 00-68 -> 20xx, 69-99 -> 19xx
            d.year += d.year < 69 ? 2000 : 1900;
    } else {
        const auto parts = splitOn(s, '-');
        if (parts.empty() || parts.size() > 3 || parts[0].size() != 4)
            return std::nullopt;
        for (auto p : parts)
            if (!allDigits(p) || p.size() > 4)
                return std::nullopt;
        d.year = toInt(parts[0]);
        d.month = parts.size() > 1 ? toInt(parts[1]) : 0;
        d.day = parts.size() > 2 ? toInt(parts[2]) : 0;
    }
    if (d.month < 0 || d.month > 12)
        return std::nullopt;
    if (d.day && !QDate(d.year, d.month ? d.month : 1, d.day).isValid())
        return std::nullopt;
    return d;
}

std::string firstOf(const TsvRow &row, std::initializer_list<std::string_view> columns)
{
    for (auto c : columns) {
        std::string v = trimmed(row.value(c));
        if (!v.empty())
            return v;
    }
    return {};
}

// pandas reads an empty cell as NaN, and publications.py then tests
// `len(str(item.paper_url)) > 5`: "nan" and other stand-ins for nothing
// count as empty.
std::string optionalCell(const TsvRow &row, std::initializer_list<std::string_view> columns)
{
    std::string v = firstOf(row, columns);
    const std::string lower = lowerTrimmed(v);
    if (lower == "nan" || lower == "none" || lower == "null")
        return {};
    return v;
}

std::vector<std::string> splitAuthors(const std::string &text)
{
    std::vector<std::string> authors;
    std::string_view rest = text;
    const std::string_view sep = text.find(';') != std::string::npos ? ";" : " and ";
    for (;;) {
        const std::size_t at = rest.find(sep);
        std::string one = trimmed(rest.substr(0, at));
        if (!one.empty())
            authors.push_back(std::move(one));
        if (at == std::string_view::npos)
            return authors;
        rest.remove_prefix(at + sep.size());
    }
}

} // namespace

std::string TsvRow::value(std::string_view column) const
{
    for (const auto &[name, cell] : cells)
        if (name == column)
            return cell;
    return {};
}

TsvTable parseTsv(QByteArrayView text, const QString &fileName)
{
    TsvTable table;
    Splitter splitter(std::string_view(text.data(), std::size_t(text.size())), fileName, table.diagnostics);
    RawRow raw;
    bool haveHeader = false;
    while (splitter.next(raw)) {
        if (raw.blank)
            continue;
        if (!haveHeader) {
            for (auto &name : raw.cells)
                table.header.push_back(lowerTrimmed(name));
            haveHeader = true;
            continue;
        }
        TsvRow row;
        row.line = raw.line;
        if (raw.cells.size() > table.header.size()) {
            table.diagnostics.push_back(diagnostic(
                Severity::Warning, fileName, raw.line,
                Tr::tr("this row has %1 cells but the header names %2 columns: the extra cells are ignored "
                       "(a tab inside a cell must be in double quotes)")
                    .arg(raw.cells.size()).arg(table.header.size())));
        }
        for (std::size_t i = 0; i < table.header.size() && i < raw.cells.size(); ++i)
            row.cells.emplace_back(table.header[i], std::move(raw.cells[i]));
        table.rows.push_back(std::move(row));
    }
    return table;
}

ImportInput recordsFromTsv(const TsvTable &table, const QString &fileName)
{
    ImportInput input;
    input.diagnostics = table.diagnostics;
    for (const TsvRow &row : table.rows) {
        ImportRecord r;
        r.file = fileName;
        r.line = row.line;
        r.title = firstOf(row, {"title"});
        if (r.title.empty()) {
            input.diagnostics.push_back(diagnostic(Severity::Error, fileName, row.line,
                                                Tr::tr("this row has no title: fill in its title column")));
            continue;
        }
        const std::string dateText = firstOf(row, {"pub_date", "date"});
        const auto date = parseDate(dateText);
        if (!date) {
            input.diagnostics.push_back(diagnostic(
                Severity::Error, fileName, row.line,
                dateText.empty()
                    ? Tr::tr("\"%1\" has no pub_date: write the date as YYYY-MM-DD").arg(QString::fromStdString(r.title))
                    : Tr::tr("\"%1\" is not a date: write pub_date as YYYY-MM-DD")
                          .arg(QString::fromStdString(dateText))));
            continue;
        }
        r.year = date->year;
        r.month = date->month;
        r.day = date->day;
        r.venue = optionalCell(row, {"venue"});
        r.excerpt = optionalCell(row, {"excerpt"});
        r.citation = optionalCell(row, {"citation"});
        r.slug = optionalCell(row, {"url_slug", "slug"});
        r.paperurl = optionalCell(row, {"paper_url", "paperurl"});
        r.slidesurl = optionalCell(row, {"slides_url", "slidesurl"});
        r.bibtexurl = optionalCell(row, {"bibtex_url", "bibtexurl"});
        r.category = optionalCell(row, {"category"});
        r.doi = normalizedDoi(optionalCell(row, {"doi"}));
        r.abstract = optionalCell(row, {"abstract"});
        r.authors = splitAuthors(optionalCell(row, {"authors", "author"}));
        input.records.push_back(std::move(r));
    }
    return input;
}

} // namespace folio::site::publications
