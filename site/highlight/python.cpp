// Rouge::Lexers::Python (rouge 3.30 lib/rouge/lexers/python.rb).
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

const WordSet kKeywords(R"(assert break continue del elif else except exec finally for global if lambda pass print
    raise return try while yield as with from import yield async await nonlocal)");
const WordSet kBuiltins(R"(__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr
    classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit file filter float
    format frozenset getattr globals hasattr hash hex id input int intern isinstance issubclass iter len list locals
    long map max memoryview min next object oct open ord pow property range raw_input reduce reload repr reversed
    round set setattr slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip)");
const WordSet kPseudo("self None Ellipsis NotImplemented False True");
const WordSet kExceptions(R"(ArithmeticError AssertionError AttributeError BaseException BlockingIOError
    BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError
    ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError Exception
    FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError
    ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt
    LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError
    OSError OverflowError OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError
    ReferenceError ResourceWarning RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration
    SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError
    UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning
    ValueError VMSError Warning WindowsError ZeroDivisionError)");

// Ruby's [[:alpha:]] / [[:alnum:]] are Unicode (Alphabetic, plus Nd).
#define IDENT R"((?:[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}_]*))"
#define DOTTED R"((?:[\p{Alphabetic}_.][\p{Alphabetic}\p{Nd}_.]*))"
#define DIGITS R"((?:[0-9](_?[0-9])*))"
#define DECIMAL "((" DIGITS ")?\\." DIGITS "|" DIGITS "\\.)"
#define EXPONENT "(?:e[+-]?" DIGITS ")"

// The string register: the kind (prefix letters) and delimiter of each open string.
bool stringTypeHas(Run &run, char c) { return run.registers().back().first.find(c) != std::string::npos; }

void define(Language &l)
{
    l.state("root")
        .rule(R"(\n+)", Text)
        .rule(R"((?is)^(:)(\s*)([ru]{0,2}""".*?"""))", {Punctuation, Text, StrDoc})
        .rule(R"([^\S\n]+)", Text)
        .rule(R"(#(.*)?\n?)", CommentSingle)
        .rule(R"([\[\]{}:(),;.])", Punctuation)
        .rule(R"(\\\n)", Text)
        .rule(R"(\\)", Text)
        .rule(R"((in|is|and|or|not)\b)", OperatorWord)
        .rule(R"((<<|>>|//|\*\*)=?)", Operator)
        .rule(R"([-~+/*%=<>&^|@]=?|!=)", Operator)
        .rule(R"((from)((?:\\\s|\s)+)()" DOTTED R"()((?:\\\s|\s)+)(import))",
              {KeywordNamespace, Text, NameNamespace, Text, KeywordNamespace})
        .rule(R"((import)(\s+)()" DOTTED ")", {KeywordNamespace, Text, NameNamespace})
        .rule(R"((def)((?:\s|\\\s)+))", {Keyword, Text}, "funcname")
        .rule(R"((class)((?:\s|\\\s)+))", {Keyword, Text}, "classname")
        .rule(R"(`.*?`)", StrBacktick)
        .rule(R"((?i)([rfbu]{0,2})('''|"""|['"]))",
              [](Run &run, const Captures &m) {
                  run.groups({StrAffix, Str}, m);
                  std::string type(m[1]);
                  for (char &c : type)
                      c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
                  run.registers().emplace_back(type, std::string(m[2]));
                  run.push("generic_string");
              })
        .rule("(?i)@" DOTTED, NameDecorator)
        .rule(R"((?<!\.))" IDENT,
              [](Run &run, const Captures &m) {
                  const std::string_view w = m[0];
                  run.token(kKeywords.contains(w)                                 ? Keyword
                            : kExceptions.contains(w) || kBuiltins.contains(w) ? NameBuiltin
                            : kPseudo.contains(w)                                  ? NameBuiltinPseudo
                                                                                   : Name,
                            w);
              })
        .rule(IDENT, Name)
        .rule("(?i)" DECIMAL "(" EXPONENT ")?j?", NumFloat)
        .rule("(?i)" DIGITS EXPONENT "j?", NumFloat)
        .rule("(?i)" DIGITS "j", NumFloat)
        .rule(R"((?i)0b(_?[0-1])+)", NumBin)
        .rule(R"((?i)0o(_?[0-7])+)", NumOct)
        .rule(R"((?i)0x(_?[a-f0-9])+)", NumHex)
        .rule(R"(\d+L)", NumIntegerLong)
        .rule(R"(([1-9](_?[0-9])*|0(_?0)*))", NumInteger);

    l.state("funcname").rule(IDENT, NameFunction, "#pop");
    l.state("classname").rule(IDENT, NameClass, "#pop");

    l.state("generic_string")
        .rule(R"([^'"\\{]+)", Str)
        .rule(R"(\{\{)", Str)
        .rule(R"('''|"""|['"])",
              [](Run &run, const Captures &m) {
                  run.token(Str, m[0]);
                  if (run.registers().back().second == m[0]) {
                      run.registers().pop_back();
                      run.pop();
                  }
              })
        .rule(R"((?=\\))", Str, "generic_escape")
        .rule(R"(\{)", [](Run &run, const Captures &m) {
            if (stringTypeHas(run, 'f')) {
                run.token(StrInterpol, m[0]);
                run.push("generic_interpol");
            } else {
                run.token(Str, m[0]);
            }
        });

    l.state("generic_escape")
        .rule(R"(\\([\\abfnrtv"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8})"
              R"(|x[a-fA-F0-9]{2}|[0-7]{1,3}))",
              [](Run &run, const Captures &m) {
                  run.token(stringTypeHas(run, 'r') ? Str : StrEscape, m[0]);
                  run.pop();
              })
        .rule(R"(\\.)", Str, "#pop");

    l.state("generic_interpol")
        .rule(R"([^{}!:]+)", [](Run &run, const Captures &m) { run.recurse(m[0]); })
        .rule(R"(![asr])", StrInterpol)
        .rule(R"(:)", StrInterpol)
        .rule(R"(\{)", StrInterpol, "generic_interpol")
        .rule(R"(\})", StrInterpol, "#pop");
}

} // namespace

const Language &python()
{
    static const Language lang("python", {"py"}, define);
    return lang;
}

} // namespace folio::site::highlight
