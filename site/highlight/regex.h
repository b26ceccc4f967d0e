// A compiled regular expression matched the way Rouge's StringScanner does:
// anchored at the scan position, with the subject starting there (so `^` and
// `\A` match at the position and lookbehind cannot see earlier text).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

struct pcre2_real_code_8;

namespace folio::site::highlight {

// The captures of one successful match, as views into the subject.
class Captures
{
public:
    static constexpr int kMax = 24;
    std::string_view operator[](int i) const { return i < m_count ? m_groups[i] : std::string_view(); }
    int count() const { return m_count; }
    std::size_t size() const { return m_groups[0].size(); } // length of the whole match

private:
    friend class Regex;
    std::string_view m_groups[kMax];
    int m_count = 0;
};

class Regex
{
public:
    // `pattern` is PCRE2 syntax written to mean what the Ruby/Onigmo regex
    // means; Ruby's flags become a leading (?i) (?s) (?x). `^`/`$` are always
    // line anchors, as in Ruby. A pattern that does not compile is a
    // programming error: it aborts with the pattern and PCRE2's message.
    explicit Regex(std::string_view pattern);
    ~Regex();
    Regex(Regex &&other) noexcept;
    Regex(const Regex &) = delete;
    Regex &operator=(const Regex &) = delete;
    Regex &operator=(Regex &&) = delete;

    // Matches at exactly `pos` of `text` (which must be valid UTF-8).
    bool matchAt(std::string_view text, std::size_t pos, Captures &out) const;
    bool matchesEmpty() const;
    const std::string &pattern() const { return m_pattern; }

private:
    friend bool isValidUtf8(std::string_view text);
    std::string m_pattern;
    pcre2_real_code_8 *m_code = nullptr;
    bool m_jit = false;
};

// Whether `text` is valid UTF-8 (Rouge refuses anything else; so do we).
bool isValidUtf8(std::string_view text);

} // namespace folio::site::highlight
