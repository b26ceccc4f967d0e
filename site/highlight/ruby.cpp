// Rouge::Lexers::Ruby (rouge 3.30 lib/rouge/lexers/ruby.rb), with its
// heredoc queue and the states it makes at run time for %-literals.
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

#include <deque>
#include <tuple>
#include <mutex>

namespace folio::site::highlight {

namespace {

using namespace tok;

#define KEYWORDS                                                                                                      \
    R"((?:BEGIN|END|alias|begin|break|case|defined\?|do|else|elsif|end|ensure|for|if|in|next|redo|rescue|raise|)"     \
    R"(retry|return|super|then|undef|unless|until|when|while|yield))"
#define KEYWORDS_PSEUDO                                                                                               \
    "(?:loop|include|extend|raise|alias_method|attr|catch|throw|private|module_function|public|protected|true|"       \
    "false|nil|__FILE__|__LINE__)"
#define BUILTINS_G                                                                                                    \
    R"((?:attr_reader|attr_writer|attr_accessor|__id__|__send__|abort|ancestors|at_exit|autoload|binding|callcc|)"    \
    R"(caller|catch|chomp|chop|class_eval|class_variables|clone|const_defined\?|const_get|const_missing|const_set|)"  \
    R"(constants|display|dup|eval|exec|exit|extend|fail|fork|format|freeze|getc|gets|global_variables|gsub|hash|id|)" \
    R"(included_modules|inspect|instance_eval|instance_method|instance_methods|instance_variable_get|)"               \
    R"(instance_variable_set|instance_variables|lambda|load|local_variables|loop|method|method_missing|methods|)"     \
    R"(module_eval|name|object_id|open|p|print|printf|private_class_method|private_instance_methods|)"               \
    R"(private_methods|proc|protected_instance_methods|protected_methods|public_class_method|)"                       \
    R"(public_instance_methods|public_methods|putc|puts|raise|rand|readline|readlines|require|require_relative|)"     \
    R"(scan|select|self|send|set_trace_func|singleton_methods|sleep|split|sprintf|srand|sub|syscall|system|taint|)"   \
    R"(test|throw|to_a|to_s|trace_var|trap|untaint|untrace_var|warn))"
#define BUILTINS_Q                                                                                                    \
    "(?:autoload|block_given|const_defined|eql|equal|frozen|include|instance_of|is_a|iterator|kind_of|"              \
    "method_defined|nil|private_method_defined|protected_method_defined|public_method_defined|respond_to|tainted)"
#define DECIMAL R"((?:[\d]+(?:_\d+)*))"
#define EXPONENT R"((?i:e[+-]?\d+))"

// The open heredocs: whether the terminator may be indented, and its name.
using HeredocQueue = std::deque<std::pair<bool, std::string>>;
HeredocQueue &heredocs(Run &run) { return run.data<HeredocQueue>(); }

// Ruby's Regexp.escape for the one character of a %-literal delimiter.
std::string regexpEscape(std::string_view c)
{
    if (c.size() == 1 && std::string_view(".*?+^$|()[]{}\\-# ").find(c[0]) != std::string_view::npos)
        return "\\" + std::string(c);
    return std::string(c);
}

// String#squeeze: runs of one character become one.
std::string squeeze(const std::string &s)
{
    std::string out;
    for (char c : s)
        if (out.empty() || out.back() != c)
            out += c;
    return out;
}

Rule makeRule(const std::string &pattern, Action action)
{
    Rule rule;
    rule.re = std::make_unique<Regex>(pattern);
    rule.action = std::move(action);
    return rule;
}

// The state Rouge builds for a %-literal with these delimiters. States are
// immutable once built, so one per kind is shared by every run and thread.
const State &literalState(const std::string &open, const std::string &close, bool interp, Token tok)
{
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<State>> made;
    const std::string key = open + '\n' + close + '\n' + (interp ? "1" : "0") + std::string(tok);
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<State> &state = made[key];
    if (state)
        return *state;
    state = std::make_unique<State>();
    state->name = "%-literal";
    std::string uniq = squeeze(open + close);
    if (open == close && open == "\\#")
        uniq.clear();
    state->rules.push_back(makeRule("\\\\[#" + uniq + "\\\\]", [](Run &run, const Captures &m) { run.token(StrEscape, m[0]); }));
    if (open != close)
        state->rules.push_back(makeRule(open, [tok](Run &run, const Captures &m) {
            run.token(tok, m[0]);
            run.pushCurrent();
        }));
    state->rules.push_back(makeRule(close, [tok](Run &run, const Captures &m) {
        run.token(tok, m[0]);
        run.pop();
    }));
    if (interp) {
        Rule mixin;
        mixin.mixin = &ruby().stateNamed("string_intp_escaped");
        state->rules.push_back(std::move(mixin));
        state->rules.push_back(makeRule("#", [tok](Run &run, const Captures &m) { run.token(tok, m[0]); }));
    } else {
        state->rules.push_back(makeRule(R"([\\#])", [tok](Run &run, const Captures &m) { run.token(tok, m[0]); }));
    }
    state->rules.push_back(
        makeRule("(?s)[^#" + uniq + "\\\\]+", [tok](Run &run, const Captures &m) { run.token(tok, m[0]); }));
    return *state;
}

void percentLiteral(Run &run, const Captures &m)
{
    const std::string_view kind = m[1], delimiter = m[2];
    static const std::map<std::string_view, std::string_view> closing = {{"{", "}"}, {"[", "]"}, {"(", ")"}, {"<", ">"}};
    const auto it = closing.find(delimiter);
    const std::string open = regexpEscape(delimiter);
    const std::string close = regexpEscape(it != closing.end() ? it->second : delimiter);
    const bool interp = kind.size() == 1 && std::string_view("rQWxI").find(kind[0]) != std::string_view::npos;
    Token tok = StrOther;
    if (kind == "r") {
        tok = StrRegex;
        run.push("regex_flags");
    }
    run.token(tok, m[0]);
    run.pushState(literalState(open, close, interp, tok));
}

void define(Language &l)
{
    l.onStart([](Run &run) {
        run.push("expr_start");
        heredocs(run).clear();
    });

    l.state("symbols")
        .rule(R"((?i):@{0,2}[a-z_]\w*[!?]?)", StrSymbol)
        .rule(R"(:(?:\*\*|[-+]@|[/%&\|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?))", StrSymbol)
        .rule(R"(:'(\\\\|\\'|[^'])*')", StrSymbol)
        .rule(R"(:")", StrSymbol, "simple_sym");

    l.state("sigil_strings").rule(R"(%([rqswQWxiI])?([^\w\s]))", percentLiteral);

    l.state("strings")
        .mixin("symbols")
        .rule(R"(\b[a-z_]\w*?[?!]?:\s+)", StrSymbol, "expr_start")
        .rule(R"('(\\\\|\\'|[^'])*')", StrSingle)
        .rule(R"(")", StrDouble, "simple_string")
        .rule(R"((?<!\.)`)", StrBacktick, "simple_backtick");

    l.state("regex_flags").rule(R"([mixounse]*)", StrRegex, "#pop");

    // Rouge makes these three from one template: the state, its token, the closing character.
    for (const auto &[name, tok, fin] : {std::tuple{"simple_string", StrDouble, '"'},
                                         std::tuple{"simple_sym", StrSymbol, '"'},
                                         std::tuple{"simple_backtick", StrBacktick, '`'}}) {
        const std::string close(1, fin);
        l.state(name)
            .mixin("string_intp_escaped")
            .rule("(?s)[^\\\\" + close + "#]+", tok)
            .rule(R"([\\#])", tok)
            .rule(close, tok, "#pop");
    }

    l.state("whitespace")
        .mixin("inline_whitespace")
        .rule(R"((?s)\n\s*)", Text, "expr_start")
        .rule(R"(#.*$)", CommentSingle)
        .rule(R"((?s)=begin\b.*?\n=end\b)", CommentMultiline);

    l.state("inline_whitespace").rule(R"([ \t\r]+)", Text);

    l.state("root")
        .mixin("whitespace")
        .rule(R"(__END__)", CommentPreproc, "end_part")
        .rule(R"(0_?[0-7]+(?:_[0-7]+)*)", NumOct)
        .rule(R"(0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*)", NumHex)
        .rule(R"(0b[01]+(?:_[01]+)*)", NumBin)
        .rule(DECIMAL R"((?:\.)" DECIMAL EXPONENT "?|" EXPONENT ")", NumFloat)
        .rule(DECIMAL, NumInteger)
        .rule(R"((?i)@@[a-z_]\w*)", NameVariableClass)
        .rule(R"((?i)@[a-z_]\w*)", NameVariableInstance)
        .rule(R"(\$\w+)", NameVariableGlobal)
        .rule(R"re(\$[!@&`'+~=/\\,;.<>_*\$?:"])re", NameVariableGlobal)
        .rule(R"(\$-[0adFiIlpvw])", NameVariableGlobal)
        .rule(R"(::)", Operator)
        .mixin("strings")
        .rule(KEYWORDS R"((?=\W|$))", Keyword, "expr_start")
        .rule(KEYWORDS_PSEUDO R"(\b)", KeywordPseudo, "expr_start")
        .rule(R"((module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*))", {Keyword, Text, NameNamespace})
        .rule(R"((def\b)(\s*))", {Keyword, Text}, "funcname")
        .rule(R"((class\b)(\s*))", {Keyword, Text}, "classname")
        .rule(BUILTINS_Q "[?]", NameBuiltin, "expr_start")
        .rule("(?:chomp|chop|exit|gsub|sub)!", NameBuiltin, "expr_start")
        .rule(R"((?<!\.))" BUILTINS_G R"(\b)", NameBuiltin, "method_call")
        .mixin("has_heredocs")
        .rule(R"(\.{2,3})", Operator, "expr_start")
        .rule(R"([A-Z][a-zA-Z0-9_]*)", NameConstant, "method_call")
        .rule(R"((\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=]))", {Punctuation, Text, NameFunction}, "method_call")
        .rule(R"([a-zA-Z_]\w*[?!])", Name, "expr_start")
        .rule(R"([a-zA-Z_]\w*)", Name, "method_call")
        .rule(R"(\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.)", Operator, "expr_start")
        .rule(R"([-+/*%=<>&!^|~]=?)", Operator, "expr_start")
        .rule(R"([?])",
              [](Run &run, const Captures &m) {
                  run.token(Punctuation, m[0]);
                  run.push("ternary");
                  run.push("expr_start");
              })
        .rule(R"([\[({,:\\;/])", Punctuation, "expr_start")
        .rule(R"([\])}])", Punctuation);

