// LaTeX to Unicode/HTML/CSL rich text. The table is written by hand (see
// latex.h): it covers what BibTeX exports contain (Google Scholar, DBLP,
// Zotero, JabRef, ACM, Scopus write accents in every TeX spelling), and one
// converter serves the three outputs so they never disagree on the text.
//
// Decisions:
// - `~` (a tie) is a plain space in toText (text is data: front matter,
//   matching owner names, sorting), `&nbsp;` in toHtml, and U+00A0 in
//   toCslMarkup (citeproc-js reads text, not HTML entities).
// - A single `'` stays an ASCII apostrophe ("O'Brien" must still match);
//   `` and '' become curly double quotes, ` a left single quote.
// - Math ($...$, $$...$$, \(...\), \[...\]) is copied as written (escaped in
//   HTML) for MathJax; in CSL markup it is also wrapped in a nocase span, so
//   a style's title case does not change it.
// - Braces that protect case are dropped; in CSL markup a bare group that is
//   not an accent ({DNA}, not {\"o}) becomes <span class="nocase">.
// - An unknown command is dropped and the text of its braced arguments kept.
#include "latex.h"

#include "aasmacros.h"
#include "text_p.h"

#include <QString>

#include <array>
#include <cctype>
#include <cstring>
#include <map>

