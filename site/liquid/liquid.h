// The Liquid engine: Liquid 5.4 semantics as Jekyll 4.3.1 runs them (lax/warn
// parsing, `render` with inline errors or `render!` that stops at the first one).
//
// Design: a template is parsed once into an immutable node tree that any number
// of threads render at the same time; all mutable state of a render (scopes,
// counters, cycle positions, errors) lives in its Context. Filters and tags are
// looked up at parse time in an Environment, which is built once and then only
// read. Variable paths are split into lookups at parse time, output is appended
// to one std::string, and the hot path throws no exceptions.
#pragma once

#include "memo.h"
#include "value.h"

#include "site/core/diagnostic.h"

#include <QString>

#include <any>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace folio::site::liquid {

class Context;
class Environment;
class Template;

// 1-based position inside the parsed source (line counts from the source's
// first line; Template adds firstLine - 1 when it reports to the user).
struct Location final {
    int line = 0;
    int column = 0;
};

// Lax: Liquid's default (regex-based tag parsing). Warn: Jekyll's default
// (`liquid: error_mode: warn`): the strict parser first, the lax one when it
// fails, with a warning. Strict: Liquid's error_mode :strict.
// (Output and assign expressions always try the strict parser first, as Liquid does.)
enum class ParseMode { Lax, Warn, Strict };

// Inline: Liquid's `render`, a runtime error becomes the text
// `Liquid error (line N): message` in the output and rendering goes on.
// Strict: Liquid's `render!`, the first error stops the render.
enum class ErrorMode { Inline, Strict };

// How a node's render ended: Stop when the render must end (strict error,
// fatal error). break/continue are Context interrupts, as in Liquid.
enum class Flow : unsigned char { Normal, Stop };
enum class Interrupt : unsigned char { None, Break, Continue };

// --- expressions ------------------------------------------------------------------

// A value in a template: literal, variable path, range `(a..b)`.
class Expression
{
public:
    virtual ~Expression() = default;
    virtual Value evaluate(Context &ctx) const = 0;
};
using ExpressionPtr = std::shared_ptr<const Expression>;

// `a == b and c contains "x" or d` as `if`, `unless` and Jekyll's where_exp use it.
class Condition
{
public:
    virtual ~Condition() = default;
    virtual bool evaluate(Context &ctx) const = 0;
};
using ConditionPtr = std::shared_ptr<const Condition>;

// Parses `expr | f: a, k: v` (what `{{ }}` and `assign` hold) as Liquid's Variable
// does: the strict parser, then (unless mode is Strict) the lax one. Unknown filters
// pass the input through. Returns nullptr and sets *error when strict parsing is
// required and fails. Runtime errors of filters are reported to the Context.
ExpressionPtr parseFilteredExpression(std::string_view text, const Environment &env,
                                      QString *error = nullptr, ParseMode mode = ParseMode::Lax);
// A single expression without filters (`item.name`, `"x"`, `(1..n)`).
ExpressionPtr parseExpression(std::string_view text, QString *error = nullptr,
                              ParseMode mode = ParseMode::Lax);
// A condition as `if` parses it (`or`/`and` evaluated right to left).
ConditionPtr parseCondition(std::string_view text, QString *error = nullptr,
                            ParseMode mode = ParseMode::Lax);
// Jekyll's parse_condition (where_exp, find_exp): the strict parser, with operands
// read by Expression.parse, so `empty` and `blank` are the literal "" there
// rather than Liquid's empty?/blank? checks.
ConditionPtr parseJekyllCondition(std::string_view text, QString *error = nullptr);

// --- nodes and tags ---------------------------------------------------------------

class Node
{
public:
    explicit Node(Location location) : m_location(location) {}
    virtual ~Node() = default;
    // Appends the output. A runtime error is reported with ctx.error() and the
    // node returns (Flow::Normal); the enclosing Block prints or stops. Return
    // Flow::Stop only to pass on a Stop from a child Block or Template.
    virtual Flow render(Context &ctx, std::string &out) const = 0;
    // Liquid's "blank" nodes (assign, capture, comment, whitespace-only text,
    // blocks made only of blank nodes): a block of nothing but them prints nothing.
    virtual bool blank() const { return false; }
    virtual bool isText() const { return false; }
    Location location() const { return m_location; }

private:
    Location m_location;
};
using NodePtr = std::unique_ptr<const Node>;

// A parsed sequence of nodes: a template body or a block tag's section.
class Block final
{
public:
    Block() = default;
    Block(Block &&) = default;
    Block &operator=(Block &&) = default;

