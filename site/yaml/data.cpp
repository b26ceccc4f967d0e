// JSON (Ruby's JSON.parse) and CSV (Ruby's CSV with headers: true), the
// other two formats of Jekyll's _data folder.
#include "yaml.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace folio::site::yaml {
namespace {

using liquid::Array;
using liquid::Hash;
using liquid::Value;

Error locatedError(const QString &fileName, int line, int column, const QString &message, ParseError *error)
{
    if (error)
        *error = ParseError{fileName, line, column, message};
    const QString where = QStringLiteral("%1:%2").arg(line).arg(column);
    return makeError((fileName.isEmpty() ? where : fileName + u':' + where) + QStringLiteral(": ") + message);
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// A recursive-descent JSON reader that keeps object keys in document order
// (QJsonObject sorts them; Ruby's Hash and jsonify keep them).
class JsonReader final
{
public:
    explicit JsonReader(std::string_view text) : m_text(text) {}

    struct Failure final {
        std::size_t offset;
        std::string message;
    };

    Value document()
    {
        skipSpace();
        Value v = value(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("unexpected text after the JSON value: remove it");
        return v;
    }

private:
    [[noreturn]] void fail(std::string message) const { throw Failure{m_pos, std::move(message)}; }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else if (m_text.substr(m_pos).starts_with("/*")) {
                // Ruby's JSON parser skips comments; some hand-written data files have them.
                const std::size_t end = m_text.find("*/", m_pos + 2);
                if (end == std::string_view::npos)
                    fail("unterminated /* comment: close it with */");
                m_pos = end + 2;
            } else if (m_text.substr(m_pos).starts_with("//")) {
                const std::size_t end = m_text.find('\n', m_pos);
                m_pos = end == std::string_view::npos ? m_text.size() : end + 1;
            } else
                break;
        }
    }

    bool consumeWord(std::string_view word)
    {
        if (!m_text.substr(m_pos).starts_with(word))
            return false;
        m_pos += word.size();
        return true;
    }

    Value value(int depth)
    {
        if (depth > 500)
            fail("nesting too deep");
        if (m_pos >= m_text.size())
            fail("unexpected end of the JSON text: a value is missing");
        const char c = m_text[m_pos];
        if (c == '{')
            return object(depth);
        if (c == '[')
            return array(depth);
        if (c == '"')
            return Value(string());
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        if (consumeWord("true"))
            return Value(true);
        if (consumeWord("false"))
            return Value(false);
        if (consumeWord("null"))
            return Value();
        fail(std::string("unexpected character '") + c + "': JSON values are objects, arrays, \"strings\", numbers, true, false or null");
    }

    Value object(int depth)
    {
        ++m_pos;
        Hash hash;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return Value(std::move(hash));
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("expected a \"key\" in double quotes");
            std::string key = string();
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                fail("expected ':' after the key");
            ++m_pos;
            skipSpace();
            hash.set(std::move(key), value(depth + 1));   // a repeated key: the last wins, as in Ruby
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return Value(std::move(hash));
            }
            fail("expected ',' or '}' after a member of the object");
        }
    }

    Value array(int depth)
    {
        ++m_pos;
        Array items;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return Value(std::move(items));
        }
        for (;;) {
            skipSpace();
            items.push_back(value(depth + 1));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return Value(std::move(items));
            }
            fail("expected ',' or ']' after an element of the array");
        }
    }

    std::uint32_t hex4()
    {
        if (m_pos + 4 > m_text.size())
            fail("incomplete \\u escape: it needs four hex digits");
        std::uint32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            cp <<= 4;
            if (c >= '0' && c <= '9')
                cp |= std::uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                cp |= std::uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                cp |= std::uint32_t(c - 'A' + 10);
            else
                fail("bad \\u escape: it needs four hex digits");
        }
        return cp;
    }

    std::string string()
    {
        ++m_pos;
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size())
                fail("unterminated string: add the closing \"");
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                fail("unterminated string: add the closing \"");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(m_pos).starts_with("\\u")) {
                    const std::size_t save = m_pos;
                    m_pos += 2;
                    const std::uint32_t low = hex4();
                    if (low >= 0xDC00 && low <= 0xDFFF)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        m_pos = save;
                }
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xFFFD;   // a lone surrogate cannot be UTF-8
                appendUtf8(out, cp);
                break;
            }
            default:
                // Ruby's JSON keeps an unknown escaped character as itself.
                out += e;
                break;
            }
        }
    }

    Value number()
    {
        const std::size_t start = m_pos;
        if (m_text[m_pos] == '-')
            ++m_pos;
        auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        const std::size_t intStart = m_pos;
        if (digits() == 0)
            fail("a '-' must be followed by digits");
        if (m_text[intStart] == '0' && m_pos - intStart > 1)
            fail("numbers cannot have leading zeros");
        bool isFloat = false;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0)
                fail("a '.' in a number must be followed by digits");
            isFloat = true;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                fail("an exponent needs digits");
            isFloat = true;
        }
        const std::string literal(m_text.substr(start, m_pos - start));
        if (!isFloat) {
            errno = 0;
            const long long n = std::strtoll(literal.c_str(), nullptr, 10);
            if (errno != ERANGE)
                return Value(std::int64_t(n));
            // Ruby has big integers; Folio keeps the nearest Float beyond 64 bits.
        }
        return Value(std::strtod(literal.c_str(), nullptr));
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

