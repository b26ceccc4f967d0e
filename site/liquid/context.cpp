// The per-render state: scopes as Liquid's Context keeps them, errors, and
// the small bits of state tags keep between calls (counters, cycles).
#include "internal.h"
#include "liquidtr.h"

#include <algorithm>

namespace folio::site::liquid {

struct Context::Scope {
    std::vector<std::pair<std::string, Value>> vars;

    Value *find(std::string_view name)
    {
        for (auto &[k, v] : vars)
            if (k == name)
                return &v;
        return nullptr;
    }
    void set(std::string_view name, Value value)
    {
        if (Value *v = find(name))
            *v = std::move(value);
        else
            vars.emplace_back(std::string(name), std::move(value));
    }
};

Context::Context(const Environment &env, Value globals, ErrorMode mode)
    : m_env(&env), m_globals(std::move(globals)), m_errorMode(mode), m_counters(std::make_unique<Scope>())
{
    m_scopes.push_back(std::make_unique<Scope>());
    m_scopeDepth = 1;
}

Context::~Context() = default;

const Value *Context::lookup(std::string_view name, bool *outside) const
{
    for (std::size_t i = m_scopeDepth; i-- > 0;) {
        if (const Value *v = m_scopes[i]->find(name)) {
            if (outside && m_recording) {
                // The include's own scopes, and what it assigned itself, are
                // inside it; the caller's loop variables and assignments are not.
                const auto &mine = m_recording->assigned;
                *outside = i < m_recordingBase
                           && !(i == 0 && std::find(mine.begin(), mine.end(), name) != mine.end());
            } else if (outside) {
                *outside = true;
            }
            return v;
        }
    }
    if (outside)
        *outside = true;
    if (const Value *v = m_counters->find(name)) {
        if (m_recording)
            m_recording->usable = false;   // counters change as increment runs
        return v;
    }
    if (m_globals.isHash())
        return m_globals.hash().find(name);
    if (m_globals.isDrop()) {
        m_scratch = m_globals.drop()->get(name);
        return m_scratch.isNil() ? nullptr : &m_scratch;
    }
    return nullptr;
}

const Value *Context::findPtr(std::string_view name) const
{
    if (!m_recording)
        return lookup(name, nullptr);
    bool outside = false;
    const Value *v = lookup(name, &outside);
    if (outside)
        m_recording->read(std::make_shared<const MemoPath>(MemoPath{std::string(name), true, {}}), v ? *v : Value(),
                          false);
    return v;
}

Value Context::find(std::string_view name) const
{
    const Value *v = findPtr(name);
    return v ? *v : Value();
}

Value Context::assignedValue(std::string_view name) const
{
    const Value *v = m_scopes[0]->find(name);
    return v ? *v : Value();
}

void Context::assign(std::string_view name, Value value)
{
    if (m_recording) {
        auto &mine = m_recording->assigned;
        if (std::find(mine.begin(), mine.end(), name) == mine.end())
            mine.emplace_back(name);
    }
    m_scopes[0]->set(name, std::move(value));
}

void Context::setLocal(std::string_view name, Value value)
{
    m_scopes[m_scopeDepth - 1]->set(name, std::move(value));
}

void Context::pushScope()
{
    // Scopes are kept allocated and reused: loops push one per render.
    if (m_scopeDepth == m_scopes.size())
        m_scopes.push_back(std::make_unique<Scope>());
    m_scopes[m_scopeDepth]->vars.clear();
    ++m_scopeDepth;
}

void Context::popScope()
{
    if (m_scopeDepth > 1) {
        --m_scopeDepth;
        m_scopes[m_scopeDepth]->vars.clear();
    }
}

void Context::setGlobal(std::string_view name, Value value)
{
    noteState();
    Hash h = m_globals.isHash() ? m_globals.hash() : Hash();
    h.set(std::string(name), std::move(value));
    m_globals = Value(std::move(h));
}

void Context::error(QString message)
{
    if (m_pendingError)
        return;   // the first error is the one Ruby would have raised
    m_pendingError = true;
    m_pendingMessage = std::move(message);
}

void Context::fatal(QString message)
{
    const Template *t = currentTemplate();
    Diagnostic d;
    d.severity = Severity::Error;
    d.file = t ? t->fileName() : QString();
    d.message = std::move(message);
    m_diagnostics.push_back(std::move(d));
    m_stopped = true;
}

void Context::warning(const QString &message)
{
    const Template *t = currentTemplate();
    Diagnostic d;
    d.severity = Severity::Warning;
    d.file = t ? t->fileName() : QString();
    d.message = message;
    m_diagnostics.push_back(std::move(d));
}

bool Context::takePendingError(QString *message)
{
    if (!m_pendingError)
        return false;
    m_pendingError = false;
    *message = std::move(m_pendingMessage);
    m_pendingMessage.clear();
    return true;
}

void Context::reportAt(const Template *tmpl, Location loc, const QString &message, Severity severity)
{
    Diagnostic d;
    d.severity = severity;
    if (tmpl) {
        d.file = tmpl->fileName();
        d.line = loc.line + tmpl->firstLine() - 1;
        d.snippet = QString::fromUtf8(tmpl->sourceLine(loc.line));
    } else {
        d.line = loc.line;
    }
    d.column = loc.column;
    d.message = Tr::tr("Liquid error: %1").arg(message);
    m_diagnostics.push_back(std::move(d));
}

Value &Context::counter(std::string_view name)
{
    noteState();
    if (Value *v = m_counters->find(name))
        return *v;
    m_counters->vars.emplace_back(std::string(name), Value());
    return m_counters->vars.back().second;
}

std::size_t &Context::cyclePosition(const std::string &key)
{
    noteState();
    return m_cycles[key];
}

} // namespace folio::site::liquid