    // Queues a heredoc: its operator, how it reads in the code, its terminator.
    const auto queueHeredoc = [](Run &run, std::string_view op, const std::string &shown, std::string name) {
        run.token(Operator, op);
        run.token(NameConstant, shown);
        heredocs(run).emplace_back(op == "<<-" || op == "<<~", std::move(name));
        if (!run.isState("heredoc_queue"))
            run.push("heredoc_queue");
    };
    l.state("has_heredocs")
        .rule(R"re((?<!\w)(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2))re",
              [queueHeredoc](Run &run, const Captures &m) {
                  queueHeredoc(run, m[1], std::string(m[2]) + std::string(m[3]) + std::string(m[4]), std::string(m[3]));
              })
        .rule(R"re((<<[-~]?)(["'])(\2))re", [queueHeredoc](Run &run, const Captures &m) {
            queueHeredoc(run, m[1], std::string(m[2]) + std::string(m[3]), std::string());
        });

    l.state("heredoc_queue").rule(R"((?=\n))", Text, Next::gotoState("resolve_heredocs")).mixin("root");

    l.state("resolve_heredocs")
        .mixin("string_intp_escaped")
        .rule(R"(\n)", StrHeredoc, "test_heredoc")
        .rule(R"([#\\\n])", StrHeredoc)
        .rule(R"([^#\\\n]+)", StrHeredoc);

