// _config.yml as Jekyll 4.3 sees it: the user's file deep-merged over Jekyll's
// defaults (Configuration::DEFAULTS), with the default `posts` collection and
// the default excludes added. The merged hash is what templates see as `site`.
#pragma once

#include "site/core/diagnostic.h"
#include "site/liquid/value.h"
#include "site/markdown/markdown.h"

#include <QDir>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace folio::site::model {

struct CollectionConfig final {
    std::string label;          // "posts", "publications", …
    bool output = false;        // whether its documents get pages
    std::string permalink;      // template; empty = Jekyll's default for the collection
    liquid::Value metadata;     // the collection's whole config hash (site.collections[i].*)
};

// One `defaults:` entry: values applied to documents whose path starts with
// scope.path (a glob when it contains `*`) and whose type matches scope.type.
struct DefaultsRule final {
    std::string path;
    std::string type;           // "posts", "pages", "drafts", a collection label, or empty
    liquid::Value values;       // a hash
};

enum class Environment { Production, Development };

struct BuildOptions final {
    std::optional<bool> showDrafts;   // --drafts
    std::optional<bool> future;       // --future / --no-future
    std::optional<bool> unpublished;
    Environment environment = Environment::Production;
    // Serve mode (`jekyll serve`): site.url becomes the preview's origin.
    std::optional<std::string> urlOverride;
    // Folio's preview: the Markdown of each document's content marks its
    // top-level blocks with data-source-line (markdown::Options::sourceLines).
    bool sourceLines = false;
};

class Config final
{
public:
    // Reads SOURCE/_config.yml (or none) and merges it over Jekyll's defaults.
    // Bad YAML is an error in `sink`; the defaults are used so the rest of the
    // site still builds.
    static Config load(const QString &sourceDir, const BuildOptions &options, DiagnosticSink &sink);
    // For tests and `folio-cli liquid`: a config from a YAML text.
    static Config fromYaml(const std::string &yaml, const QString &sourceDir, DiagnosticSink &sink);

    const liquid::Value &values() const { return m_values; }   // the merged hash
    liquid::Value value(std::string_view key) const { return m_values.get(key); }

    QDir source() const { return m_source; }
    const BuildOptions &buildOptions() const { return m_options; }
    QString layoutsDir() const;     // absolute
    QString includesDir() const;
    QString dataDir() const;
    QString collectionsDir() const; // absolute; the source unless collections_dir is set
    std::string collectionsDirName() const;  // relative, "" by default

    const std::vector<CollectionConfig> &collections() const { return m_collections; }
    const CollectionConfig *collection(std::string_view label) const;
    const std::vector<DefaultsRule> &defaults() const { return m_defaults; }

    QStringList include() const { return m_include; }
    QStringList exclude() const { return m_exclude; }
    QStringList keepFiles() const { return m_keepFiles; }
    QStringList markdownExtensions() const { return m_markdownExts; }   // with leading dots

    bool future() const;
    bool showDrafts() const;
    bool unpublished() const;
    int limitPosts() const { return int(value("limit_posts").toInt()); }
    std::string timezone() const { return value("timezone").toString(); }
    std::string url() const { return value("url").toString(); }
    std::string baseurl() const { return value("baseurl").toString(); }
    std::string excerptSeparator() const { return value("excerpt_separator").toString(); }
    std::string permalinkStyle() const { return value("permalink").toString(); }
    QStringList plugins() const;
    Environment environment() const { return m_environment; }
    bool pageExcerpts() const { return value("page_excerpts").truthy(); }
    // How kramdown highlights code (model/highlighting.h).
    const markdown::Highlighting &highlighting() const { return m_highlighting; }

private:
    void finish(const QString &sourceDir, const BuildOptions &options, DiagnosticSink &sink);

    liquid::Value m_values;
    QDir m_source;
    std::vector<CollectionConfig> m_collections;
    std::vector<DefaultsRule> m_defaults;
    QStringList m_include, m_exclude, m_keepFiles, m_markdownExts;
    BuildOptions m_options;
    Environment m_environment = Environment::Production;
    markdown::Highlighting m_highlighting;
};

// The permalink template for a named style (date, pretty, ordinal, weekdate, none),
// or the style itself when it already is a template.
std::string styleToPermalink(std::string_view style);

// Jekyll's Utils.deep_merge_hashes: `overrides` wins, nested hashes merge.
liquid::Value deepMerge(const liquid::Value &base, const liquid::Value &overrides);

// Ruby's Array(x) on a config value, as strings ("a b" stays one element).
QStringList toStringList(const liquid::Value &v);

} // namespace folio::site::model
