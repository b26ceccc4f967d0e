// The gem's tags (lib/jekyll/scholar/tags/*.rb) over the shared pieces of
// its Utilities module: each tag reads its markup once when the page is
// parsed, and on every render merges the site's and the page's `scholar:`
// settings, interpolates `{{ }}` in its options, and writes the markup the
// gem writes.
#include "common.h"
#include "format.h"
#include "options.h"
#include "query.h"
#include "scholar.h"
#include "scholartr.h"
#include "state.h"
#include "text_p.h"

#include "site/csl/csl.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

namespace folio::site::scholar {

namespace {

using liquid::Context;
using liquid::Flow;
using liquid::Hash;
using liquid::Location;
using liquid::Node;
using liquid::TagInput;
using liquid::Value;

using detail::qs;

// A warning at the tag's line of the page (or include) being rendered.
void warnAt(Context &ctx, Location loc, const QString &message)
{
    ctx.reportAt(ctx.currentTemplate(), loc, message, Severity::Warning);
}

// Utilities#interpolate, widened: every `{{ ... }}` in an option is a
// Liquid expression (filters too) evaluated in the tag's context; one that
// is nil stays as written, as the gem leaves `{{ x }}` when x is unset.
std::string interpolate(Context &ctx, const std::string &text)
{
    if (text.find("{{") == std::string::npos)
        return text;
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = text.find("{{", pos);
        if (open == std::string::npos)
            break;
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string::npos)
            break;
        out.append(text, pos, open - pos);
        const std::string inner = text.substr(open + 2, close - open - 2);
        liquid::ExpressionPtr expr = liquid::parseFilteredExpression(inner, ctx.environment());
        const Value v = expr ? expr->evaluate(ctx) : Value();
        if (v.isNil())
            out.append(text, open, close + 2 - open);
        else
            out += v.toString();
        pos = close + 2;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

// Utilities#keys: a key that names a variable is that variable's value
// (`{% cite page.ref %}`, a for loop's item), else the key as written.
std::string resolveKey(Context &ctx, const std::string &key)
{
    liquid::ExpressionPtr expr = liquid::parseExpression(key);
    if (!expr)
        return key;
    const Value v = expr->evaluate(ctx);
    return v.truthy() ? v.toString() : key;
}

// The <citation><layout> prefix, suffix and delimiter of a style, for
// separate_links (the gem reads them from citeproc-ruby's parsed style).
struct CitationLayout final {
    std::string prefix, suffix, delimiter;
};

CitationLayout citationLayout(const QString &style, const QString &siteDir)
{
    static std::mutex mutex;
    static std::map<QString, CitationLayout> cache;
    Result<QString> path = csl::resolveStyle(style, siteDir);
    if (!path)
        return {};
    std::lock_guard lock(mutex);
    if (auto it = cache.find(*path); it != cache.end())
        return it->second;
    CitationLayout layout;
    QFile file(*path);
    if (file.open(QIODevice::ReadOnly)) {
        QXmlStreamReader xml(&file);
        bool inCitation = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("citation"))
                inCitation = true;
            else if (xml.isEndElement() && xml.name() == QLatin1String("citation"))
                inCitation = false;
            else if (inCitation && xml.isStartElement() && xml.name() == QLatin1String("layout")) {
                layout.prefix = xml.attributes().value(QLatin1String("prefix")).toString().toStdString();
                layout.suffix = xml.attributes().value(QLatin1String("suffix")).toString().toStdString();
                layout.delimiter = xml.attributes().value(QLatin1String("delimiter")).toString().toStdString();
                break;
            }
        }
    }
    cache.emplace(*path, layout);
    return layout;
}

// One render of a scholar tag: Utilities with its context set
// (set_context_to) and its options read.
class Scholar final
{
public:
    Scholar(Context &ctx, const TagOptions &options, Location location)
        : m_ctx(ctx), m_options(options), m_location(location),
          m_config(ctx.find("site").get("scholar"), ctx.find("page").get("scholar")),
          m_site(ctx.find("site")), m_siteDir(currentSiteDir(ctx))
    {
        for (const std::string &problem : options.problems)
            warnAt(ctx, location, Tr::tr("jekyll-scholar: %1 in the tag's options; it is ignored").arg(qs(problem)));
    }

