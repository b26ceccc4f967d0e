// Rouge::Lexers::C and Rouge::Lexers::Cpp (rouge 3.30 lib/rouge/lexers/c.rb,
// cpp.rb): C++ is C with more words, rules prepended to root and statements,
// and its own classname, template and case states.
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

constexpr std::string_view kCKeywords = R"(auto break case const continue default do else enum extern for goto if
    register restricted return sizeof static struct switch typedef union volatile virtual while _Alignas _Alignof
    _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local)";
constexpr std::string_view kCTypes = R"(int long float short double char unsigned signed void jmp_buf FILE DIR div_t
    ldiv_t mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t wctrans_t
    wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t int_least8_t
    int_least16_t int_least32_t int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t
    int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t
    intptr_t uintptr_t intmax_t uintmax_t char16_t char32_t)";
constexpr std::string_view kCReserved = R"(__asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32
    __declspec __finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict _restrict
    __restrict thread _thread __thread typename _typename __typename)";
constexpr std::string_view kCppKeywords = R"(asm auto catch char8_t concept consteval constexpr constinit const_cast
    co_await co_return co_yield delete dynamic_cast explicit export friend mutable namespace new operator private
    protected public reinterpret_cast requires restrict size_of static_cast this throw throws typeid typename using
    virtual final override alignas alignof decltype noexcept static_assert thread_local try)";
constexpr std::string_view kCppTypes = "bool";
constexpr std::string_view kCppReserved = R"(__virtual_inheritance __uuidof __super __single_inheritance
    __multiple_inheritance __interface __event)";

struct Words
{
    WordSet keywords, types, reserved;
};

const Words &cWords()
{
    static const Words w{WordSet(kCKeywords), WordSet(kCTypes), WordSet(kCReserved)};
    return w;
}

const Words &cppWords()
{
    static const std::string keywords = std::string(kCKeywords) + " " + std::string(kCppKeywords);
    static const std::string types = std::string(kCTypes) + " " + std::string(kCppTypes);
    static const std::string reserved = std::string(kCReserved) + " " + std::string(kCppReserved);
    static const Words w{WordSet(keywords), WordSet(types), WordSet(reserved)};
    return w;
}

#define ID "(?:[a-zA-Z_][a-zA-Z0-9_]*)"
// Rouge interpolates `ws` as a regex object, so its own flags (none) hold
// inside the dot-all function rule.
#define WS R"((?-sx:(?:\s|//.*?\n|/[*].*?[*]/)+))"
#define DQ R"((?:\d('?\d)*))"

template <bool Cpp>
void identifier(Run &run, const Captures &m)
{
    const Words &w = Cpp ? cppWords() : cWords();
    const std::string_view name = m[0];
    run.token(w.keywords.contains(name)   ? Keyword
              : w.types.contains(name)    ? KeywordType
              : w.reserved.contains(name) ? KeywordReserved
                                          : Name,
              name);
}

