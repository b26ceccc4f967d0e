#include "bibtex.h"

#include "bibtr.h"
#include "btparseglue.h"
#include "text_p.h"

#include <btparse.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <unordered_map>

namespace folio::site::bib {
namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                  return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
              });
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isIdentifierChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+' || c == '/' || u >= 0x80;
}

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// ---------------------------------------------------------------------------
// Encoding. A .bib that is not UTF-8 is nearly always Latin-1 or its Windows
// superset (old JabRef and EndNote exports): each byte that is not part of a
// valid UTF-8 sequence is read as Windows-1252, so a mostly-UTF-8 file with
// one stray byte keeps its other accents.

constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Length of the valid UTF-8 sequence at text[i], 0 when there is none.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t min = 0;
    if (b < 0x80)
        return 1;
    if ((b & 0xE0) == 0xC0) { length = 2; min = 0x80; }
    else if ((b & 0xF0) == 0xE0) { length = 3; min = 0x800; }
    else if ((b & 0xF8) == 0xF0) { length = 4; min = 0x10000; }
    else
        return 0;
    if (i + length > text.size())
        return 0;
    char32_t cp = b & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
        const auto c = static_cast<unsigned char>(text[i + k]);
        if ((c & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

using detail::appendUtf8;

// The text as UTF-8; firstBadLine is the line of the first byte read as
// Windows-1252, 0 when the text was UTF-8.
std::string toUtf8(std::string_view text, int &firstBadLine)
{
    firstBadLine = 0;
    std::string out;
    out.reserve(text.size());
    int line = 1;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\n')
            ++line;
        const std::size_t length = utf8SequenceLength(text, i);
        if (length) {
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        if (!firstBadLine)
            firstBadLine = line;
        const auto b = static_cast<unsigned char>(text[i]);
        appendUtf8(out, b < 0xA0 ? kWindows1252High[b - 0x80] : char32_t(b));
        ++i;
    }
    return out;
}

// ---------------------------------------------------------------------------
// Top-level chunks. BibTeX reads anything between entries as a comment and an
// '@' as the start of an entry; the file is cut here into those entries, so
// that btparse gets one entry at a time (a broken entry cannot take the ones
// after it down), each entry keeps its exact text (Entry::source), and broken
// braces are found where the user can act on them.

struct Chunk final {
    std::size_t begin = 0;     // the '@'
    std::size_t end = 0;       // one past the closing delimiter (or where the entry was cut)
    int line = 0;              // of the '@'
    std::string type;          // as written
    bool closed = false;       // the closing delimiter was found
    int unclosedLine = 0;      // when not closed: line of the innermost '{' opened at field level
    std::string unclosedField; // the field that brace belongs to, if known
    int cutLine = 0;           // when not closed: the line where the next entry starts (0: end of file)
    std::string suspectField;  // a field value that runs over a line looking like the next field
    int suspectLine = 0;
};

struct Junk final {
    std::size_t begin = 0;
    std::size_t end = 0;
    int line = 0;
};

class Chunker final
{
public:
    explicit Chunker(std::string_view text) : m_text(text) {}

    void run(std::vector<Chunk> &chunks, std::vector<Junk> &junk)
    {
        std::size_t junkBegin = 0;
        int junkLine = 1;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            // An '@' right after a letter or digit is an e-mail address in a
            // comment, not an entry (BibTeX would choke on it).
            const bool afterWord = m_pos > 0 && (std::isalnum(static_cast<unsigned char>(m_text[m_pos - 1])) || m_text[m_pos - 1] == '.');
            if (c == '@' && !afterWord) {
                const std::size_t at = m_pos;
                const int atLine = m_line;
                if (auto chunk = entryAt(at, atLine)) {
                    if (at > junkBegin)
                        junk.push_back({junkBegin, at, junkLine});
                    chunks.push_back(std::move(*chunk));
                    junkBegin = m_pos;
                    junkLine = m_line;
                    continue;
                }
                m_pos = at + 1;
                m_line = atLine;
                continue;
            }
            advance();
        }
        if (m_text.size() > junkBegin)
            junk.push_back({junkBegin, m_text.size(), junkLine});
    }

private:
    void advance()
    {
        if (m_text[m_pos] == '\n')
            ++m_line;
        ++m_pos;
    }
    void skipSpaces()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            advance();
    }

    bool atLineStart(std::size_t pos) const
    {
        while (pos > 0 && (m_text[pos - 1] == ' ' || m_text[pos - 1] == '\t'))
            --pos;
        return pos == 0 || m_text[pos - 1] == '\n' || m_text[pos - 1] == '\r';
    }

    // Whether an entry header, `@type{` or `@type (`, starts at pos.
    bool entryHeaderAt(std::size_t pos) const
    {
        if (pos >= m_text.size() || m_text[pos] != '@')
            return false;
        ++pos;
        while (pos < m_text.size() && isSpace(m_text[pos]))
            ++pos;
        const std::size_t nameBegin = pos;
        while (pos < m_text.size() && std::isalpha(static_cast<unsigned char>(m_text[pos])))
            ++pos;
        if (pos == nameBegin)
            return false;
        while (pos < m_text.size() && isSpace(m_text[pos]))
            ++pos;
        return pos < m_text.size() && (m_text[pos] == '{' || m_text[pos] == '(');
    }

    std::optional<Chunk> entryAt(std::size_t at, int atLine)
    {
        Chunk chunk;
        chunk.begin = at;
        chunk.line = atLine;
        m_pos = at + 1;
        skipSpaces();
        const std::size_t nameBegin = m_pos;
        while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'
                                         || m_text[m_pos] == '-'))
            advance();
        chunk.type = std::string(m_text.substr(nameBegin, m_pos - nameBegin));
        skipSpaces();
        if (chunk.type.empty() || m_pos >= m_text.size() || (m_text[m_pos] != '{' && m_text[m_pos] != '('))
            return std::nullopt;   // not an entry: BibTeX's "@comment" without braces, an e-mail address
        const char open = m_text[m_pos];
        const char close = open == '{' ? '}' : ')';
        advance();
        // A @comment's body is taken whole, entries inside it included: that
        // is how an entry is commented out. Only an unclosed one is cut at
        // the next entry, like any other.
        const bool comment = lower(chunk.type) == "comment";
        const std::size_t bodyPos = m_pos;
        const int bodyLine = m_line;
        scanBody(chunk, close, !comment);
        if (comment && !chunk.closed) {
            m_pos = bodyPos;
            m_line = bodyLine;
            Chunk again;
            again.begin = chunk.begin;
            again.line = chunk.line;
            again.type = chunk.type;
            chunk = std::move(again);
            scanBody(chunk, close, true);
        }
        return chunk;
    }

    // From after the opening delimiter to the closing one. Braces nest; an
    // entry header (`@book{`) at the start of a line inside the body means
    // the entry was never closed: it is cut there, and the brace to blame is
    // the field value that runs over a line looking like the next field.
    void scanBody(Chunk &chunk, char close, bool cutAtEntries)
    {
        std::vector<int> openLines;   // lines of the open braces, outermost first
        std::string openField;        // the field whose value the outermost open brace starts
        bool inQuotes = false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '@' && cutAtEntries && atLineStart(m_pos) && entryHeaderAt(m_pos)) {
                chunk.end = lineStart(m_pos);
                chunk.cutLine = m_line;
                noteUnclosed(chunk, openLines, openField);
                m_pos = chunk.end;
                return;
            }
            if (c == '\n' && openLines.size() == 1 && chunk.suspectLine == 0 && fieldAssignmentAt(m_pos + 1)) {
                chunk.suspectField = openField;
                chunk.suspectLine = openLines.front();
            }
            if (c == '{') {
                if (openLines.empty())
                    openField = fieldNameBefore(chunk, m_pos);
                openLines.push_back(m_line);
            } else if (c == '}') {
                if (!openLines.empty()) {
                    openLines.pop_back();
                } else if (close == '}') {
                    advance();
                    chunk.end = m_pos;
                    chunk.closed = true;
                    return;
                }
            } else if (c == '"' && openLines.empty()) {
                inQuotes = !inQuotes;
            } else if (c == ')' && close == ')' && openLines.empty() && !inQuotes) {
                advance();
                chunk.end = m_pos;
                chunk.closed = true;
                return;
            }
            advance();
        }
        chunk.end = m_text.size();
        noteUnclosed(chunk, openLines, openField);
    }

    std::size_t lineStart(std::size_t pos) const
    {
        while (pos > 0 && m_text[pos - 1] != '\n')
            --pos;
        return pos;
    }

    // `  author = {` or `year = "` at pos (after spaces).
    bool fieldAssignmentAt(std::size_t pos) const
    {
        while (pos < m_text.size() && (m_text[pos] == ' ' || m_text[pos] == '\t' || m_text[pos] == '\r'))
            ++pos;
        const std::size_t nameBegin = pos;
        while (pos < m_text.size() && isIdentifierChar(m_text[pos]))
            ++pos;
        if (pos == nameBegin)
            return false;
        while (pos < m_text.size() && (m_text[pos] == ' ' || m_text[pos] == '\t'))
            ++pos;
        if (pos >= m_text.size() || m_text[pos] != '=')
            return false;
        ++pos;
        while (pos < m_text.size() && (m_text[pos] == ' ' || m_text[pos] == '\t'))
            ++pos;
        return pos < m_text.size() && (m_text[pos] == '{' || m_text[pos] == '"');
    }

    // The field name before `= {` at bracePos ("" when the brace follows no `=`).
    std::string fieldNameBefore(const Chunk &chunk, std::size_t bracePos) const
    {
        std::size_t p = bracePos;
        while (p > chunk.begin && isSpace(m_text[p - 1]))
            --p;
        if (p <= chunk.begin || m_text[p - 1] != '=')
            return {};
        --p;
        while (p > chunk.begin && isSpace(m_text[p - 1]))
            --p;
        const std::size_t nameEnd = p;
        while (p > chunk.begin && isIdentifierChar(m_text[p - 1]))
            --p;
        return lower(m_text.substr(p, nameEnd - p));
    }

    static void noteUnclosed(Chunk &chunk, const std::vector<int> &openLines, const std::string &openField)
    {
        if (chunk.suspectLine) {
            chunk.unclosedField = chunk.suspectField;
            chunk.unclosedLine = chunk.suspectLine;
        } else if (!openLines.empty()) {
            chunk.unclosedField = openField;
            chunk.unclosedLine = openLines.front();
        } else {
            chunk.unclosedLine = chunk.line;   // the entry's own brace
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
};

// ---------------------------------------------------------------------------

const std::set<std::string, std::less<>> &knownTypes()
{
    // BibTeX's standard types, biblatex's (with its aliases), and the
    // extra ones Zotero, JabRef and DBLP write.
    static const std::set<std::string, std::less<>> types = {
        "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings", "manual",
        "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
        "mvbook", "bookinbook", "suppbook", "collection", "mvcollection", "suppcollection", "dataset",
        "online", "patent", "periodical", "suppperiodical", "mvproceedings", "reference", "mvreference",
        "inreference", "report", "set", "software", "thesis", "xdata", "electronic", "www", "webpage",
        "artwork", "audio", "bibnote", "commentary", "image", "jurisdiction", "legislation", "legal",
        "letter", "movie", "music", "performance", "review", "standard", "video", "data", "presentation",
        "customa", "customb", "customc", "customd", "custome", "customf"};
    return types;
}

// The month macros every BibTeX style defines (plain.bst: MACRO {aug} {"August"}).
constexpr std::array<std::pair<const char *, const char *>, 12> kMonthMacros = {{
    {"jan", "January"}, {"feb", "February"}, {"mar", "March"}, {"apr", "April"},
    {"may", "May"}, {"jun", "June"}, {"jul", "July"}, {"aug", "August"},
    {"sep", "September"}, {"oct", "October"}, {"nov", "November"}, {"dec", "December"}}};

QString sourceLine(std::string_view text, int line)
{
    std::size_t pos = 0;
    for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
        pos = text.find('\n', pos);
        if (pos != std::string_view::npos)
            ++pos;
    }
    if (pos == std::string_view::npos || pos >= text.size())
        return {};
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
        end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r')
        l.remove_suffix(1);
    return qs(l);
}

