// A Rouge-style lexer: named states of ordered rules over a state stack,
// run the way Rouge::RegexLexer#stream_tokens runs them, so the token stream
// (and therefore the HTML) is Rouge's.
#pragma once

#include "site/highlight/regex.h"
#include "site/highlight/token.h"

#include <any>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace folio::site::highlight {

class Run;
struct State;

// Ruby's String#strip and #rstrip (whitespace and NUL), which some lexers use.
std::string_view rubyStrip(std::string_view s);
std::string_view rubyRstrip(std::string_view s);

// A lexer's word list (Rouge's `%w(...)` sets), from a whitespace-separated
// literal that outlives it.
class WordSet
{
public:
    explicit WordSet(std::string_view words);
    bool contains(std::string_view word) const { return m_words.count(word) != 0; }

private:
    std::unordered_set<std::string_view> m_words;
};

using Action = std::function<void(Run &, const Captures &)>;

struct Rule
{
    std::unique_ptr<Regex> re;     // null for a mixin
    bool beginningOfLine = false;  // the pattern starts with ^: tried only at a line start
    Action action;
    std::string mixinName;
    const State *mixin = nullptr;
};

struct State
{
    std::string name;
    std::vector<Rule> rules;
};

// What a simple rule does after yielding its token(s): nothing, enter a
// state, re-enter the current one (Rouge's :push) or leave it (:pop!).
struct Next
{
    std::string state; // "#push", "#pop" or a state name; empty: stay
    bool replace = false; // Rouge's goto: the state replaces the current one
    Next() = default;
    Next(const char *s) : state(s) {}
    static Next gotoState(const char *s)
    {
        Next n(s);
        n.replace = true;
        return n;
    }
};

class Language;

// Rules are added in Rouge's order; the builder returns itself for chaining.
class StateBuilder
{
public:
    StateBuilder(Language &lang, State &state) : m_lang(lang), m_state(state) {}
    StateBuilder &rule(std::string_view pattern, Token token, Next next = {});
    StateBuilder &rule(std::string_view pattern, std::initializer_list<Token> groups, Next next = {});
    StateBuilder &rule(std::string_view pattern, Action action);
    StateBuilder &mixin(std::string_view stateName);

private:
    StateBuilder &add(std::string_view pattern, Action action);
    Language &m_lang;
    State &m_state;
};

// One language: its states (compiled once, shared read-only by every thread)
// and the names Rouge finds it by.
class Language
{
public:
    // `define` adds the states; mixins are resolved after it.
    Language(std::string tag, std::vector<std::string> aliases, void (*define)(Language &));
    Language(const Language &) = delete;
    Language &operator=(const Language &) = delete;

    StateBuilder state(const std::string &name);
    // Rouge's `start` blocks: run when a lexing run begins.
    void onStart(std::function<void(Run &)> start) { m_start = std::move(start); }

    const std::string &tag() const { return m_tag; }
    const std::vector<std::string> &aliases() const { return m_aliases; }
    const State &stateNamed(std::string_view name) const;
    void start(Run &run) const
    {
        if (m_start) m_start(run);
    }
    // A lexer that is not a RegexLexer (Rouge's ConsoleLexer) streams its
    // tokens itself; false when a delegate failed.
    using Stream = bool (*)(Run &, std::string_view);
    void setStream(Stream stream) { m_stream = stream; }
    Stream stream() const { return m_stream; }

private:
    // Resolves mixins; aborts on a name that has no state (a programming error).
    void finish();
    std::string m_tag;
    std::vector<std::string> m_aliases;
    std::map<std::string, std::unique_ptr<State>, std::less<>> m_states;
    std::function<void(Run &)> m_start;
    Stream m_stream = nullptr;
};

// Consecutive tokens of one type, merged as Rouge's Lexer#continue_lex does.
using TokenList = std::vector<std::pair<Token, std::string>>;

// One lexing run (a Rouge lexer instance): the stack, the position and the
// per-run variables rules keep (heredoc delimiters, string kinds...).
class Run
{
public:
    Run(const Language &lang, TokenList &out);
    ~Run();

    // Lexes `text` continuing from the current stack (Rouge's continue_lex).
    // False when Rouge would have raised (a pop of the last state).
    bool lex(std::string_view text);

    // For rule actions.
    void token(Token token, std::string_view value);
    void groups(std::initializer_list<Token> tokens, const Captures &m);
    void push(std::string_view stateName);
    // A state made at run time (Rouge's `push do ... end`); it must outlive the run.
    void pushState(const State &state) { m_stack.push_back(&state); }
    void pushCurrent();
    void pop(int times = 1);
    void gotoState(std::string_view stateName);
    void resetStack();
    bool inState(std::string_view stateName) const;
    bool isState(std::string_view stateName) const;
    // Lexes `text` with `lang`'s lexer kept for this run (Rouge's delegate
    // to a lexer instance: its state carries over between calls).
    void delegate(const Language &lang, std::string_view text);
    // Lexes `text` with a fresh lexer of `lang` (delegate to a lexer class,
    // or recurse).
    void delegateFresh(const Language &lang, std::string_view text);
    void recurse(std::string_view text) { delegateFresh(m_lang, text); }
    // The lexer `delegate` uses for `lang`, for lexers that reset it.
    Run &delegateRun(const Language &lang);
    // Rouge's reset!: the stack back to root, start blocks run again.
    void reset();
    std::string &var(const std::string &name) { return m_vars[name]; }
    // A lexer's own per-run state (YAML's indentation stack), made on first use.
    template <class T>
    T &data()
    {
        if (!m_data.has_value())
            m_data = T{};
        return std::any_cast<T &>(m_data);
    }
    std::vector<std::pair<std::string, std::string>> &registers() { return m_registers; }
    const Language &language() const { return m_lang; }

private:
    bool step(const State &state);
    void emit(Token token, std::string_view value);

    const Language &m_lang;
    TokenList &m_out;
    std::vector<const State *> m_stack;
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_nullSteps = 0;
    bool m_failed = false;
    std::map<std::string, std::string> m_vars;
    std::vector<std::pair<std::string, std::string>> m_registers;
    std::any m_data;
    std::map<const Language *, std::unique_ptr<Run>> m_delegates;
};

} // namespace folio::site::highlight