    void append(NodePtr node) { m_nodes.push_back(std::move(node)); }
    const std::vector<NodePtr> &nodes() const { return m_nodes; }
    bool blank() const;
    // Liquid's remove_blank_strings: a control-flow tag whose bodies are all
    // blank drops their whitespace text.
    void removeText();
    // Renders every node; a runtime error inside a node is handled here
    // (inline text or stop) so tags only have to report it to the context.
    Flow render(Context &ctx, std::string &out) const;

private:
    std::vector<NodePtr> m_nodes;
};

// What a tag factory receives. For a block tag, `sections` holds the body up to
// each declared intermediate tag and up to `end<name>`: sections[0] is the tag
// itself (its name and markup), then one per intermediate tag met (e.g. "else").
struct TagInput final {
    struct Section final {
        std::string name;
        std::string markup;
        Location location;
        Block body;
    };

    std::string name;
    std::string markup;
    Location location;
    const Environment *environment = nullptr;
    ParseMode mode = ParseMode::Lax;
    QString fileName;
    std::vector<Section> sections;   // block tags only
    std::string rawBody;             // raw-body block tags only (raw, comment)

    // Reports a syntax error; the factory then returns nullptr.
    void error(const QString &message) { errors.push_back(message); }
    // Reports that the strict parser failed and the lax one was used (Warn mode).
    void warning(const QString &message) { warnings.push_back(message); }
    std::vector<QString> errors;
    std::vector<QString> warnings;
};

using TagFactory = std::function<NodePtr(TagInput &input)>;

struct TagSpec final {
    TagFactory factory;
    bool block = false;                    // has a body closed by end<name>
    std::vector<std::string> intermediates; // tags that split the body, e.g. {"elsif", "else"}
    bool rawBody = false;                   // body kept as text, not parsed (raw, comment)
    // Call the factory once with an empty body before parsing the body, so a
    // bad markup is reported before body errors, as Liquid's tag constructors do.
    bool checkMarkupFirst = false;
};

// --- filters -----------------------------------------------------------------------

// Positional arguments in order; keyword arguments (`allow_false: true`) are
// appended as one trailing Hash, as Ruby passes them.
using FilterArgs = std::vector<Value>;
// Reports errors with ctx.error(...) and returns any value (it is discarded).
using FilterFunction = std::function<Value(const Value &input, const FilterArgs &args, Context &ctx)>;

struct FilterSpec final {
    FilterFunction function;
    // Arity as Ruby checks it, not counting the input; -1 = unlimited.
    // A mismatch renders "wrong number of arguments (given N, expected M..K)".
    int minArgs = 0;
    int maxArgs = -1;
};

// Filters and tags by name. Build once, then share read-only between threads.
// Templates keep pointers into it: it must outlive every template parsed with
// it. Re-registering a name (Jekyll's `where`, `sort`...) before parsing
// replaces it.
class Environment final
{
public:
    Environment() = default;
    // Every Liquid 5.4 tag and filter Jekyll 4.3.1 can run, plus Jekyll's
    // `include` and `include_relative` (see IncludeLoader).
    static Environment standard();

    void registerFilter(std::string name, FilterFunction fn, int minArgs = 0, int maxArgs = -1);
    void registerTag(std::string name, TagSpec spec);
    // A simple (non-block) tag.
    void registerTag(std::string name, TagFactory factory);

    const FilterSpec *filter(std::string_view name) const;
    const TagSpec *tag(std::string_view name) const;

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, FilterSpec, StringHash, std::equal_to<>> m_filters;
    std::unordered_map<std::string, TagSpec, StringHash, std::equal_to<>> m_tags;
};

// --- templates -----------------------------------------------------------------------

struct ParseOptions final {
    ParseMode mode = ParseMode::Warn;   // Jekyll's default (`liquid: error_mode: warn`)
    int firstLine = 1;   // line of the source's first line in its file (after front matter)
};

class Template final
{
public:
    struct ParseResult final {
        std::shared_ptr<const Template> tmpl;   // null when there are errors
        std::vector<Diagnostic> diagnostics;    // errors (file:line:col + snippet), warnings
        bool ok() const { return tmpl != nullptr; }
        QString errorText() const;              // all diagnostics formatted, one a line
    };

    static ParseResult parse(std::string_view source, const Environment &env, QString fileName,
                             ParseOptions options = {});
    static ParseResult parse(std::string_view source, const Environment &env, QString fileName,
                             int firstLine)
    {
        return parse(source, env, std::move(fileName), ParseOptions{ParseMode::Warn, firstLine});
    }

    // Appends the output to `out`. Returns false when the render stopped on an
    // error (ErrorMode::Strict, or a fatal error such as too deep nesting);
    // the error is in ctx.diagnostics(). Thread-safe: one Context per thread.
    bool render(Context &ctx, std::string &out) const;
    std::string render(Context &ctx) const;