class Reader final
{
public:
    Reader(std::string_view text, const ReadOptions &options, Database &db)
        : m_text(text), m_options(options), m_db(db)
    {}

    void run(const std::vector<Chunk> &chunks, const std::vector<Junk> &junk)
    {
        detail::BtSession session;
        bt_delete_all_macros();
        for (const auto &[name, value] : kMonthMacros)
            bt_add_macro_text(const_cast<char *>(name), const_cast<char *>(value), nullptr, 0);
        bt_set_stringopts(BTE_REGULAR, BTO_FULL);
        bt_set_stringopts(BTE_MACRODEF, BTO_MACRO);
        bt_set_stringopts(BTE_PREAMBLE, BTO_MACRO);
        bt_set_stringopts(BTE_COMMENT, 0);
        for (const Chunk &chunk : chunks)
            readChunk(session, chunk);
        if (m_parsedAny)   // btparse's end-of-input cleanup; it aborts when nothing was parsed
            bt_parse_entry_s(nullptr, nullptr, 1, 0, nullptr);
        bt_delete_all_macros();
        session.takeMessages();
        for (const Junk &j : junk)
            checkJunk(j);
    }

private:
    void report(Severity severity, int line, const QString &message)
    {
        Diagnostic d;
        d.severity = severity;
        d.file = m_options.fileName;
        d.line = line;
        d.message = message;
        d.snippet = sourceLine(m_text, line);
        m_db.diagnostics.push_back(std::move(d));
    }