namespace folio::site::bib {
namespace {

enum class Mode { Text, Html, Csl };
enum class Style { Em, Strong, SmallCaps, Sup, Sub, Plain, NoCase, Quote };

using detail::appendUtf8;

std::string utf8(char32_t cp)
{
    std::string s;
    appendUtf8(s, cp);
    return s;
}

// Length of the UTF-8 code point starting at s[0].
std::size_t codePointLength(std::string_view s)
{
    if (s.empty())
        return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    return std::min(n, s.size());
}

// Accents: the TeX command and the Unicode combining mark it puts on its
// argument; NFC then composes the precomposed letter where Unicode has one.
char32_t accentMark(std::string_view command)
{
    static const std::map<std::string_view, char32_t> marks = {
        {"\"", 0x0308}, {"'", 0x0301}, {"`", 0x0300}, {"^", 0x0302}, {"~", 0x0303}, {"=", 0x0304},
        {".", 0x0307},  {"c", 0x0327}, {"v", 0x030C}, {"H", 0x030B}, {"k", 0x0328}, {"u", 0x0306},
        {"r", 0x030A},  {"d", 0x0323}, {"b", 0x0331}, {"t", 0x0361}, {"U", 0x030E}, {"G", 0x030F},
        {"f", 0x0311},  {"h", 0x0309}};
    const auto it = marks.find(command);
    return it == marks.end() ? 0 : it->second;
}

// Commands that stand for one character (or a fixed text).
const std::map<std::string_view, std::string_view> &symbols()
{
    static const std::map<std::string_view, std::string_view> table = {
        {"ss", "ß"}, {"SS", "SS"}, {"o", "ø"}, {"O", "Ø"}, {"l", "ł"}, {"L", "Ł"}, {"aa", "å"}, {"AA", "Å"},
        {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"}, {"i", "ı"}, {"j", "ȷ"}, {"dh", "ð"}, {"DH", "Ð"},
        {"th", "þ"}, {"TH", "Þ"}, {"ng", "ŋ"}, {"NG", "Ŋ"}, {"dj", "đ"}, {"DJ", "Đ"}, {"ij", "ĳ"}, {"IJ", "Ĳ"},
        {"copyright", "©"}, {"textcopyright", "©"}, {"textregistered", "®"}, {"texttrademark", "™"},
        {"pounds", "£"}, {"textsterling", "£"}, {"euro", "€"}, {"texteuro", "€"}, {"S", "§"}, {"P", "¶"},
        {"textsection", "§"}, {"textparagraph", "¶"}, {"dag", "†"}, {"ddag", "‡"}, {"textdagger", "†"},
        {"textdaggerdbl", "‡"}, {"ldots", "…"}, {"dots", "…"}, {"textellipsis", "…"},
        {"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"LaTeXe", "LaTeX2ε"}, {"BibTeX", "BibTeX"},
        {"textendash", "–"}, {"textemdash", "—"}, {"textquoteleft", "‘"}, {"textquoteright", "’"},
        {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"guillemotleft", "«"},
        {"guillemotright", "»"}, {"guillemetleft", "«"}, {"guillemetright", "»"}, {"guilsinglleft", "‹"},
        {"guilsinglright", "›"}, {"quotedblbase", "„"}, {"quotesinglbase", "‚"}, {"textless", "<"},
        {"textgreater", ">"}, {"textbackslash", "\\"}, {"textasciitilde", "~"}, {"textasciicircum", "^"},
        {"textbar", "|"}, {"textdegree", "°"}, {"textperiodcentered", "·"}, {"textbullet", "•"},
        {"textexclamdown", "¡"}, {"textquestiondown", "¿"}, {"textunderscore", "_"}, {"textbraceleft", "{"},
        {"textbraceright", "}"}, {"textdollar", "$"}, {"textpercent", "%"}, {"textampersand", "&"},
        {"textmu", "µ"}, {"textonehalf", "½"}, {"textonequarter", "¼"}, {"textthreequarters", "¾"},
        {"textordfeminine", "ª"}, {"textordmasculine", "º"}, {"textcent", "¢"}, {"textyen", "¥"},
        {"textminus", "−"}, {"textpm", "±"}, {"texttimes", "×"}, {"textdiv", "÷"}, {"textnumero", "№"},
        {"textsuperscripttwo", "²"}, {"quad", " "}, {"qquad", " "}, {"enspace", " "}, {"thinspace", " "},
        {"space", " "}, {"slash", "/"}, {"textslash", "/"}, {"textvisiblespace", "␣"},
        {"relax", ""}, {"protect", ""}, {"noopsort", ""}, {"nobreak", ""}, {"hspace", ""}, {"ignorespaces", ""},
        {"unskip", ""}, {"/", ""}, {"-", ""}, {"@", ""}, {"&", "&"}, {"%", "%"}, {"$", "$"}, {"#", "#"},
        {"_", "_"}, {"{", "{"}, {"}", "}"}, {" ", " "}, {"\\", " "}, {",", " "}, {";", " "}, {":", " "},
        {"!", ""}, {"|", "|"}, {"newline", " "}, {"linebreak", " "}, {"par", " "},
        // Greek and a few symbols written outside math ("the \alpha-helix");
        // inside $...$ they stay TeX for MathJax.
        {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
        {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
        {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"},
        {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"},
        {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
        {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
        {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"}, {"times", "×"}, {"pm", "±"}, {"infty", "∞"},
        {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"approx", "≈"}, {"cdot", "·"},
        {"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"}, {"textrightarrow", "→"}};
    return table;
}

// Commands taking one argument that becomes styled text.
const std::map<std::string_view, Style> &argumentStyles()
{
    static const std::map<std::string_view, Style> table = {
        {"textit", Style::Em}, {"emph", Style::Em}, {"textsl", Style::Em}, {"mathit", Style::Em},
        {"textbf", Style::Strong}, {"mathbf", Style::Strong}, {"textsc", Style::SmallCaps},
        {"textsuperscript", Style::Sup}, {"textsubscript", Style::Sub}, {"enquote", Style::Quote},
        {"texttt", Style::Plain}, {"textrm", Style::Plain}, {"textsf", Style::Plain}, {"textnormal", Style::Plain},
        {"textup", Style::Plain}, {"textmd", Style::Plain}, {"mbox", Style::Plain}, {"hbox", Style::Plain},
        {"text", Style::Plain}, {"mathrm", Style::Plain}, {"textlf", Style::Plain}, {"uline", Style::Plain},
        {"underline", Style::Plain}, {"NoCaseChange", Style::NoCase}, {"nocase", Style::NoCase}};
    return table;
}

// Declarations that style the rest of their group: {\it foo}, {\bf foo}.
const std::map<std::string_view, Style> &switchStyles()
{
    static const std::map<std::string_view, Style> table = {
        {"it", Style::Em}, {"em", Style::Em}, {"itshape", Style::Em}, {"sl", Style::Em}, {"slshape", Style::Em},
        {"bf", Style::Strong}, {"bfseries", Style::Strong}, {"sc", Style::SmallCaps},
        {"scshape", Style::SmallCaps}, {"rm", Style::Plain}, {"tt", Style::Plain}, {"sf", Style::Plain},
        {"normalfont", Style::Plain}, {"upshape", Style::Plain}, {"mdseries", Style::Plain},
        {"rmfamily", Style::Plain}, {"ttfamily", Style::Plain}, {"sffamily", Style::Plain},
        {"small", Style::Plain}, {"footnotesize", Style::Plain}, {"scriptsize", Style::Plain},
        {"tiny", Style::Plain}, {"large", Style::Plain}, {"Large", Style::Plain}, {"LARGE", Style::Plain},
        {"huge", Style::Plain}, {"Huge", Style::Plain}, {"normalsize", Style::Plain}, {"boldmath", Style::Plain}};
    return table;
}

class Converter final
{
public:
    Converter(std::string_view text, Mode mode) : m_s(text), m_mode(mode) {}

    std::string run()
    {
        std::string out;
        while (!atEnd()) {
            out += sequence();
            if (peek() == '}')
                ++m_i;   // a stray closing brace: BibTeX would complain; the text goes on
        }
        return finish(std::move(out));
    }

private:
    bool atEnd() const { return m_i >= m_s.size(); }
    char peek(std::size_t ahead = 0) const { return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : '\0'; }

    // Converted text up to the '}' closing the current group (not consumed).
    std::string sequence()
    {
        std::string out;
        while (!atEnd()) {
            if (peek() == '}') {
                if (m_flattened == 0)
                    break;
                --m_flattened;   // closes a group opened beyond kMaxDepth
                ++m_i;
                continue;
            }
            step(out);
        }
        return out;
    }

    // Groups and arguments are converted by recursion; nesting deeper than
    // any real value (BibTeX itself stops far sooner) is flattened instead
    // (the braces dropped, the text kept), so a hostile file cannot overflow
    // the stack. True when the caller may descend.
    bool descend()
    {
        if (m_depth < kMaxDepth)
            return true;
        ++m_i;   // '{'
        ++m_flattened;
        return false;
    }
    struct Depth final {
        explicit Depth(int &d) : depth(++d) {}
        ~Depth() { --depth; }
        int &depth;
    };

    void step(std::string &out)
    {
        const char c = peek();
        switch (c) {
        case '{': group(out); return;
        case '\\': command(out); return;
        case '$': math(out); return;
        case '-': dashes(out); return;
        case '~': ++m_i; out += m_mode == Mode::Text ? " " : m_mode == Mode::Html ? "&nbsp;" : "\u00A0"; return;
        case '`':
            if (peek(1) == '`') { m_i += 2; out += "“"; } else { ++m_i; out += "‘"; }
            return;
        case '\'':
            if (peek(1) == '\'') { m_i += 2; out += "”"; } else { ++m_i; out += '\''; }
            return;
        case ' ': case '\t': case '\n': case '\r': case '\f':
            while (!atEnd() && std::strchr(" \t\n\r\f", peek()) && peek() != '\0')
                ++m_i;
            space(out);
            return;
        default:
            ++m_i;
            literal(out, c);
        }
    }

    void space(std::string &out)
    {
        if (!out.empty() && out.back() != ' ')
            out += ' ';
        else if (out.empty())
            out += ' ';   // trimmed at the end; kept between pieces
    }

    void literal(std::string &out, char c)
    {
        if (m_mode == Mode::Html) {
            switch (c) {
            case '&': out += "&amp;"; return;
            case '<': out += "&lt;"; return;
            case '>': out += "&gt;"; return;
            case '"': out += "&quot;"; return;
            default: break;
            }
        }
        out += c;
    }

    void literalText(std::string &out, std::string_view text)
    {
        for (char c : text)
            literal(out, c);
    }

    void group(std::string &out)
    {
        if (!descend())
            return;
        const Depth depth(m_depth);
        ++m_i;   // '{'
        const bool special = peek() == '\\';   // {\"o}, {\em ...}: not a case-protecting group
        const bool protect = m_mode == Mode::Csl && !special && !m_inNoCase;
        if (protect)
            m_inNoCase = true;
        std::string inner = sequence();
        if (protect)
            m_inNoCase = false;
        if (peek() == '}')
            ++m_i;
        if (protect && !inner.empty())
            out += "<span class=\"nocase\">" + inner + "</span>";
        else
            out += inner;
    }

    // The argument of a command: a braced group's text, or the next token.
    std::string argument()
    {
        if (m_depth >= kMaxDepth) {   // see descend(): \textit\textit... or {{{...
            if (peek() == '{')
                descend();
            return {};
        }
        const Depth depth(m_depth);
        if (peek() == '{') {
            ++m_i;   // an argument's own braces protect nothing (groups inside it do)
            std::string inner = sequence();
            if (peek() == '}')
                ++m_i;
            return inner;
        }
        std::string out;
        if (peek() == '\\') {
            command(out);
            return out;
        }
        const std::size_t n = codePointLength(m_s.substr(m_i));
        literalText(out, m_s.substr(m_i, n));
        m_i += n;
        return out;
    }

    // A braced argument taken as written (a URL): TeX's escapes undone, nothing converted.
    std::string verbatimArgument()
    {
        std::string raw;
        if (peek() != '{')
            return raw;
        ++m_i;
        int depth = 0;
        while (!atEnd()) {
            const char c = peek();
            if (c == '\\' && m_i + 1 < m_s.size() && std::strchr("%&#_{}$~", m_s[m_i + 1])) {
                raw += m_s[m_i + 1];
                m_i += 2;
                continue;
            }
            if (c == '{') {
                ++depth;
            } else if (c == '}') {
                if (depth == 0) {
                    ++m_i;
                    break;
                }
                --depth;
            }
            raw += c;
            ++m_i;
        }
        return raw;
    }

    void skipSpaces()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_i;
    }

    void command(std::string &out)
    {
        ++m_i;   // '\'
        if (atEnd()) {
            out += '\\';
            return;
        }
        std::string_view name;
        const std::size_t begin = m_i;
        if (std::isalpha(static_cast<unsigned char>(peek()))) {
            while (!atEnd() && std::isalpha(static_cast<unsigned char>(peek())))
                ++m_i;
            name = m_s.substr(begin, m_i - begin);
        } else {
            ++m_i;
            name = m_s.substr(begin, 1);
        }
        const bool word = std::isalpha(static_cast<unsigned char>(name[0]));
        if (name == "(" || name == "[") {
            inlineMath(out, name == "(" ? "\\)" : "\\]", begin - 1);
            return;
        }
        if (const char32_t mark = accentMark(name); mark && (!word || peek() == '{' || peek() == ' ' || peek() == '\\')) {
            if (word)
                skipSpaces();
            accent(out, mark);
            return;
        }
        if (word)
            skipSpaces();
        if (const auto it = symbols().find(name); it != symbols().end()) {
            if (name == "hspace" || name == "noopsort")
                argument();   // its argument is not text
            literalText(out, it->second);
            return;
        }
        if (const auto it = argumentStyles().find(name); it != argumentStyles().end()) {
            styled(out, it->second, argument());
            return;
        }
        if (const auto it = switchStyles().find(name); it != switchStyles().end()) {
            styled(out, it->second, sequence());
            return;
        }
        if (name == "url") {
            link(out, verbatimArgument(), {});
            return;
        }
        if (name == "href") {
            const std::string url = verbatimArgument();
            skipSpaces();
            const std::string text = peek() == '{' ? argument() : std::string();
            link(out, url, text);
            return;
        }
        if (const std::string_view journal = aasJournal(name); !journal.empty() && peek() != '{') {
            literalText(out, journal);
            return;
        }
        unknown(out);
    }

    // An unknown command: dropped, the text of its braced arguments kept.
    void unknown(std::string &out)
    {
        if (peek() == '[') {   // an optional argument: not text
            while (!atEnd() && peek() != ']')
                ++m_i;
            if (!atEnd())
                ++m_i;
        }
        while (peek() == '{')
            out += argument();
    }

    void accent(std::string &out, char32_t mark)
    {
        std::string base = argument();
        if (base.empty())
            return;
        // An accent on a dotless i/j is the accented i/j (\'\i is í).
        if (base.compare(0, 2, "ı") == 0)
            base.replace(0, 2, "i");
        else if (base.compare(0, 2, "ȷ") == 0)
            base.replace(0, 2, "j");
        // The mark follows the first letter (a tie, \t{oo}, joins it to the next).
        base.insert(codePointLength(base), utf8(mark));
        out += base;
    }

    void styled(std::string &out, Style style, const std::string &inner)
    {
        if (m_mode == Mode::Text || style == Style::Plain) {
            if (style == Style::Quote)
                out += "“" + inner + "”";
            else
                out += inner;
            return;
        }
        const bool html = m_mode == Mode::Html;
        switch (style) {
        case Style::Em: out += (html ? "<em>" : "<i>") + inner + (html ? "</em>" : "</i>"); break;
        case Style::Strong: out += (html ? "<strong>" : "<b>") + inner + (html ? "</strong>" : "</b>"); break;
        case Style::SmallCaps: out += "<span style=\"font-variant:small-caps;\">" + inner + "</span>"; break;
        case Style::Sup: out += "<sup>" + inner + "</sup>"; break;
        case Style::Sub: out += "<sub>" + inner + "</sub>"; break;
        case Style::NoCase:
            out += html ? inner : "<span class=\"nocase\">" + inner + "</span>";
            break;
        case Style::Quote: out += "“" + inner + "”"; break;
        case Style::Plain: out += inner; break;
        }
    }

    void link(std::string &out, const std::string &url, const std::string &text)
    {
        if (m_mode != Mode::Html) {
            out += text.empty() ? url : text;
            return;
        }
        std::string escapedUrl;
        for (char c : url)
            literal(escapedUrl, c);
        out += "<a href=\"" + escapedUrl + "\">" + (text.empty() ? escapedUrl : text) + "</a>";
    }

    void dashes(std::string &out)
    {
        std::size_t n = 0;
        while (peek() == '-') {
            ++n;
            ++m_i;
        }
        while (n >= 3) { out += "—"; n -= 3; }
        if (n == 2) out += "–";
        else if (n == 1) out += '-';
    }

    // $...$ or $$...$$, as written.
    void math(std::string &out)
    {
        const std::size_t begin = m_i;
        const bool display = peek(1) == '$';
        const std::string_view close = display ? "$$" : "$";
        std::size_t p = begin + close.size();
        while (p < m_s.size()) {
            if (m_s[p] == '\\') {
                p += 2;
                continue;
            }
            if (m_s.compare(p, close.size(), close) == 0)
                break;
            ++p;
        }
        if (p >= m_s.size()) {   // no closing '$': a dollar sign
            ++m_i;
            out += '$';
            return;
        }
        m_i = p + close.size();
        mathText(out, m_s.substr(begin, m_i - begin));
    }

    void inlineMath(std::string &out, std::string_view close, std::size_t begin)
    {
        const std::size_t end = m_s.find(close, m_i);
        if (end == std::string_view::npos) {
            m_i = begin + 2;
            return;
        }
        m_i = end + close.size();
        mathText(out, m_s.substr(begin, m_i - begin));
    }

    void mathText(std::string &out, std::string_view text)
    {
        std::string written;
        literalText(written, text);
        if (m_mode == Mode::Csl && !m_inNoCase)
            out += "<span class=\"nocase\">" + written + "</span>";
        else
            out += written;
    }

    // Spaces trimmed, NFC (accents composed).
    std::string finish(std::string out) const
    {
        std::size_t b = 0;
        while (b < out.size() && out[b] == ' ')
            ++b;
        std::size_t e = out.size();
        while (e > b && out[e - 1] == ' ')
            --e;
        std::string trimmed;
        for (std::size_t i = b; i < e; ++i)   // pieces converted apart meet with one space
            if (out[i] != ' ' || trimmed.empty() || trimmed.back() != ' ')
                trimmed += out[i];
        out = std::move(trimmed);
        if (out.find_first_of("\xCC\xCD") == std::string::npos)
            return out;   // no combining marks (U+0300..U+036F): already NFC
        return QString::fromStdString(out).normalized(QString::NormalizationForm_C).toStdString();
    }

    std::string_view m_s;
    std::size_t m_i = 0;
    Mode m_mode;
    bool m_inNoCase = false;
    static constexpr int kMaxDepth = 200;
    int m_depth = 0;       // groups and arguments being converted
    int m_flattened = 0;   // groups opened beyond kMaxDepth, not yet closed
};

} // namespace

std::string toText(std::string_view latex) { return Converter(latex, Mode::Text).run(); }
std::string toHtml(std::string_view latex) { return Converter(latex, Mode::Html).run(); }
std::string toCslMarkup(std::string_view latex) { return Converter(latex, Mode::Csl).run(); }

std::string toVerbatim(std::string_view latex)
{
    std::string_view v = latex;
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front())))
        v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back())))
        v.remove_suffix(1);
    if (v.substr(0, 4) == "\\url" && v.size() > 5 && v[4] == '{' && v.back() == '}')
        v = v.substr(5, v.size() - 6);
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c == '\\' && i + 1 < v.size() && std::strchr("%&#_{}$~", v[i + 1])) {
            out += v[++i];
            continue;
        }
        if (c == '{' || c == '}')
            continue;
        out += c;
    }
    return out;
}

} // namespace folio::site::bib
