#include "memo.h"
#include "internal.h"

#include <cstring>
#include <shared_mutex>

namespace folio::site::liquid {

namespace detail {

namespace {
thread_local MemoRecording *t_recording = nullptr;
thread_local bool t_inRecordedStep = false;
thread_local int t_hiddenInSteps = 0;   // hidden inputs read inside recorded steps
} // namespace

RecordingScope::RecordingScope(MemoRecording *recording) : m_previous(t_recording) { t_recording = recording; }
RecordingScope::~RecordingScope() { t_recording = m_previous; }

RecordedStepScope::RecordedStepScope(bool recorded) : m_previous(t_inRecordedStep), m_hiddenBefore(t_hiddenInSteps)
{
    t_inRecordedStep = recorded;
}
RecordedStepScope::~RecordedStepScope() { t_inRecordedStep = m_previous; }
bool RecordedStepScope::sawHiddenInput() const { return t_hiddenInSteps != m_hiddenBefore; }

bool sameValue(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Nil:
        return true;
    case Value::Type::Bool:
        return a.toBool() == b.toBool();
    case Value::Type::Int:
        return a.toInt() == b.toInt();
    case Value::Type::Float: {
        const double x = a.toFloat(), y = b.toFloat();
        return std::memcmp(&x, &y, sizeof x) == 0;   // 0.0 and -0.0 print differently
    }
    case Value::Type::String:
        return &a.str() == &b.str() || a.str() == b.str();
    case Value::Type::Array:
        return &a.array() == &b.array();
    case Value::Type::Hash:
        return &a.hash() == &b.hash();
    case Value::Type::Drop:
        return a.drop() == b.drop();
    case Value::Type::Time: {
        const Time &x = a.time(), &y = b.time();
        return x.seconds == y.seconds && x.nanoseconds == y.nanoseconds && x.utcOffset == y.utcOffset
               && x.dateOnly == y.dateOnly && x.utc == y.utc;
    }
    case Value::Type::Range:
        return a.range().first == b.range().first && a.range().last == b.range().last;
    }
    return false;
}

std::size_t sameValueHash(const Value &v)
{
    const std::size_t type = std::size_t(v.type()) * 0x9e3779b97f4a7c15ull;
    switch (v.type()) {
    case Value::Type::Nil:
        return type;
    case Value::Type::Bool:
    case Value::Type::Int:
        return type ^ std::hash<std::int64_t>{}(v.toInt());
    case Value::Type::Float:
        return type ^ std::hash<double>{}(v.toFloat());
    case Value::Type::String: {
        // Long texts (a post's content, read by every listing of it) are told
        // apart by their length and ends; equal ones compare in full anyway.
        const std::string &s = v.str();
        if (s.size() <= 256)
            return type ^ std::hash<std::string_view>{}(s);
        const std::string_view view(s);
        return type ^ s.size() ^ std::hash<std::string_view>{}(view.substr(0, 64))
               ^ (std::hash<std::string_view>{}(view.substr(s.size() - 64)) << 1);
    }
    case Value::Type::Array:
        return type ^ std::hash<const void *>{}(&v.array());
    case Value::Type::Hash:
        return type ^ std::hash<const void *>{}(&v.hash());
    case Value::Type::Drop:
        return type ^ std::hash<const void *>{}(v.drop().get());
    case Value::Type::Time:
        return type ^ std::hash<std::int64_t>{}(v.time().seconds) ^ std::size_t(v.time().utcOffset);
    case Value::Type::Range:
        return type ^ std::hash<std::int64_t>{}(v.range().first) ^ (std::hash<std::int64_t>{}(v.range().last) << 1);
    }
    return type;
}

} // namespace detail

void noteHiddenInput()
{
    if (!detail::t_recording)
        return;
    if (detail::t_inRecordedStep)
        ++detail::t_hiddenInSteps;
    else
        detail::t_recording->usable = false;
}

// --- the decision tree ---------------------------------------------------------------

namespace {

bool samePath(const MemoPath &a, const MemoPath &b)
{
    if (a.root != b.root || a.dynamicRoot != b.dynamicRoot || a.steps.size() != b.steps.size())
        return false;
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        const MemoPath::Step &x = a.steps[i], &y = b.steps[i];
        if (x.computed != y.computed)
            return false;
        if (x.computed ? !detail::sameValue(x.index, y.index) : (x.key != y.key || x.command != y.command))
            return false;
    }
    return true;
}

bool sameParams(const MemoKey &a, const MemoKey &b)
{
    if (a.hasParams != b.hasParams || a.params.size() != b.params.size())
        return false;
    for (std::size_t i = 0; i < a.params.size(); ++i)
        if (a.params[i].first != b.params[i].first || !detail::sameValue(a.params[i].second, b.params[i].second))
            return false;
    return true;
}