    void readChunk(detail::BtSession &session, const Chunk &chunk)
    {
        const std::string type = lower(chunk.type);
        if (type == "comment") {   // ignored as BibTeX does (JabRef keeps its settings there)
            if (!chunk.closed)
                report(Severity::Warning, chunk.line,
                       Tr::tr("the @comment at line %1 is not closed %2: close it with '}' (the entries after "
                              "it are read)")
                           .arg(QString::number(chunk.line),
                                chunk.cutLine ? Tr::tr("before the next entry on line %1").arg(chunk.cutLine)
                                              : Tr::tr("before the end of the file")));
            return;
        }
        if (!chunk.closed) {
            reportUnclosed(chunk, type);
            return;
        }
        const bool regular = type != "string" && type != "preamble";
        std::string key;
        if (regular && !checkKey(chunk, type, key))
            return;
        std::string text(m_text.substr(chunk.begin, chunk.end - chunk.begin));
        boolean ok = 1;
        AST *ast = bt_parse_entry_s(text.data(), nullptr, chunk.line, 0, &ok);
        m_parsedAny = true;
        const std::vector<detail::BtMessage> messages = session.takeMessages();
        // A lexical error reaches us through zzerr and leaves `ok` set; the
        // entry is skipped all the same (its fields would be misread).
        const bool clean = ok && std::none_of(messages.begin(), messages.end(), [](const detail::BtMessage &m) {
            return m.errorClass >= BTERR_LEXERR;
        });
        reportBtMessages(messages, chunk, key, clean);
        if (ast && clean) {
            switch (bt_entry_metatype(ast)) {
            case BTE_MACRODEF: readMacros(ast); break;
            case BTE_PREAMBLE: readPreamble(ast); break;
            case BTE_REGULAR: readEntry(ast, chunk, type, std::move(text)); break;
            default: break;
            }
        }
        if (ast)
            bt_free_ast(ast);
    }