    const QString &fileName() const { return m_fileName; }
    int firstLine() const { return m_firstLine; }
    const Block &root() const { return m_root; }
    std::string_view sourceLine(int line) const;   // 1-based, relative to the source

    Template(const Template &) = delete;
    Template &operator=(const Template &) = delete;
    ~Template();

private:
    Template() = default;
    friend class TemplateParser;

    std::string m_source;   // text nodes point into it
    std::deque<std::string> m_extra;   // text made while parsing ({% liquid %} lines)
    QString m_fileName;
    int m_firstLine = 1;
    Block m_root;
};
using TemplatePtr = std::shared_ptr<const Template>;

// --- include ------------------------------------------------------------------------

// Finds and parses the files of `{% include %}` (relative = false, from the
// includes dir) and `{% include_relative %}` (relative = true, from the directory
// of ctx.currentTemplate()). Implementations cache and must be thread-safe.
class IncludeLoader
{
public:
    virtual ~IncludeLoader() = default;
    // Returns nullptr and sets *error (e.g. "Could not locate the included file
    // 'x' in any of [...]") when the file is missing or does not parse.
    virtual TemplatePtr load(std::string_view name, bool relative, Context &ctx, QString *error) = 0;
};

// Reads DIR/name (include) or <dir of current template file>/name (include_relative),
// parses with the context's environment, caches by path. Thread-safe.
class DirectoryIncludeLoader final : public IncludeLoader
{
public:
    explicit DirectoryIncludeLoader(QString directory, ParseMode mode = ParseMode::Warn);
    ~DirectoryIncludeLoader() override;
    TemplatePtr load(std::string_view name, bool relative, Context &ctx, QString *error) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// --- render context ------------------------------------------------------------------

// Per-render state. Not shared between threads; cheap to create.
class Context final
{
public:
    // `globals` is the Hash (or Drop) of top-level variables: site, page,
    // layout, content, paginator, jekyll...
    Context(const Environment &env, Value globals, ErrorMode mode = ErrorMode::Inline);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    const Environment &environment() const { return *m_env; }
    ErrorMode errorMode() const { return m_errorMode; }
    void setErrorMode(ErrorMode mode) { m_errorMode = mode; }

    // --- variables
    // Innermost scope first, then counters (increment/decrement), then globals.
    // While an include is recorded for the memo, a variable found outside it
    // is recorded as read (VariableLookup records whole paths instead).
    Value find(std::string_view name) const;
    const Value *findPtr(std::string_view name) const;
    // The same without recording; *outside* tells whether the variable comes
    // from outside the include being recorded (always true when none is).
    const Value *lookup(std::string_view name, bool *outside) const;
    // The value `assign` gave `name` (nil when none).
    Value assignedValue(std::string_view name) const;
    // `assign`/`capture`: the outermost scope, so assignments inside for/include
    // stay visible after them, as in Liquid.
    void assign(std::string_view name, Value value);
    // The innermost scope (loop variables, include's `include`).
    void setLocal(std::string_view name, Value value);
    void pushScope();
    void popScope();
    struct ScopeGuard final {
        explicit ScopeGuard(Context &c) : ctx(c) { ctx.pushScope(); }
        ~ScopeGuard() { ctx.popScope(); }
        Context &ctx;
    };
    const Value &globals() const { return m_globals; }
    void setGlobal(std::string_view name, Value value);   // replaces in a private copy

    // --- host objects (the Jekyll module keeps the site here)
    std::unordered_map<std::string, std::any> &registers() { return m_registers; }
    template<typename T>
    T *registerAs(const std::string &key) const
    {
        auto it = m_registers.find(key);
        if (it == m_registers.end())
            return nullptr;
        if (auto p = std::any_cast<T *>(&it->second))
            return *p;
        return nullptr;
    }

    // --- include
    // Renders of a build share one memo (see memo.h); null: no memoisation.
    void setIncludeMemo(IncludeMemo *memo) { m_memo = memo; }
    IncludeMemo *includeMemo() const { return m_memo; }
    // The recording of the include being rendered, if any. Scopes from
    // `base` up belong to it: variables found there are its own.
    MemoRecording *recording() const { return m_recording; }
    void setRecording(MemoRecording *recording, std::size_t base)
    {
        m_recording = recording;
        m_recordingBase = base;
    }
    std::size_t scopeDepth() const { return m_scopeDepth; }
    // Tells a recording that this render used state the memo cannot replay
    // (tag state, randomness, the clock): it is not kept.
    void noteState()
    {
        if (m_recording)
            m_recording->usable = false;
    }
    // True the first time this render asks about `key` (the memo counts the
    // renders that ask for each include).
    bool firstAsk(const void *key)
    {
        for (const void *k : m_asked)
            if (k == key)
                return false;
        m_asked.push_back(key);
        return true;
    }
    void setIncludeLoader(IncludeLoader *loader) { m_includeLoader = loader; }
    IncludeLoader *includeLoader() const { return m_includeLoader; }
    // The template being rendered (innermost include), for include_relative
    // and for file names in diagnostics.
    const Template *currentTemplate() const { return m_templates.empty() ? nullptr : m_templates.back(); }
    // Include/render nesting. Beyond maxDepth() rendering stops with an error.
    int depth() const { return int(m_templates.size()); }
    int maxDepth() const { return m_maxDepth; }
    void setMaxDepth(int depth) { m_maxDepth = depth; }