    l.state("test_heredoc")
        .rule(R"([^#\\\n]*$)",
              [](Run &run, const Captures &m) {
                  HeredocQueue &queue = heredocs(run);
                  const bool found = !queue.empty() && (queue.front().first ? rubyStrip(m[0]) : rubyRstrip(m[0])) == queue.front().second;
                  if (found) {
                      queue.pop_front();
                      if (queue.empty())
                          run.pop();
                      run.token(NameConstant, m[0]);
                  } else {
                      run.token(StrHeredoc, m[0]);
                  }
                  run.pop();
              })
        .rule("", Text, "#pop");

    l.state("funcname")
        .rule(R"(\s+)", Text)
        .rule(R"(\()", Punctuation, "defexpr")
        .rule(R"((?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&\|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?))",
              {NameClass, Operator, NameFunction}, "#pop")
        .rule("", Text, "#pop");

    l.state("classname")
        .rule(R"(\s+)", Text)
        .rule(R"(\w+(::\w+)+)", NameClass)
        .rule(R"(\()",
              [](Run &run, const Captures &m) {
                  run.token(Punctuation, m[0]);
                  run.push("defexpr");
                  run.push("expr_start");
              })
        .rule(R"(<<)", Operator, Next::gotoState("expr_start"))
        .rule(R"([A-Z_]\w*)", NameClass, "#pop")
        .rule("", Text, "#pop");