    void reportUnclosed(const Chunk &chunk, const std::string &type)
    {
        const QString what = entryName(chunk, type);
        const QString where = chunk.cutLine
                                  ? Tr::tr("before the next entry on line %1").arg(chunk.cutLine)
                                  : Tr::tr("before the end of the file");
        QString fix;
        if (!chunk.unclosedField.empty())
            fix = Tr::tr("close the brace of the field '%1' on line %2")
                      .arg(qs(chunk.unclosedField), QString::number(chunk.unclosedLine));
        else if (chunk.unclosedLine != chunk.line)
            fix = Tr::tr("close the brace opened on line %1").arg(chunk.unclosedLine);
        else
            fix = Tr::tr("end the entry with '}'");
        report(Severity::Error, chunk.unclosedLine,
               Tr::tr("unbalanced braces in %1 starting at line %2: a brace is not closed %3; %4. "
                      "The entry was skipped.")
                   .arg(what, QString::number(chunk.line), where, fix));
    }

    QString entryName(const Chunk &chunk, const std::string &type) const
    {
        const std::string key = keyOf(chunk);
        if (key.empty())
            return Tr::tr("the @%1 entry").arg(qs(type));
        return Tr::tr("entry '%1'").arg(qs(key));
    }

    // The key as written after the opening delimiter ("" when there is none).
    std::string keyOf(const Chunk &chunk) const
    {
        std::size_t p = m_text.find_first_of("{(", chunk.begin);
        if (p == std::string_view::npos || p >= chunk.end)
            return {};
        ++p;
        while (p < chunk.end && isSpace(m_text[p]))
            ++p;
        const std::size_t begin = p;
        while (p < chunk.end && !isSpace(m_text[p]) && m_text[p] != ',' && m_text[p] != '=' && m_text[p] != '}'
               && m_text[p] != ')')
            ++p;
        std::size_t q = p;
        while (q < chunk.end && isSpace(m_text[q]))
            ++q;
        if (q < chunk.end && m_text[q] == '=')
            return {};   // `@article{title = ...`: that is a field, not a key
        return std::string(m_text.substr(begin, p - begin));
    }

