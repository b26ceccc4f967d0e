// Jekyll's tags: link, post_url, highlight.
#include "jekyll.h"

#include "site/core/htmlescape.h"
#include "site/highlight/highlight.h"
#include "url.h"

#include <QRegularExpression>

#include <optional>

namespace folio::site::jekyll {

using liquid::Context;
using liquid::Flow;
using liquid::Location;
using liquid::Node;
using liquid::NodePtr;
using liquid::TagInput;

namespace {

QString noHostMessage(const char *tag)
{
    return QStringLiteral("The '%1' tag needs the site, but no Jekyll host is set in the Liquid context.")
        .arg(QString::fromLatin1(tag));
}

// Ruby String#strip: ASCII whitespace and NUL.
std::string_view rubyStrip(std::string_view s)
{
    const auto ws = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\0'; };
    while (!s.empty() && ws(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && ws(s.back()))
        s.remove_suffix(1);
    return s;
}

// {% link path %}: the markup is Liquid itself ({% link {{ page.x }} %}).
class LinkNode final : public Node
{
public:
    LinkNode(Location loc, liquid::TemplatePtr pathTemplate)
        : Node(loc), m_path(std::move(pathTemplate)) {}

    Flow render(Context &ctx, std::string &out) const override
    {
        const Host *site = host(ctx);
        if (!site) {
            ctx.error(noHostMessage("link"));
            return Flow::Normal;
        }
        std::string relativePath;
        m_path->render(ctx, relativePath);
        const std::optional<std::string> url = site->linkTarget(relativePath);
        if (!url) {
            ctx.error(QStringLiteral("Could not find document '%1' in tag 'link'.\n\n"
                                     "Make sure the document exists and the path is correct.")
                          .arg(QString::fromStdString(relativePath)));
            return Flow::Normal;
        }
        Result<std::string> relative = relativeUrl(*url, site->baseurl());
        if (!relative)
            ctx.error(relative.error());
        else
            out += *relative;
        return Flow::Normal;
    }

private:
    liquid::TemplatePtr m_path;
};

class PostUrlNode final : public Node
{
public:
    PostUrlNode(Location loc, std::string name) : Node(loc), m_name(std::move(name)) {}

    Flow render(Context &ctx, std::string &out) const override
    {
        const Host *site = host(ctx);
        if (!site) {
            ctx.error(noHostMessage("post_url"));
            return Flow::Normal;
        }
        bool deprecated = false;
        Result<std::string> url = findPostUrl(m_name, site->posts(), &deprecated);
        if (!url) {
            ctx.error(url.error());
            return Flow::Normal;
        }
        if (deprecated)
            ctx.warning(QStringLiteral("A call to '{%% post_url %1 %%}' did not match a post using the new "
                                       "matching method of checking name (path-date-slug) equality. Please make "
                                       "sure that you change this tag to match the post's name exactly.")
                            .arg(QString::fromStdString(m_name)));
        Result<std::string> relative = relativeUrl(*url, site->baseurl());
        if (!relative)
            ctx.error(relative.error());
        else
            out += *relative;
        return Flow::Normal;
    }

private:
    std::string m_name;
};

class HighlightNode final : public Node
{
public:
    HighlightNode(Location loc, HighlightSpec spec, liquid::Block body)
        : Node(loc), m_spec(std::move(spec)), m_body(std::move(body)) {}

    Flow render(Context &ctx, std::string &out) const override
    {
        std::string body;
        const Flow flow = m_body.render(ctx, body);
        bool rouge = true;
        if (const Host *site = host(ctx)) {
            const std::string name = site->highlighter();
            if (name == "pygments")
                ctx.warning(QStringLiteral("Highlight Tag no longer supports rendering with Pygments. "
                                           "Using the default highlighter, Rouge, instead."));
            rouge = name == "rouge" || name == "pygments";
        }
        out += ctx.find("highlighter_prefix").toString();
        out += renderHighlight(m_spec, body, rouge);
        out += ctx.find("highlighter_suffix").toString();
        return flow;
    }

private:
    HighlightSpec m_spec;
    liquid::Block m_body;
};

NodePtr makeLink(TagInput &input)
{
    const std::string_view markup = rubyStrip(input.markup);
    liquid::Template::ParseResult parsed =
        liquid::Template::parse(markup, *input.environment, input.fileName, input.location.line);
    if (!parsed.ok()) {
        input.error(QStringLiteral("Invalid path in tag 'link': %1").arg(parsed.errorText()));
        return nullptr;
    }
    return std::make_unique<LinkNode>(input.location, parsed.tmpl);
}

NodePtr makePostUrl(TagInput &input)
{
    const std::string name(rubyStrip(input.markup));
    // Jekyll parses the name when the tag is parsed, so a bad name fails the build
    // even if the tag is never rendered.
    Result<std::string> check = findPostUrl(name, {}, nullptr);
    if (!check && check.error().startsWith(QStringLiteral("Could not parse"))) {
        input.error(check.error());
        return nullptr;
    }
    return std::make_unique<PostUrlNode>(input.location, name);
}

NodePtr makeHighlight(TagInput &input)
{
    Result<HighlightSpec> spec = parseHighlightMarkup(input.markup);
    if (!spec) {
        input.error(spec.error());
        return nullptr;
    }
    if (input.sections.empty()) {
        input.error(QStringLiteral("'highlight' tag was never closed"));
        return nullptr;
    }
    return std::make_unique<HighlightNode>(input.location, std::move(*spec), std::move(input.sections[0].body));
}

std::string escapeRouge(std::string_view code)
{
    // Rouge's HTML formatter escapes only & < >.
    return escapeHtml(code, Quotes::None);
}

// CGI.escapeHTML (Liquid's `h`): & < > " ' -> &amp; &lt; &gt; &quot; &#39;
std::string escapeCgiHtml(std::string_view code)
{
    return escapeHtml(code, Quotes::HtmlSingle);
}

} // namespace

// The HTMLTable options Jekyll's highlight tag sets for `linenos`.
const highlight::LineTable kLinenosTable{1, "rouge-table", "gutter", "code"};

Result<HighlightSpec> parseHighlightMarkup(std::string_view markup)
{
    thread_local const QRegularExpression syntax(
        QStringLiteral("^([a-zA-Z0-9.+#_-]+)((\\s+\\w+(=(\\w+|\"([0-9]+\\s)*[0-9]+\"))?)*)$"),
        QRegularExpression::MultilineOption);
    thread_local const QRegularExpression option(QStringLiteral("(?:\\w=\"[^\"]*\"|\\w=\\w|\\w)+"));
    const QString stripped = QString::fromUtf8(rubyStrip(markup).data(), qsizetype(rubyStrip(markup).size()));
    const QRegularExpressionMatch m = syntax.match(stripped);
    if (!m.hasMatch())
        return makeError(QStringLiteral("Syntax Error in tag 'highlight' while parsing the following markup:\n\n"
                                        "%1\n\nValid syntax: highlight <lang> [linenos]")
                             .arg(QString::fromUtf8(markup.data(), qsizetype(markup.size()))));
    HighlightSpec spec;
    spec.lang = m.captured(1).toLower().toStdString();
    QRegularExpressionMatchIterator it = option.globalMatch(m.captured(2));
    while (it.hasNext()) {
        const QString opt = it.next().captured(0);
        if (opt.section(u'=', 0, 0) == u"linenos")
            spec.linenos = true;
    }
    return spec;
}

std::string renderHighlight(const HighlightSpec &spec, std::string_view body, bool rouge)
{
    // gsub(/\A(\n|\r)+|(\n|\r)+\z/, "")
    while (!body.empty() && (body.front() == '\n' || body.front() == '\r'))
        body.remove_prefix(1);
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r'))
        body.remove_suffix(1);
    std::string code;
    if (rouge) {
        // Rouge lexes with the language's lexer, or PlainText (escaped text)
        // for a name it does not know; Folio likewise for one it does not lex.
        std::optional<std::string> html = highlight::highlightHtml(spec.lang, body);
        code = html ? std::move(*html) : escapeRouge(body);
        if (spec.linenos)
            code = highlight::lineTable(std::move(code), body, kLinenosTable);
    } else {
        code = std::string(rubyStrip(escapeCgiHtml(body)));
    }
    // add_code_tag: code.chomp
    if (!code.empty() && code.back() == '\n')
        code.pop_back();
    if (!code.empty() && code.back() == '\r')
        code.pop_back();
    std::string cssLang = spec.lang;
    std::replace(cssLang.begin(), cssLang.end(), '+', '-');
    return "<figure class=\"highlight\"><pre><code class=\"language-" + cssLang + "\" data-lang=\"" + spec.lang
           + "\">" + code + "</code></pre></figure>";
}

void registerJekyllTags(liquid::Environment &env)
{
    env.registerTag("link", makeLink);
    env.registerTag("post_url", makePostUrl);
    liquid::TagSpec highlight;
    highlight.factory = makeHighlight;
    highlight.block = true;
    env.registerTag("highlight", std::move(highlight));
}

} // namespace folio::site::jekyll