std::pair<int, int> lineColumn(std::string_view s, std::size_t offset)
{
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// One CSV field: nullopt for an empty unquoted field (Ruby's nil).
using Field = std::optional<std::string>;
using Row = std::vector<Field>;

struct CsvFailure final {
    int line;
    std::string message;
};

// Ruby's CSV parser with its defaults: '"' quotes, "" inside quotes is a
// quote, quoted fields may span lines, \n, \r\n or \r end rows.
std::vector<Row> parseCsv(std::string_view text, char separator)
{
    std::vector<Row> rows;
    std::size_t pos = 0;
    int line = 1;
    auto atRowEnd = [&](std::size_t p) { return p >= text.size() || text[p] == '\n' || text[p] == '\r'; };
    auto skipRowEnd = [&] {
        if (pos < text.size() && text[pos] == '\r')
            ++pos;
        if (pos < text.size() && text[pos] == '\n')
            ++pos;
        ++line;
    };
    while (pos < text.size()) {
        Row row;
        if (atRowEnd(pos)) {   // a blank line is a row without fields
            rows.push_back(row);
            skipRowEnd();
            continue;
        }
        const int rowLine = line;
        for (;;) {
            if (pos < text.size() && text[pos] == '"') {
                std::string value;
                ++pos;
                for (;;) {
                    if (pos >= text.size())
                        throw CsvFailure{rowLine, "Unclosed quoted field: add the closing \""};
                    if (text[pos] == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            value += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (text[pos] == '\n')
                        ++line;
                    value += text[pos++];
                }
                if (!atRowEnd(pos) && text[pos] != separator)
                    throw CsvFailure{line, "Any value after quoted field isn't allowed: quote the whole field"};
                row.emplace_back(std::move(value));
            } else {
                const std::size_t start = pos;
                while (!atRowEnd(pos) && text[pos] != separator) {
                    if (text[pos] == '"')
                        throw CsvFailure{line, "Illegal quoting: a field containing \" must be quoted "
                                               "as a whole and its quotes doubled (\"\")"};
                    ++pos;
                }
                if (pos == start)
                    row.emplace_back(std::nullopt);
                else
                    row.emplace_back(std::string(text.substr(start, pos - start)));
            }
            if (pos < text.size() && text[pos] == separator) {
                ++pos;
                continue;
            }
            break;
        }
        rows.push_back(std::move(row));
        if (pos < text.size())
            skipRowEnd();
    }
    return rows;
}

Value fieldValue(const Field &f) { return f ? Value(*f) : Value(); }

} // namespace

Result<liquid::Value> loadJson(std::string_view text, const LoadOptions &options, ParseError *error)
{
    JsonReader reader(text);
    try {
        return reader.document();
    } catch (const JsonReader::Failure &failure) {
        const auto [line, column] = lineColumn(text, failure.offset);
        return locatedError(options.fileName, line + options.firstLine - 1, column,
                            QString::fromStdString(failure.message), error);
    }
}

Result<liquid::Value> loadCsv(std::string_view text, char separator)
{
    std::vector<Row> rows;
    try {
        rows = parseCsv(text, separator);
    } catch (const CsvFailure &failure) {
        return makeError(QStringLiteral("line %1: %2").arg(failure.line).arg(QString::fromStdString(failure.message)));
    }
    Array out;
    if (rows.empty())
        return Value(std::move(out));
    // Ruby's header names: an empty header is nil, which Folio stores as "".
    std::vector<std::string> headers;
    for (const Field &f : rows.front())
        headers.push_back(f.value_or(std::string()));
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row &row = rows[r];
        // CSV::Row#to_hash: the first of repeated headers wins; missing
        // fields are nil; fields beyond the headers have the header nil.
        Hash hash;
        const std::size_t n = std::max(headers.size(), row.size());
        for (std::size_t i = 0; i < n; ++i) {
            const std::string key = i < headers.size() ? headers[i] : std::string();
            if (hash.contains(key))
                continue;
            hash.set(key, i < row.size() ? fieldValue(row[i]) : Value());
        }
        out.push_back(Value(std::move(hash)));
    }
    return Value(std::move(out));
}

} // namespace folio::site::yaml