    bool checkKey(const Chunk &chunk, const std::string &type, std::string &key)
    {
        key = keyOf(chunk);
        if (key.empty()) {
            report(Severity::Error, chunk.line,
                   Tr::tr("the @%1 entry at line %2 has no key: write one after '@%3{', for example "
                          "'@%3{smith2020,'. The entry was skipped.")
                       .arg(qs(type), QString::number(chunk.line), qs(chunk.type)));
            return false;
        }
        return true;
    }

    void reportBtMessages(const std::vector<detail::BtMessage> &messages, const Chunk &chunk,
                          const std::string &key, bool ok)
    {
        static const QRegularExpression undefinedMacro(QStringLiteral("^undefined macro \"(.*)\"$"));
        const QString what = key.empty() ? Tr::tr("the @%1 entry").arg(qs(lower(chunk.type)))
                                         : Tr::tr("entry '%1'").arg(qs(key));
        bool reportedError = false;
        for (const detail::BtMessage &m : messages) {
            QString text = qs(m.text);
            text.remove(QStringLiteral(" (skipping to next \"@\")"));   // btparse's own recovery, not ours
            const int line = m.line > 0 ? m.line : chunk.line;
            if (const auto match = undefinedMacro.match(text); match.hasMatch()) {
                report(Severity::Warning, line,
                       Tr::tr("%1 uses the string '%2', which is not defined (read as empty): define it "
                              "with @string{%2 = {...}} before the entry, or write the value in braces")
                           .arg(what, match.captured(1)));
                continue;
            }
            static const QRegularExpression redefined(
                QStringLiteral("^overriding existing definition of macro \"(.*)\"$"));
            if (const auto match = redefined.match(text); match.hasMatch()) {
                // Redefining a month (@string{aug = {Aug.}}) is how a file picks its own
                // spelling; a second @string of the file's own is worth a word.
                if (m_db.strings.count(match.captured(1).toStdString()))
                    report(Severity::Warning, line,
                           Tr::tr("the string '%1' is defined a second time: the later definition is used from "
                                  "here on; remove one of them")
                               .arg(match.captured(1)));
                continue;
            }
            static const QRegularExpression missingComma(
                QStringLiteral("^found \"([A-Za-z][\\w-]*)\", expected end of entry"));
            if (const auto match = missingComma.match(text);
                match.hasMatch() && m.errorClass == BTERR_SYNTAX && !reportedError) {
                reportedError = true;
                report(Severity::Error, line,
                       Tr::tr("%1 starting at line %2: a comma is missing before '%3': end the value before it "
                              "with ','. The entry was skipped.")
                           .arg(what, QString::number(chunk.line), match.captured(1)));
                continue;
            }
            const bool error = m.errorClass >= BTERR_LEXERR;
            if (error && reportedError)
                continue;   // the first error of an entry is the one to fix; the rest follow from it
            if (error)
                reportedError = true;
            report(error ? Severity::Error : Severity::Warning, line,
                   error ? Tr::tr("syntax error in %1 starting at line %2: %3. The entry was skipped: "
                                  "check the commas between fields and the braces or quotes around values.")
                               .arg(what, QString::number(chunk.line), text)
                         : Tr::tr("in %1: %2").arg(what, text));
        }
        if (!ok && !reportedError)
            report(Severity::Error, chunk.line,
                   Tr::tr("%1 starting at line %2 could not be read; the entry was skipped: check its "
                          "commas, braces and quotes.")
                       .arg(what, QString::number(chunk.line)));
    }

