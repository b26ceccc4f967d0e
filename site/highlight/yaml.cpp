// Rouge::Lexers::YAML (rouge 3.30 lib/rouge/lexers/yaml.rb), with its
// indentation bookkeeping (reset_indent, save_indent, set_indent...).
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

#include <optional>

namespace folio::site::highlight {

namespace {

using namespace tok;

struct Indent
{
    std::vector<std::size_t> stack{0};
    std::size_t next = 0;
    std::optional<long> blockScalar;

    std::size_t current() const { return stack.back(); }
    void reset() { *this = Indent(); }
    // save_indent: pops the levels deeper than `match`; returns the part of
    // it within the current level and the rest (an Error in root).
    std::pair<std::string_view, std::string_view> save(std::string_view match)
    {
        next = match.size();
        if (next < current()) {
            while (next < current())
                stack.pop_back();
            return {match.substr(0, current()), match.substr(std::min(current(), match.size()))};
        }
        return {match, {}};
    }
    void set(std::string_view match, bool implicit = false)
    {
        if (current() < next)
            stack.push_back(next);
        if (!implicit)
            next += match.size();
    }
};

Indent &indent(Run &run) { return run.data<Indent>(); }

// Ruby's String#to_i: an optional sign and the digits that follow.
long rubyToI(std::string_view s)
{
    long sign = 1, value = 0;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        sign = s[i++] == '-' ? -1 : 1;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        value = value * 10 + (s[i++] - '0');
    return sign * value;
}

#define PLAIN_SCALAR_START R"([^ \t\n\r\f\v?:,\[\]{}#&*!\|>'"%@`])"

void define(Language &l)
{
    l.onStart([](Run &run) { indent(run).reset(); });

    l.state("basic").rule(R"(#.*$)", CommentSingle);

    l.state("root")
        .mixin("basic")
        .rule(R"(\n+)", Text)
        .rule(R"([ ]+(?=#|$))", Text)
        .rule(R"(^%YAML\b)",
              [](Run &run, const Captures &m) {
                  run.token(NameTag, m[0]);
                  indent(run).reset();
                  run.push("yaml_directive");
              })
        .rule(R"(^%TAG\b)",
              [](Run &run, const Captures &m) {
                  run.token(NameTag, m[0]);
                  indent(run).reset();
                  run.push("tag_directive");
              })
        .rule(R"(^(?:---|\.\.\.)(?= |$))",
              [](Run &run, const Captures &m) {
                  run.token(NameNamespace, m[0]);
                  indent(run).reset();
                  run.push("block_line");
              })
        .rule(R"([ ]*(?!\s|$))", [](Run &run, const Captures &m) {
            const auto [text, err] = indent(run).save(m[0]);
            run.token(Text, text);
            run.token(Error, err);
            run.push("block_line");
            run.push("indentation");
        });

    l.state("indentation")
        .rule(R"(\s*?\n)",
              [](Run &run, const Captures &m) {
                  run.token(Text, m[0]);
                  run.pop(2);
              })
        .rule(R"([ ]+(?=[-:?](?:[ ]|$)))",
              [](Run &run, const Captures &m) {
                  run.token(Text, m[0]);
                  indent(run).next += m[0].size();
              })
        .rule(R"([?:-](?=[ ]|$))",
              [](Run &run, const Captures &m) {
                  indent(run).set(m[0]);
                  run.token(PunctuationIndicator, m[0]);
              })
        .rule(R"([ ]*)", [](Run &run, const Captures &m) {
            run.token(Text, m[0]);
            indent(run).next += m[0].size();
            run.pop();
        });

    l.state("block_line")
        .rule(R"([ ]*(?=#|$))", Text, "#pop")
        .rule(R"([ ]+)", Text)
        .mixin("descriptors")
        .mixin("block_nodes")
        .mixin("flow_nodes")
        .rule("(?=" PLAIN_SCALAR_START R"(|[?:-][^ \t\n\r\f\v]))", NameVariable, "plain_scalar_in_block_context");

    l.state("descriptors")
        .rule(R"(!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>)", KeywordType)
        .rule(R"((?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*))", KeywordType)
        .rule(R"(&[\p{L}\p{Nl}\p{Nd}_-]+)", NameLabel)
        .rule(R"(\*[\p{L}\p{Nl}\p{Nd}_-]+)", NameVariable);

    l.state("block_nodes")
        .rule(R"(([^#,:?\[\]{}"'\n]+)(:)(?=\s|$))",
              [](Run &run, const Captures &m) {
                  run.groups({NameAttribute, PunctuationIndicator}, m);
                  indent(run).set(m[0], true);
              })
        .rule(R"([\|>][+-]?)", [](Run &run, const Captures &m) {
            run.token(PunctuationIndicator, m[0]);
            run.push("block_scalar_content");
            run.push("block_scalar_header");
        });

    l.state("flow_nodes")
        .rule(R"(\[)", PunctuationIndicator, "flow_sequence")
        .rule(R"(\{)", PunctuationIndicator, "flow_mapping")
        .rule(R"(')", StrSingle, "single_quoted_scalar")
        .rule(R"(")", StrDouble, "double_quoted_scalar");

    l.state("flow_collection")
        .rule(R"((?s)\s+)", Text)
        .mixin("basic")
        .rule(R"([?:,])", PunctuationIndicator)
        .mixin("descriptors")
        .mixin("flow_nodes")
        .rule("(?=" PLAIN_SCALAR_START ")",
              [](Run &run, const Captures &) { run.push("plain_scalar_in_flow_context"); });

    l.state("flow_sequence").rule(R"(\])", PunctuationIndicator, "#pop").mixin("flow_collection");
    l.state("flow_mapping").rule(R"(\})", PunctuationIndicator, "#pop").mixin("flow_collection");

    l.state("block_scalar_content")
        .rule(R"(\n+)", Text)
        .rule(R"(^[ ]+$)",
              [](Run &run, const Captures &m) {
                  const std::string_view text = m[0];
                  const Indent &in = indent(run);
                  const std::size_t mark = in.blockScalar ? std::size_t(*in.blockScalar) : text.size();
                  run.token(Text, text.substr(0, std::min(mark, text.size())));
                  if (mark <= text.size())
                      run.token(NameConstant, text.substr(mark));
              })
        .rule(R"(^[ ]*)",
              [](Run &run, const Captures &m) {
                  run.token(Text, m[0]);
                  Indent &in = indent(run);
                  const long size = long(m[0].size());
                  const long dedentLevel = in.blockScalar ? *in.blockScalar : long(in.current());
                  if (!in.blockScalar)
                      in.blockScalar = size;
                  if (size < dedentLevel) {
                      in.save(m[0]);
                      run.pop();
                      run.push("indentation");
                  }
              })
        .rule(R"([^\n\r\f\v]+)", Str);

    l.state("block_scalar_header")
        .rule(R"((([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$))", [](Run &run, const Captures &m) {
            Indent &in = indent(run);
            in.blockScalar.reset();
            run.gotoState("ignored_line");
            if (m[0].empty())
                return;
            // Rouge takes m[1] || m[2], and m[1] (the whole indicator) is always set.
            in.blockScalar = long(in.current()) + rubyToI(m[1]);
            run.token(PunctuationIndicator, m[0]);
        });

    l.state("ignored_line").mixin("basic").rule(R"([ ]+)", Text).rule(R"(\n)", Text, "#pop");

    l.state("quoted_scalar_whitespaces")
        .rule(R"(^[ ]+)", Text)
        .rule(R"([ ]+$)", Text)
        .rule(R"((?s)\n+)", Text)
        .rule(R"([ ]+)", NameVariable);

    l.state("single_quoted_scalar")
        .mixin("quoted_scalar_whitespaces")
        .rule(R"(\\')", StrEscape)
        .rule(R"(')", Str, "#pop")
        .rule(R"([^\s']+)", Str);

    l.state("double_quoted_scalar")
        .rule(R"(")", Str, "#pop")
        .mixin("quoted_scalar_whitespaces")
        .rule(R"(\\[0abt\tn\nvfre "\\N_LP])", StrEscape)
        .rule(R"(\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))", StrEscape)
        .rule(R"([^ \t\n\r\f\v"\\]+)", Str);

