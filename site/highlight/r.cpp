// Rouge::Lexers::R (rouge 3.30 lib/rouge/lexers/r.rb).
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

const WordSet kKeywords("if else for while repeat in next break function");
const WordSet kKeywordConstants("NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_");
const WordSet kBuiltinConstants("LETTERS letters month.abb month.name pi T F");

// Joined with | into a regex as Rouge does (so the '.' in `as.call` matches any character).
#define PRIMITIVES                                                                                                    \
    "abs|acos|acosh|all|any|anyNA|Arg|as.call|as.character|as.complex|as.double|as.environment|as.integer|"           \
    "as.logical|as.null.default|as.numeric|as.raw|asin|asinh|atan|atanh|attr|attributes|baseenv|browser|c|call|"       \
    "ceiling|class|Conj|cos|cosh|cospi|cummax|cummin|cumprod|cumsum|digamma|dim|dimnames|emptyenv|exp|expression|"    \
    "floor|forceAndCall|gamma|gc.time|globalenv|Im|interactive|invisible|is.array|is.atomic|is.call|is.character|"   \
    "is.complex|is.double|is.environment|is.expression|is.finite|is.function|is.infinite|is.integer|is.language|"    \
    "is.list|is.logical|is.matrix|is.na|is.name|is.nan|is.null|is.numeric|is.object|is.pairlist|is.raw|"             \
    "is.recursive|is.single|is.symbol|lazyLoadDBfetch|length|lgamma|list|log|max|min|missing|Mod|names|nargs|nzchar|" \
    "oldClass|on.exit|pos.to.env|proc.time|prod|quote|range|Re|rep|retracemem|return|round|seq_along|seq_len|"       \
    "seq.int|sign|signif|sin|sinh|sinpi|sqrt|standardGeneric|substitute|sum|switch|tan|tanh|tanpi|tracemem|"          \
    "trigamma|trunc|unclass|untracemem|UseMethod|xtfrm"

void define(Language &l)
{
    l.state("root")
        .rule(R"(#'.*?$)", CommentDoc)
        .rule(R"(#.*?$)", CommentSingle)
        .rule(R"((?s)\s+)", Whitespace)
        .rule(R"(`[^`]+?`)", Name)
        .rule(R"((?s)'(\\.|.)*?')", StrSingle)
        .rule(R"re((?s)"(\\.|.)*?")re", StrDouble)
        .rule(R"(%[^%]*?%)", Operator)
        .rule(R"(0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?)", NumHex)
        .rule(R"([+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?)", Num)
        .rule(R"(\b(?<!.)()" PRIMITIVES R"()(?=\())", NameFunction)
        .rule(R"((?:(?:\p{Alphabetic}|[.][._\p{Alphabetic}])[._\p{Alphabetic}\p{Nd}]*)|[.])",
              [](Run &run, const Captures &m) {
                  const std::string_view w = m[0];
                  run.token(kKeywords.contains(w)           ? Keyword
                            : kKeywordConstants.contains(w) ? KeywordConstant
                            : kBuiltinConstants.contains(w) ? NameBuiltin
                                                            : Name,
                            w);
              })
        .rule(R"([\[\]{}();,])", Punctuation)
        .rule(R"([-<>?*+^/!=~$@:%&|])", Operator);
}

} // namespace

const Language &r()
{
    static const Language lang("r", {"r", "R", "s", "S"}, define);
    return lang;
}

} // namespace folio::site::highlight