    Context &ctx() { return m_ctx; }
    const Config &config() const { return m_config; }
    const TagOptions &options() const { return m_options; }
    std::string prefix() const { return m_options.prefix.value_or(std::string()); }

    // Utilities#bibliography: the tag's files (or the configured ones),
    // read once per change; problems reported by the render that read them.
    const Library &library()
    {
        if (m_library)
            return *m_library;
        std::vector<std::string> files;
        for (const std::string &f : m_options.files)
            files.push_back(interpolate(m_ctx, f));
        const QStringList paths = bibtexPaths(m_config, files, m_siteDir);
        bool fresh = false;
        m_library = loadLibrary(paths, m_config, m_siteDir, &fresh);
        if (fresh)
            reportLibrary(*m_library, files.empty());
        return *m_library;
    }

    Style style() const
    {
        Style s;
        s.style = qs(m_options.style ? interpolateConst(*m_options.style) : m_config.string("style"));
        s.locale = qs(m_options.locale ? interpolateConst(*m_options.locale) : m_config.string("locale"));
        s.siteDir = m_siteDir;
        return s;
    }

    // Utilities#entries: the query's entries, sorted.
    std::vector<const Item *> entries()
    {
        const std::string query = m_options.query ? interpolate(m_ctx, *m_options.query) : m_config.string("query");
        std::vector<const Item *> items = Query(query).select(library());
        if (m_options.removeDuplicates || m_config.flag("remove_duplicates"))
            removeDuplicates(items);
        if (!skipSort())
            sortItems(items, m_config);
        return items;
    }

    bool skipSort() const { return m_options.citedInOrder || sortsByNone(m_config); }

    // Utilities#cited_entries.
    std::vector<const Item *> citedEntries()
    {
        std::vector<const Item *> items = entries();
        if (!m_options.cited)
            return items;
        const std::shared_ptr<CitedKeys> cited = citedKeys(m_ctx);
        std::vector<const Item *> out;
        if (skipSort()) {
            for (const std::string &key : cited->keys)
                for (const Item *item : items)
                    if (item->key == key) {
                        out.push_back(item);
                        break;
                    }
        } else {
            for (const Item *item : items)
                if (cited->contains(item->key))
                    out.push_back(item);
        }
        if (m_options.clear)
            *cited = CitedKeys();
        return out;
    }

    // The entry for a cited key, or null with a warning at the tag.
    const Item *entryFor(const std::string &key)
    {
        const Item *item = library().find(key);
        if (!item) {
            warnAt(m_ctx, m_location,
                   Tr::tr("jekyll-scholar: no entry '%1' in %2; check the key, or add the entry to the .bib file")
                       .arg(qs(key), libraryNames()));
        }
        return item;
    }

    std::string missingReference() const { return m_config.string("missing_reference"); }

    // Formatted bibliography entries for `items` (numbered 1..n), or the
    // entries' titles with a warning when the style cannot be used.
    std::vector<std::string> references(const std::vector<const Item *> &items)
    {
        if (items.empty())
            return {};
        Result<std::vector<std::string>> formatted = formatReferences(library(), items, style());
        if (formatted && formatted->size() == items.size())
            return std::move(*formatted);
        warnStyle(formatted ? QString() : formatted.error());
        std::vector<std::string> out;
        for (const Item *item : items)
            out.push_back(item->liquid.get("title").toString());
        return out;
    }

    std::string citation(const std::vector<Cite> &cites)
    {
        Result<std::string> formatted = formatCitation(library(), cites, style());
        if (formatted)
            return *formatted;
        warnStyle(formatted.error());
        std::string out;
        for (const Cite &c : cites)
            out += (out.empty() ? "" : "; ") + c.item->key;
        return "(" + out + ")";
    }

