// Rouge::Lexers::JSON (rouge 3.30 lib/rouge/lexers/json.rb).
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

void define(Language &l)
{
    l.state("whitespace").rule(R"(\s+)", Whitespace);

    l.state("root")
        .mixin("whitespace")
        .rule(R"(\{)", Punctuation, "object")
        .rule(R"(\[)", Punctuation, "array")
        .mixin("name")
        .mixin("value")
        .rule(R"([\]}])", Punctuation);

    l.state("object")
        .mixin("whitespace")
        .mixin("name")
        .mixin("value")
        .rule(R"(\})", Punctuation, "#pop")
        .rule(R"(,)", Punctuation);

    l.state("name").rule(R"(("(?:\\.|[^"\\\n])*?")(\s*)(:))", {NameLabel, Whitespace, Punctuation});

    l.state("value")
        .mixin("whitespace")
        .mixin("constants")
        .rule(R"(")", StrDouble, "string")
        .rule(R"(\[)", Punctuation, "array")
        .rule(R"(\{)", Punctuation, "object");

    l.state("string").rule(R"([^\\"]+)", StrDouble).rule(R"(\\.)", StrEscape).rule(R"(")", StrDouble, "#pop");

    l.state("array").mixin("value").rule(R"(\])", Punctuation, "#pop").rule(R"(,)", Punctuation);

    l.state("constants")
        .rule(R"((?:true|false|null))", KeywordConstant)
        .rule(R"((?i)-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?)", NumFloat)
        .rule(R"((?i)-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?)", NumInteger);
}

} // namespace

const Language &json()
{
    static const Language lang("json", {}, define);
    return lang;
}

} // namespace folio::site::highlight
