// Rouge::Lexers::Matlab (rouge 3.30 lib/rouge/lexers/matlab.rb).
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

const WordSet kKeywords(R"(arguments break case catch classdef continue else elseif end for function global if
    import methods otherwise parfor persistent properties return spmd switch try while)");

const WordSet &builtins()
{
    static const WordSet words(
#include "site/highlight/matlab_builtins.inc"
    );
    return words;
}

void define(Language &l)
{
    l.state("root")
        .rule(R"((?s)\s+)", Text)
        .rule(R"((?s)[{]%.*?%[}])", CommentMultiline)
        .rule(R"(%.*$)", CommentSingle)
        .rule(R"(([.][.][.])(.*?)$)", {Keyword, Comment})
        .rule(R"(^(!)(.*?)(?=%|$))",
              [](Run &run, const Captures &m) {
                  run.token(Keyword, m[1]);
                  run.delegateFresh(shell(), m[2]);
              })
        .rule(R"((?s)[a-zA-Z][_a-zA-Z0-9]*)",
              [](Run &run, const Captures &m) {
                  run.token(kKeywords.contains(m[0]) ? Keyword : builtins().contains(m[0]) ? NameBuiltin : Name, m[0]);
              })
        .rule(R"([(){};:,/\\\]\[])", Punctuation)
        .rule(R"(~=|==|<<|>>|[-~+/*%=<>&^|.@])", Operator)
        .rule(R"((?i)(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?)", NumFloat)
        .rule(R"((?i)\d+e[+-]?[0-9]+)", NumFloat)
        .rule(R"(\d+L)", NumIntegerLong)
        .rule(R"(\d+)", NumInteger)
        .rule(R"('(?=(.*')))", StrSingle, "chararray")
        .rule(R"re("(?=(.*")))re", StrDouble, "string")
        .rule(R"(')", Operator);

    l.state("chararray").rule(R"([^']+)", StrSingle).rule(R"('')", StrEscape).rule(R"(')", StrSingle, "#pop");
    l.state("string").rule(R"([^"]+)", StrDouble).rule(R"("")", StrEscape).rule(R"(")", StrDouble, "#pop");
}

} // namespace

const Language &matlab()
{
    static const Language lang("matlab", {"m"}, define);
    return lang;
}

} // namespace folio::site::highlight
