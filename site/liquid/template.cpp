// Template parsing (Liquid's Tokenizer and BlockBody), Block rendering with
// Liquid's error handling, Environment and Template.
#include "internal.h"
#include "liquidtr.h"

#include <QStringList>

namespace folio::site::liquid {

using namespace detail;

// --- Environment ------------------------------------------------------------------------

void Environment::registerFilter(std::string name, FilterFunction fn, int minArgs, int maxArgs)
{
    m_filters[std::move(name)] = FilterSpec{std::move(fn), minArgs, maxArgs};
}

void Environment::registerTag(std::string name, TagSpec spec) { m_tags[std::move(name)] = std::move(spec); }

void Environment::registerTag(std::string name, TagFactory factory)
{
    TagSpec spec;
    spec.factory = std::move(factory);
    m_tags[std::move(name)] = std::move(spec);
}

const FilterSpec *Environment::filter(std::string_view name) const
{
    auto it = m_filters.find(name);
    return it == m_filters.end() ? nullptr : &it->second;
}

const TagSpec *Environment::tag(std::string_view name) const
{
    auto it = m_tags.find(name);
    return it == m_tags.end() ? nullptr : &it->second;
}

Environment Environment::standard()
{
    Environment env;
    registerStandardTags(env);
    registerStandardFilters(env);
    registerIncludeTags(env);
    return env;
}

// --- nodes used by the parser -----------------------------------------------------------

namespace {

class TextNode final : public Node
{
public:
    TextNode(Location loc, std::string_view text) : Node(loc), m_text(text) {}
    Flow render(Context &, std::string &out) const override
    {
        out.append(m_text);
        return Flow::Normal;
    }
    bool blank() const override
    {
        for (char c : m_text)
            if (!isSpace(c))
                return false;
        return true;
    }
    bool isText() const override { return true; }
    std::string_view text() const { return m_text; }
    void setText(std::string_view t) { m_text = t; }

private:
    std::string_view m_text;
};

class OutputNode final : public Node
{
public:
    OutputNode(Location loc, std::shared_ptr<const FilteredExpression> e) : Node(loc), m_expr(std::move(e)) {}
    Flow render(Context &ctx, std::string &out) const override
    {
        const Value v = m_expr->evaluate(ctx);
        if (!ctx.hasPendingError())
            appendOutput(out, v);
        return Flow::Normal;
    }

private:
    std::shared_ptr<const FilteredExpression> m_expr;
};

} // namespace

bool Block::blank() const
{
    for (const NodePtr &n : m_nodes)
        if (!n->blank())
            return false;
    return true;
}

void Block::removeText()
{
    std::erase_if(m_nodes, [](const NodePtr &n) { return n->isText(); });
}

Flow Block::render(Context &ctx, std::string &out) const
{
    for (const NodePtr &node : m_nodes) {
        if (node->render(ctx, out) == Flow::Stop)
            return Flow::Stop;
        QString message;
        if (ctx.takePendingError(&message)) {
            // Errors from blank tags (assign...) are not printed, as in Liquid.
            const bool blankTag = node->blank() && !dynamic_cast<const OutputNode *>(node.get());
            if (ctx.errorMode() == ErrorMode::Strict) {
                ctx.reportAt(ctx.currentTemplate(), node->location(), message, Severity::Error);
                ctx.stop();
                return Flow::Stop;
            }
            ctx.reportAt(ctx.currentTemplate(), node->location(), message, Severity::Warning);
            if (!blankTag) {
                out += "Liquid error (line ";
                out += std::to_string(node->location().line);
                out += "): ";
                out += message.toStdString();
            }
        }
        if (ctx.stopped())
            return Flow::Stop;
        if (!node->isText() && ctx.interrupt() != Interrupt::None)
            break;
    }
    return Flow::Normal;
}

// --- parser -----------------------------------------------------------------------------

class TemplateParser final
{
public:
    TemplateParser(Template &t, const Environment &env, ParseOptions options)
        : m_tmpl(t), m_env(env), m_options(options)
    {
    }