template <bool Cpp>
void define(Language &l)
{
    l.onStart([](Run &run) { run.push("bol"); });

    l.state("expr_bol")
        .mixin("inline_whitespace")
        .rule(R"(#if\s0)", Comment, "if_0")
        .rule(R"(#)", CommentPreproc, "macro")
        .rule("", Text, "#pop");

    l.state("bol").rule(ID ":(?!:)", NameLabel).mixin("expr_bol");

    l.state("inline_whitespace")
        .rule(R"([ \t\r]+)", Text)
        .rule(R"(\\\n)", Text) // line continuation
        .rule(R"((?s)/(\\\n)?[*].*?[*](\\\n)?/)", CommentMultiline);

    l.state("whitespace")
        .rule(R"((?s)\n+)", Text, "bol")
        .rule(R"(//(\\.|.)*?$)", CommentSingle, "bol")
        .mixin("inline_whitespace");

    l.state("expr_whitespace").rule(R"((?s)\n+)", Text, "expr_bol").mixin("whitespace");

    StateBuilder statements = l.state("statements");
    if (Cpp) {
        statements.rule(R"((class|struct)\b)", Keyword, "classname")
            .rule(R"(template\b)", Keyword, "template")
            .rule(DQ R"((\.)" DQ R"()?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b)", NumOther)
            .rule("(?i)(" DQ "[.]" DQ "?|[.]" DQ ")(e[+-]?" DQ "[lu]*)?", NumFloat)
            .rule("(?i)" DQ "e[+-]?" DQ "[lu]*", NumFloat)
            .rule(R"((?i)0x[0-9a-fA-F]('?[0-9a-fA-F])*[lu]*)", NumHex)
            .rule(R"(0b[01]+('[01]+)*)", NumBin)
            .rule(R"((?i)0[0-7]('?[0-7])*[lu]*)", NumOct)
            .rule("(?i)" DQ "[lu]*", NumInteger)
            .rule(R"(\bnullptr\b)", NameBuiltin)
            .rule(R"re((?s)(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-\/\^&|~!=,"']{0,16})\(.*?\)\1")re", Str)
            .rule(R"((::|<=>))", Operator)
            .rule(R"([{}])", Punctuation);
    }
    statements.mixin("whitespace")
        .rule(R"((u8|u|U|L)?")", Str, "string")
        .rule(R"((?i)(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])')", StrChar)
        .rule(R"((?i)(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*)", NumFloat)
        .rule(R"((?i)\d+e[+-]?\d+[lu]*)", NumFloat)
        .rule(R"((?i)0x[0-9a-f]+[lu]*)", NumHex)
        .rule(R"((?i)0[0-7]+[lu]*)", NumOct)
        .rule(R"((?i)\d+[lu]*)", NumInteger)
        .rule(R"(\*/)", Error)
        .rule(R"([~!%^&*+=\|?:<>/-])", Operator)
        .rule(R"([()\[\],.;])", Punctuation)
        .rule(R"(\bcase\b)", Keyword, "case")
        .rule(R"((?:true|false|NULL)\b)", NameBuiltin)
        .rule(ID, identifier<Cpp>);

    if (Cpp)
        l.state("case").rule(R"(:(?!:))", Punctuation, "#pop").mixin("statements");
    else
        l.state("case").rule(R"(:)", Punctuation, "#pop").mixin("statements");

    StateBuilder root = l.state("root");
    if (Cpp)
        root.rule(R"((?:__offload|__blockingoffload|__outer)\b)", KeywordPseudo);
    root.mixin("expr_whitespace")
        .rule(R"((?s)([\w*\s]+?[\s*])()" ID R"()(\s*\([^;]*?\))()" WS R"(?)(\{|;))",
              [](Run &run, const Captures &m) {
                  run.recurse(m[1]);
                  run.token(NameFunction, m[2]);
                  run.recurse(m[3]);
                  run.recurse(m[4]);
                  run.token(Punctuation, m[5]);
                  if (m[5] == "{")
                      run.push("function");
              })
        .rule(R"(\{)", Punctuation, "function")
        .mixin("statements");

    l.state("function")
        .mixin("whitespace")
        .mixin("statements")
        .rule(R"(;)", Punctuation)
        .rule(R"(\{)", Punctuation, "function")
        .rule(R"(\})", Punctuation, "#pop");

    l.state("string")
        .rule(R"(")", Str, "#pop")
        .rule(R"(\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3}))", StrEscape)
        .rule(R"([^\\"\n]+)", Str)
        .rule(R"(\\\n)", Str)
        .rule(R"(\\)", Str); // stray backslash

    l.state("macro")
        .mixin("include")
        .rule(R"([^/\n\\]+)", CommentPreproc)
        .rule(R"((?s)\\.)", CommentPreproc)
        .mixin("inline_whitespace")
        .rule(R"(/)", CommentPreproc)
        .rule(R"(\n)", CommentPreproc, "#pop");

    l.state("include")
        .rule(R"((include)(\s*)(<[^>]+>)([^\n]*))", {CommentPreproc, Text, CommentPreprocFile, CommentSingle})
        .rule(R"re((include)(\s*)("[^"]+")([^\n]*))re", {CommentPreproc, Text, CommentPreprocFile, CommentSingle});

    l.state("if_0")
        .rule(R"(^\s*#if)", Comment, "if_0")
        .rule(R"(^\s*#\s*el(?:se|if))", Comment, "#pop")
        .rule(R"((?s)^\s*#\s*endif\b.*?(?<!\\)\n)", Comment, "#pop")
        .rule(R"(.*?\n)", Comment);

    if (Cpp) {
        l.state("classname")
            .rule(ID, NameClass, "#pop")
            .mixin("whitespace")
            .rule(R"([.]{3})", Operator)
            .rule(R"(,)", Punctuation, "#pop")
            .rule("", Text, "#pop");
        l.state("template")
            .rule(R"([>;])", Punctuation, "#pop")
            .rule(R"(typename\b)", Keyword, "classname")
            .mixin("statements");
    }
}

} // namespace

const Language &c()
{
    static const Language lang("c", {}, define<false>);
    return lang;
}

const Language &cpp()
{
    static const Language lang("cpp", {"c++"}, define<true>);
    return lang;
}

} // namespace folio::site::highlight
