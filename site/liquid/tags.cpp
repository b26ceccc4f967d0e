// Liquid's standard tags, ported from Liquid 5.4's lib/liquid/tags/*.rb.
#include "internal.h"
#include "liquidtr.h"

#include <algorithm>
#include <map>

namespace folio::site::liquid::detail {

namespace {

bool allBlank(const std::vector<TagInput::Section> &sections)
{
    for (const auto &s : sections)
        if (!s.body.blank())
            return false;
    return true;
}

// --- if / unless -----------------------------------------------------------------------

class IfNode final : public Node
{
public:
    struct Branch {
        std::shared_ptr<ConditionChain> condition;   // null: else
        Block body;
    };
    IfNode(Location loc, std::vector<Branch> branches, bool unless, bool blank)
        : Node(loc), m_branches(std::move(branches)), m_unless(unless), m_blank(blank)
    {
    }
    bool blank() const override { return m_blank; }
    Flow render(Context &ctx, std::string &out) const override
    {
        for (std::size_t i = 0; i < m_branches.size(); ++i) {
            const Branch &b = m_branches[i];
            bool take = true;
            if (b.condition) {
                take = b.condition->evaluate(ctx);
                if (ctx.hasPendingError())
                    return Flow::Normal;
                if (m_unless && i == 0)
                    take = !take;
            }
            if (take)
                return b.body.render(ctx, out);
        }
        return Flow::Normal;
    }

private:
    std::vector<Branch> m_branches;
    bool m_unless;
    bool m_blank;
};

NodePtr makeIf(TagInput &in, bool unless)
{
    const bool blank = allBlank(in.sections);
    std::vector<IfNode::Branch> branches;
    for (auto &s : in.sections) {
        IfNode::Branch b;
        if (s.name != "else") {
            QString err, warn;
            b.condition = parseIfCondition(s.markup, in.mode, &err, &warn);
            if (!b.condition) {
                in.error(err);
                return nullptr;
            }
            if (!warn.isEmpty())
                in.warning(Tr::tr("Liquid syntax warning (the lax parser was used): %1").arg(warn));
        }
        if (blank)
            s.body.removeText();
        b.body = std::move(s.body);
        branches.push_back(std::move(b));
    }
    return std::make_unique<IfNode>(in.location, std::move(branches), unless, blank);
}

// --- case --------------------------------------------------------------------------------

class CaseNode final : public Node
{
public:
    struct When {
        std::vector<std::pair<ExpressionPtr, MethodLiteral>> values;   // empty: else
        Block body;
    };
    CaseNode(Location loc, ExpressionPtr left, std::vector<When> whens, bool blank)
        : Node(loc), m_left(std::move(left)), m_whens(std::move(whens)), m_blank(blank)
    {
    }
    bool blank() const override { return m_blank; }
    Flow render(Context &ctx, std::string &out) const override
    {
        bool runElse = true;
        for (const When &w : m_whens) {
            if (w.values.empty()) {
                if (runElse && w.body.render(ctx, out) == Flow::Stop)
                    return Flow::Stop;
                continue;
            }
            // Each value of a `when` is its own condition sharing the body.
            for (const auto &[expr, method] : w.values) {
                const Value l = m_left->evaluate(ctx);
                const Value r = expr ? expr->evaluate(ctx) : Value();
                if (ctx.hasPendingError())
                    return Flow::Normal;
                if (compareEqual(l, MethodLiteral::None, r, method).truthy()) {
                    runElse = false;
                    if (w.body.render(ctx, out) == Flow::Stop)
                        return Flow::Stop;
                }
            }
        }
        return Flow::Normal;
    }

private:
    ExpressionPtr m_left;
    std::vector<When> m_whens;
    bool m_blank;
};

NodePtr makeCase(TagInput &in)
{
    std::size_t pos = 0, len = 0;
    if (!findQuotedFragment(in.markup, 0, &pos, &len)) {
        in.error(QStringLiteral("Syntax Error in 'case' - Valid syntax: case [condition]"));
        return nullptr;
    }
    ExpressionPtr left = parseLaxExpression(std::string_view(in.markup).substr(pos, len));
    const bool blank = allBlank(in.sections);
    std::vector<CaseNode::When> whens;
    for (std::size_t i = 1; i < in.sections.size(); ++i) {
        auto &s = in.sections[i];
        CaseNode::When w;
        if (s.name == "else") {
            if (!strip(s.markup).empty()) {
                in.error(QStringLiteral("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) "));
                return nullptr;
            }
        } else {
            // WhenSyntax = /(QF)(?:(?:\s+or\s+|\s*\,\s*)(QF.*))?/m
            std::string_view m = s.markup;
            while (true) {
                std::size_t p = 0, n = 0;
                if (!findQuotedFragment(m, 0, &p, &n)) {
                    in.error(QStringLiteral("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}"));
                    return nullptr;
                }
                ExpressionPtr e;
                MethodLiteral ml;
                parseConditionOperand(m.substr(p, n), &e, &ml);
                w.values.emplace_back(e, ml);
                std::size_t k = p + n;
                std::size_t j = k;
                while (j < m.size() && isSpace(m[j]))
                    ++j;
                bool more = false;
                if (j < m.size() && m[j] == ',') {
                    ++j;
                    while (j < m.size() && isSpace(m[j]))
                        ++j;
                    more = quotedFragmentAt(m, j) > 0;
                } else if (j > k && m.substr(j).starts_with("or") && j + 2 < m.size() && isSpace(m[j + 2])) {
                    j += 2;
                    while (j < m.size() && isSpace(m[j]))
                        ++j;
                    more = quotedFragmentAt(m, j) > 0;
                }
                if (!more)
                    break;
                m = m.substr(j);
            }
        }
        if (blank)
            s.body.removeText();
        w.body = std::move(s.body);
        whens.push_back(std::move(w));
    }
    return std::make_unique<CaseNode>(in.location, std::move(left), std::move(whens), blank);
}

// --- for -------------------------------------------------------------------------------------

struct LoopState {
    std::string name;
    std::int64_t length = 0;
    std::int64_t index = 0;
    Value parent;
};

class ForloopDrop final : public Drop
{
public:
    explicit ForloopDrop(const LoopState *s) : m_s(s) {}
    Value get(std::string_view key) const override
    {
        const auto &s = *m_s;
        if (key == "index")
            return s.index + 1;
        if (key == "index0")
            return s.index;
        if (key == "rindex")
            return s.length - s.index;
        if (key == "rindex0")
            return s.length - s.index - 1;
        if (key == "first")
            return s.index == 0;
        if (key == "last")
            return s.index == s.length - 1;
        if (key == "length")
            return s.length;
        if (key == "parentloop")
            return s.parent;
        if (key == "name")
            return s.name;
        return {};
    }
    std::vector<std::string> keys() const override
    {
        return {"first", "index", "index0", "last", "length", "rindex", "rindex0"};
    }
    std::string toString() const override { return "ForloopDrop"; }

private:
    const LoopState *m_s;
};

struct ForRegisters {
    std::map<std::string, std::int64_t> offsets;
    std::vector<Value> stack;
};

ForRegisters &forRegisters(Context &ctx)
{
    auto &any = ctx.registers()["__for"];
    if (!any.has_value())
        any = std::make_shared<ForRegisters>();
    return *std::any_cast<std::shared_ptr<ForRegisters> &>(any);
}

} // namespace

// Where a loop ended, for a later `offset: continue` of the same loop; a
// recorded include keeps it to set it again when it is replayed.
void setForOffset(Context &ctx, const std::string &name, std::int64_t offset)
{
    forRegisters(ctx).offsets[name] = offset;
    if (MemoRecording *recording = ctx.recording()) {
        auto &kept = recording->forOffsets;
        auto it = std::find_if(kept.begin(), kept.end(), [&](const auto &o) { return o.first == name; });
        if (it == kept.end())
            kept.emplace_back(name, offset);
        else
            it->second = offset;
    }
}

namespace {

class ForNode final : public Node
{
public:
    std::string variable;
    std::string name;   // "var-collection" for offset:continue
    ExpressionPtr collection;
    ExpressionPtr from, limit;
    bool fromContinue = false;
    bool reversed = false;
    Block body, elseBody;
    bool hasElse = false;
    bool isBlank = false;

