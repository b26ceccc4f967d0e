#include "site/highlight/languages.h"

#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

struct Entry
{
    std::string_view name; // Rouge's tag or one of its aliases
    const Language &(*get)();
};

// Rouge's registry for the languages Folio lexes exactly. A name missing here
// (a language Rouge knows but Folio does not do) stays unhighlighted.
constexpr Entry kRegistry[] = {
    {"plaintext", plainText}, {"text", plainText},
    {"python", python},       {"py", python},
    {"shell", shell},         {"bash", shell},     {"zsh", shell}, {"ksh", shell}, {"sh", shell},
    {"json", json},
    {"console", console},     {"terminal", console}, {"shell_session", console}, {"shell-session", console},
    {"r", r},                 {"R", r},            {"s", r},       {"S", r},
    {"c", c},                 {"cpp", cpp},        {"c++", cpp},
    {"javascript", javascript}, {"js", javascript},
    {"yaml", yaml},           {"yml", yaml},
    {"css", css},             {"xml", xml},        {"html", html},
    {"julia", julia},         {"jl", julia},
    {"ruby", ruby},           {"rb", ruby},
    {"sql", sql},             {"matlab", matlab},  {"m", matlab},
    {"tex", tex},             {"TeX", tex},        {"LaTeX", tex}, {"latex", tex},
};

} // namespace

const Language *languageNamed(std::string_view name)
{
    for (const Entry &e : kRegistry)
        if (e.name == name)
            return &e.get();
    return nullptr;
}

std::vector<std::string> registeredTags()
{
    std::vector<std::string> tags;
    for (const Entry &e : kRegistry)
        if (e.get().tag() == e.name)
            tags.push_back(std::string(e.name));
    return tags;
}

// Rouge::Lexers::PlainText: the whole text is one Text token.
const Language &plainText()
{
    static const Language lang("plaintext", {"text"},
                               [](Language &l) { l.state("root").rule(R"((?s).+)", tok::Text); });
    return lang;
}

} // namespace folio::site::highlight
