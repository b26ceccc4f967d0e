#include "site/highlight/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstdio>
#include <cstdlib>

namespace folio::site::highlight {

namespace {

// Per-thread match data and JIT stack: compiled patterns are shared by the
// parallel renderer, everything written during a match is the thread's own.
struct ThreadMatchState
{
    pcre2_match_data *data = pcre2_match_data_create(Captures::kMax, nullptr);
    pcre2_jit_stack *stack = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, nullptr);
    pcre2_match_context *context = pcre2_match_context_create(nullptr);
    ThreadMatchState() { pcre2_jit_stack_assign(context, nullptr, stack); }
    ~ThreadMatchState()
    {
        pcre2_match_context_free(context);
        pcre2_jit_stack_free(stack);
        pcre2_match_data_free(data);
    }
};

ThreadMatchState &threadState()
{
    thread_local ThreadMatchState state;
    return state;
}

// Ruby's \b and \B see letters, marks, numbers and connector punctuation of
// any script as word characters (while its \w is ASCII); PCRE2 without UCP
// sees only ASCII. Outside character classes they become lookarounds over
// that Unicode set.
std::string unicodeWordBoundaries(std::string_view pattern)
{
    static constexpr std::string_view word = R"([\p{L}\p{M}\p{N}\p{Pc}])";
    const std::string boundary = "(?:(?<=" + std::string(word) + ")(?!" + std::string(word) + ")|(?<!"
                                 + std::string(word) + ")(?=" + std::string(word) + "))";
    const std::string notBoundary = "(?:(?<=" + std::string(word) + ")(?=" + std::string(word) + ")|(?<!"
                                    + std::string(word) + ")(?!" + std::string(word) + "))";
    std::string out;
    out.reserve(pattern.size());
    bool inClass = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            const char next = pattern[i + 1];
            if (!inClass && next == 'b')
                out += boundary;
            else if (!inClass && next == 'B')
                out += notBoundary;
            else
                out.append(pattern.substr(i, 2));
            ++i;
            continue;
        }
        if (!inClass && c == '[') {
            inClass = true;
            out += c;
            // A ']' first in the class (after an optional '^') is literal.
            if (i + 1 < pattern.size() && pattern[i + 1] == '^')
                out += pattern[++i];
            if (i + 1 < pattern.size() && pattern[i + 1] == ']')
                out += pattern[++i];
            continue;
        }
        if (inClass && c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
            const std::size_t end = pattern.find(":]", i + 2);
            if (end != std::string_view::npos) {
                out.append(pattern.substr(i, end + 2 - i));
                i = end + 1;
                continue;
            }
        }
        if (inClass && c == ']')
            inClass = false;
        out += c;
    }
    return out;
}

} // namespace

Regex::Regex(std::string_view pattern) : m_pattern(unicodeWordBoundaries(pattern))
{
    // Anchored at compile time: JIT code is only used when the anchoring is
    // the compiled one (PCRE2_ANCHORED at match time falls back to the interpreter).
    const uint32_t options = PCRE2_UTF | PCRE2_MULTILINE | PCRE2_ANCHORED;
    int error = 0;
    PCRE2_SIZE offset = 0;
    m_code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(m_pattern.c_str()), m_pattern.size(), options, &error, &offset,
                           nullptr);
    if (!m_code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message);
        std::fprintf(stderr, "folio highlight: bad pattern /%s/ at %zu: %s\n", m_pattern.c_str(), size_t(offset),
                     reinterpret_cast<const char *>(message));
        std::abort();
    }
    m_jit = pcre2_jit_compile(m_code, PCRE2_JIT_COMPLETE) == 0; // else the interpreter runs it
}

Regex::~Regex() { pcre2_code_free(m_code); }

Regex::Regex(Regex &&other) noexcept : m_pattern(std::move(other.m_pattern)), m_code(other.m_code), m_jit(other.m_jit)
{
    other.m_code = nullptr;
}

bool Regex::matchAt(std::string_view text, std::size_t pos, Captures &out) const
{
    ThreadMatchState &ts = threadState();
    // PCRE2 10.42 rejects a null subject even when it is empty.
    const std::string_view rest = text.data() ? text.substr(pos) : std::string_view("", 0);
    const auto subject = reinterpret_cast<PCRE2_SPTR>(rest.data());
    // The JIT entry point skips pcre2_match's option checks (this runs for
    // every rule tried at every position).
    int rc = m_jit ? pcre2_jit_match(m_code, subject, rest.size(), 0, 0, ts.data, ts.context)
                   : pcre2_match(m_code, subject, rest.size(), 0, PCRE2_NO_UTF_CHECK, ts.data, ts.context);
    // A pattern that needs more than the JIT stack gets the interpreter,
    // which works on the heap (Onigmo has no such limit).
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(m_code, subject, rest.size(), 0, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, ts.data, ts.context);
    if (rc <= 0)
        return false;
    // rc is one more than the highest group that matched; the others are unset.
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ts.data);
    out.m_count = rc < Captures::kMax ? rc : Captures::kMax;
    for (int i = 0; i < out.m_count; ++i)
        out.m_groups[i] = ov[2 * i] == PCRE2_UNSET ? std::string_view()
                                                   : rest.substr(ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
    return true;
}

bool Regex::matchesEmpty() const
{
    Captures c;
    return matchAt(std::string_view(), 0, c);
}

bool isValidUtf8(std::string_view text)
{
    // PCRE2's own UTF-8 check (the same one a match without NO_UTF_CHECK
    // does), run once on the whole text with an empty pattern.
    static const Regex empty{std::string_view()};
    ThreadMatchState &ts = threadState();
    const char *subject = text.data() ? text.data() : "";
    const int rc = pcre2_match(empty.m_code, reinterpret_cast<PCRE2_SPTR>(subject), text.size(), 0, 0, ts.data,
                               ts.context);
    return rc >= 0;
}

} // namespace folio::site::highlight