    // Utilities#generate_details?: details_layout names a layout of the site.
    bool generatesDetails() const
    {
        std::string name = m_config.string("details_layout");
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0)
            name.resize(name.size() - 5);
        const std::shared_ptr<const SiteSnapshot> site = currentSite(m_ctx);
        return site && site->layouts.count(name) > 0;
    }

    std::string details(const Item &item) const { return detailsLink(item, m_config, m_site); }
    Hash links(const Item &item) const { return repositoryLinks(item, m_config, m_siteDir, m_site); }
    const Value &site() const { return m_site; }
    Location location() const { return m_location; }

private:
    std::string interpolateConst(const std::string &text) const { return interpolate(m_ctx, text); }

    // Bibliography#uniq!: entries whose digest (type and the match fields,
    // year and title by default, without whitespace, lower-case) equals an
    // earlier one's are left out.
    void removeDuplicates(std::vector<const Item *> &items) const
    {
        std::vector<std::string> fields = m_options.matchFields;
        if (fields.empty())
            fields = {"year", "title"};
        std::sort(fields.begin(), fields.end());
        std::vector<std::string> seen;
        std::vector<const Item *> kept;
        for (const Item *item : items) {
            std::string digest = item->type;
            for (const std::string &f : fields)
                if (const std::string *v = item->field(f))
                    digest += "|" + f + ":" + *v;
            std::string normal;
            for (char c : digest)
                if (!std::isspace(static_cast<unsigned char>(c)))
                    normal += char(std::tolower(static_cast<unsigned char>(c)));
            if (std::find(seen.begin(), seen.end(), normal) != seen.end())
                continue;
            seen.push_back(normal);
            kept.push_back(item);
        }
        items = std::move(kept);
    }

    QString libraryNames() const
    {
        QStringList names;
        for (const QString &p : bibtexPaths(m_config, m_options.files, m_siteDir))
            names << (m_siteDir.isEmpty() ? p : QDir(m_siteDir).relativeFilePath(p));
        return names.join(QStringLiteral(", "));
    }

    void reportLibrary(const Library &library, bool fromConfig)
    {
        for (const Diagnostic &d : library.diagnostics)
            m_ctx.warning(Tr::tr("jekyll-scholar: %1").arg(d.format()));
        for (const QString &path : library.missing) {
            const QString shown = m_siteDir.isEmpty() ? path : QDir(m_siteDir).relativeFilePath(path);
            if (fromConfig) {
                const int line = configLine(m_siteDir, "bibliography");
                warnAt(m_ctx, m_location,
                       Tr::tr("jekyll-scholar: the bibliography %1 does not exist (`scholar: bibliography:` in "
                              "_config.yml%2, under `scholar: source:`); add the .bib file there or point the "
                              "setting at yours")
                           .arg(shown, line > 0 ? Tr::tr(", line %1").arg(line) : QString()));
            } else {
                warnAt(m_ctx, m_location,
                       Tr::tr("jekyll-scholar: the bibliography %1 named by --file does not exist; check the "
                              "name (it is read from `scholar: source:`, .bib added)")
                           .arg(shown));
            }
        }
    }

    void warnStyle(const QString &error)
    {
        warnAt(m_ctx, m_location,
               Tr::tr("jekyll-scholar: the citation style '%1' could not be used: %2")
                   .arg(style().style, error.isEmpty() ? Tr::tr("citeproc-js returned no entries") : error));
    }

    Context &m_ctx;
    const TagOptions &m_options;
    Location m_location;
    Config m_config;
    Value m_site;
    QString m_siteDir;
    std::shared_ptr<const Library> m_library;
};

// The base of every scholar tag: the plugin check, then the tag's own render.
class ScholarNode : public Node
{
public:
    ScholarNode(Location loc, std::string name, TagOptions options, EnabledCheck enabled)
        : Node(loc), m_name(std::move(name)), m_options(std::move(options)), m_enabled(std::move(enabled))
    {}