    // The field's value after expansion, pasting and collapsing; bt_get_text
    // returns a copy the caller frees.
    static std::string fieldText(AST *field)
    {
        char *value = bt_get_text(field);
        std::string text = value ? value : "";
        std::free(value);
        return text;
    }

    void readMacros(AST *ast)
    {
        char *name = nullptr;
        AST *field = nullptr;
        while ((field = bt_next_field(ast, field, &name))) {
            m_db.strings[lower(name ? name : "")] = fieldText(field);
        }
    }

    void readPreamble(AST *ast)
    {
        std::string text;
        AST *value = nullptr;
        char *part = nullptr;
        while ((value = bt_next_value(ast, value, nullptr, &part)))
            if (part)
                text += part;
        m_db.preambles.push_back(std::move(text));
    }

    void readEntry(AST *ast, const Chunk &chunk, const std::string &type, std::string text)
    {
        Entry entry;
        entry.type = type;
        const char *key = bt_entry_key(ast);
        entry.key = key ? key : "";
        entry.file = m_options.fileName;
        entry.line = chunk.line;
        entry.source = std::move(text);
        char *name = nullptr;
        AST *field = nullptr;
        while ((field = bt_next_field(ast, field, &name))) {
            Field f;
            f.name = lower(name ? name : "");
            f.value = fieldText(field);
            f.line = field->line > 0 ? field->line : chunk.line;
            if (const Field *earlier = entry.field(f.name)) {
                report(Severity::Warning, f.line,
                       Tr::tr("entry '%1' has the field '%2' twice (lines %3 and %4): the first is used; "
                              "remove one")
                           .arg(qs(entry.key), qs(f.name), QString::number(earlier->line),
                                QString::number(f.line)));
                continue;
            }
            entry.fields.push_back(std::move(f));
        }
        if (!knownTypes().count(type))
            report(Severity::Warning, chunk.line,
                   Tr::tr("entry '%1' has the unknown type '@%2': it is read, but styles treat it as "
                          "@misc; use a standard type such as @article, @inproceedings or @misc")
                       .arg(qs(entry.key), qs(chunk.type)));
        const std::string folded = lower(entry.key);
        if (const auto it = m_keys.find(folded); it != m_keys.end()) {
            const Entry &first = m_db.entries[it->second];
            report(Severity::Warning, chunk.line,
                   Tr::tr("duplicate key '%1' at lines %2 and %3: the first entry is used; give the second "
                          "a different key or remove it")
                       .arg(qs(entry.key), QString::number(first.line), QString::number(chunk.line)));
            return;
        }
        m_keys.emplace(folded, m_db.entries.size());
        m_db.entries.push_back(std::move(entry));
    }

    // Text between entries is a comment to BibTeX; text that looks like
    // fields means an entry was closed too early by an extra '}'.
    void checkJunk(const Junk &junk)
    {
        static const QRegularExpression fieldLike(QStringLiteral("(^|\\n)\\s*[A-Za-z][\\w-]*\\s*=\\s*[{\"0-9]"));
        const QString text = qs(m_text.substr(junk.begin, junk.end - junk.begin));
        const auto match = fieldLike.match(text);
        if (!match.hasMatch())
            return;
        const int line = junk.line + static_cast<int>(text.left(match.capturedStart(0) + match.capturedLength(1)).count(QLatin1Char('\n')));
        report(Severity::Warning, line,
               Tr::tr("text that looks like a field is outside any entry and is ignored: an extra '}' "
                      "probably ends the entry above early; remove it"));
    }

