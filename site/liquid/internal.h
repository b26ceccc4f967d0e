// Internals shared by the engine's .cpp files: Liquid's lax scanning (a port
// of its regular expressions as hand-written matchers, which are much faster
// than std::regex), the strict lexer, and the expression node types.
#pragma once

#include "liquid.h"

#include <atomic>
#include <mutex>
#include <optional>

namespace folio::site::liquid::detail {

// --- Liquid's lexical regexes -------------------------------------------------------

bool isWordChar(char c);   // \w
bool isSpace(char c);      // \s
std::string_view strip(std::string_view s);
std::string_view lstrip(std::string_view s);
std::string_view rstrip(std::string_view s);
// string_view::find for a substring, with glibc's two-way memmem: find()'s
// memchr+memcmp loop degrades badly on HTML, where the first byte (' ', '<')
// of a pattern occurs everywhere.
std::size_t findSubstring(std::string_view haystack, std::string_view needle, std::size_t from = 0);

// Length of QuotedFragment (/"[^"]*"|'[^']*'|(?:[^\s,\|'"]|"[^"]*"|'[^']*')+/) at
// `pos`, 0 when it does not match there.
std::size_t quotedFragmentAt(std::string_view s, std::size_t pos);
// The first QuotedFragment at or after `from` (unanchored =~): position and length.
bool findQuotedFragment(std::string_view s, std::size_t from, std::size_t *pos, std::size_t *len);
// TagAttributes scan: every `key: value` pair (/(\w[\w-]*)\s*:\s*(QuotedFragment)/).
std::vector<std::pair<std::string, std::string>> scanTagAttributes(std::string_view s);

// --- strict lexer (Liquid::Lexer) ----------------------------------------------------------

enum class TokenType { Comparison, String, Number, Id, DotDot, Pipe, Dot, Colon, Comma, OpenSquare,
                       CloseSquare, OpenRound, CloseRound, Question, Dash, End };
struct Token {
    TokenType type;
    std::string_view text;
};

class StrictParser final
{
public:
    explicit StrictParser(std::string_view input);
    bool ok() const { return m_ok; }             // false after any syntax error
    const QString &error() const { return m_error; }

    bool look(TokenType t, int ahead = 0) const;
    bool consumeIf(TokenType t, std::string_view *text = nullptr);
    std::string_view consume(TokenType t);       // sets the error when it does not match
    bool idIs(std::string_view word);            // consumes the id when it matches
    std::string expression();                    // Parser#expression, as markup text
    std::string argument();                      // Parser#argument ("key: expr" or "expr")
    std::string variableLookups();

private:
    void fail(const QString &message);
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    bool m_ok = true;
    QString m_error;
};

// --- expressions -----------------------------------------------------------------------------

class Literal final : public Expression
{
public:
    explicit Literal(Value v) : m_value(std::move(v)) {}
    Value evaluate(Context &) const override { return m_value; }
    const Value &value() const { return m_value; }

private:
    Value m_value;
};

class VariableLookup final : public Expression
{
public:
    struct Lookup {
        std::string key;          // literal key (a.b)
        ExpressionPtr expr;       // computed key (a[b]), else null
        bool command = false;     // size / first / last
    };
    std::string name;
    ExpressionPtr nameExpr;       // ["name"] form
    std::vector<Lookup> lookups;

    Value evaluate(Context &ctx) const override;

private:
    Value evaluateRecorded(Context &ctx, MemoRecording &recording) const;
    // The path as the memo records it, when it has no computed step: made
    // once, shared by every recording (pointer-equal paths are equal).
    const MemoPathPtr &staticPath() const;
    mutable std::once_flag m_pathOnce;
    mutable std::atomic<bool> m_pathMade{false};
    mutable MemoPathPtr m_staticPath;
};

class RangeExpression final : public Expression
{
public:
    RangeExpression(ExpressionPtr a, ExpressionPtr b) : m_first(std::move(a)), m_last(std::move(b)) {}
    Value evaluate(Context &ctx) const override;

private:
    ExpressionPtr m_first, m_last;
};

struct FilterCall {
    std::string name;
    const FilterSpec *spec = nullptr;   // null: unknown filter, input passes through
    std::vector<ExpressionPtr> args;
    std::vector<std::pair<std::string, ExpressionPtr>> kwargs;
};

class FilteredExpression final : public Expression
{
public:
    ExpressionPtr base;                 // null: empty markup ({{ }}) -> nil
    std::vector<FilterCall> filters;
    Value evaluate(Context &ctx) const override;
};

// Names of the filters of `expr` that the environment does not know (Jekyll,
// with strict_filters off, silently passes the input through them).
std::vector<std::string> unknownFilters(const FilteredExpression &expr);
QString unknownFilterWarning(const std::string &name);

// Liquid's Expression.parse: literals, ranges, variable lookups (never fails).
ExpressionPtr parseLaxExpression(std::string_view markup);
// Variable.new(markup): strict first, lax on failure (or per mode).
std::shared_ptr<const FilteredExpression> parseVariable(std::string_view markup, const Environment &env,
                                                        ParseMode mode, QString *error, QString *warning);

// --- conditions -------------------------------------------------------------------------------

enum class MethodLiteral { None, Blank, Empty };

struct Comparison {
    ExpressionPtr left, right;
    MethodLiteral leftMethod = MethodLiteral::None, rightMethod = MethodLiteral::None;
    std::string op;   // empty: truthiness of left
    Value evaluate(Context &ctx) const;   // Ruby result (may be nil/false/true or the value)
};

class ConditionChain final : public Condition
{
public:
    std::vector<Comparison> items;
    std::vector<bool> orRelation;   // relation between items[i] and items[i+1]: true = or
    bool evaluate(Context &ctx) const override;
    Value evaluateValue(Context &ctx) const;
};

// If's lax_parse / strict_parse. Returns null and sets *error on syntax errors.
std::shared_ptr<ConditionChain> parseIfCondition(std::string_view markup, ParseMode mode, QString *error,
                                                 QString *warning);
std::shared_ptr<ConditionChain> parseJekyllConditionChain(std::string_view markup, QString *error);
// Condition.parse_expression: `blank`/`empty` method literals or an expression.
void parseConditionOperand(std::string_view markup, ExpressionPtr *expr, MethodLiteral *method);
Value compareEqual(const Value &l, MethodLiteral lm, const Value &r, MethodLiteral rm);

// --- values ------------------------------------------------------------------------------------

// Ruby's Array#join / to_s for output.
void appendOutput(std::string &out, const Value &v);
// Liquid's Utils.to_integer: Integer(obj.to_s); false when it raises "invalid integer".
bool toInteger(const Value &v, std::int64_t *out);
// Iterating a collection as `for` does (Range expanded, String = one item, Hash = pairs).
std::vector<Value> sliceCollection(const Value &collection, std::int64_t from, std::optional<std::int64_t> to);

// `for`'s record of where a loop ended (offset: continue), set by a replay.
void setForOffset(Context &ctx, const std::string &name, std::int64_t offset);

void registerStandardTags(Environment &env);
void registerStandardFilters(Environment &env);
void registerIncludeTags(Environment &env);

} // namespace folio::site::liquid::detail
