// Which fields the front-matter form shows for a document: the keys
// academicpages gives meaning to in that document's collection, the keys the
// collection's other files use, and the `_config.yml` defaults that apply to
// the document (shown as placeholders), each with the widget its values need.
#pragma once

#include "site/liquid/value.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace folio::site::model {
class Site;
}

namespace folio::editor {

enum class FieldKind {
    Text,        // one line
    MultiLine,   // excerpt, citation, or a value with line breaks
    Date,        // a date picker
    List,        // tags, categories: a list of words
    Bool,        // a checkbox
    Layout,      // a layout from _layouts
    Url,         // a link, checked for what is not a URL and invisible characters
    Raw,         // anything else (nested maps, lists of maps): YAML text
};

struct FieldSpec final {
    QString key;
    FieldKind kind = FieldKind::Text;
    bool builtIn = false;      // one of academicpages' fields for this collection
    QString placeholder;       // the _config.yml default for this document, as text
};

struct Schema final {
    QString type;              // the collection label ("publications") or "pages"
    QList<FieldSpec> fields;   // academicpages' fields first, then the defaults' and the collection's keys
    QStringList layouts;       // from _layouts, sorted
    // Values of list fields seen in the collection (tags, categories), for completion.
    QHash<QString, QStringList> knownValues;

    const FieldSpec *field(const QString &key) const;
};

// The fields academicpages' own files and templates use for a collection
// ("posts", "publications", "talks", "teaching", "portfolio", "pages"; others
// get title, date, permalink, excerpt).
QStringList builtInFields(const QString &type);

// The widget a key needs: by its name first (date, tags, *url, layout...),
// then by `value` (a boolean, a date, text with line breaks, a map).
FieldKind kindFor(const QString &key, const site::liquid::Value &value);

// The schema of the document at `relativePath` ("_publications/x.md") in the
// collection `type` ("publications", or "pages"). `site` may be null (no site
// loaded): then only academicpages' fields. Reads the front matter of the
// collection's files from disk (their keys and values as written, without
// the defaults the model merged in).
Schema schemaFor(const site::model::Site *site, const QString &type, const QString &relativePath);

// A value as one line of text for a placeholder ("true", "single", "a, b").
QString displayText(const site::liquid::Value &value);

} // namespace folio::editor