    using Node::Node;
    bool blank() const override { return isBlank; }

    Flow render(Context &ctx, std::string &out) const override
    {
        ForRegisters &regs = forRegisters(ctx);
        std::int64_t start = 0;
        if (fromContinue) {
            ctx.noteState();   // where an earlier loop ended is not a recorded read
            auto it = regs.offsets.find(name);
            start = it == regs.offsets.end() ? 0 : it->second;
        } else if (from) {
            const Value v = from->evaluate(ctx);
            if (!v.isNil() && !toInteger(v, &start)) {
                ctx.error(QStringLiteral("invalid integer"));
                return Flow::Normal;
            }
        }
        const Value coll = collection->evaluate(ctx);
        std::optional<std::int64_t> to;
        if (limit) {
            const Value v = limit->evaluate(ctx);
            if (!v.isNil()) {
                std::int64_t l = 0;
                if (!toInteger(v, &l)) {
                    ctx.error(QStringLiteral("invalid integer"));
                    return Flow::Normal;
                }
                to = l + start;
            }
        }
        if (ctx.hasPendingError())
            return Flow::Normal;
        std::vector<Value> segment = sliceCollection(coll, start, to);
        if (reversed)
            std::reverse(segment.begin(), segment.end());
        setForOffset(ctx, name, start + std::int64_t(segment.size()));
        if (segment.empty())
            return hasElse ? elseBody.render(ctx, out) : Flow::Normal;

        Context::ScopeGuard scope(ctx);
        LoopState state;
        state.name = name;
        state.length = std::int64_t(segment.size());
        state.parent = regs.stack.empty() ? Value() : regs.stack.back();
        const Value loop(std::shared_ptr<const Drop>(std::make_shared<ForloopDrop>(&state)));
        regs.stack.push_back(loop);
        ctx.setLocal("forloop", loop);
        Flow flow = Flow::Normal;
        for (Value &item : segment) {
            ctx.setLocal(variable, std::move(item));   // each item is used once
            if (body.render(ctx, out) == Flow::Stop) {
                flow = Flow::Stop;
                break;
            }
            ++state.index;
            if (ctx.interrupt() != Interrupt::None) {
                if (ctx.takeInterrupt() == Interrupt::Break)
                    break;
            }
        }
        forRegisters(ctx).stack.pop_back();
        return flow;
    }
};

NodePtr makeFor(TagInput &in)
{
    auto node = std::make_unique<ForNode>(in.location);
    const std::string_view m = in.markup;
    bool parsed = false;
    if (in.mode != ParseMode::Lax) {
        StrictParser p(m);
        std::string_view var = p.consume(TokenType::Id);
        if (p.ok() && !p.idIs("in")) {
            if (in.mode == ParseMode::Strict) {
                in.error(QStringLiteral("For loops require an 'in' clause"));
                return nullptr;
            }
        } else if (p.ok()) {
            const std::string coll = p.expression();
            ForNode tmp(in.location);
            tmp.variable = std::string(var);
            tmp.collection = parseLaxExpression(coll);
            tmp.name = tmp.variable + "-" + coll;
            tmp.reversed = p.idIs("reversed");
            bool attrOk = true;
            while (p.ok() && p.look(TokenType::Id) && p.look(TokenType::Colon, 1)) {
                const bool isLimit = p.idIs("limit");
                const bool isOffset = !isLimit && p.idIs("offset");
                if (!isLimit && !isOffset) {
                    attrOk = false;
                    break;
                }
                p.consume(TokenType::Colon);
                const std::string e = p.expression();
                if (isLimit)
                    tmp.limit = parseLaxExpression(e);
                else if (e == "continue")
                    tmp.fromContinue = true;
                else
                    tmp.from = parseLaxExpression(e);
            }
            p.consume(TokenType::End);
            if (p.ok() && attrOk) {
                node->variable = tmp.variable;
                node->collection = tmp.collection;
                node->name = tmp.name;
                node->reversed = tmp.reversed;
                node->limit = tmp.limit;
                node->from = tmp.from;
                node->fromContinue = tmp.fromContinue;
                parsed = true;
            } else if (in.mode == ParseMode::Strict) {
                in.error(attrOk ? p.error()
                                : QStringLiteral("Invalid attribute in for loop. Valid attributes are limit and offset"));
                return nullptr;
            }
        } else if (in.mode == ParseMode::Strict) {
            in.error(p.error());
            return nullptr;
        }
    }
    if (!parsed && in.mode == ParseMode::Warn)
        in.warning(Tr::tr("Liquid syntax warning (the lax parser was used): %1")
                       .arg(QStringLiteral("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")));
    if (!parsed) {
        // Syntax = /\A([\w-]+)\s+in\s+(QuotedFragment+)\s*(reversed)?/
        std::size_t i = 0;
        while (i < m.size() && (isWordChar(m[i]) || m[i] == '-'))
            ++i;
        std::size_t j = i;
        while (j < m.size() && isSpace(m[j]))
            ++j;
        std::size_t collStart = j + 2;
        const bool ok = i > 0 && j > i && m.substr(j).starts_with("in") && collStart < m.size() && isSpace(m[collStart]);
        std::size_t k = collStart;
        while (ok && k < m.size() && isSpace(m[k]))
            ++k;
        const std::size_t n = ok ? quotedFragmentAt(m, k) : 0;
        if (!ok || n == 0) {
            in.error(QStringLiteral("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]"));
            return nullptr;
        }
        node->variable = std::string(m.substr(0, i));
        const std::string_view coll = m.substr(k, n);
        node->collection = parseLaxExpression(coll);
        node->name = node->variable + "-" + std::string(coll);
        std::size_t r = k + n;
        while (r < m.size() && isSpace(m[r]))
            ++r;
        node->reversed = m.substr(r).starts_with("reversed");
        for (const auto &[key, value] : scanTagAttributes(m)) {
            if (key == "offset") {
                if (value == "continue") {
                    node->fromContinue = true;
                    node->from = nullptr;
                } else {
                    node->fromContinue = false;
                    node->from = parseLaxExpression(value);
                }
            } else if (key == "limit") {
                node->limit = parseLaxExpression(value);
            }
        }
    }
    node->isBlank = allBlank(in.sections);
    for (auto &s : in.sections)
        if (node->isBlank)
            s.body.removeText();
    node->body = std::move(in.sections[0].body);
    if (in.sections.size() > 1) {
        node->hasElse = true;
        node->elseBody = std::move(in.sections[1].body);
    }
    if (in.sections.size() > 2) {
        in.error(QStringLiteral("for tag does not expect 'else' tag"));
        return nullptr;
    }
    return node;
}

// --- tablerow ----------------------------------------------------------------------------------

class TablerowDrop final : public Drop
{
public:
    std::int64_t length = 0, row = 1, col = 1, cols = 0, index = 0;
    Value get(std::string_view key) const override
    {
        if (key == "length")
            return length;
        if (key == "col")
            return col;
        if (key == "row")
            return row;
        if (key == "index")
            return index + 1;
        if (key == "index0")
            return index;
        if (key == "col0")
            return col - 1;
        if (key == "rindex")
            return length - index;
        if (key == "rindex0")
            return length - index - 1;
        if (key == "first")
            return index == 0;
        if (key == "last")
            return index == length - 1;
        if (key == "col_first")
            return col == 1;
        if (key == "col_last")
            return col == cols;
        return {};
    }
    std::vector<std::string> keys() const override
    {
        return {"col", "col0", "col_first", "col_last", "first", "index", "index0", "last", "length",
                "rindex", "rindex0", "row"};
    }
    std::string toString() const override { return "TablerowloopDrop"; }
    void increment()
    {
        ++index;
        if (col == cols) {
            col = 1;
            ++row;
        } else {
            ++col;
        }
    }
};

class TablerowNode final : public Node
{
public:
    std::string variable;
    ExpressionPtr collection;
    std::vector<std::pair<std::string, ExpressionPtr>> attributes;
    Block body;
    bool isBlank = false;
    using Node::Node;
    bool blank() const override { return isBlank; }