    Flow render(Context &ctx, std::string &out) const final
    {
        if (m_enabled && !m_enabled(ctx)) {
            ctx.error(QStringLiteral("Unknown tag '%1': add jekyll-scholar to `plugins:` in _config.yml")
                          .arg(qs(m_name)));
            return Flow::Normal;
        }
        Scholar scholar(ctx, m_options, location());
        return renderTag(scholar, out);
    }

protected:
    virtual Flow renderTag(Scholar &scholar, std::string &out) const = 0;
    const TagOptions &options() const { return m_options; }

private:
    std::string m_name;
    TagOptions m_options;
    EnabledCheck m_enabled;
};

// Utilities#cite: one link around the citation of all keys (or one link
// per key with separate_links), "(missing reference)" when a key is unknown.
std::string cite(Scholar &s, const std::vector<std::string> &rawKeys)
{
    std::vector<const Item *> items;
    for (const std::string &raw : rawKeys) {
        const Item *item = s.entryFor(resolveKey(s.ctx(), raw));
        if (!item)
            return s.missingReference();
        items.push_back(item);
    }
    if (items.empty())
        return {};
    const std::shared_ptr<CitedKeys> cited = citedKeys(s.ctx());
    const std::vector<std::string> &locators = s.options().locators;
    const std::vector<std::string> &labels = s.options().labels;
    const auto citeOf = [&](std::size_t i) {
        Cite c;
        c.item = items[i];
        cited->add(items[i]->key);
        c.number = cited->number(items[i]->key);
        if (i < locators.size()) {
            c.locator = locators[i];
            c.label = i < labels.size() ? labels[i] : "page";
        }
        return c;
    };
    const std::string relative = s.config().string("relative");
    const auto target = [&](const Item &item) {
        const std::string prefix = s.prefix();
        return relative + "#" + (prefix.empty() ? item.key : prefix + "-" + item.key);
    };
    const Attributes cls{{"class", s.config().string("cite_class")}};
    if (s.config().flag("separate_links")) {
        const CitationLayout layout = citationLayout(s.style().style, currentSiteDir(s.ctx()));
        std::vector<std::string> links;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string one = s.citation({citeOf(i)});
            if (!layout.prefix.empty() && one.rfind(layout.prefix, 0) == 0)
                one.erase(0, layout.prefix.size());
            if (!layout.suffix.empty() && one.size() >= layout.suffix.size()
                && one.compare(one.size() - layout.suffix.size(), layout.suffix.size(), layout.suffix) == 0)
                one.resize(one.size() - layout.suffix.size());
            links.push_back(linkTo(target(*items[i]), one, cls));
        }
        std::string joined;
        for (const std::string &l : links)
            joined += (joined.empty() ? "" : layout.delimiter) + l;
        return layout.prefix + joined + layout.suffix;
    }
    std::vector<Cite> cites;
    for (std::size_t i = 0; i < items.size(); ++i)
        cites.push_back(citeOf(i));
    return linkTo(target(*items.front()), s.citation(cites), cls);
}

class CiteNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        out += cite(s, options().keys);
        return Flow::Normal;
    }
};

class NoCiteNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        // Utilities#nocite: the keys count as cited, nothing is printed
        // (an unknown key prints the missing reference text).
        const std::shared_ptr<CitedKeys> cited = citedKeys(s.ctx());
        for (const std::string &raw : options().keys) {
            const Item *item = s.entryFor(resolveKey(s.ctx(), raw));
            if (!item) {
                out += s.missingReference();
                return Flow::Normal;
            }
            cited->add(item->key);
        }
        return Flow::Normal;
    }
};

class ReferenceNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        std::string joined;
        bool first = true;
        for (const std::string &raw : options().keys) {
            const Item *item = s.entryFor(resolveKey(s.ctx(), raw));
            std::string one = s.missingReference();
            if (item)
                one = referenceTag(*item, s.references({item}).front(), s.config(), s.prefix());
            joined += (first ? "" : "\n") + one;
            first = false;
        }
        out += joined;
        return Flow::Normal;
    }
};

class CiteDetailsNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        bool first = true;
        for (const std::string &raw : options().keys) {
            const Item *item = s.entryFor(resolveKey(s.ctx(), raw));
            if (!first)
                out += "\n";
            first = false;
            if (!item) {
                out += s.missingReference();
                continue;
            }
            const std::string text = options().text ? *options().text : s.config().string("details_link");
            out += linkTo(s.details(*item), text);
        }
        return Flow::Normal;
    }
};

class DetailsLinkNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        const std::string key = options().keys.empty() ? std::string() : resolveKey(s.ctx(), options().keys.front());
        const Item *item = s.library().find(key);
        if (!item) {
            // The gem raises here, which stops the page.
            s.ctx().error(QStringLiteral("Could not find entry for key '%1'").arg(qs(key)));
            return Flow::Normal;
        }
        out += s.details(*item);
        return Flow::Normal;
    }
};

class BibliographyCountNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        out += std::to_string(s.citedEntries().size());
        return Flow::Normal;
    }
};

// A group's value (Utilities#group_value): integers for numeric fields,
// text otherwise.
struct GroupValue final {
    bool integer = false;
    long long number = 0;
    std::string text;

    bool operator==(const GroupValue &o) const { return integer == o.integer && number == o.number && text == o.text; }
};

class BibliographyNode final : public ScholarNode
{
public:
    using ScholarNode::ScholarNode;

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        std::vector<const Item *> items = s.citedEntries();
        const std::string groupBy = groupByOf(s);
        if (groupBy != "none") {
            out += renderGroups(s, items, groupKeys(groupBy));
            return Flow::Normal;
        }
        // items[offset..max]
        const int offset = options().offset;
        const long long last = options().max ? *options().max + offset - 1 : -1;
        std::vector<const Item *> slice;
        const long long size = (long long)items.size();
        const long long begin = offset < 0 ? size + offset : offset;
        const long long end = last < 0 ? size + last : last;
        for (long long i = std::max(0LL, begin); i <= end && i < size; ++i)
            slice.push_back(items[std::size_t(i)]);
        out += renderItems(s, slice);
        return Flow::Normal;
    }

