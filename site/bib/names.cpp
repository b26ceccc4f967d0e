// Names split by BibTeX's own algorithm (bibtex.web: von_token_found,
// von_name_ends_and_last_name_starts_stuff), written here rather than taken
// from btparse's bt_split_name: that one misreads comma forms whose first
// piece is lower-case ("a, b" gives von "a b" and no last name) and leaves a
// part's pointer unset for ", X", which crashed on real-world typos.
#include "names.h"

#include "latex.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace folio::site::bib {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

struct Token final {
    std::string text;
    char separator = ' ';   // what followed it: ' ', '-' or '~' (BibTeX keeps hyphens between tokens)
};

using Tokens = std::vector<Token>;

// The value cut at depth-0 "and" (case-insensitive, surrounded by spaces),
// as BibTeX's name_scan_for_and does.
std::vector<std::string> splitList(std::string_view s)
{
    std::vector<std::string> items(1);
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '{')
            ++depth;
        else if (c == '}' && depth > 0)
            --depth;
        if (depth == 0 && isSpace(c) && i + 4 < s.size() && std::tolower(static_cast<unsigned char>(s[i + 1])) == 'a'
            && std::tolower(static_cast<unsigned char>(s[i + 2])) == 'n'
            && std::tolower(static_cast<unsigned char>(s[i + 3])) == 'd' && isSpace(s[i + 4])) {
            items.emplace_back();
            i += 4;
            continue;
        }
        items.back() += c;
    }
    return items;
}

std::string trimmed(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

// One name cut into its comma-separated pieces, each cut into tokens at
// depth-0 white space, '-' and '~'.
std::vector<Tokens> tokenize(std::string_view name)
{
    std::vector<Tokens> pieces(1);
    std::string current;
    int depth = 0;
    auto endToken = [&](char separator) {
        if (!current.empty())
            pieces.back().push_back({current, separator});
        else if (!pieces.back().empty() && separator != ' ')
            pieces.back().back().separator = separator;
        current.clear();
    };
    for (const char c : name) {
        if (depth == 0 && (isSpace(c) || c == '-' || c == '~')) {
            endToken(isSpace(c) ? ' ' : c);
            continue;
        }
        if (depth == 0 && c == ',') {
            endToken(' ');
            pieces.emplace_back();
            continue;
        }
        if (c == '{')
            ++depth;
        else if (c == '}' && depth > 0)
            --depth;
        current += c;
    }
    endToken(' ');
    // Empty pieces (", X", "A, , B") are typos, not parts.
    std::vector<Tokens> kept;
    for (Tokens &p : pieces)
        if (!p.empty())
            kept.push_back(std::move(p));
    while (kept.size() > 3) {   // "A, B, C, D": the rest is First
        Tokens &into = kept[kept.size() - 2];
        for (Token &t : kept.back())
            into.push_back(std::move(t));
        kept.pop_back();
    }
    return kept;
}

// The control sequences BibTeX knows as foreign letters, by case.
int foreignLetterCase(std::string_view command)
{
    static const std::vector<std::string_view> lower = {"i", "j", "oe", "ae", "aa", "o", "l", "ss"};
    static const std::vector<std::string_view> upper = {"OE", "AE", "AA", "O", "L"};
    for (auto l : lower)
        if (command == l)
            return 1;
    for (auto u : upper)
        if (command == u)
            return -1;
    return 0;
}

// BibTeX's von_token_found: whether the token's first letter is lower
// case, a special character {\"u} counting by its letter and a plain
// braced group {de la} by nothing.
bool startsLowerCase(std::string_view t)
{
    std::size_t i = 0;
    while (i < t.size()) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (std::isupper(c))
            return false;
        if (std::islower(c))
            return true;
        if (c != '{') {
            ++i;
            continue;
        }
        ++i;
        if (i + 1 < t.size() && t[i] == '\\') {   // a special character
            ++i;
            const std::size_t begin = i;
            while (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i])))
                ++i;
            if (const int foreign = foreignLetterCase(t.substr(begin, i - begin)))
                return foreign > 0;
            int depth = 1;
            while (i < t.size() && depth > 0) {
                const auto d = static_cast<unsigned char>(t[i]);
                if (std::isupper(d))
                    return false;
                if (std::islower(d))
                    return true;
                if (d == '{')
                    ++depth;
                else if (d == '}')
                    --depth;
                ++i;
            }
            return false;
        }
        int depth = 1;   // a braced group: no case, skipped
        while (i < t.size() && depth > 0) {
            if (t[i] == '{')
                ++depth;
            else if (t[i] == '}')
                --depth;
            ++i;
        }
    }
    return false;
}

