// A scholar tag's markup as the gem reads it: leading keys (cite, reference,
// quote...: split_arguments), then options cut out by the gem's own regular
// expression and read by Ruby's OptionParser (Utilities#optparse). Values
// stay as written; `{{ var }}` in them is interpolated at render time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::scholar {

struct TagOptions final {
    std::vector<std::string> keys;        // cite/reference/quote/cite_details: the leading words

    bool cited = false;                   // -c --cited
    bool citedInOrder = false;            // -C --cited_in_order (also sets cited)
    bool clear = false;                   // --clear
    bool removeDuplicates = false;        // -r --remove_duplicates [FIELDS]
    std::vector<std::string> matchFields;
    bool suppressAuthor = false;          // -A --suppress_author
    std::vector<std::string> files;       // -f --file (repeatable)
    std::optional<std::string> query;     // -q --query
    std::optional<std::string> listTag;   // -h --bibliography_list_tag
    std::optional<std::string> prefix;    // -p --prefix
    std::optional<std::string> text;      // -t --text
    std::vector<std::string> locators;    // -l --locator (repeatable, one per key)
    std::vector<std::string> labels;      // -L --label
    int offset = 0;                       // -o --offset
    std::optional<int> max;               // -m --max
    std::optional<std::string> style;     // -s --style
    std::optional<std::string> groupBy;   // -g --group_by, -O --type_order
    std::optional<std::string> groupOrder;   // -G --group_order
    std::optional<std::string> templ;     // -T --template
    std::optional<std::string> locale;    // --locale (Folio: the gem has none; see parse())

    // Problems OptionParser would raise on ("invalid option: -x",
    // "missing argument: --file"); the rest is still read.
    std::vector<std::string> problems;
};

// `withKeys`: the tag takes keys before its options (split_arguments).
TagOptions parseTagOptions(std::string_view markup, bool withKeys);

} // namespace folio::site::scholar