    std::string_view m_text;
    const ReadOptions &m_options;
    Database &m_db;
    std::unordered_map<std::string, std::size_t> m_keys;   // lower-case key -> index in entries
    bool m_parsedAny = false;
};

// Fields a child never inherits: they name or group the entry itself.
bool inheritable(std::string_view name)
{
    static const std::set<std::string, std::less<>> excluded = {"crossref", "xref", "ids", "entryset",
                                                                "key", "label", "shorthand", "xdata"};
    return !excluded.count(name);
}

void resolveCrossrefs(Database &db)
{
    for (Entry &entry : db.entries) {
        const Field *ref = entry.field("crossref");
        if (!ref)
            continue;
        const Entry *parent = db.find(ref->value);
        if (!parent) {
            Diagnostic d;
            d.severity = Severity::Warning;
            d.file = entry.file;
            d.line = ref->line;
            d.message = Tr::tr("entry '%1' has crossref '%2', which is not in the file: add that entry or "
                               "remove the crossref field")
                            .arg(qs(entry.key), qs(ref->value));
            db.diagnostics.push_back(std::move(d));
            continue;
        }
        if (parent == &entry)
            continue;
        std::vector<Field> inherited;
        for (const Field &f : parent->fields) {
            if (f.inherited || !inheritable(f.name) || entry.has(f.name))
                continue;
            Field copy = f;
            copy.inherited = true;
            inherited.push_back(std::move(copy));
        }
        // biblatex's rule for a paper in proceedings or a chapter in a book:
        // the parent's title is the child's booktitle (DBLP relies on it).
        if (!entry.has("booktitle") && parent->has("title")
            && (entry.type == "inproceedings" || entry.type == "conference" || entry.type == "incollection"
                || entry.type == "inbook")) {
            Field booktitle = *parent->field("title");
            booktitle.name = "booktitle";
            booktitle.inherited = true;
            inherited.push_back(std::move(booktitle));
        }
        for (Field &f : inherited)
            entry.fields.push_back(std::move(f));
    }
}

// The value with the braces BibTeX could not pair written as commands:
// BibTeX counts every brace, escaped or not, so `\}` would not do.
std::string withPairedBraces(std::string_view value)
{
    std::vector<bool> unmatched(value.size(), false);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '{') {
            open.push_back(i);
        } else if (value[i] == '}') {
            if (open.empty())
                unmatched[i] = true;
            else
                open.pop_back();
        }
    }
    for (std::size_t i : open)
        unmatched[i] = true;
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (unmatched[i])
            out += value[i] == '{' ? "\\textbraceleft{}" : "\\textbraceright{}";
        else
            out += value[i];
    }
    return out;
}

} // namespace

const Field *Entry::field(std::string_view name) const
{
    for (const Field &f : fields)
        if (equalsIgnoringCase(f.name, name))
            return &f;
    return nullptr;
}

std::string Entry::value(std::string_view name) const
{
    const Field *f = field(name);
    return f ? f->value : std::string();
}

const Entry *Database::find(std::string_view key) const
{
    for (const Entry &e : entries)
        if (equalsIgnoringCase(e.key, key))
            return &e;
    return nullptr;
}

bool Database::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

