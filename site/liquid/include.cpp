// Jekyll's `include` and `include_relative` (Jekyll::Tags::IncludeTag), not
// Liquid's: an unquoted path, `key=value` parameters exposed as `include.key`
// in a new scope, and the caller's variables shared with the included file.
#include "internal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <mutex>
#include <optional>
#include <unordered_map>

namespace folio::site::liquid {

namespace detail {
namespace {

struct IncludeParam {
    std::string key;
    Value literal;
    ExpressionPtr variable;   // unquoted value: a variable lookup
};

// VALID_SYNTAX = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/
// Matches at or after `from`; fills the param and returns the end, or npos.
std::size_t matchParam(std::string_view s, std::size_t from, IncludeParam *p, std::size_t *start)
{
    for (std::size_t i = from; i < s.size(); ++i) {
        if (!(isWordChar(s[i]) || s[i] == '-'))
            continue;
        std::size_t e = i;
        while (e < s.size() && (isWordChar(s[e]) || s[e] == '-'))
            ++e;
        std::size_t j = e;
        while (j < s.size() && isSpace(s[j]))
            ++j;
        if (j >= s.size() || s[j] != '=') {
            i = e - 1;
            continue;
        }
        ++j;
        while (j < s.size() && isSpace(s[j]))
            ++j;
        if (j >= s.size())
            return std::string_view::npos;
        const char q = s[j];
        if (q == '"' || q == '\'') {
            std::string value;
            std::size_t k = j + 1;
            while (k < s.size() && s[k] != q) {
                if (s[k] == '\\' && k + 1 < s.size()) {
                    // gsub('\\"', '"'): only an escaped quote loses its backslash.
                    if (s[k + 1] == q) {
                        value += q;
                    } else {
                        value += s[k];
                        value += s[k + 1];
                    }
                    k += 2;
                    continue;
                }
                value += s[k++];
            }
            if (k >= s.size()) {
                i = e - 1;
                continue;
            }
            p->key = std::string(s.substr(i, e - i));
            p->literal = Value(std::move(value));
            p->variable = nullptr;
            *start = i;
            return k + 1;
        }
        std::size_t k = j;
        while (k < s.size() && (isWordChar(s[k]) || s[k] == '.' || s[k] == '-'))
            ++k;
        if (k == j) {
            i = e - 1;
            continue;
        }
        p->key = std::string(s.substr(i, e - i));
        p->variable = parseLaxExpression(s.substr(j, k - j));
        *start = i;
        return k;
    }
    return std::string_view::npos;
}

// FULL_VALID_SYNTAX = /\A\s*(?:VALID_SYNTAX(?=\s|\z)\s*)*\z/
bool parseParams(std::string_view s, std::vector<IncludeParam> *out)
{
    std::size_t pos = 0;
    while (pos < s.size() && isSpace(s[pos]))
        ++pos;
    while (pos < s.size()) {
        IncludeParam p;
        std::size_t start = 0;
        const std::size_t end = matchParam(s, pos, &p, &start);
        if (end == std::string_view::npos || start != pos)
            return false;
        if (end < s.size() && !isSpace(s[end]))
            return false;
        out->push_back(std::move(p));
        pos = end;
        while (pos < s.size() && isSpace(s[pos]))
            ++pos;
    }
    return true;
}

bool validFileName(std::string_view f)
{
    // INVALID_SEQUENCES = /[.\/]{2,}/ and VALID_FILENAME_CHARS = /^[\w\/.\-()+~\#@]+$/
    if (f.empty())
        return false;
    for (std::size_t i = 0; i + 1 < f.size(); ++i)
        if ((f[i] == '.' || f[i] == '/') && (f[i + 1] == '.' || f[i + 1] == '/'))
            return false;
    for (char c : f)
        if (!(isWordChar(c) || c == '/' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+' || c == '~'
              || c == '#' || c == '@'))
            return false;
    return true;
}

class IncludeNode final : public Node
{
public:
    IncludeNode(Location loc, bool relative) : Node(loc), m_relative(relative) {}

    std::string fileName;              // static name
    std::shared_ptr<const Template> dynamicName;   // `{{ var }}` in the name
    std::vector<IncludeParam> params;
    bool hasParams = false;