// An include asked for by this many renders (pages) and replayed for fewer
// than a quarter of them depends on each page (the <head> with its title, a
// post's tags or neighbours): it is no longer recorded, and what it kept is
// freed. Its own includes are then memoised on their own.
constexpr long kRendersBeforeGivingUp = 48;
constexpr long kHitsPerRenderWorthKeeping = 4;   // at least one hit per this many renders
// Bounds what a build keeps (the output texts dominate).
constexpr long long kMaxStoredBytes = 96ll << 20;
constexpr std::size_t kIndexedChildren = 8;

} // namespace

// A radix tree: a node holds a run of reads every render through it made
// with the same values, then either a leaf (what the include printed and
// left) or children, which all begin with the same read and differ in its
// value. Past the read that tells the included items apart (a post's id),
// each branch is one run, so a few hundred thousand reads take a few
// thousand nodes.
struct IncludeMemo::Node {
    std::vector<std::pair<MemoPathPtr, Value>> run;
    std::vector<std::unique_ptr<Node>> children;
    std::unique_ptr<std::unordered_multimap<std::size_t, std::size_t>> index;   // by the value of run[0], when many
    bool leaf = false;
    std::string output;
    std::vector<std::pair<std::string, Value>> assigns;
    std::vector<std::pair<std::string, std::int64_t>> forOffsets;

    const MemoPath &branchPath() const { return *children.front()->run.front().first; }
    Node *child(const Value &v) const
    {
        if (!index) {
            for (const auto &c : children)
                if (detail::sameValue(c->run.front().second, v))
                    return c.get();
            return nullptr;
        }
        auto [begin, end] = index->equal_range(detail::sameValueHash(v));
        for (auto it = begin; it != end; ++it)
            if (detail::sameValue(children[it->second]->run.front().second, v))
                return children[it->second].get();
        return nullptr;
    }
    void addChild(std::unique_ptr<Node> node)
    {
        children.push_back(std::move(node));
        if (children.size() == kIndexedChildren + 1) {
            index = std::make_unique<std::unordered_multimap<std::size_t, std::size_t>>();
            for (std::size_t i = 0; i < children.size(); ++i)
                index->emplace(detail::sameValueHash(children[i]->run.front().second), i);
        } else if (index) {
            index->emplace(detail::sameValueHash(children.back()->run.front().second), children.size() - 1);
        }
    }
    // Moves run[from..] with the children or leaf into a new child of this node.
    void split(std::size_t from)
    {
        auto tail = std::make_unique<Node>();
        tail->run.assign(std::make_move_iterator(run.begin() + std::ptrdiff_t(from)), std::make_move_iterator(run.end()));
        run.resize(from);
        tail->children = std::move(children);
        tail->index = std::move(index);
        tail->leaf = leaf;
        tail->output = std::move(output);
        tail->assigns = std::move(assigns);
        tail->forOffsets = std::move(forOffsets);
        children.clear();
        leaf = false;
        output.clear();
        assigns.clear();
        forOffsets.clear();
        addChild(std::move(tail));
    }
};

struct IncludeMemo::Entry {
    std::shared_ptr<const Template> partial;   // keeps the key's address its own
    // Replays only read the tree and run side by side (two listing pages
    // replay the same entries at once); storing and retiring write it.
    std::shared_mutex mutex;
    std::vector<std::pair<MemoKey, std::unique_ptr<Node>>> roots;   // one per parameter set
    std::atomic<bool> retired{false};
    std::atomic<long> hits{0};
    std::atomic<long> renders{0};   // renders that asked for it
    long long bytes = 0;   // under the unique lock

    Node *root(const MemoKey &key, bool create)
    {
        for (auto &[k, node] : roots)
            if (sameParams(k, key))
                return node.get();
        if (!create)
            return nullptr;
        roots.emplace_back(key, std::make_unique<Node>());
        return roots.back().second.get();
    }
};

IncludeMemo::IncludeMemo() = default;
IncludeMemo::~IncludeMemo() = default;

IncludeMemo::Entry *IncludeMemo::entry(const std::shared_ptr<const Template> &partial)
{
    {
        std::shared_lock lock(m_mutex);
        auto it = m_entries.find(partial.get());
        if (it != m_entries.end())
            return it->second.get();
    }
    std::unique_lock lock(m_mutex);
    std::unique_ptr<Entry> &e = m_entries[partial.get()];
    if (!e) {
        e = std::make_unique<Entry>();
        e->partial = partial;
    }
    return e.get();
}

void IncludeMemo::retire(Entry &e)
{
    e.retired = true;
    e.roots.clear();
    m_storedBytes -= e.bytes;
    e.bytes = 0;
}

