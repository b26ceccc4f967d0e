// bibtex-ruby's query language, as `{% bibliography --query %}` and
// `scholar: query:` use it (Bibliography#[] and Element#matches?):
//
//   @*  @entry  @article  !@misc        entries by type (any of several: "@book, @article")
//   @article[year=2020]                 a field equals ("=") the text
//   [year!=2020] [title^=The] [author~=\bSmith\b] [note!~draft]
//   [year>=2019] [year<2000]            numbers when both sides are digits, else text
//   [selected]                          the field is present
//   [a=1, b=2] [a=1 && b=2]             all of them;  [a=1 || b=2]: any group
//   ruby                                the entry whose key is "ruby"
//
// `^=`, `~=`/`=~` and `!~` take Ruby regular expressions (read as PCRE).
#pragma once

#include "library.h"

#include <string>
#include <string_view>
#include <vector>

namespace folio::site::scholar {

class Query final
{
public:
    explicit Query(std::string_view text);

    bool matches(const Item &item) const;
    // The entries of `library` the query selects, in library order.
    std::vector<const Item *> select(const Library &library) const;

private:
    struct Condition final {
        std::string property;
        std::string op;      // "" = presence test
        std::string value;
    };
    using Conjunction = std::vector<Condition>;
    struct Clause final {
        bool negated = false;
        std::string type;    // "*", "entry" or a BibTeX type
        std::vector<Conjunction> alternatives;   // empty: no [...] (always true)
    };

    static bool meets(const Item &item, const Condition &c);
    static bool hasType(const Item &item, const std::string &type);

    enum class Kind { All, Key, Clauses } m_kind = Kind::All;
    std::string m_text;
    std::vector<Clause> m_clauses;
};

} // namespace folio::site::scholar