    Flow render(Context &ctx, std::string &out) const override
    {
        std::string file = fileName;
        if (dynamicName) {
            file.clear();
            if (!dynamicName->render(ctx, file))
                return Flow::Stop;
            // Jekyll validates the rendered name as it is (spaces make it invalid).
        }
        if (!validFileName(file)) {
            ctx.error(QStringLiteral("Invalid syntax for include tag. File contains invalid characters or sequences:\n\n  %1\n\nValid syntax:\n\n  {%% include file.ext param='value' param2='value' %%}\n\n")
                          .arg(QString::fromStdString(file)).replace(QLatin1String("%%"), QLatin1String("%")));
            return Flow::Normal;
        }
        IncludeLoader *loader = ctx.includeLoader();
        if (!loader) {
            ctx.error(QStringLiteral("Could not locate the included file '%1': no include directory is set")
                          .arg(QString::fromStdString(file)));
            return Flow::Normal;
        }
        if (ctx.depth() >= ctx.maxDepth()) {
            ctx.fatal(QStringLiteral("Nesting too deep: include of '%1' exceeds %2 levels; an include probably "
                                     "includes itself")
                          .arg(QString::fromStdString(file))
                          .arg(ctx.maxDepth()));
            return Flow::Stop;
        }
        QString error;
        TemplatePtr partial = loader->load(file, m_relative, ctx, &error);
        if (!partial) {
            ctx.error(error);
            return Flow::Normal;
        }
        // include_relative depends on the page's folder, which is no variable read.
        if (IncludeMemo *memo = ctx.includeMemo(); memo && !m_relative && !ctx.recording())
            return renderMemoised(*memo, std::move(partial), ctx, out);
        return renderPartial(*partial, hasParams ? std::optional<Hash>(evaluateParams(ctx)) : std::nullopt, ctx,
                             out);
    }

private:
    Hash evaluateParams(Context &ctx) const
    {
        Hash h;
        for (const IncludeParam &p : params)
            h.set(p.key, p.variable ? p.variable->evaluate(ctx) : p.literal);
        return h;
    }

    // The partial in a scope of its own, with its parameters as `include`.
    static Flow renderPartial(const Template &partial, std::optional<Hash> include, Context &ctx, std::string &out)
    {
        Context::ScopeGuard scope(ctx);
        if (include)
            ctx.setLocal("include", Value(std::move(*include)));
        return partial.render(ctx, out) ? Flow::Normal : Flow::Stop;
    }

    // Replays the include when the memo has it for what it would read now;
    // otherwise renders it while recording what it reads, for the next time.
    Flow renderMemoised(IncludeMemo &memo, TemplatePtr partial, Context &ctx, std::string &out) const
    {
        MemoKey key;
        key.partial = partial;
        key.hasParams = hasParams;
        std::optional<Hash> include;
        if (hasParams) {
            include = evaluateParams(ctx);
            key.params.assign(include->begin(), include->end());
        }
        switch (memo.replay(key, ctx, out)) {
        case IncludeMemo::Outcome::Replayed:
            return Flow::Normal;
        case IncludeMemo::Outcome::Render:
            return renderPartial(*partial, std::move(include), ctx, out);
        case IncludeMemo::Outcome::Record:
            break;
        }

        MemoRecording recording;
        const std::size_t start = out.size();
        const std::size_t diagnostics = ctx.diagnostics().size();
        const std::size_t interrupts = ctx.interruptCount();
        Flow flow;
        {
            // The include's scope is the one renderPartial pushes next.
            ctx.setRecording(&recording, ctx.scopeDepth());
            const RecordingScope onThisThread(&recording);
            flow = renderPartial(*partial, std::move(include), ctx, out);
            ctx.setRecording(nullptr, 0);
        }
        // Only a clean render is kept: errors and warnings must be reported
        // again where they happen, and break/continue act on the caller.
        if (flow == Flow::Normal && !ctx.stopped() && !ctx.hasPendingError()
            && ctx.diagnostics().size() == diagnostics && ctx.interruptCount() == interrupts)
            memo.store(key, ctx, std::move(recording), std::string_view(out).substr(start));
        return flow;
    }