private:
    std::string groupByOf(Scholar &s) const
    {
        return options().groupBy ? interpolate(s.ctx(), *options().groupBy) : s.config().string("group_by");
    }

    static std::vector<std::string> groupKeys(const std::string &groupBy)
    {
        std::vector<std::string> keys = splitList(Value(groupBy));
        for (std::string &k : keys)
            if (k == "month")
                k = "month_numeric";
        return keys;
    }

    std::vector<std::string> groupOrder(const Scholar &s) const
    {
        return options().groupOrder ? splitList(Value(*options().groupOrder)) : s.config().list("group_order");
    }

    static GroupValue groupValue(const Scholar &s, const std::string &key, const Item &item)
    {
        GroupValue v;
        if (key == "type") {
            const Hash aliases = mergedDefaults(s, "type_aliases");
            const Value alias = aliases.value(item.type);
            v.text = alias.isNil() ? item.type : alias.toString();
            return v;
        }
        const std::string *field = nullptr;
        if (key == "name") {
            for (const char *f : {"author", "editor", "institution", "organization", "publisher"})
                if ((field = item.field(f)))
                    break;
        } else {
            field = item.field(key);
        }
        if (field && key != "year" && key != "date" && key != "name" && isNumeric(*field)) {
            v.integer = true;
            v.number = std::stoll(*field);
        } else if (field) {
            v.text = *field;
        }
        return v;
    }

    static Hash mergedDefaults(const Scholar &s, const char *key)
    {
        Hash merged = Config::defaults().value(key).hash();
        for (const auto &[k, v] : s.config().hash(key))
            merged.set(k, v);
        return merged;
    }

    static int compareGroups(const Scholar &s, const std::string &key, const GroupValue &a, const GroupValue &b)
    {
        if (key == "type") {
            const Value order = s.config().value("type_order");
            const auto indexOf = [&](const std::string &t) -> int {
                int i = 0;
                for (const Value &v : order.array()) {
                    if (v.toString() == t)
                        return i;
                    ++i;
                }
                return -1;
            };
            const int ia = indexOf(a.text), ib = indexOf(b.text);
            if (ia < 0 && ib < 0)
                return 0;
            if (ia < 0)
                return 1;
            if (ib < 0)
                return -1;
            return ia < ib ? -1 : ia > ib ? 1 : 0;
        }
        if (a.integer != b.integer)
            return a.integer ? -1 : 1;   // Ruby cannot compare them; numbers first
        if (a.integer)
            return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
        const int c = a.text.compare(b.text);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    static std::string groupName(const Scholar &s, const std::string &key, const GroupValue &v)
    {
        if (key == "type") {
            const Value name = mergedDefaults(s, "type_names").value(v.text);
            return name.isNil() ? v.text : name.toString();
        }
        if (key == "month_numeric") {
            static const char *const kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July",
                                                      "August", "September", "October", "November", "December"};
            const Value names = s.config().value("month_names");
            const long long n = v.integer ? v.number : 0;
            if (names.isNil())
                return n >= 1 && n <= 12 ? kMonthNames[n - 1] : "(unknown)";
            const Value name = n >= 1 ? names.at(Value(std::int64_t(n - 1))) : Value();
            return name.isNil() ? "(unknown)" : name.toString();
        }
        return v.integer ? std::to_string(v.number) : v.text;
    }

    // BibliographyTag#render_groups: a heading per group (h2, then h3 for
    // the next key...), groups in group_order, entries in their sorted order.
    std::string renderGroups(Scholar &s, const std::vector<const Item *> &items, const std::vector<std::string> &keys,
                             std::size_t level = 0) const
    {
        if (level == keys.size())
            return renderItems(s, items);
        const std::string &key = keys[level];
        std::vector<std::pair<GroupValue, std::vector<const Item *>>> groups;
        for (const Item *item : items) {
            const GroupValue v = groupValue(s, key, *item);
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == v; });
            if (it == groups.end()) {
                groups.emplace_back(v, std::vector<const Item *>{});
                it = groups.end() - 1;
            }
            it->second.push_back(item);
        }
        const std::vector<std::string> order = groupOrder(s);
        const std::string direction = level < order.size() ? order[level] : (order.empty() ? "" : order.back());
        const bool down = QRegularExpression(QStringLiteral("^(desc|reverse)"), QRegularExpression::CaseInsensitiveOption)
                              .match(qs(direction))
                              .hasMatch();
        std::stable_sort(groups.begin(), groups.end(), [&](const auto &a, const auto &b) {
            return (down ? compareGroups(s, key, b.first, a.first) : compareGroups(s, key, a.first, b.first)) < 0;
        });
        const std::vector<std::string> tags = s.config().list("bibliography_group_tag");
        const std::string tag = level < tags.size() ? tags[level] : (tags.empty() ? "h2" : tags.back());
        std::string out;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            if (i)
                out += "\n";
            out += contentTag(tag, groupName(s, key, groups[i].first), {{"class", s.config().string("bibliography_class")}});
            out += "\n";
            out += renderGroups(s, groups[i].second, keys, level + 1);
        }
        return out;
    }

    struct EntryTemplate final {
        liquid::TemplatePtr tmpl;
        bool usesReference = true;
    };

    // The bibliography_template: --template, else the setting; a layout's
    // content when it names one of the site's layouts, else Liquid text.
    EntryTemplate entryTemplate(Scholar &s) const
    {
        std::string source = options().templ ? *options().templ : s.config().string("bibliography_template");
        QString file = QStringLiteral("bibliography_template");
        int firstLine = 1;
        if (source.empty()) {
            source = "{{reference}}";
        } else if (const std::shared_ptr<const SiteSnapshot> site = currentSite(s.ctx())) {
            if (auto it = site->layouts.find(source); it != site->layouts.end()) {
                file = it->second.file;
                firstLine = it->second.firstLine;
                source = it->second.content;
            }
        }
        ParsedTemplate parsed = m_templates.parse(s.ctx().environment(), source, file, firstLine);
        if (parsed.tmpl)
            return {parsed.tmpl, usesReference(source)};
        if (parsed.firstReport)
            warnAt(s.ctx(), s.location(),
                   Tr::tr("jekyll-scholar: the bibliography template does not parse, so entries are shown "
                          "as formatted references: %1")
                       .arg(parsed.problems));
        return {m_templates.parse(s.ctx().environment(), "{{reference}}", file, 1).tmpl, true};
    }

    // Formatting is the costly part of an entry; a template that never
    // prints `reference` (al-folio's bib layout) does without it. An
    // include may print it too.
    static bool usesReference(const std::string &source)
    {
        return source.find("reference") != std::string::npos || source.find("include") != std::string::npos;
    }

    // BibliographyTag#render_items.
    std::string renderItems(Scholar &s, const std::vector<const Item *> &items) const
    {
        const EntryTemplate tmpl = entryTemplate(s);
        const bool needReference = tmpl.usesReference;
        std::vector<std::string> references;
        if (needReference)
            references = s.references(items);
        const bool detailsLinks = s.generatesDetails() && s.config().flag("details_link");
        const Value page = s.ctx().find("page");
        const Value site = s.ctx().find("site");
        const Value jekyllDrop = s.ctx().find("jekyll");
        const Attributes itemAttributes = attributesOf(s.config().hash("bibliography_item_attributes"));
        std::string list;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Item &item = *items[i];
            const std::string reference =
                referenceTag(item, needReference ? references[i] : std::string(), s.config(), s.prefix());
            const std::string details = s.details(item);
            Hash globals = referenceData(item, reference, s.links(item));
            globals.set("site", site);
            globals.set("jekyll", jekyllDrop);
            globals.set("index", std::int64_t(i + 1));
            globals.set("page", page);
            globals.set("details", details);
            std::string entry = renderEntry(s, *tmpl.tmpl, std::move(globals), i == 0);
            if (detailsLinks)
                entry += linkTo(details, s.config().string("details_link"),
                                {{"class", s.config().string("details_link_class")}});
            if (i)
                list += "\n";
            list += contentTag(s.config().string("bibliography_item_tag"), entry, itemAttributes);
        }
        Attributes listAttributes{{"class", s.config().string("bibliography_class")}};
        for (auto &[k, v] : attributesOf(s.config().hash("bibliography_list_attributes"))) {
            auto it = std::find_if(listAttributes.begin(), listAttributes.end(), [&](const auto &a) { return a.first == k; });
            if (it != listAttributes.end())
                it->second = v;
            else
                listAttributes.emplace_back(k, v);
        }
        const std::string listTag = options().listTag ? *options().listTag : s.config().string("bibliography_list_tag");
        return contentTag(listTag, list, listAttributes);
    }

    // Utilities#bibliography_tag: the template rendered on its own (the
    // gem's Liquid::Template#render: errors inline), with the render's
    // registers (cited keys, the site) and includes.
    static std::string renderEntry(Scholar &s, const liquid::Template &tmpl, Hash globals, bool reportProblems)
    {
        Context sub(s.ctx().environment(), Value(std::move(globals)), liquid::ErrorMode::Inline);
        sub.registers() = s.ctx().registers();
        sub.setIncludeLoader(s.ctx().includeLoader());
        std::string out;
        tmpl.render(sub, out);
        if (reportProblems)
            for (const Diagnostic &d : sub.diagnostics())
                // Spelled out: lupdate does not see this function's Tr as the module's.
                s.ctx().warning(QCoreApplication::translate("folio::site::scholar",
                                                            "jekyll-scholar: in the bibliography template: %1")
                                    .arg(d.format()));
        return out;
    }

    mutable TemplateCache m_templates;
};

