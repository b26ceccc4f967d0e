// Include memoisation for whole-site builds.
//
// Academic themes include the same partials on every page: the masthead,
// footer and author sidebar of each of thousands of posts, and one
// `archive-single.html` per post on every listing page (tags, years, sitemap,
// publications), so a post's entry is rendered ten times or more. An include
// whose output depends only on what it reads from outside itself renders the
// same text whenever those reads give the same values, so Folio renders it
// once and replays the text.
//
// What an include depends on is found by running it, not by reading its
// source (a static reading would see `page` in `{% elsif page.read_time %}`
// and give up, although that branch is rarely taken): while an include renders
// for the first time, every variable path it reads from outside itself
// (`post.title`, `site.data.ui-text[site.locale].label`) is recorded with the
// value it gave, in order. Rendering is deterministic given those values, so
// the recordings form a decision tree: replaying walks it, re-reading each
// path in the caller's context and following the branch of the value read,
// and reaches the stored output and the variables the include assigned — or a
// missing branch, and the include renders (and records) as usual.
//
// A document as `site.posts` lists it is one shared, immutable drop: its
// members are recorded as the drop itself, once (Drop::stable()), except a
// member whose answer depends on the render (its content), recorded as a path.
//
// What the tree cannot see makes a recording unusable: tag state (increment,
// cycle, ifchanged, `offset: continue`), randomness (`sample`), the clock,
// errors and warnings, break/continue leaving the include, and drops whose
// answer depends on which document this thread renders, when read other than
// through a recorded path (liquid::noteHiddenInput()).
//
// Includes that differ on nearly every page (the <head>, a post's tags) are
// given up after a few dozen pages: they render unrecorded, and the includes
// inside them are memoised on their own.
//
// One IncludeMemo serves one build of a read-only site (the builder's layout
// phase); it is thread-safe. The editor's preview renders without one.
#pragma once

#include "value.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace folio::site::liquid {

class Context;
class Template;

// A variable path as an include read it: the variable's name, then each step
// (a literal key, or the value a computed `[index]` had).
struct MemoPath final {
    struct Step {
        bool computed = false;
        std::string key;        // literal steps
        bool command = false;   // size / first / last
        Value index;            // computed steps
    };
    std::string root;
    bool dynamicRoot = false;   // `[expr]` as the first part: no method-literal conversion
    std::vector<Step> steps;
};

using MemoPathPtr = std::shared_ptr<const MemoPath>;

// What one render of an include read from outside itself and left behind.
struct MemoRecording final {
    std::vector<std::pair<MemoPathPtr, Value>> reads;   // in the order read
    std::vector<std::string> assigned;               // assign/capture targets
    std::vector<std::pair<std::string, std::int64_t>> forOffsets;   // where its loops ended
    bool usable = true;

    // Records a read. A path written in the template (no computed step) is
    // one object for every render, and a second read of it gives the first
    // value (what it reads from is outside the include, so the include cannot
    // change it): it is recorded once.
    // Records that the include read `name`, a stable drop (Drop::stable()),
    // through paths whose members depend on the object alone: the object
    // stands for all of them, once per name.
    void readObject(std::string_view name, const Value &object)
    {
        for (const auto &[seen, path] : m_objects)
            if (seen == name)
                return;
        auto path = std::make_shared<const MemoPath>(MemoPath{std::string(name), false, {}});
        m_objects.emplace_back(std::string(name), path);
        reads.emplace_back(std::move(path), object);
    }

    void read(const MemoPathPtr &path, Value value, bool shared)
    {
        if (shared) {
            for (const MemoPath *seen : m_sharedSeen)
                if (seen == path.get())
                    return;
            m_sharedSeen.push_back(path.get());
        }
        reads.emplace_back(path, std::move(value));
    }

private:
    std::vector<const MemoPath *> m_sharedSeen;
    std::vector<std::pair<std::string, MemoPathPtr>> m_objects;
};

// The include a memo entry is for: the parsed file and the parameters it was
// given (`{% include x.html type="grid" %}`); without parameters the include
// reads the caller's `include`, which is then recorded like any read.
struct MemoKey final {
    // Held, so that no other file parsed later can take its address.
    std::shared_ptr<const Template> partial;
    bool hasParams = false;
    std::vector<std::pair<std::string, Value>> params;
};

class IncludeMemo final
{
public:
    IncludeMemo();
    ~IncludeMemo();
    IncludeMemo(const IncludeMemo &) = delete;
    IncludeMemo &operator=(const IncludeMemo &) = delete;

    enum class Outcome {
        Replayed,   // the stored output was appended and its assignments made
        Record,     // render it while recording, for the next time
        Render,     // render it as usual: this include is not worth recording
    };
    // Replays `key` when the reads it depends on give the recorded values in `ctx`.
    Outcome replay(const MemoKey &key, Context &ctx, std::string &out);
    // Keeps the output of a render that was recorded from start to end.
    void store(const MemoKey &key, const Context &ctx, MemoRecording &&recording, std::string_view output);

    struct Stats {
        long long lookups = 0;
        long long hits = 0;
        long long stored = 0;
        long long storedBytes = 0;   // outputs and reads kept now
    };
    Stats stats() const;

private:
    struct Node;
    struct Entry;
    Entry *entry(const std::shared_ptr<const Template> &partial);
    void retire(Entry &entry);   // under entry.mutex
    void fill(Entry &entry, Node &leaf, const Context &ctx, MemoRecording &recording, std::string_view output);

    std::shared_mutex m_mutex;   // guards m_entries (not the entries)
    std::unordered_map<const Template *, std::unique_ptr<Entry>> m_entries;
    std::atomic<long long> m_lookups{0}, m_hits{0}, m_stored{0};
    std::atomic<long long> m_storedBytes{0};
};

// Called by drops that answer from state beyond themselves (the document this
// thread renders): an include recording on this thread that reads it other
// than as a recorded path is not kept.
void noteHiddenInput();

namespace detail {

// The recording in progress on this thread (nested contexts, such as a filter
// rendering Markdown, run on the same thread and are covered by it).
class RecordingScope final
{
public:
    explicit RecordingScope(MemoRecording *recording);
    ~RecordingScope();
    RecordingScope(const RecordingScope &) = delete;
    RecordingScope &operator=(const RecordingScope &) = delete;

private:
    MemoRecording *m_previous;
};

// Marks the steps of a recorded path while they are looked up: a drop's hidden
// input read there is part of the recorded value, so it is re-read on replay.
class RecordedStepScope final
{
public:
    explicit RecordedStepScope(bool recorded);
    ~RecordedStepScope();
    RecordedStepScope(const RecordedStepScope &) = delete;
    RecordedStepScope &operator=(const RecordedStepScope &) = delete;
    // Whether a drop read hidden input during these steps.
    bool sawHiddenInput() const;

private:
    bool m_previous;
    int m_hiddenBefore;
};

// The same value for a memo: same type and contents for scalars and strings,
// the same object for arrays, hashes and drops (shared and immutable).
bool sameValue(const Value &a, const Value &b);
std::size_t sameValueHash(const Value &v);

// Reads `path` in `ctx` as VariableLookup would (used to replay).
Value evaluatePath(Context &ctx, const MemoPath &path);

} // namespace detail

} // namespace folio::site::liquid
