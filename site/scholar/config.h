// The `scholar:` settings as the gem reads them: its defaults (defaults.rb),
// the site's `scholar:` over them, and a page's own `scholar:` over that
// (set_context_to merges both into the tag's config), each a shallow merge
// as Ruby's Hash#merge! does.
#pragma once

#include "site/liquid/value.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace folio::site::scholar {

class Config final
{
public:
    // The gem's defaults alone.
    Config();
    // Defaults, then `site` (the site's `scholar:` hash), then `page` (the
    // page's `scholar:`); nil or non-hash layers are skipped.
    Config(const liquid::Value &site, const liquid::Value &page = {});

    liquid::Value value(std::string_view key) const { return m_values.value(key); }
    // Ruby's to_s of the value ("" for nil).
    std::string string(std::string_view key) const { return value(key).toString(); }
    // Ruby's truthiness (nil and false are false, "" is true).
    bool flag(std::string_view key) const { return value(key).truthy(); }
    // Array(value) with each element split at commas ("year, month").
    std::vector<std::string> list(std::string_view key) const;
    // A hash setting (type_names, bibliography_item_attributes), in order.
    liquid::Hash hash(std::string_view key) const;

    // `bibtex_options`' parse_names / parse_months (both default true, as
    // bibtex-ruby's Bibliography defaults are).
    bool parseNames() const;
    bool parseMonths() const;
    // `bibtex_filters` as names ("latex", "smallcaps", ...).
    std::vector<std::string> bibtexFilters() const;
    bool convertsLatex() const;
    std::vector<std::string> skipFields() const;

    const liquid::Hash &values() const { return m_values; }

    static liquid::Hash defaults();

private:
    void mergeLayer(const liquid::Value &layer);
    liquid::Hash m_values;
};

// Ruby's Array(x) of a setting, each element's to_s split at /\s*,\s*/.
std::vector<std::string> splitList(const liquid::Value &value);

} // namespace folio::site::scholar