std::string join(const Tokens &tokens, std::size_t begin, std::size_t end)
{
    std::string out;
    for (std::size_t i = begin; i < end && i < tokens.size(); ++i) {
        out += tokens[i].text;
        if (i + 1 < end)
            out += tokens[i].separator == '-' ? '-' : ' ';
    }
    return toText(out);
}

// The end of von within [vonStart, lastEnd): one past the last lower-case
// token before the final one, which is always Last.
std::size_t vonEnd(const Tokens &t, std::size_t vonStart, std::size_t lastEnd)
{
    std::size_t end = lastEnd - 1;
    while (end > vonStart) {
        if (startsLowerCase(t[end - 1].text))
            return end;
        --end;
    }
    return end;
}

// The whole name is one braced group: {Barnes and Noble}.
bool isOneGroup(std::string_view s)
{
    if (s.size() < 2 || s.front() != '{' || s.back() != '}')
        return false;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{')
            ++depth;
        else if (s[i] == '}' && --depth == 0 && i + 1 < s.size())
            return false;
    }
    return depth == 0;
}

Name splitOne(const std::string &item)
{
    Name name;
    if (isOneGroup(item)) {
        name.corporate = true;
        name.last = toText(item);
        return name;
    }
    const std::vector<Tokens> pieces = tokenize(item);
    if (pieces.empty())
        return name;
    const Tokens &main = pieces[0];
    if (pieces.size() == 1) {   // First von Last
        std::size_t vonStart = 0;
        while (vonStart + 1 < main.size() && !startsLowerCase(main[vonStart].text))
            ++vonStart;
        if (vonStart + 1 >= main.size()) {
            // No von: Last is the last token with those hyphenated to it
            // ("Marie Curie-Sklodowska"), as BibTeX backs up over '-'.
            std::size_t lastStart = main.size() - 1;
            while (lastStart > 0 && main[lastStart - 1].separator == '-')
                --lastStart;
            name.first = join(main, 0, lastStart);
            name.last = join(main, lastStart, main.size());
            return name;
        }
        const std::size_t end = vonEnd(main, vonStart, main.size());
        name.first = join(main, 0, vonStart);
        name.von = join(main, vonStart, end);
        name.last = join(main, end, main.size());
        return name;
    }
    // von Last, First  /  von Last, Jr, First: von runs from the first token to
    // the last lower-case one before Last ("Van der Graaf, H." has von "Van der").
    const std::size_t end = vonEnd(main, 0, main.size());
    name.von = join(main, 0, end);
    name.last = join(main, end, main.size());
    if (pieces.size() == 3) {
        name.jr = join(pieces[1], 0, pieces[1].size());
        name.first = join(pieces[2], 0, pieces[2].size());
    } else {
        name.first = join(pieces[1], 0, pieces[1].size());
    }
    return name;
}

bool isOthers(std::string_view s)
{
    if (s.size() != 6)
        return false;
    std::string l;
    for (char c : s)
        l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l == "others";
}

} // namespace

std::string Name::display() const
{
    if (corporate)
        return last;
    std::string out = first;
    for (const std::string *p : {&von, &last}) {
        if (p->empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += *p;
    }
    if (!jr.empty())
        out += ", " + jr;
    return out;
}

NameList splitNames(std::string_view latex)
{
    NameList list;
    const std::vector<std::string> items = splitList(latex);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = trimmed(items[i]);
        if (item.empty())
            continue;   // "A and and B"
        if (i + 1 == items.size() && isOthers(item)) {
            list.others = true;
            continue;
        }
        Name name = splitOne(item);
        if (!name.last.empty() || !name.first.empty())
            list.names.push_back(std::move(name));
    }
    return list;
}

} // namespace folio::site::bib
