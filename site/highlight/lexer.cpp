#include "site/highlight/lexer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace folio::site::highlight {

namespace {

// Rouge::RegexLexer::Rule: a rule whose source starts with ^ is only tried at
// the beginning of a line (after Ruby's flags, written here as (?i) etc.).
bool startsWithCaret(std::string_view pattern)
{
    while (pattern.size() > 3 && pattern.substr(0, 2) == "(?" && pattern.find(')') != std::string_view::npos) {
        const std::string_view flags = pattern.substr(2, pattern.find(')') - 2);
        if (flags.find_first_not_of("imsx") != std::string_view::npos)
            break;
        pattern.remove_prefix(flags.size() + 3);
    }
    return !pattern.empty() && pattern.front() == '^';
}

// Applies a simple rule's next state.
void follow(Run &run, const Next &to)
{
    const std::string &next = to.state;
    if (next.empty())
        return;
    if (to.replace)
        run.gotoState(next);
    else if (next == "#pop")
        run.pop();
    else if (next == "#push")
        run.pushCurrent();
    else
        run.push(next);
}

} // namespace

namespace {
bool rubySpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\0'; }
} // namespace

std::string_view rubyRstrip(std::string_view s)
{
    while (!s.empty() && rubySpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string_view rubyStrip(std::string_view s)
{
    while (!s.empty() && rubySpace(s.front()))
        s.remove_prefix(1);
    return rubyRstrip(s);
}

WordSet::WordSet(std::string_view words)
{
    std::size_t i = 0;
    while (i < words.size()) {
        const std::size_t start = words.find_first_not_of(" \n\t", i);
        if (start == std::string_view::npos)
            break;
        const std::size_t end = std::min(words.find_first_of(" \n\t", start), words.size());
        m_words.insert(words.substr(start, end - start));
        i = end;
    }
}

StateBuilder &StateBuilder::add(std::string_view pattern, Action action)
{
    Rule rule;
    rule.re = std::make_unique<Regex>(pattern);
    rule.beginningOfLine = startsWithCaret(pattern);
    rule.action = std::move(action);
    m_state.rules.push_back(std::move(rule));
    return *this;
}

StateBuilder &StateBuilder::rule(std::string_view pattern, Token token, Next next)
{
    return add(pattern, [token, next = std::move(next)](Run &run, const Captures &m) {
        run.token(token, m[0]);
        follow(run, next);
    });
}

StateBuilder &StateBuilder::rule(std::string_view pattern, std::initializer_list<Token> groups, Next next)
{
    return add(pattern, [groups = std::vector<Token>(groups), next = std::move(next)](Run &run,
                                                                                          const Captures &m) {
        for (std::size_t i = 0; i < groups.size(); ++i)
            run.token(groups[i], m[int(i + 1)]);
        follow(run, next);
    });
}

StateBuilder &StateBuilder::rule(std::string_view pattern, Action action) { return add(pattern, std::move(action)); }

StateBuilder &StateBuilder::mixin(std::string_view stateName)
{
    Rule rule;
    rule.mixinName = std::string(stateName);
    m_state.rules.push_back(std::move(rule));
    return *this;
}

Language::Language(std::string tag, std::vector<std::string> aliases, void (*define)(Language &))
    : m_tag(std::move(tag)), m_aliases(std::move(aliases))
{
    define(*this);
    finish();
}

StateBuilder Language::state(const std::string &name)
{
    auto &slot = m_states[name];
    if (!slot) {
        slot = std::make_unique<State>();
        slot->name = name;
    }
    return StateBuilder(*this, *slot);
}

const State &Language::stateNamed(std::string_view name) const
{
    const auto it = m_states.find(name);
    if (it == m_states.end()) {
        std::fprintf(stderr, "folio highlight: lexer %s has no state %.*s\n", m_tag.c_str(), int(name.size()),
                     name.data());
        std::abort();
    }
    return *it->second;
}

void Language::finish()
{
    for (auto &[name, state] : m_states)
        for (Rule &rule : state->rules)
            if (!rule.re)
                rule.mixin = &stateNamed(rule.mixinName);
}

Run::Run(const Language &lang, TokenList &out) : m_lang(lang), m_out(out)
{
    m_stack.push_back(&lang.stateNamed("root"));
    lang.start(*this);
}

Run::~Run() = default;

bool Run::lex(std::string_view text)
{
    const std::string_view savedText = m_text;
    const std::size_t savedPos = m_pos;
    m_text = text;
    m_pos = 0;
    m_nullSteps = 0;
    if (m_lang.stream() && !m_lang.stream()(*this, text))
        m_failed = true;
    while (!m_lang.stream() && m_pos < m_text.size() && !m_failed) {
        if (m_stack.empty()) {
            m_failed = true; // Rouge raises 'empty stack!'
            break;
        }
        if (!step(*m_stack.back())) {
            // No rule matched: Rouge yields one character as an Error token.
            std::size_t n = 1;
            while (m_pos + n < m_text.size() && (static_cast<unsigned char>(m_text[m_pos + n]) & 0xC0) == 0x80)
                ++n;
            emit(tok::Error, m_text.substr(m_pos, n));
            m_pos += n;
        }
    }
    m_text = savedText;
    m_pos = savedPos;
    return !m_failed;
}

bool Run::step(const State &state)
{
    Captures m;
    for (const Rule &rule : state.rules) {
        if (rule.mixin) {
            if (step(*rule.mixin))
                return true;
            continue;
        }
        if (rule.beginningOfLine && m_pos != 0 && m_text[m_pos - 1] != '\n')
            continue;
        if (!rule.re->matchAt(m_text, m_pos, m))
            continue;
        const std::size_t size = m.size();
        m_pos += size;
        rule.action(*this, m);
        if (size == 0) {
            if (++m_nullSteps > 5) // Rouge's MAX_NULL_SCANS
                return false;
        } else {
            m_nullSteps = 0;
        }
        return true;
    }
    return false;
}

void Run::emit(Token token, std::string_view value)
{
    if (value.empty())
        return;
    if (!m_out.empty() && m_out.back().first == token)
        m_out.back().second += value;
    else
        m_out.emplace_back(token, std::string(value));
}

void Run::token(Token token, std::string_view value) { emit(token, value); }

void Run::groups(std::initializer_list<Token> tokens, const Captures &m)
{
    int i = 1;
    for (Token t : tokens)
        emit(t, m[i++]);
}

void Run::push(std::string_view stateName) { m_stack.push_back(&m_lang.stateNamed(stateName)); }

void Run::pushCurrent()
{
    if (!m_stack.empty())
        m_stack.push_back(m_stack.back());
}

void Run::pop(int times)
{
    if (m_stack.empty()) {
        m_failed = true;
        return;
    }
    for (int i = 0; i < times && !m_stack.empty(); ++i)
        m_stack.pop_back();
}

void Run::gotoState(std::string_view stateName)
{
    if (m_stack.empty()) {
        m_failed = true;
        return;
    }
    m_stack.back() = &m_lang.stateNamed(stateName);
}

void Run::resetStack()
{
    m_stack.clear();
    m_stack.push_back(&m_lang.stateNamed("root"));
}

bool Run::inState(std::string_view stateName) const
{
    for (const State *s : m_stack)
        if (s->name == stateName)
            return true;
    return false;
}

bool Run::isState(std::string_view stateName) const
{
    return !m_stack.empty() && m_stack.back()->name == stateName;
}

Run &Run::delegateRun(const Language &lang)
{
    std::unique_ptr<Run> &sub = m_delegates[&lang];
    if (!sub)
        sub = std::make_unique<Run>(lang, m_out);
    return *sub;
}

void Run::delegate(const Language &lang, std::string_view text)
{
    if (!delegateRun(lang).lex(text))
        m_failed = true;
}

void Run::reset()
{
    m_failed = false;
    resetStack();
    m_lang.start(*this);
}

void Run::delegateFresh(const Language &lang, std::string_view text)
{
    Run sub(lang, m_out);
    if (!sub.lex(text))
        m_failed = true;
}

} // namespace folio::site::highlight