    bool m_relative;
};

// VARIABLE_SYNTAX = /(?<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?<params>.*)/m
bool splitVariableName(std::string_view m, std::string_view *name, std::string_view *params)
{
    const std::size_t open = m.find("{{");
    if (open == std::string_view::npos)
        return false;
    // Greedy: the name runs to the end of the last `{{...}}` group plus following non-space chars.
    std::size_t pos = open;
    std::size_t end = std::string_view::npos;
    while (pos != std::string_view::npos && pos < m.size()) {
        const std::size_t close = m.find("}}", pos);
        if (close == std::string_view::npos)
            break;
        std::size_t e = close + 2;
        while (e < m.size() && !isSpace(m[e]) && m[e] != '{' && m[e] != '}')
            ++e;
        end = e;
        pos = m.find("{{", e);
        if (pos != std::string_view::npos) {
            // Only text without '{' may separate the groups.
            bool plain = true;
            for (std::size_t k = e; k < pos; ++k)
                plain &= m[k] != '{';
            if (!plain)
                break;
        }
    }
    if (end == std::string_view::npos)
        return false;
    *name = strip(m.substr(0, end));
    *params = strip(m.substr(end));
    return true;
}

NodePtr makeInclude(TagInput &in, bool relative)
{
    auto node = std::make_unique<IncludeNode>(in.location, relative);
    const std::string_view markup = strip(in.markup);
    std::string_view name, params;
    if (splitVariableName(markup, &name, &params)) {
        auto parsed = Template::parse(name, *in.environment, in.fileName, ParseOptions{in.mode, in.location.line});
        if (!parsed.ok()) {
            in.error(parsed.errorText());
            return nullptr;
        }
        node->dynamicName = parsed.tmpl;
    } else {
        std::size_t i = 0;
        while (i < markup.size() && !isSpace(markup[i]))
            ++i;
        name = markup.substr(0, i);
        params = strip(markup.substr(i));
        node->fileName = std::string(name);
    }
    node->hasParams = !params.empty();
    if (node->hasParams && !parseParams(params, &node->params)) {
        in.error(QStringLiteral("Invalid syntax for include tag:\n\n  %1\n\nValid syntax:\n\n  {% include file.ext param='value' param2='value' %}\n\n")
                     .arg(QString::fromUtf8(markup.data(), qsizetype(markup.size()))));
        return nullptr;
    }
    return node;
}

} // namespace

void registerIncludeTags(Environment &env)
{
    env.registerTag("include", [](TagInput &in) { return makeInclude(in, false); });
    env.registerTag("include_relative", [](TagInput &in) { return makeInclude(in, true); });
}

} // namespace detail

// --- DirectoryIncludeLoader --------------------------------------------------------------

struct DirectoryIncludeLoader::Private {
    QString directory;
    ParseMode mode;
    std::mutex mutex;
    std::unordered_map<std::string, TemplatePtr> cache;
};

DirectoryIncludeLoader::DirectoryIncludeLoader(QString directory, ParseMode mode) : d(std::make_unique<Private>())
{
    d->directory = std::move(directory);
    d->mode = mode;
}

DirectoryIncludeLoader::~DirectoryIncludeLoader() = default;

TemplatePtr DirectoryIncludeLoader::load(std::string_view name, bool relative, Context &ctx, QString *error)
{
    const QString file = QString::fromUtf8(name.data(), qsizetype(name.size()));
    QString base = d->directory;
    if (relative) {
        const Template *current = ctx.currentTemplate();
        base = current ? QFileInfo(current->fileName()).absolutePath() : d->directory;
    }
    const QString path = QDir::cleanPath(base + QLatin1Char('/') + file);
    const std::string key = path.toStdString();
    {
        std::lock_guard lock(d->mutex);
        auto it = d->cache.find(key);
        if (it != d->cache.end())
            return it->second;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Could not locate the included file '%1' in any of [\"%2\"]. Ensure it exists in "
                                    "one of those directories.")
                         .arg(file, base);
        return nullptr;
    }
    const QByteArray bytes = f.readAll();
    auto parsed = Template::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())), ctx.environment(),
                                  path, ParseOptions{d->mode, 1});
    if (!parsed.ok()) {
        if (error)
            *error = parsed.errorText();
        return nullptr;
    }
    std::lock_guard lock(d->mutex);
    auto [it, inserted] = d->cache.emplace(key, parsed.tmpl);
    return it->second;
}

} // namespace folio::site::liquid