Database parse(QByteArrayView bytes, const ReadOptions &options)
{
    Database db;
    std::string_view raw(bytes.data(), static_cast<std::size_t>(bytes.size()));
    if (raw.substr(0, 3) == "\xEF\xBB\xBF")
        raw.remove_prefix(3);   // the BOM Windows editors write
    int badLine = 0;
    const std::string text = toUtf8(raw, badLine);
    if (badLine) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.file = options.fileName;
        d.line = badLine;
        d.message = Tr::tr("%1 is not UTF-8 (first at line %2): it was read as Latin-1 (Windows-1252); "
                           "check the accents, and save the file as UTF-8")
                        .arg(options.fileName.isEmpty() ? Tr::tr("the BibTeX text") : options.fileName,
                             QString::number(badLine));
        db.diagnostics.push_back(std::move(d));
    }
    std::vector<Chunk> chunks;
    std::vector<Junk> junk;
    Chunker(text).run(chunks, junk);
    Reader(text, options, db).run(chunks, junk);
    if (options.resolveCrossref)
        resolveCrossrefs(db);
    std::stable_sort(db.diagnostics.begin(), db.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
    return db;
}

Result<Database> readFile(const QString &path, ReadOptions options)
{
    if (QFileInfo(path).isDir())
        return makeError(Tr::tr("%1 is a folder, not a BibTeX file: choose the .bib file in it").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (options.fileName.isEmpty())
        options.fileName = path;
    return parse(bytes, options);
}

int parseMonth(std::string_view text)
{
    std::string s;
    for (char c : text)
        if (!isSpace(c) && c != '{' && c != '}' && c != '.')
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.empty())
        return 0;
    if (std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        if (s.size() > 2)
            return 0;
        const int n = std::stoi(s);
        return n >= 1 && n <= 12 ? n : 0;
    }
    static constexpr std::array<const char *, 12> names = {"january", "february", "march", "april",
                                                           "may", "june", "july", "august",
                                                           "september", "october", "november", "december"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string_view name = names[i];
        if (s == name || (s.size() >= 3 && name.substr(0, s.size()) == s))
            return static_cast<int>(i) + 1;
        if (i == 8 && s == "sept")
            return 9;
    }
    return 0;
}

namespace {

// The leading digits of text as a number (at most `digits` of them), 0 when
// text does not start with one; braces and spaces around are ignored.
int leadingNumber(std::string_view text, std::size_t digits, std::size_t *used = nullptr)
{
    std::size_t i = 0;
    while (i < text.size() && (text[i] == '{' || isSpace(text[i])))
        ++i;
    int n = 0;
    std::size_t count = 0;
    while (i < text.size() && count < digits && std::isdigit(static_cast<unsigned char>(text[i]))) {
        n = n * 10 + (text[i] - '0');
        ++i;
        ++count;
    }
    if (used)
        *used = i;
    return count ? n : 0;
}

bool isNumber(std::string_view text)
{
    std::string_view t = text;
    while (!t.empty() && (t.front() == '{' || isSpace(t.front())))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == '}' || isSpace(t.back())))
        t.remove_suffix(1);
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

} // namespace

Date entryDate(const Entry &entry)
{
    Date date;
    const std::string year = entry.value("year");
    if (isNumber(year)) {
        date.year = leadingNumber(year, 4);
        date.month = parseMonth(entry.value("month"));
        const std::string day = entry.value("day");
        if (date.month && isNumber(day)) {
            const int d = leadingNumber(day, 2);
            date.day = d >= 1 && d <= 31 ? d : 0;
        }
        return date;
    }
    const std::string text = entry.value("date");
    std::size_t pos = 0;
    date.year = leadingNumber(text, 4, &pos);
    if (!date.year)
        return {};
    if (pos < text.size() && text[pos] == '-') {
        std::size_t more = 0;
        const int month = leadingNumber(std::string_view(text).substr(pos + 1), 2, &more);
        if (month >= 1 && month <= 12) {
            date.month = month;
            pos += 1 + more;
            if (pos < text.size() && text[pos] == '-') {
                const int day = leadingNumber(std::string_view(text).substr(pos + 1), 2);
                date.day = day >= 1 && day <= 31 ? day : 0;
            }
        }
    }
    return date;
}

std::string format(const Entry &entry)
{
    std::string out = "@" + entry.type + "{" + entry.key + ",\n";
    for (const Field &f : entry.fields) {
        if (f.inherited)
            continue;
        out += "  " + f.name + " = {" + withPairedBraces(f.value);
        out += "},\n";
    }
    out += "}\n";
    return out;
}

} // namespace folio::site::bib
