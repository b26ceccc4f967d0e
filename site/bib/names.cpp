// Names split by btparse's bt_split_list/bt_split_name, which implement
// BibTeX's own rules (von is the run of tokens starting lower-case, a braced
// accent {\"u} counts by its letter, braces keep a token whole).
#include "names.h"

#include "btparseglue.h"
#include "latex.h"

#include <btparse.h>

#include <cctype>

namespace folio::site::bib {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Whitespace runs as one space, trimmed: bt_split_list wants " and " with spaces.
std::string collapsed(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (isSpace(c)) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

// The whole name is one braced group: {Barnes and Noble}.
bool isOneGroup(std::string_view s)
{
    if (s.size() < 2 || s.front() != '{' || s.back() != '}')
        return false;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '{')
            ++depth;
        else if (s[i] == '}' && --depth == 0 && i + 1 < s.size())
            return false;
    }
    return depth == 0;
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

std::string part(const bt_name *name, bt_namepart which)
{
    std::string joined;
    char **tokens = name->parts[which];
    for (int i = 0; tokens && i < name->part_len[which]; ++i) {
        if (!tokens[i])
            continue;
        if (!joined.empty())
            joined += ' ';
        joined += tokens[i];
    }
    return toText(joined);
}

Name splitOne(std::string item, int index)
{
    Name name;
    if (isOneGroup(item)) {
        name.corporate = true;
        name.last = toText(item);
        return name;
    }
    bt_name *split = bt_split_name(item.data(), nullptr, 0, index);
    if (!split) {
        name.last = toText(item);
        return name;
    }
    name.first = part(split, BTN_FIRST);
    name.von = part(split, BTN_VON);
    name.last = part(split, BTN_LAST);
    name.jr = part(split, BTN_JR);
    bt_free_name(split);
    return name;
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
    std::string text = collapsed(latex);
    if (text.empty())
        return list;
    detail::BtSession session;   // btparse's error counters are global
    bt_stringlist *items = bt_split_list(text.data(), const_cast<char *>("and"), nullptr, 0,
                                         const_cast<char *>("name"));
    if (!items)
        return list;
    for (int i = 0; i < items->num_items; ++i) {
        const char *item = items->items[i];
        if (!item || !*item)
            continue;   // "A and and B"
        if (i == items->num_items - 1 && isOthers(item)) {
            list.others = true;
            continue;
        }
        Name name = splitOne(item, i + 1);
        if (!name.last.empty() || !name.first.empty())
            list.names.push_back(std::move(name));
    }
    bt_free_list(items);
    session.takeMessages();   // "too many commas" and the like: the split is still BibTeX's
    return list;
}

} // namespace folio::site::bib