    l.state("plain_scalar_in_block_context_new_line")
        .rule(R"(^[ ]+\n)", Text)
        .rule(R"((?s)\n+)", Text)
        .rule(R"(^(?=---|\.\.\.))", [](Run &run, const Captures &) { run.pop(3); })
        .rule(R"(^[ ]*)", [](Run &run, const Captures &m) {
            run.token(Text, m[0]);
            run.pop();
            Indent &in = indent(run);
            if (m[0].size() <= in.current()) {
                run.pop();
                in.save(m[0]);
                run.push("indentation");
            }
        });

    l.state("plain_scalar_in_block_context")
        .rule(R"([ ]*(?=:[ \n]|:$))", Text, "#pop")
        .rule(R"([ ]*:\S+)", Str)
        .rule(R"([ ]+(?=#))", Text, "#pop")
        .rule(R"([ ]+$)", Text)
        .rule(R"(\n+)", Text, "plain_scalar_in_block_context_new_line")
        .rule(R"([ ]+)", Str)
        .rule(R"(true|false|null)", NameConstant)
        .rule(R"(\d+(?:\.\d+)?(?=(\r?\n)| +#))", Num, "#pop") // Literal::Number
        .rule(R"([^\s:]+)", Str);

    l.state("plain_scalar_in_flow_context")
        .rule(R"([ ]*(?=[,:?\[\]{}]))", Text, "#pop")
        .rule(R"([ ]+(?=#))", Text, "#pop")
        .rule(R"(^[ ]+)", Text)
        .rule(R"([ ]+$)", Text)
        .rule(R"(\n+)", Text)
        .rule(R"([ ]+)", NameVariable)
        .rule(R"([^\s,:?\[\]{}]+)", NameVariable);

    l.state("yaml_directive").rule(R"(([ ]+)(\d+\.\d+))", {Text, Num}, Next::gotoState("ignored_line"));

    l.state("tag_directive")
        .rule(R"(([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+))", {Text, KeywordType, Text, KeywordType},
              Next::gotoState("ignored_line"));
}

} // namespace

const Language &yaml()
{
    static const Language lang("yaml", {"yml"}, define);
    return lang;
}

} // namespace folio::site::highlight