// QuoteTag: the body as paragraphs, then the citation.
class QuoteNode final : public ScholarNode
{
public:
    QuoteNode(Location loc, TagOptions options, EnabledCheck enabled, liquid::Block body)
        : ScholarNode(loc, "quote", std::move(options), std::move(enabled)), m_body(std::move(body))
    {}

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        std::string body;
        const Flow flow = m_body.render(s.ctx(), body);
        QString text = qs(body).trimmed();
        text.replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"));
        text.replace(QStringLiteral("\n"), QStringLiteral("<br/>"));
        std::string quote = contentTag("p", text.toStdString());
        quote += contentTag("cite", cite(s, options().keys));
        out += contentTag("blockquote", quote);
        return flow;
    }

private:
    liquid::Block m_body;
};

// BibTeXTag: the body read as BibTeX, each entry as a reference.
class BibtexNode final : public ScholarNode
{
public:
    BibtexNode(Location loc, TagOptions options, EnabledCheck enabled, liquid::Block body)
        : ScholarNode(loc, "bibtex", std::move(options), std::move(enabled)), m_body(std::move(body))
    {}

protected:
    Flow renderTag(Scholar &s, std::string &out) const override
    {
        std::string body;
        const Flow flow = m_body.render(s.ctx(), body);
        const QString file = s.ctx().currentTemplate() ? s.ctx().currentTemplate()->fileName() : QString();
        const std::shared_ptr<const Library> library = libraryFromText(body, s.config(), file);
        for (const Diagnostic &d : library->diagnostics)
            s.ctx().warning(Tr::tr("jekyll-scholar: in the {% bibtex %} block: %1").arg(d.message));
        std::vector<const Item *> items;
        for (const Item &item : library->items)
            items.push_back(&item);
        Style style = s.style();
        Result<std::vector<std::string>> formatted = formatReferences(*library, items, style);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                out += "\n";
            const std::string html = formatted && i < formatted->size() ? (*formatted)[i]
                                                                       : items[i]->liquid.get("title").toString();
            out += referenceTag(*items[i], html, s.config(), s.prefix());
        }
        return flow;
    }