    void tokenize();
    bool parseDocument();
    std::vector<Diagnostic> diagnostics;

    // Parses nodes into `block` until an unknown tag; returns its name/markup
    // (empty name at end of input).
    struct Stop {
        std::string name;
        std::string markup;
        Location location;
        bool atEnd = true;
    };
    bool parseBody(Block &block, Stop *stop, int depth);

private:
    struct Token {
        std::string_view text;
        int line;
        int column;
    };
    void error(Location loc, const QString &message);
    void warning(Location loc, const QString &message);
    void trimPrevious(Block &block);
    static QString laxWarning(const QString &strictError);
    bool parseTag(Block &block, const Token &tok, Stop *stop, int depth, bool *returned);
    std::string rawUntilEnd(const std::string &name, Location loc, bool *ok);
    bool parseLiquidTag(Block &block, std::string_view markup, Location loc, int depth);

    Template &m_tmpl;
    const Environment &m_env;
    ParseOptions m_options;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    bool m_trimNext = false;
    bool m_failed = false;
    bool m_inLiquidTag = false;   // `liquid` is not a tag inside {% liquid %}
};

void TemplateParser::tokenize()
{
    const std::string_view s = m_tmpl.m_source;
    int line = 1, column = 1;
    auto advance = [&](std::string_view text) {
        for (char c : text) {
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
    };
    std::size_t i = 0;
    while (i < s.size()) {
        // Leftmost "{%" or "{{".
        std::size_t open = s.find('{', i);
        while (open != std::string_view::npos && open + 1 < s.size() && s[open + 1] != '%' && s[open + 1] != '{')
            open = s.find('{', open + 1);
        if (open == std::string_view::npos || open + 1 >= s.size()) {
            m_tokens.push_back({s.substr(i), line, column});
            advance(s.substr(i));
            break;
        }
        if (open > i) {
            m_tokens.push_back({s.substr(i, open - i), line, column});
            advance(s.substr(i, open - i));
        }
        std::size_t end;
        if (s[open + 1] == '%') {
            const std::size_t close = s.find("%}", open + 2);
            end = close == std::string_view::npos ? open + 2 : close + 2;
        } else {
            const std::size_t close = s.find('}', open + 2);
            if (close == std::string_view::npos)
                end = open + 2;
            else
                end = (close + 1 < s.size() && s[close + 1] == '}') ? close + 2 : close + 1;
        }
        m_tokens.push_back({s.substr(open, end - open), line, column});
        advance(s.substr(open, end - open));
        i = end;
    }
}

void TemplateParser::error(Location loc, const QString &message)
{
    m_failed = true;
    Diagnostic d;
    d.severity = Severity::Error;
    d.file = m_tmpl.m_fileName;
    d.line = loc.line + m_options.firstLine - 1;
    d.column = loc.column;
    d.message = Tr::tr("Liquid syntax error: %1").arg(message);
    d.snippet = QString::fromUtf8(m_tmpl.sourceLine(loc.line));
    diagnostics.push_back(std::move(d));
}

void TemplateParser::warning(Location loc, const QString &message)
{
    Diagnostic d;
    d.severity = Severity::Warning;
    d.file = m_tmpl.m_fileName;
    d.line = loc.line + m_options.firstLine - 1;
    d.column = loc.column;
    d.message = message;
    d.snippet = QString::fromUtf8(m_tmpl.sourceLine(loc.line));
    diagnostics.push_back(std::move(d));
}

QString TemplateParser::laxWarning(const QString &strictError)
{
    return QStringLiteral("Liquid syntax warning (the lax parser was used): %1").arg(strictError);
}

void TemplateParser::trimPrevious(Block &block)
{
    if (block.nodes().empty())
        return;
    if (auto *text = dynamic_cast<const TextNode *>(block.nodes().back().get()))
        const_cast<TextNode *>(text)->setText(rstrip(text->text()));
}

bool TemplateParser::parseBody(Block &block, Stop *stop, int depth)
{
    if (depth >= 100) {
        error({m_tokens.empty() ? 1 : m_tokens[std::min(m_pos, m_tokens.size() - 1)].line, 1},
              QStringLiteral("Nesting too deep"));
        return false;
    }
    while (m_pos < m_tokens.size() && !m_failed) {
        const Token tok = m_tokens[m_pos++];
        if (tok.text.empty())
            continue;
        const Location loc{tok.line, tok.column};
        if (tok.text.starts_with("{%")) {
            bool returned = false;
            if (!parseTag(block, tok, stop, depth, &returned))
                return false;
            if (returned)
                return true;
        } else if (tok.text.starts_with("{{")) {
            if (tok.text.size() > 2 && tok.text[2] == '-')
                trimPrevious(block);
            m_trimNext = tok.text.size() >= 5 && tok.text.ends_with("-}}");
            if (tok.text.size() < 4 || !tok.text.ends_with("}}")) {
                error(loc, QStringLiteral("Variable '%1' was not properly terminated with regexp: /\\}\\}/")
                               .arg(QString::fromUtf8(tok.text.data(), qsizetype(tok.text.size()))));
                return false;
            }
            std::string_view markup = tok.text.substr(2, tok.text.size() - 4);
            if (!markup.empty() && markup.front() == '-')
                markup.remove_prefix(1);
            if (!markup.empty() && markup.back() == '-')
                markup.remove_suffix(1);
            QString err, warn;
            auto expr = parseVariable(markup, m_env, m_options.mode, &err, &warn);
            if (!expr) {
                error(loc, err);
                return false;
            }
            if (!warn.isEmpty())
                warning(loc, laxWarning(warn));
            for (const std::string &name : unknownFilters(*expr))
                warning(loc, unknownFilterWarning(name));
            block.append(std::make_unique<OutputNode>(loc, std::move(expr)));
        } else {
            std::string_view text = tok.text;
            if (m_trimNext)
                text = lstrip(text);
            m_trimNext = false;
            if (!text.empty())
                block.append(std::make_unique<TextNode>(loc, text));
        }
    }
    stop->atEnd = true;
    stop->name.clear();
    return !m_failed;
}

std::string TemplateParser::rawUntilEnd(const std::string &name, Location loc, bool *ok)
{
    // Raw: tokens verbatim until one matching /\A(.*){%\s*(\w+)\s*(.*)?%}\z/m with \2 == end<name>.
    const std::string endName = "end" + name;
    std::string body;
    while (m_pos < m_tokens.size()) {
        const Token tok = m_tokens[m_pos++];
        std::string_view t = tok.text;
        if (t.ends_with("%}")) {
            // The last "{%" in the token starts the candidate end tag.
            const std::size_t open = t.rfind("{%");
            if (open != std::string_view::npos) {
                std::string_view inner = t.substr(open + 2, t.size() - open - 4);
                // No whitespace control here: `{%- endraw %}` does not close raw in Liquid 5.4.
                std::string_view trimmedLeft = lstrip(inner);
                bool dashRight = false;
                std::size_t w = 0;
                while (w < trimmedLeft.size() && isWordChar(trimmedLeft[w]))
                    ++w;
                if (trimmedLeft.substr(0, w) == endName) {
                    dashRight = inner.ends_with("-");
                    std::string_view before = t.substr(0, open);
                    body += before;
                    m_trimNext = dashRight;
                    *ok = true;
                    return body;
                }
            }
        }
        body += t;
    }
    error(loc, QStringLiteral("'%1' tag was never closed").arg(QString::fromStdString(name)));
    *ok = false;
    return body;
}

bool TemplateParser::parseTag(Block &block, const Token &tok, Stop *stop, int depth, bool *returned)
{
    const Location loc{tok.line, tok.column};
    std::string_view t = tok.text;
    if (t.size() > 2 && t[2] == '-')
        trimPrevious(block);
    m_trimNext = t.size() >= 5 && t.ends_with("-%}") ;
    // FullToken = /\A{%-?(\s*)(#|\w+)(\s*)(.*?)-?%}\z/m
    if (t.size() < 4 || !t.ends_with("%}")) {
        error(loc, QStringLiteral("Tag '%1' was not properly terminated with regexp: /\\%\\}/")
                       .arg(QString::fromUtf8(t.data(), qsizetype(t.size()))));
        return false;
    }
    std::string_view inner = t.substr(2, t.size() - 4);
    if (!inner.empty() && inner.front() == '-')
        inner.remove_prefix(1);
    inner = lstrip(inner);
    std::size_t w = 0;
    if (!inner.empty() && inner[0] == '#')
        w = 1;
    else
        while (w < inner.size() && isWordChar(inner[w]))
            ++w;
    if (w == 0) {
        error(loc, QStringLiteral("Tag '%1' was not properly terminated with regexp: /\\%\\}/")
                       .arg(QString::fromUtf8(t.data(), qsizetype(t.size()))));
        return false;
    }
    const std::string name(inner.substr(0, w));
    std::string_view markup = lstrip(inner.substr(w));
    if (!markup.empty() && markup.back() == '-')
        markup.remove_suffix(1);
    if (name == "liquid" && !m_inLiquidTag)
        return parseLiquidTag(block, markup, loc, depth);

    const TagSpec *spec = m_env.tag(name);
    if (!spec) {
        stop->name = name;
        stop->markup = std::string(markup);
        stop->location = loc;
        stop->atEnd = false;
        *returned = true;
        return true;
    }
    TagInput input;
    input.name = name;
    input.markup = std::string(markup);
    input.location = loc;
    input.environment = &m_env;
    input.mode = m_options.mode;
    input.fileName = m_tmpl.m_fileName;
    // Liquid checks a block tag's markup before parsing its body. Checking it
    // only when the body fails keeps the error precedence at no cost otherwise.
    const std::size_t diagnosticsBefore = diagnostics.size();
    auto markupErrorFirst = [&]() {
        if (!spec->checkMarkupFirst)
            return;
        TagInput probe;
        probe.name = name;
        probe.markup = input.markup;
        probe.location = loc;
        probe.environment = &m_env;
        probe.mode = m_options.mode;
        probe.fileName = m_tmpl.m_fileName;
        probe.sections.push_back({name, input.markup, loc, Block()});
        const NodePtr discarded = spec->factory(probe);
        if (!probe.errors.empty()) {
            diagnostics.resize(diagnosticsBefore);
            error(loc, probe.errors.front());
        }
    };
    if (spec->block && spec->rawBody) {
        bool ok = false;
        input.rawBody = rawUntilEnd(name, loc, &ok);
        if (!ok) {
            markupErrorFirst();
            return false;
        }
    } else if (spec->block) {
        const std::string endName = "end" + name;
        input.sections.push_back({name, std::string(markup), loc, Block()});
        while (true) {
            Stop inner;
            if (!parseBody(input.sections.back().body, &inner, depth + 1)) {
                markupErrorFirst();
                return false;
            }
            if (inner.atEnd) {
                error(loc, QStringLiteral("'%1' tag was never closed").arg(QString::fromStdString(name)));
                markupErrorFirst();
                return false;
            }
            if (inner.name == endName)
                break;
            const auto &im = spec->intermediates;
            if (std::find(im.begin(), im.end(), inner.name) != im.end()) {
                input.sections.push_back({inner.name, inner.markup, inner.location, Block()});
                continue;
            }
            if (std::find(im.begin(), im.end(), std::string("*")) != im.end())
                continue;   // comment: any tag inside is ignored
            if (inner.name == "else")
                error(inner.location, QStringLiteral("%1 tag does not expect 'else' tag").arg(QString::fromStdString(name)));
            else if (inner.name.starts_with("end"))
                error(inner.location, QStringLiteral("'%1' is not a valid delimiter for %2 tags. use %3")
                                          .arg(QString::fromStdString(inner.name), QString::fromStdString(name),
                                               QString::fromStdString(endName)));
            else
                error(inner.location, QStringLiteral("Unknown tag '%1'").arg(QString::fromStdString(inner.name)));
            markupErrorFirst();
            return false;
        }
    }
    NodePtr node = spec->factory(input);
    if (!input.errors.empty() || !node) {
        error(loc, input.errors.empty() ? QStringLiteral("Syntax Error in '%1'").arg(QString::fromStdString(name))
                                        : input.errors.front());
        return false;
    }
    for (const QString &w : input.warnings)
        warning(loc, w);
    block.append(std::move(node));
    return true;
}

// {% liquid %}: one tag per line, parsed as if each line were `{% line %}`.
bool TemplateParser::parseLiquidTag(Block &block, std::string_view markup, Location loc, int depth)
{
    std::vector<Token> lines;
    int line = loc.line;
    std::size_t start = 0;
    while (start <= markup.size()) {
        std::size_t nl = markup.find('\n', start);
        if (nl == std::string_view::npos)
            nl = markup.size();
        const std::string_view text = strip(markup.substr(start, nl - start));
        if (!text.empty()) {
            m_tmpl.m_extra.push_back("{% " + std::string(text) + " %}");
            lines.push_back({m_tmpl.m_extra.back(), line, 1});
        }
        ++line;
        start = nl + 1;
    }
    std::swap(lines, m_tokens);
    const std::size_t savedPos = m_pos;
    const bool savedTrim = m_trimNext;
    m_pos = 0;
    Stop stop;
    m_inLiquidTag = true;
    const bool ok = parseBody(block, &stop, depth + 1);
    m_inLiquidTag = false;
    std::swap(lines, m_tokens);
    m_pos = savedPos;
    m_trimNext = savedTrim;
    if (!ok)
        return false;
    if (!stop.atEnd) {
        if (stop.name == "else")
            error(stop.location, QStringLiteral("liquid tag does not expect 'else' tag"));
        else if (stop.name.starts_with("end"))
            error(stop.location, QStringLiteral("'%1' is not a valid delimiter for liquid tags. use %}")
                                     .arg(QString::fromStdString(stop.name)));
        else
            error(stop.location, QStringLiteral("Unknown tag '%1'").arg(QString::fromStdString(stop.name)));
        return false;
    }
    return true;
}

bool TemplateParser::parseDocument()
{
    tokenize();
    Stop stop;
    if (!parseBody(m_tmpl.m_root, &stop, 0))
        return false;
    if (!stop.atEnd) {
        // Document#unknown_tag
        if (stop.name == "else" || stop.name.starts_with("end"))
            error(stop.location, QStringLiteral("Unexpected outer '%1' tag").arg(QString::fromStdString(stop.name)));
        else
            error(stop.location, QStringLiteral("Unknown tag '%1'").arg(QString::fromStdString(stop.name)));
        return false;
    }
    return true;
}

// --- Template ----------------------------------------------------------------------------

Template::~Template() = default;

QString Template::ParseResult::errorText() const
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.format();
    return lines.join(QLatin1Char('\n'));
}

Template::ParseResult Template::parse(std::string_view source, const Environment &env, QString fileName,
                                      ParseOptions options)
{
    std::shared_ptr<Template> t(new Template());
    t->m_source = std::string(source);
    t->m_fileName = std::move(fileName);
    t->m_firstLine = options.firstLine;
    TemplateParser parser(*t, env, options);
    const bool ok = parser.parseDocument();
    ParseResult result;
    result.diagnostics = std::move(parser.diagnostics);
    if (ok)
        result.tmpl = std::move(t);
    return result;
}

std::string_view Template::sourceLine(int line) const
{
    std::string_view s = m_source;
    int current = 1;
    std::size_t start = 0;
    while (current < line) {
        const std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos)
            return {};
        start = nl + 1;
        ++current;
    }
    const std::size_t end = s.find('\n', start);
    return s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool Template::render(Context &ctx, std::string &out) const
{
    ctx.pushTemplate(this);
    const Flow flow = m_root.render(ctx, out);
    ctx.popTemplate();
    return flow != Flow::Stop && !ctx.stopped();
}

std::string Template::render(Context &ctx) const
{
    std::string out;
    render(ctx, out);
    return out;
}

} // namespace folio::site::liquid
