#include "config.h"
#include "text_p.h"

#include <QRegularExpression>

#include <cctype>

namespace folio::site::scholar {

using liquid::Hash;
using liquid::Value;

namespace {

Value stringArray(std::initializer_list<const char *> items)
{
    liquid::Array out;
    for (const char *s : items)
        out.emplace_back(s);
    return Value(std::move(out));
}

using detail::strip;

} // namespace

// defaults.rb of jekyll-scholar 7.3, key for key (symbols as strings).
Hash Config::defaults()
{
    return Hash{
        {"style", "apa"},
        {"locale", "en"},
        {"sort_by", "none"},
        {"order", "ascending"},
        {"group_by", "none"},
        {"group_order", "ascending"},
        {"bibliography_group_tag", "h2,h3,h4,h5"},
        {"bibliography_list_tag", "ol"},
        {"bibliography_item_tag", "li"},
        {"bibliography_list_attributes", Value(Hash{})},
        {"bibliography_item_attributes", Value(Hash{})},
        {"source", "./_bibliography"},
        {"bibliography", "references.bib"},
        {"repository", Value()},
        {"repository_file_delimiter", "."},
        {"bibtex_options", Value(Hash{{"strip", false}, {"parse_months", true}})},
        {"bibtex_filters",
         stringArray({"smallcaps", "superscript", "italics", "textit", "lowercase", "textregistered", "tiny", "latex"})},
        {"raw_bibtex_filters", stringArray({})},
        {"bibtex_skip_fields", stringArray({"abstract", "month_numeric"})},
        {"bibtex_quotes", stringArray({"{", "}"})},
        {"replace_strings", true},
        {"join_strings", true},
        {"remove_duplicates", false},
        {"details_dir", "bibliography"},
        {"details_layout", "bibtex.html"},
        {"details_link", "Details"},
        {"details_permalink", "/:details_dir/:key:extension"},
        {"bibliography_class", "bibliography"},
        {"bibliography_template", "{{reference}}"},
        {"reference_tagname", "span"},
        {"missing_reference", "(missing reference)"},
        {"details_link_class", "details"},
        {"query", "@*"},
        {"cite_class", "citation"},
        {"separate_links", false},
        {"type_names", Value(Hash{{"article", "Journal Articles"},
                                  {"book", "Books"},
                                  {"incollection", "Book Chapters"},
                                  {"inproceedings", "Conference Articles"},
                                  {"thesis", "Theses"},
                                  {"mastersthesis", "Master's Theses"},
                                  {"phdthesis", "PhD Theses"},
                                  {"manual", "Manuals"},
                                  {"techreport", "Technical Reports"},
                                  {"misc", "Miscellaneous"},
                                  {"unpublished", "Unpublished"}})},
        {"type_aliases", Value(Hash{{"phdthesis", "thesis"}, {"mastersthesis", "thesis"}})},
        {"type_order", stringArray({})},
        {"month_names", Value()},
    };
}

Config::Config() : m_values(defaults()) {}

Config::Config(const Value &site, const Value &page) : m_values(defaults())
{
    mergeLayer(site);
    mergeLayer(page);
}

void Config::mergeLayer(const Value &layer)
{
    if (!layer.isHash())
        return;
    for (const auto &[key, value] : layer.hash())
        m_values.set(key, value);
}

std::vector<std::string> splitList(const Value &value)
{
    std::vector<std::string> out;
    const auto add = [&](const Value &v) {
        if (v.isNil())
            return;
        // Not static: QRegularExpression objects are not shared across render threads.
        const QRegularExpression comma(QStringLiteral("\\s*,\\s*"));
        for (const QString &part : QString::fromStdString(v.toString()).split(comma))
            out.push_back(part.toStdString());
    };
    if (value.isArray()) {
        for (const Value &v : value.array())
            add(v);
    } else {
        add(value);
    }
    return out;
}

std::vector<std::string> Config::list(std::string_view key) const { return splitList(value(key)); }

Hash Config::hash(std::string_view key) const
{
    const Value v = value(key);
    return v.isHash() ? v.hash() : Hash{};
}

bool Config::parseNames() const
{
    const Value v = value("bibtex_options").get("parse_names");
    return v.isNil() || v.truthy();
}

bool Config::parseMonths() const
{
    const Value v = value("bibtex_options").get("parse_months");
    return v.isNil() || v.truthy();
}

std::vector<std::string> Config::bibtexFilters() const
{
    std::vector<std::string> out;
    const Value v = value("bibtex_filters");
    if (v.isArray()) {
        for (const Value &f : v.array())
            out.push_back(strip(f.toString()));
    } else if (!v.isNil()) {
        out.push_back(strip(v.toString()));
    }
    // Ruby symbols in YAML (`:latex`) are strings with a colon here.
    for (std::string &f : out)
        if (!f.empty() && f.front() == ':')
            f.erase(0, 1);
    return out;
}

bool Config::convertsLatex() const
{
    for (const std::string &f : bibtexFilters())
        if (f == "latex")
            return true;
    return false;
}

std::vector<std::string> Config::skipFields() const
{
    std::vector<std::string> out;
    for (const std::string &f : list("bibtex_skip_fields"))
        out.push_back(!f.empty() && f.front() == ':' ? f.substr(1) : f);
    return out;
}

} // namespace folio::site::scholar
