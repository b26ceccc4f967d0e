// jekyll-gist 1.5: `{% gist user/1234567 [file] %}` embeds GitHub's script.
//
// The plugin also fetches the gist's raw text over the network to print a
// <noscript><pre>…</pre></noscript> fallback before the script (and, when the
// fetch fails, the return value of its logger call: the text "true"). Folio
// builds offline and never fetches, so it prints only the <script> element,
// which is what the plugin prints with `gist: {noscript: false}`.
#include "internal.h"

#include <QRegularExpression>

namespace folio::site::plugins::detail {

namespace {

using liquid::Context;
using liquid::Flow;
using liquid::Location;
using liquid::Node;
using liquid::TagInput;
using liquid::Value;

std::string rubyStrip(std::string_view s)
{
    const auto ws = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\0'; };
    while (!s.empty() && ws(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && ws(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

// Liquid's Context#key?: the word evaluates (as a variable or a literal) to
// something other than nil. The plugin then uses that value instead of the word.
std::string resolve(Context &ctx, const std::string &word)
{
    if (word.empty())
        return word;
    QString error;
    liquid::ExpressionPtr expr = liquid::parseExpression(word, &error);
    if (!expr)
        return word;
    const Value v = expr->evaluate(ctx);
    return v.isNil() ? word : v.toString();
}

class GistNode final : public Node
{
public:
    GistNode(Location loc, std::string markup) : Node(loc), m_markup(std::move(markup)) {}

    Flow render(Context &ctx, std::string &out) const override
    {
        if (!enabled(ctx, "jekyll-gist")) {
            ctx.error(QStringLiteral("Unknown tag 'gist': add jekyll-gist to `plugins:` in _config.yml"));
            return Flow::Normal;
        }
        // The plugin's argument pattern: an id without spaces (or anything up
        // to a path with a slash), then an optional file name.
        // Not static: a QRegularExpression is reentrant, not thread-safe, and
        // pages render on several threads.
        const QRegularExpression re(QStringLiteral("\\A(\\S+|.*(?=/).+)\\s?(\\S*)\\z"));
        const QRegularExpressionMatch m = re.match(qs(rubyStrip(m_markup)));
        if (!m.hasMatch()) {
            ctx.error(QStringLiteral("Syntax error in tag 'gist' while parsing the following markup:\n\n"
                                     "    %1\n\nValid syntax:\n"
                                     "    {% gist user/1234567 %}\n    {% gist user/1234567 foo.js %}\n"
                                     "    {% gist 28949e1d5ee2273f9fd3 %}\n    {% gist 28949e1d5ee2273f9fd3 best.md %}")
                          .arg(qs(m_markup)));
            return Flow::Normal;
        }
        const std::string id = resolve(ctx, rubyStrip(m.captured(1).toStdString()));
        const std::string file = resolve(ctx, rubyStrip(m.captured(2).toStdString()));
        out += "<script src=\"https://gist.github.com/";
        out += id;
        out += ".js";
        if (!file.empty()) {
            out += "?file=";
            out += file;
        }
        out += "\"> </script>";
        return Flow::Normal;
    }

private:
    std::string m_markup;
};

} // namespace

void registerGistTag(liquid::Environment &env)
{
    env.registerTag("gist", [](TagInput &input) -> liquid::NodePtr {
        return std::make_unique<GistNode>(input.location, input.markup);
    });
}

} // namespace folio::site::plugins::detail