IncludeMemo::Outcome IncludeMemo::replay(const MemoKey &key, Context &ctx, std::string &out)
{
    Entry &e = *entry(key.partial);
    if (e.retired.load(std::memory_order_relaxed))
        return Outcome::Render;
    ++m_lookups;
    if (ctx.firstAsk(&e)) {
        const long renders = ++e.renders;
        if (renders > kRendersBeforeGivingUp
            && e.hits.load(std::memory_order_relaxed) * kHitsPerRenderWorthKeeping < renders) {
            std::unique_lock lock(e.mutex);
            if (!e.retired)
                retire(e);
            return Outcome::Render;
        }
    }
    std::shared_lock lock(e.mutex);
    if (e.retired.load(std::memory_order_relaxed))
        return Outcome::Render;
    // Each read is made again where the include would make it; the value
    // must be the recorded one, or chooses the branch. Reads have no effects
    // the render would not have had.
    const Node *node = e.root(key, false);
    std::size_t from = 0;   // run[0] of a child was compared when it was chosen
    while (node) {
        for (std::size_t i = from; i < node->run.size(); ++i)
            if (!detail::sameValue(detail::evaluatePath(ctx, *node->run[i].first), node->run[i].second))
                return Outcome::Record;
        if (node->leaf)
            break;
        if (node->children.empty())
            return Outcome::Record;
        node = node->child(detail::evaluatePath(ctx, node->branchPath()));
        from = 1;
    }
    if (!node)
        return Outcome::Record;
    out += node->output;
    for (const auto &[name, value] : node->assigns)
        ctx.assign(name, value);
    for (const auto &[name, offset] : node->forOffsets)
        detail::setForOffset(ctx, name, offset);
    ++e.hits;
    ++m_hits;
    return Outcome::Replayed;
}

namespace {
bool sameRead(const std::pair<MemoPathPtr, Value> &a, const std::pair<MemoPathPtr, Value> &b)
{
    return (a.first == b.first || samePath(*a.first, *b.first)) && detail::sameValue(a.second, b.second);
}
} // namespace

void IncludeMemo::store(const MemoKey &key, const Context &ctx, MemoRecording &&recording, std::string_view output)
{
    if (!recording.usable || m_storedBytes.load() > kMaxStoredBytes)
        return;
    Entry &e = *entry(key.partial);
    std::unique_lock lock(e.mutex);
    if (e.retired)
        return;
    auto &reads = recording.reads;
    Node *node = e.root(key, true);
    std::size_t r = 0;
    std::size_t from = 0;
    // Follows the reads down the tree; a render that disagrees with the tree
    // about which path comes next (it cannot, renders being deterministic)
    // is not stored.
    while (true) {
        std::size_t i = from;
        for (; i < node->run.size() && r < reads.size(); ++i, ++r)
            if (!sameRead(node->run[i], reads[r]))
                break;
        if (i < node->run.size()) {
            if (r == reads.size() || !samePath(*node->run[i].first, *reads[r].first))
                return;
            node->split(i);   // same read, another value: branch here
            break;
        }
        if (node->leaf)
            return;   // stored already (two threads recorded the same render)
        if (r == reads.size()) {
            if (node->children.empty())
                fill(e, *node, ctx, recording, output);   // an include that read nothing from outside
            return;
        }
        if (node->children.empty())
            break;   // a node that has not been filled yet: its run grows
        if (!samePath(node->branchPath(), *reads[r].first))
            return;
        Node *next = node->child(reads[r].second);
        if (!next)
            break;
        node = next;
        ++r;
        from = 1;
    }
    if (node->children.empty() && !node->leaf && node->run.size() == from) {
        node->run.insert(node->run.end(), std::make_move_iterator(reads.begin() + std::ptrdiff_t(r)),
                         std::make_move_iterator(reads.end()));
        fill(e, *node, ctx, recording, output);
        return;
    }
    auto branch = std::make_unique<Node>();
    branch->run.assign(std::make_move_iterator(reads.begin() + std::ptrdiff_t(r)), std::make_move_iterator(reads.end()));
    Node &added = *branch;
    node->addChild(std::move(branch));
    fill(e, added, ctx, recording, output);
}

void IncludeMemo::fill(Entry &e, Node &node, const Context &ctx, MemoRecording &recording, std::string_view output)
{
    node.leaf = true;
    node.output.assign(output);
    for (const std::string &name : recording.assigned)
        node.assigns.emplace_back(name, ctx.assignedValue(name));
    node.forOffsets = std::move(recording.forOffsets);
    const long long bytes = (long long)output.size() + 48 * (long long)node.run.size();
    e.bytes += bytes;
    m_storedBytes += bytes;
    ++m_stored;
}

IncludeMemo::Stats IncludeMemo::stats() const
{
    Stats s;
    s.lookups = m_lookups.load();
    s.hits = m_hits.load();
    s.stored = m_stored.load();
    s.storedBytes = m_storedBytes.load();
    return s;
}

} // namespace folio::site::liquid
