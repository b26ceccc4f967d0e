// Rouge::Lexers::ConsoleLexer (rouge 3.30 lib/rouge/lexers/console.rb) with
// its default options: a shell session, prompts ending in $ # > or ;, the
// commands lexed as shell, everything else Generic.Output.
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

bool streamSession(Run &run, std::string_view input)
{
    static const Regex line(R"((.*?)(\n|$))");
    static const Regex snip(R"(\A\s*(?:<[.]+>|[.]+)\s*\z)");
    // ^ then, lazily across anything, the first end-of-prompt character.
    static const Regex prompt(R"(^(?s:.*?)(?:\$|\#|>|;))");
    static const Regex leadingSpace(R"(\A\s*)");
    Run &commands = run.delegateRun(shell());
    commands.reset();
    Captures m;
    std::size_t pos = 0;
    while (pos < input.size()) {
        line.matchAt(input, pos, m);
        const std::string_view text = m[0];
        pos += text.size();
        if (snip.matchAt(text, 0, m)) {
            commands.reset();
            run.token(Comment, text);
        } else if (prompt.matchAt(text, 0, m)) {
            run.token(GenericPrompt, m[0]);
            std::string_view rest = text.substr(m.size());
            leadingSpace.matchAt(rest, 0, m);
            run.token(Whitespace, m[0]);
            rest.remove_prefix(m.size());
            if (!commands.lex(rest))
                return false;
        } else if (rubyStrip(text).substr(0, 1) == "#") {
            commands.reset();
            run.token(Comment, text);
        } else {
            commands.reset();
            run.token(GenericOutput, text);
        }
    }
    return true;
}

void define(Language &l)
{
    l.state("root");
    l.setStream(streamSession);
}

} // namespace

const Language &console()
{
    static const Language lang("console", {"terminal", "shell_session", "shell-session"}, define);
    return lang;
}

} // namespace folio::site::highlight
