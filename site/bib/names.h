// Name lists split as BibTeX does ("First von Last", "von Last, First",
// "von Last, Jr, First"; von is decided by the case of each word's first
// letter, {\"u} counting as u and a plain braced group as no case; braces
// keep a corporate name whole: {Barnes and Noble}; "and others" ends the
// list). Thread-safe; no btparse (see names.cpp for why).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::site::bib {

struct Name final {
    // Each part as Unicode text (latex.h's toText of the part).
    std::string first;
    std::string von;
    std::string last;
    std::string jr;
    bool corporate = false;   // one braced group: {Barnes and Noble}, {World Health Organization}

    // "First von Last, Jr" (a corporate name: its text).
    std::string display() const;
};

struct NameList final {
    std::vector<Name> names;
    bool others = false;      // the list ended in "and others"
};

// Splits an author/editor value written in LaTeX.
NameList splitNames(std::string_view latex);

} // namespace folio::site::bib