    // --- errors
    // Reports a runtime error from a filter or tag. The enclosing Block prints it
    // inline (`Liquid error (line N): message`) or stops the render (Strict).
    void error(QString message);
    // An error that stops the render in every mode (nesting too deep).
    void fatal(QString message);
    void warning(const QString &message);
    bool hasPendingError() const { return m_pendingError; }
    bool stopped() const { return m_stopped; }
    // Errors (strict / fatal) and warnings with file:line:col.
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }

    // --- tag state (used by the standard tags; public for custom tags)
    // increment/decrement counters (Liquid's environments.first): nil until set.
    Value &counter(std::string_view name);
    std::size_t &cyclePosition(const std::string &key);
    std::string &ifchangedLast()
    {
        noteState();
        return m_ifchangedLast;
    }
    // break/continue: set by the tags, checked by Block after each tag, taken by loops.
    // A stack, as in Liquid: a break inside tablerow (which never takes it)
    // leaves one per iteration for the enclosing loops.
    void setInterrupt(Interrupt i) { m_interrupts.push_back(i); }
    std::size_t interruptCount() const { return m_interrupts.size(); }
    Interrupt interrupt() const { return m_interrupts.empty() ? Interrupt::None : m_interrupts.back(); }
    Interrupt takeInterrupt()
    {
        if (m_interrupts.empty())
            return Interrupt::None;
        const Interrupt i = m_interrupts.back();
        m_interrupts.pop_back();
        return i;
    }

    // Internal: used by Block and Template to turn pending errors into output.
    struct PendingError { QString message; };
    bool takePendingError(QString *message);
    void reportAt(const Template *tmpl, Location loc, const QString &message, Severity severity);
    void pushTemplate(const Template *t) { m_templates.push_back(t); }
    void popTemplate() { m_templates.pop_back(); }
    void stop() { m_stopped = true; }

private:
    struct Scope;
    const Environment *m_env;
    Value m_globals;
    ErrorMode m_errorMode;
    std::vector<std::unique_ptr<Scope>> m_scopes;   // [0] = outermost
    std::size_t m_scopeDepth = 0;                    // scopes in use (kept allocated for reuse)
    std::unique_ptr<Scope> m_counters;
    mutable Value m_scratch;   // findPtr() result for Drop globals
    std::unordered_map<std::string, std::size_t> m_cycles;
    std::string m_ifchangedLast;
    std::unordered_map<std::string, std::any> m_registers;
    IncludeLoader *m_includeLoader = nullptr;
    IncludeMemo *m_memo = nullptr;
    MemoRecording *m_recording = nullptr;
    std::size_t m_recordingBase = 0;
    std::vector<const void *> m_asked;
    std::vector<const Template *> m_templates;
    int m_maxDepth = 100;
    std::vector<Interrupt> m_interrupts;
    bool m_pendingError = false;
    bool m_stopped = false;
    QString m_pendingMessage;
    std::vector<Diagnostic> m_diagnostics;
};

// --- helpers shared with the Jekyll module ---------------------------------------------

// Ruby `<=>` between Liquid values: numbers with numbers, strings with strings,
// times with times. Returns false in *comparable when Ruby would raise
// ("comparison of Integer with String failed").
int compareValues(const Value &a, const Value &b, bool *comparable);
// The message Ruby gives for that failure: "comparison of Integer with String failed".
QString comparisonError(const Value &a, const Value &b);
// Ruby class name as error messages print it (Integer, String, Array, Hash, NilClass...).
const char *rubyClassName(const Value &v);
// Liquid's Utils.to_number: "3.5" -> 3.5, "12" -> 12, garbage -> 0.
Value toNumber(const Value &v);
// Liquid's Utils.to_date for the `date` filter (Time as is, "now"/"today",
// integer strings as epoch, anything Time.parse accepts). nil when unparseable.
Value toDate(const Value &v);

} // namespace folio::site::liquid