private:
    liquid::Block m_body;
};

template<typename NodeType>
void registerSimple(liquid::Environment &env, const char *name, bool withKeys, const EnabledCheck &enabled)
{
    env.registerTag(name, [name, withKeys, enabled](TagInput &input) -> liquid::NodePtr {
        return std::make_unique<NodeType>(input.location, name, parseTagOptions(input.markup, withKeys), enabled);
    });
}

template<typename NodeType>
void registerBlock(liquid::Environment &env, const char *name, const EnabledCheck &enabled)
{
    liquid::TagSpec spec;
    spec.block = true;
    spec.factory = [enabled](TagInput &input) -> liquid::NodePtr {
        liquid::Block body = input.sections.empty() ? liquid::Block() : std::move(input.sections[0].body);
        return std::make_unique<NodeType>(input.location, parseTagOptions(input.markup, true), enabled, std::move(body));
    };
    env.registerTag(name, std::move(spec));
}

} // namespace

void registerTags(liquid::Environment &env, EnabledCheck enabled)
{
    registerSimple<BibliographyNode>(env, "bibliography", false, enabled);
    registerSimple<BibliographyCountNode>(env, "bibliography_count", false, enabled);
    registerSimple<CiteNode>(env, "cite", true, enabled);
    registerSimple<NoCiteNode>(env, "nocite", true, enabled);
    registerSimple<ReferenceNode>(env, "reference", true, enabled);
    registerSimple<CiteDetailsNode>(env, "cite_details", true, enabled);
    registerSimple<DetailsLinkNode>(env, "details_link", true, enabled);
    registerBlock<QuoteNode>(env, "quote", enabled);
    registerBlock<BibtexNode>(env, "bibtex", enabled);
}

} // namespace folio::site::scholar
