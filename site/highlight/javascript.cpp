// Rouge::Lexers::Javascript (rouge 3.30 lib/rouge/lexers/javascript.rb).
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

const WordSet kKeywords(R"(as async await break case catch continue debugger default delete do else export finally
    from for if import in instanceof new of return super switch this throw try typeof void while yield)");
const WordSet kDeclarations("var let const with function class extends constructor get set static");
const WordSet kReserved("enum implements interface package private protected public");
const WordSet kConstants("true false null NaN Infinity undefined");
const WordSet kBuiltins(R"(Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun
    decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval isFinite isNaN parseFloat parseInt document
    window navigator self global Promise Set Map WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array
    Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray
    Float32Array Float64Array DataView ArrayBuffer)");

// Onigmo's \p{Word}: Alphabetic, marks, decimal digits, connector punctuation.
#define ID R"((?:[\p{L}\p{Nl}$_][\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]*))"

void identifier(Run &run, const Captures &m)
{
    const std::string_view w = m[0];
    if (kKeywords.contains(w)) {
        run.token(Keyword, w);
        run.push("expr_start");
    } else if (kDeclarations.contains(w)) {
        run.token(KeywordDeclaration, w);
        run.push("expr_start");
    } else {
        run.token(kReserved.contains(w)    ? KeywordReserved
                  : kConstants.contains(w) ? KeywordConstant
                  : kBuiltins.contains(w)  ? NameBuiltin
                                           : NameOther,
                  w);
    }
}

void define(Language &l)
{
    l.state("multiline_comment")
        .rule(R"([*]/)", CommentMultiline, "#pop")
        .rule(R"([^*/]+)", CommentMultiline)
        .rule(R"([*/])", CommentMultiline);

    l.state("comments_and_whitespace")
        .rule(R"(\s+)", Text)
        .rule(R"(<!--)", Comment)
        .rule(R"(//.*?$)", CommentSingle)
        .rule(R"(/[*])", CommentMultiline, "multiline_comment");

    l.state("expr_start")
        .mixin("comments_and_whitespace")
        .rule(R"(/)", StrRegex, Next::gotoState("regex"))
        .rule(R"([{])", Punctuation, Next::gotoState("object"))
        .rule("", Text, "#pop");

    l.state("regex")
        .rule(R"(/)", StrRegex, Next::gotoState("regex_end"))
        .rule(R"([^/]\n)", Error, "#pop")
        .rule(R"(\n)", Error, "#pop")
        .rule(R"(\[\^)", StrEscape, "regex_group")
        .rule(R"(\[)", StrEscape, "regex_group")
        .rule(R"(\\.)", StrEscape)
        .rule(R"([(][?][:=<!])", StrEscape)
        .rule(R"([{][\d,]+[}])", StrEscape)
        .rule(R"([()?])", StrEscape)
        .rule(R"(.)", StrRegex);

    l.state("regex_end")
        .rule(R"([gimuy]+)", StrRegex, "#pop")
        .rule("", Text, "#pop");

    l.state("regex_group")
        .rule(R"(/)", StrEscape)
        .rule(R"([^/]\n)",
              [](Run &run, const Captures &m) {
                  run.token(Error, m[0]);
                  run.pop(2);
              })
        .rule(R"(\])", StrEscape, "#pop")
        .rule(R"(\\.)", StrEscape)
        .rule(R"(.)", StrRegex);

    l.state("root")
        .rule(R"((?s)\A\s*#!.*?\n)", CommentPreproc, "statement")
        .rule(R"((?<=\n)(?=\s|/|<!--))", Text, "expr_start")
        .mixin("comments_and_whitespace")
        .rule(R"(\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==)", Operator, "expr_start")
        .rule(R"([-<>+*%&|\^/!=]=?)", Operator, "expr_start")
        .rule(R"([(\[,])", Punctuation, "expr_start")
        .rule(R"(;)", Punctuation, "statement")
        .rule(R"([)\].])", Punctuation)
        .rule(R"(`)", StrDouble, "template_string")
        .rule(R"([?][.])", Punctuation)
        .rule(R"([?])",
              [](Run &run, const Captures &m) {
                  run.token(Punctuation, m[0]);
                  run.push("ternary");
                  run.push("expr_start");
              })
        .rule(R"((\@)(\w+)?)",
              [](Run &run, const Captures &m) {
                  run.groups({Punctuation, NameDecorator}, m);
                  run.push("expr_start");
              })
        .rule(R"([{}])", Punctuation, "statement")
        .rule(ID, identifier)
        .rule(R"([0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?)", NumFloat)
        .rule(R"((?i)0x[0-9a-fA-F]+)", NumHex)
        .rule(R"((?i)0o[0-7][0-7_]*)", NumOct)
        .rule(R"((?i)0b[01][01_]*)", NumBin)
        .rule(R"([0-9]+)", NumInteger)
        .rule(R"(")", StrDelimiter, "dq")
        .rule(R"(')", StrDelimiter, "sq")
        .rule(R"(:)", Punctuation);

    l.state("dq").rule(R"(\\[\\nrt"]?)", StrEscape).rule(R"([^\\"]+)", StrDouble).rule(R"(")", StrDelimiter, "#pop");
    l.state("sq").rule(R"(\\[\\nrt']?)", StrEscape).rule(R"([^\\']+)", StrSingle).rule(R"(')", StrDelimiter, "#pop");

    l.state("statement")
        .rule(R"(case\b)", Keyword, Next::gotoState("expr_start"))
        .rule("(" ID R"()(\s*)(:))", {NameLabel, Text, Punctuation})
        .mixin("expr_start");

    l.state("object")
        .mixin("comments_and_whitespace")
        .rule(R"([{])",
              [](Run &run, const Captures &m) {
                  run.token(Punctuation, m[0]);
                  run.pushCurrent();
              })
        .rule(R"([}])", Punctuation, Next::gotoState("statement"))
        .rule("(" ID R"()(\s*)(:))",
              [](Run &run, const Captures &m) {
                  run.groups({NameAttribute, Text, Punctuation}, m);
                  run.push("expr_start");
              })
        .rule(R"(:)", Punctuation)
        .mixin("root");

    l.state("ternary")
        .rule(R"(:)", Punctuation, Next::gotoState("expr_start"))
        .mixin("root");

    l.state("template_string")
        .rule(R"([$]\{)", Punctuation, "template_string_expr")
        .rule(R"(`)", StrDouble, "#pop")
        .rule(R"(\\[$`])", StrEscape)
        .rule(R"([^$`\\]+)", StrDouble)
        .rule(R"([\\$])", StrDouble);

    l.state("template_string_expr").rule(R"(\})", Punctuation, "#pop").mixin("root");
}

} // namespace

const Language &javascript()
{
    static const Language lang("javascript", {"js"}, define);
    return lang;
}

} // namespace folio::site::highlight