    l.state("ternary")
        .rule(R"((:)(\s+))", {Punctuation, Text}, Next::gotoState("expr_start"))
        .rule(R"(:(?![^#\n]*?[:\\]))", Punctuation, Next::gotoState("expr_start"))
        .mixin("root");

    l.state("defexpr")
        .rule(R"((\))(\.|::)?)", {Punctuation, Operator}, "#pop")
        .rule(R"(\()",
              [](Run &run, const Captures &m) {
                  run.token(Punctuation, m[0]);
                  run.push("defexpr");
                  run.push("expr_start");
              })
        .mixin("root");

    l.state("in_interp").rule(R"(\})", StrInterpol, "#pop").mixin("root");

    l.state("string_intp").rule(R"([#][{])", StrInterpol, "in_interp").rule(R"((?i)#(@@?|\$)[a-z_]\w*)", StrInterpol);

    l.state("string_intp_escaped")
        .mixin("string_intp")
        .rule(R"(\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3}))", StrEscape)
        .rule(R"(\\.)", StrEscape);

    l.state("method_call")
        .rule(R"(/|%)", Operator, Next::gotoState("expr_start"))
        .rule(R"((?=\n))", Text, "#pop")
        .rule("", Text, Next::gotoState("method_call_spaced"));

    l.state("method_call_spaced")
        .mixin("whitespace")
        .rule(R"([%/]=)", Operator, Next::gotoState("expr_start"))
        .rule(R"((/)(?=\S|\s*/))", StrRegex, Next::gotoState("slash_regex"))
        .mixin("sigil_strings")
        .rule(R"((?=\s*/))", Text, "#pop")
        .rule(R"(\s+)", Text, Next::gotoState("expr_start"))
        .rule("", Text, "#pop");

    l.state("expr_start")
        .mixin("inline_whitespace")
        .rule(R"(/)", StrRegex, Next::gotoState("slash_regex"))
        .rule(R"([?](\\[MC]-)*(\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w))", StrChar, "#pop")
        .rule(R"((\s*)(%[rqswQWxiI]? \S* ))", {Text, StrOther}, "#pop")
        .mixin("sigil_strings")
        .rule("", Text, "#pop");

    l.state("slash_regex")
        .mixin("string_intp")
        .rule(R"(\\\\)", StrRegex)
        .rule(R"(\\/)", StrRegex)
        .rule(R"([\\#])", StrRegex)
        .rule(R"((?s)[^\\/#]+)", StrRegex)
        .rule(R"(/)", StrRegex, Next::gotoState("regex_flags"));

    l.state("end_part").rule(R"((?s).+)", CommentPreproc, "#pop");
}

} // namespace

const Language &ruby()
{
    static const Language lang("ruby", {"rb"}, define);
    return lang;
}

} // namespace folio::site::highlight