    ExpressionPtr attribute(std::string_view key) const
    {
        ExpressionPtr found;
        for (const auto &[k, e] : attributes)
            if (k == key)
                found = e;
        return found;
    }

    Flow render(Context &ctx, std::string &out) const override
    {
        const Value coll = collection->evaluate(ctx);
        if (!coll.truthy())
            return Flow::Normal;
        std::int64_t from = 0;
        std::optional<std::int64_t> to;
        if (auto e = attribute("offset"))
            from = e->evaluate(ctx).toInt();
        if (auto e = attribute("limit"))
            to = from + e->evaluate(ctx).toInt();
        const std::vector<Value> items = sliceCollection(coll, from, to);
        const std::int64_t cols = attribute("cols") ? attribute("cols")->evaluate(ctx).toInt() : 0;
        if (ctx.hasPendingError())
            return Flow::Normal;
        out += "<tr class=\"row1\">\n";
        Context::ScopeGuard scope(ctx);
        auto loop = std::make_shared<TablerowDrop>();
        loop->length = std::int64_t(items.size());
        loop->cols = cols;
        ctx.setLocal("tablerowloop", Value(std::shared_ptr<const Drop>(loop)));
        for (const Value &item : items) {
            ctx.setLocal(variable, item);
            out += "<td class=\"col" + std::to_string(loop->col) + "\">";
            if (body.render(ctx, out) == Flow::Stop)
                return Flow::Stop;
            out += "</td>";
            if (loop->col == loop->cols && !(loop->index == loop->length - 1))
                out += "</tr>\n<tr class=\"row" + std::to_string(loop->row + 1) + "\">";
            loop->increment();
        }
        out += "</tr>\n";
        return Flow::Normal;
    }
};

NodePtr makeTablerow(TagInput &in)
{
    // Syntax = /(\w+)\s+in\s+(QuotedFragment+)/
    const std::string_view m = in.markup;
    for (std::size_t i = 0; i < m.size(); ++i) {
        if (!isWordChar(m[i]) || (i > 0 && isWordChar(m[i - 1])))
            continue;
        std::size_t e = i;
        while (e < m.size() && isWordChar(m[e]))
            ++e;
        std::size_t j = e;
        while (j < m.size() && isSpace(m[j]))
            ++j;
        if (j == e || !m.substr(j).starts_with("in") || j + 2 >= m.size() || !isSpace(m[j + 2]))
            continue;
        std::size_t k = j + 2;
        while (k < m.size() && isSpace(m[k]))
            ++k;
        const std::size_t n = quotedFragmentAt(m, k);
        if (n == 0)
            continue;
        auto node = std::make_unique<TablerowNode>(in.location);
        node->variable = std::string(m.substr(i, e - i));
        node->collection = parseLaxExpression(m.substr(k, n));
        for (const auto &[key, value] : scanTagAttributes(m))
            node->attributes.emplace_back(key, parseLaxExpression(value));
        node->isBlank = allBlank(in.sections);
        node->body = std::move(in.sections[0].body);
        return node;
    }
    in.error(QStringLiteral("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3"));
    return nullptr;
}

// --- simple tags -------------------------------------------------------------------------------

class InterruptNode final : public Node
{
public:
    InterruptNode(Location loc, Interrupt i) : Node(loc), m_i(i) {}
    Flow render(Context &ctx, std::string &) const override
    {
        ctx.setInterrupt(m_i);
        return Flow::Normal;
    }

private:
    Interrupt m_i;
};

class CycleNode final : public Node
{
public:
    ExpressionPtr groupName;   // null: keyed by the values (or this node)
    std::string fixedKey;
    std::vector<ExpressionPtr> values;
    using Node::Node;
    Flow render(Context &ctx, std::string &out) const override
    {
        std::string key = groupName ? "g:" + groupName->evaluate(ctx).inspect() : fixedKey;
        std::size_t &pos = ctx.cyclePosition(key);
        if (values.empty())
            return Flow::Normal;
        // Cycles sharing a name but not a length: Liquid indexes past the end
        // (printing nothing) before wrapping.
        if (pos < values.size())
            appendOutput(out, values[pos]->evaluate(ctx));
        ++pos;
        if (pos >= values.size())
            pos = 0;
        return Flow::Normal;
    }
};

NodePtr makeCycle(TagInput &in)
{
    auto node = std::make_unique<CycleNode>(in.location);
    const std::string_view m = in.markup;
    auto variablesFrom = [](std::string_view s) {
        std::vector<ExpressionPtr> out;
        std::size_t start = 0;
        while (start <= s.size()) {
            std::size_t comma = s.find(',', start);
            if (comma == std::string_view::npos)
                comma = s.size();
            const std::string_view part = s.substr(start, comma - start);
            std::size_t p = 0, n = 0;
            if (findQuotedFragment(part, 0, &p, &n))
                out.push_back(parseLaxExpression(part.substr(p, n)));
            start = comma + 1;
        }
        return out;
    };
    // NamedSyntax = /\A(QF)\s*\:\s*(.*)/m (QF may backtrack to end before the colon)
    const std::size_t n = quotedFragmentAt(m, 0);
    for (std::size_t len = n; len > 0; --len) {
        std::size_t j = len;
        while (j < m.size() && isSpace(m[j]))
            ++j;
        if (j < m.size() && m[j] == ':') {
            node->groupName = parseLaxExpression(m.substr(0, len));
            node->values = variablesFrom(lstrip(m.substr(j + 1)));
            return node;
        }
    }
    if (n == 0) {
        in.error(QStringLiteral("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]"));
        return nullptr;
    }
    node->values = variablesFrom(m);
    // Liquid keys an unnamed cycle by its values' inspect; variable lookups are
    // distinct objects, so such a cycle only shares state with itself.
    std::string key = "v:";
    for (const ExpressionPtr &e : node->values) {
        if (auto *lit = dynamic_cast<const Literal *>(e.get()))
            key += lit->value().inspect();
        else
            key += "@" + std::to_string(reinterpret_cast<std::uintptr_t>(e.get()));
        key += ',';
    }
    node->fixedKey = key;
    return node;
}

class AssignNode final : public Node
{
public:
    AssignNode(Location loc, std::string to, std::shared_ptr<const FilteredExpression> from)
        : Node(loc), m_to(std::move(to)), m_from(std::move(from))
    {
    }
    bool blank() const override { return true; }
    Flow render(Context &ctx, std::string &) const override
    {
        Value v = m_from->evaluate(ctx);
        if (!ctx.hasPendingError())
            ctx.assign(m_to, std::move(v));
        return Flow::Normal;
    }

private:
    std::string m_to;
    std::shared_ptr<const FilteredExpression> m_from;
};

bool isSignatureChar(char c)
{
    return isWordChar(c) || c == '-' || c == '.' || c == '[' || c == ']' || c == '(' || c == ')';
}

NodePtr makeAssign(TagInput &in)
{
    // Syntax = /(VariableSignature+)\s*=\s*(.*)\s*/m
    const std::string_view m = in.markup;
    for (std::size_t i = 0; i < m.size(); ++i) {
        if (!isSignatureChar(m[i]))
            continue;
        std::size_t e = i;
        while (e < m.size() && isSignatureChar(m[e]))
            ++e;
        std::size_t j = e;
        while (j < m.size() && isSpace(m[j]))
            ++j;
        if (j < m.size() && m[j] == '=') {
            std::string to(m.substr(i, e - i));
            // VariableSignature = /\(?[\w\-\.\[\]]\)?/: parentheses only around single chars.
            QString err, warn;
            auto from = parseVariable(m.substr(j + 1), *in.environment, in.mode, &err, &warn);
            if (!from) {
                in.error(err);
                return nullptr;
            }
            if (!warn.isEmpty())
                in.warning(Tr::tr("Liquid syntax warning (the lax parser was used): %1").arg(warn));
            for (const std::string &name : unknownFilters(*from))
                in.warning(unknownFilterWarning(name));
            return std::make_unique<AssignNode>(in.location, std::move(to), std::move(from));
        }
        i = e;
    }
    in.error(QStringLiteral("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]"));
    return nullptr;
}

class CaptureNode final : public Node
{
public:
    CaptureNode(Location loc, std::string to, Block body) : Node(loc), m_to(std::move(to)), m_body(std::move(body)) {}
    bool blank() const override { return true; }
    Flow render(Context &ctx, std::string &) const override
    {
        std::string captured;
        const Flow f = m_body.render(ctx, captured);
        ctx.assign(m_to, Value(std::move(captured)));
        return f;
    }

private:
    std::string m_to;
    Block m_body;
};

NodePtr makeCapture(TagInput &in)
{
    const std::string_view m = in.markup;
    for (std::size_t i = 0; i < m.size(); ++i) {
        if (!isSignatureChar(m[i]))
            continue;
        std::size_t e = i;
        while (e < m.size() && isSignatureChar(m[e]))
            ++e;
        return std::make_unique<CaptureNode>(in.location, std::string(m.substr(i, e - i)),
                                             std::move(in.sections[0].body));
    }
    in.error(QStringLiteral("Syntax Error in 'capture' - Valid syntax: capture [var]"));
    return nullptr;
}

class CounterNode final : public Node
{
public:
    CounterNode(Location loc, std::string name, bool inc) : Node(loc), m_name(std::move(name)), m_inc(inc) {}
    Flow render(Context &ctx, std::string &out) const override
    {
        Value &v = ctx.counter(m_name);
        std::int64_t n = v.isNil() ? 0 : v.toInt();
        if (m_inc) {
            out += std::to_string(n);
            v = Value(n + 1);
        } else {
            --n;
            v = Value(n);
            out += std::to_string(n);
        }
        return Flow::Normal;
    }

private:
    std::string m_name;
    bool m_inc;
};

class NothingNode final : public Node
{
public:
    using Node::Node;
    bool blank() const override { return true; }
    Flow render(Context &, std::string &) const override { return Flow::Normal; }
};

class RawNode final : public Node
{
public:
    RawNode(Location loc, std::string body) : Node(loc), m_body(std::move(body)) {}
    bool blank() const override { return m_body.empty(); }
    Flow render(Context &, std::string &out) const override
    {
        out += m_body;
        return Flow::Normal;
    }

private:
    std::string m_body;
};

class IfchangedNode final : public Node
{
public:
    IfchangedNode(Location loc, Block body, bool blank) : Node(loc), m_body(std::move(body)), m_blank(blank) {}
    bool blank() const override { return m_blank; }
    Flow render(Context &ctx, std::string &out) const override
    {
        std::string block;
        const Flow f = m_body.render(ctx, block);
        if (block != ctx.ifchangedLast()) {
            ctx.ifchangedLast() = block;
            out += block;
        }
        return f;
    }

private:
    Block m_body;
    bool m_blank;
};

// Liquid 5's `render` under Jekyll: Jekyll gives Liquid no file system, so the
// tag parses but every render fails, as it does in Jekyll 4.3.1.
class RenderNode final : public Node
{
public:
    using Node::Node;
    Flow render(Context &ctx, std::string &) const override
    {
        ctx.error(QStringLiteral("This liquid context does not allow includes."));
        return Flow::Normal;
    }
};

class EchoNode final : public Node
{
public:
    EchoNode(Location loc, std::shared_ptr<const FilteredExpression> e) : Node(loc), m_expr(std::move(e)) {}
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

void registerStandardTags(Environment &env)
{
    env.registerTag("if", TagSpec{[](TagInput &in) { return makeIf(in, false); }, true, {"elsif", "else"}, false, true});
    env.registerTag("unless", TagSpec{[](TagInput &in) { return makeIf(in, true); }, true, {"elsif", "else"}, false, true});
    env.registerTag("case", TagSpec{makeCase, true, {"when", "else"}, false, true});
    env.registerTag("for", TagSpec{makeFor, true, {"else"}, false, true});
    env.registerTag("tablerow", TagSpec{makeTablerow, true, {}, false, true});
    env.registerTag("capture", TagSpec{makeCapture, true, {}, false, true});
    env.registerTag("ifchanged", TagSpec{[](TagInput &in) -> NodePtr {
                                             const bool blank = in.sections[0].body.blank();
                                             return std::make_unique<IfchangedNode>(in.location, std::move(in.sections[0].body), blank);
                                         },
                                         true, {}, false});
    env.registerTag("comment", TagSpec{[](TagInput &in) -> NodePtr { return std::make_unique<NothingNode>(in.location); },
                                       true, {"*"}, false});
    env.registerTag("raw", TagSpec{[](TagInput &in) -> NodePtr {
                                       if (!strip(in.markup).empty()) {
                                           in.error(QStringLiteral("Syntax Error in 'raw' - Valid syntax: raw"));
                                           return nullptr;
                                       }
                                       return std::make_unique<RawNode>(in.location, std::move(in.rawBody));
                                   },
                                   true, {}, true, true});
    env.registerTag("assign", makeAssign);
    env.registerTag("cycle", makeCycle);
    env.registerTag("break", [](TagInput &in) -> NodePtr { return std::make_unique<InterruptNode>(in.location, Interrupt::Break); });
    env.registerTag("continue", [](TagInput &in) -> NodePtr { return std::make_unique<InterruptNode>(in.location, Interrupt::Continue); });
    env.registerTag("increment", [](TagInput &in) -> NodePtr {
        return std::make_unique<CounterNode>(in.location, std::string(strip(in.markup)), true);
    });
    env.registerTag("decrement", [](TagInput &in) -> NodePtr {
        return std::make_unique<CounterNode>(in.location, std::string(strip(in.markup)), false);
    });
    // Liquid 5 tags that Debian's Jekyll 4.3.1 (on Liquid 5.4) also has.
    env.registerTag("echo", [](TagInput &in) -> NodePtr {
        QString err, warn;
        auto e = parseVariable(in.markup, *in.environment, in.mode, &err, &warn);
        if (!e) {
            in.error(err);
            return nullptr;
        }
        return std::make_unique<EchoNode>(in.location, std::move(e));
    });
    env.registerTag("render", [](TagInput &in) -> NodePtr {
        const std::string_view m = lstrip(in.markup);
        std::size_t p = 0, n = 0;
        if (!findQuotedFragment(m, 0, &p, &n) || (m[p] != '"' && m[p] != '\'')) {
            in.error(QStringLiteral("Syntax error in tag 'render' - Template name must be a quoted string"));
            return nullptr;
        }
        return std::make_unique<RenderNode>(in.location);
    });
    env.registerTag("#", [](TagInput &in) -> NodePtr {
        // Every line of a multi-line inline comment must start with '#' (/\n\s*[^#\s]/ is an error).
        const std::string &m = in.markup;
        for (std::size_t nl = m.find('\n'); nl != std::string::npos; nl = m.find('\n', nl + 1)) {
            std::size_t k = nl + 1;
            while (k < m.size() && isSpace(m[k]))
                ++k;
            if (k < m.size() && m[k] != '#') {
                in.error(QStringLiteral("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character"));
                return nullptr;
            }
        }
        return std::make_unique<NothingNode>(in.location);
    });
}

} // namespace folio::site::liquid::detail
