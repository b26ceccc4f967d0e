// Rouge::Lexers::Shell (rouge 3.30 lib/rouge/lexers/shell.rb): sh, bash, zsh, ksh.
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

#define KEYWORDS "if|fi|else|while|do|done|for|then|return|function|select|continue|until|esac|elif|in"
#define BUILTINS                                                                                                     \
    "alias|bg|bind|break|builtin|caller|cd|command|compgen|complete|declare|dirs|disown|enable|eval|exec|exit|"     \
    "export|false|fc|fg|getopts|hash|help|history|jobs|let|local|logout|mapfile|popd|pushd|pwd|read|readonly|set|"  \
    "shift|shopt|source|suspend|test|time|times|trap|true|type|typeset|ulimit|umask|unalias|unset|wait|"            \
    "cat|tac|nl|od|base32|base64|fmt|pr|fold|head|tail|split|csplit|wc|sum|cksum|b2sum|md5sum|sha1sum|sha224sum|"   \
    "sha256sum|sha384sum|sha512sum|sort|shuf|uniq|comm|ptx|tsort|cut|paste|join|tr|expand|unexpand|ls|dir|vdir|"    \
    "dircolors|cp|dd|install|mv|rm|shred|link|ln|mkdir|mkfifo|mknod|readlink|rmdir|unlink|chown|chgrp|chmod|touch|" \
    "df|du|stat|sync|truncate|echo|printf|yes|expr|tee|basename|dirname|pathchk|mktemp|realpath|pwd|stty|printenv|" \
    "tty|id|logname|whoami|groups|users|who|date|arch|nproc|uname|hostname|hostid|uptime|chcon|runcon|chroot|env|"  \
    "nice|nohup|stdbuf|timeout|kill|sleep|factor|numfmt|seq|tar|grep|sudo|awk|sed|gzip|gunzip"

void define(Language &l)
{
    l.state("basic")
        .rule(R"(#.*$)", Comment)
        .rule(R"(\b()" KEYWORDS R"()\s*\b)", Keyword)
        .rule(R"(\bcase\b)", Keyword, "case")
        .rule(R"(\b()" BUILTINS R"()\s*\b(?!(\.|-)))", NameBuiltin)
        .rule(R"([.](?=\s))", NameBuiltin)
        .rule(R"((\b\w+)(=))", {NameVariable, Operator})
        .rule(R"([\[\]{}()!=>])", Operator)
        .rule(R"(&&|\|\|)", Operator)
        .rule(R"(<<<)", Operator)
        .rule(R"((<<-?)(\s*)(['"]?)(\\?)(\w+)(\3))", [](Run &run, const Captures &m) {
            run.groups({Operator, Text, StrHeredoc, StrHeredoc, NameConstant, StrHeredoc}, m);
            run.var("heredoc") = std::string(m[5]);
            run.push("heredoc");
        });

    l.state("heredoc")
        .rule(R"(\n)", StrHeredoc, "heredoc_nl")
        .rule(R"([^$\n\\]+)", StrHeredoc)
        .mixin("interp")
        .rule(R"([$])", StrHeredoc);

    l.state("heredoc_nl")
        .rule(R"(\s*(\w+)\s*\n)",
              [](Run &run, const Captures &m) {
                  if (m[1] == run.var("heredoc")) {
                      run.token(NameConstant, m[0]);
                      run.pop(2);
                  } else {
                      run.token(StrHeredoc, m[0]);
                  }
              })
        .rule("", Text, "#pop");

    l.state("double_quotes")
        .rule(R"((?:\$#?)?")", StrDouble, "#pop")
        .mixin("interp")
        .rule(R"([^"`\\$]+)", StrDouble);

    l.state("ansi_string").rule(R"(\\.)", StrEscape).rule(R"([^\\']+)", StrSingle).mixin("single_quotes");

    l.state("single_quotes").rule(R"(')", StrSingle, "#pop").rule(R"([^']+)", StrSingle);

    l.state("data")
        .rule(R"(\s+)", Text)
        .rule(R"(\\.)", StrEscape)
        .rule(R"(\$?")", StrDouble, "double_quotes")
        .rule(R"(\$')", StrSingle, "ansi_string")
        .rule(R"(')", StrSingle, "single_quotes")
        .rule(R"(\*)", Keyword)
        .rule(R"(;)", Punctuation)
        .rule(R"(--?[\w-]+)", NameTag)
        .rule(R"([^=\*\s{}()$"'`;\\<]+)", Text)
        .rule(R"(\d+(?= |\Z))", Num)
        .rule(R"(<)", Text)
        .mixin("interp");

    l.state("curly")
        .rule(R"(\})", Keyword, "#pop")
        .rule(R"(:-)", Keyword)
        .rule(R"([a-zA-Z0-9_]+)", NameVariable)
        .rule(R"([^}:"`'$]+)", Punctuation)
        .mixin("root");

    l.state("paren_interp").rule(R"(\))", StrInterpol, "#pop").rule(R"(\()", Operator, "paren_inner").mixin("root");

    l.state("paren_inner").rule(R"(\()", Operator, "#push").rule(R"(\))", Operator, "#pop").mixin("root");

    l.state("math")
        .rule(R"(\)\))", Keyword, "#pop")
        .rule(R"([-+*/%^|&!]|\*\*|\|\|)", Operator)
        .rule(R"(\d+(#\w+)?)", Num)
        .mixin("root");

    l.state("case")
        .rule(R"(\besac\b)", Keyword, "#pop")
        .rule(R"(\|)", Punctuation)
        .rule(R"(\))", Punctuation, "case_stanza")
        .mixin("root");

    l.state("case_stanza").rule(R"(;;)", Punctuation, "#pop").mixin("root");

    l.state("backticks").rule(R"(`)", StrBacktick, "#pop").mixin("root");

    l.state("interp")
        .rule(R"(\\$)", StrEscape) // line continuation
        .rule(R"(\\.)", StrEscape)
        .rule(R"(\$\(\()", Keyword, "math")
        .rule(R"(\$\()", StrInterpol, "paren_interp")
        .rule(R"(\$\{#?)", Keyword, "curly")
        .rule(R"(`)", StrBacktick, "backticks")
        .rule(R"(\$#?(\w+|.))", NameVariable)
        .rule(R"(\$[*@])", NameVariable);

    l.state("root").mixin("basic").mixin("data");
}

} // namespace

const Language &shell()
{
    static const Language lang("shell", {"bash", "zsh", "ksh", "sh"}, define);
    return lang;
}

} // namespace folio::site::highlight
