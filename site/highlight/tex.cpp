// Rouge::Lexers::TeX (rouge 3.30 lib/rouge/lexers/tex.rb): tex, latex.
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

#define COMMAND R"((?i)\\([a-z]+|\s+|.))"

void define(Language &l)
{
    l.state("general").rule(R"(%.*$)", Comment).rule(R"([{}&_^])", Punctuation);

    l.state("root")
        .rule(R"(\\\[)", Punctuation, "displaymath")
        .rule(R"(\\\()", Punctuation, "inlinemath")
        .rule(R"(\$\$)", Punctuation, "displaymath")
        .rule(R"(\$)", Punctuation, "inlinemath")
        .rule(R"(\\(begin|end)\{.*?\})", NameTag)
        .rule(R"((\\verb)\b(\S)(.*?)(\2))", {NameBuiltin, KeywordPseudo, StrOther, KeywordPseudo})
        .rule(COMMAND, Keyword, "command")
        .mixin("general")
        .rule(R"([^\\$%&_^{}]+)", Text);

    l.state("math")
        .rule(COMMAND, NameVariable)
        .mixin("general")
        .rule(R"([0-9]+)", Num)
        .rule(R"([-=!+*/()\[\]])", Operator)
        .rule(R"([^=!+*/()\[\]\\$%&_^{}0-9-]+)", NameBuiltin);

    l.state("inlinemath").rule(R"(\\\))", Punctuation, "#pop").rule(R"(\$)", Punctuation, "#pop").mixin("math");

    l.state("displaymath")
        .rule(R"(\\\])", Punctuation, "#pop")
        .rule(R"(\$\$)", Punctuation, "#pop")
        .rule(R"(\$)", NameBuiltin)
        .mixin("math");

    l.state("command")
        .rule(R"(\[.*?\])", NameAttribute)
        .rule(R"(\*)", Keyword)
        .rule("", Text, "#pop");
}

} // namespace

const Language &tex()
{
    static const Language lang("tex", {"TeX", "LaTeX", "latex"}, define);
    return lang;
}

} // namespace folio::site::highlight
