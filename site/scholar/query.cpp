#include "query.h"
#include "text_p.h"

#include <QRegularExpression>
#include <QString>

#include <cctype>
#include <strings.h>

namespace folio::site::scholar {

namespace {

using detail::qs;
using detail::strip;

// Ruby's String#match(pattern) with a pattern given as text.
bool rubyMatch(const std::string &text, const std::string &pattern)
{
    const QRegularExpression re(qs(pattern));
    if (!re.isValid())
        return false;   // Ruby raises RegexpError; the entry is then not selected
    return re.match(qs(text)).hasMatch();
}

bool allDigits(std::string_view s)
{
    // Ruby's /^\d+$/ matches at any line; values here are one line.
    if (s.empty())
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

} // namespace

Query::Query(std::string_view text) : m_text(strip(text))
{
    if (m_text.empty())
        return;
    if (m_text.rfind('@', 0) != 0 && m_text.rfind("!@", 0) != 0) {
        // Bibliography#[] looks a non-query up as a key.
        m_kind = Kind::Key;
        return;
    }
    m_kind = Kind::Clauses;
    // Element#matches?: query.scan(/(!)?@(\*|\w+)(?:\[([^\]]*)\])?/).
    const QRegularExpression clause(QStringLiteral("(!)?@(\\*|\\w+)(?:\\[([^\\]]*)\\])?"));
    const QRegularExpression orSplit(QStringLiteral("\\s*\\|\\|\\s*"));
    const QRegularExpression andSplit(QStringLiteral("\\s*(?:,|&&)\\s*"));
    // meets_condition?: condition.split(%r{\s*([!~/^<>]?=|!~|=~|<|>)\s*}).
    const QRegularExpression opSplit(QStringLiteral("\\s*([!~/^<>]?=|!~|=~|<|>)\\s*"));
    for (auto it = clause.globalMatch(qs(m_text)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        Clause c;
        c.negated = m.capturedStart(1) >= 0;
        c.type = m.captured(2).toStdString();
        const QString condition = m.captured(3);
        if (!condition.isEmpty()) {
            for (const QString &group : condition.split(orSplit)) {
                Conjunction all;
                for (const QString &single : group.split(andSplit)) {
                    Condition cond;
                    const QRegularExpressionMatch op = opSplit.match(single);
                    if (op.hasMatch()) {
                        cond.property = strip(single.left(op.capturedStart(0)).toStdString());
                        cond.op = op.captured(1).toStdString();
                        // Ruby's split keeps only the piece up to a second operator.
                        const QString rest = single.mid(op.capturedEnd(0));
                        const QRegularExpressionMatch next = opSplit.match(rest);
                        cond.value = strip((next.hasMatch() ? rest.left(next.capturedStart(0)) : rest).toStdString());
                    } else {
                        cond.property = strip(single.toStdString());
                    }
                    all.push_back(std::move(cond));
                }
                c.alternatives.push_back(std::move(all));
            }
        }
        m_clauses.push_back(std::move(c));
    }
}

bool Query::hasType(const Item &item, const std::string &type)
{
    return type == "*" || strcasecmp(type.c_str(), "entry") == 0 || strcasecmp(type.c_str(), item.type.c_str()) == 0;
}

bool Query::meets(const Item &item, const Condition &c)
{
    if (c.property.empty())
        return true;
    // `type` is the field named type, not the entry's BibTeX type (the
    // library's own "HACK" comment); `key`/`id` and `year` are Entry methods.
    std::optional<std::string> actual;
    if (c.property == "key" || c.property == "id") {
        actual = item.key;
    } else if (c.property == "year") {
        actual = item.year();
    } else if (const std::string *v = item.field(c.property)) {
        actual = *v;
    }
    if (c.op.empty())
        return actual.has_value();
    if (c.op == "!=" || c.op == "/=")
        return !actual || *actual != c.value;
    if (c.op == "^=")
        return actual && rubyMatch(*actual, "^" + c.value);
    if (c.op == "~=" || c.op == "=~")
        return actual && rubyMatch(*actual, c.value);
    if (c.op == "!~")
        return !actual || !rubyMatch(*actual, c.value);
    if (c.op == "<=" || c.op == ">=" || c.op == "<" || c.op == ">") {
        if (!actual)
            return false;
        int cmp = 0;
        if (allDigits(*actual) && allDigits(c.value)) {
            const long long a = std::stoll(*actual), b = std::stoll(c.value);
            cmp = a < b ? -1 : a > b ? 1 : 0;
        } else {
            cmp = actual->compare(c.value);
            cmp = cmp < 0 ? -1 : cmp > 0 ? 1 : 0;
        }
        if (c.op == "<=")
            return cmp <= 0;
        if (c.op == ">=")
            return cmp >= 0;
        if (c.op == "<")
            return cmp < 0;
        return cmp > 0;
    }
    return actual && *actual == c.value;
}

bool Query::matches(const Item &item) const
{
    switch (m_kind) {
    case Kind::All:
        return true;
    case Kind::Key:
        return item.key == m_text;
    case Kind::Clauses:
        break;
    }
    for (const Clause &c : m_clauses) {
        if (c.negated == hasType(item, c.type))
            continue;
        if (c.alternatives.empty())
            return true;
        for (const Conjunction &all : c.alternatives) {
            bool ok = true;
            for (const Condition &cond : all)
                if (!meets(item, cond)) {
                    ok = false;
                    break;
                }
            if (ok)
                return true;
        }
    }
    return false;
}

std::vector<const Item *> Query::select(const Library &library) const
{
    std::vector<const Item *> out;
    if (m_kind == Kind::Key) {
        if (const Item *item = library.find(m_text))
            out.push_back(item);
        return out;
    }
    for (const Item &item : library.items)
        if (matches(item))
            out.push_back(&item);
    return out;
}

} // namespace folio::site::scholar
