// Editing a document's front matter key by key without touching anything
// else: the form of the editor changes one field and only that key's lines
// are rewritten, so comments, key order, quoting, CRLF line ends, a BOM and the
// body keep every byte. Values are read with the same loader Jekyll's reading
// uses (yaml.h); every edit is read back with it and refused when the result
// would not read as intended, so the form can never corrupt a file silently.
#pragma once

#include "site/core/result.h"
#include "site/liquid/value.h"
#include "site/yaml/yaml.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::site::yaml {

// How a value is written in the file: edits keep it where the new value allows.
enum class ValueStyle {
    Empty,          // `key:` with nothing (nil)
    Plain,          // key: text
    SingleQuoted,   // key: 'text'
    DoubleQuoted,   // key: "text"
    Literal,        // key: |  (any chomping/indent indicator)
    Folded,         // key: >-
    FlowList,       // key: [a, b]
    FlowMap,        // key: {a: b}
    BlockList,      // key:\n  - a
    BlockMap,       // key:\n  a: b
    Alias,          // key: *anchor
};

// One top-level key of the front matter as written. Offsets are bytes in the
// whole document text given to readFrontMatter (BOM included).
struct FrontMatterKey final {
    std::string key;             // the key, unquoted ("<<" for a merge key)
    std::size_t begin = 0;       // start of the key's first line
    std::size_t end = 0;         // past the line end of its last line
    std::size_t valueBegin = 0;  // just after the ':' on the first line
    int firstLine = 0;           // 1-based lines in the document
    int lastLine = 0;
    ValueStyle style = ValueStyle::Empty;
    std::string anchor;          // "&name" written before the value, or ""
    std::string tag;             // "!!str" written before the value, or ""
    std::string itemIndent;      // block lists: what precedes "- " on item lines
    // The YAML text of the value (after "key:", inner line ends included,
    // the last one left out): what a raw editor shows.
    std::string rawValue;
};

struct FrontMatterLayout final {
    bool hasFrontMatter = false;
    bool hasBom = false;
    std::size_t yamlBegin = 0;   // the YAML between the `---` lines, in bytes
    std::size_t yamlEnd = 0;
    int yamlFirstLine = 0;
    std::string lineEnd = "\n";  // "\r\n" when the front matter (or file) uses CRLF
    std::vector<FrontMatterKey> keys;   // in file order (duplicates kept)
    // The front matter as the loader reads it (merge keys resolved); nil when
    // empty or broken.
    liquid::Value values;
    QString error;               // "file:line:col: ..." when the YAML does not load

    // The last occurrence of `key` (the one whose value wins), or null.
    const FrontMatterKey *find(std::string_view key) const;
    bool ok() const { return error.isEmpty(); }
};

// Reads the front matter of `text` (a whole document). Never fails: a YAML
// error is in `error`, keys are still listed from the lines.
FrontMatterLayout readFrontMatter(std::string_view text, const LoadOptions &options = {});

// One replacement of a byte range: what the editor applies as one cursor edit.
struct TextEdit final {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string replacement;
};

std::string applyEdit(std::string_view text, const TextEdit &edit);

// Sets `key` to `value`: rewrites its lines, or adds it after the last key
// (creating the front matter when there is none). The style of the existing
// value is kept where the value allows (quotes, block list, folded text, a
// trailing comment on the key's line, an anchor). Fails, saying why and what
// to do, when the front matter does not load or the result would not read
// back as `value` (or would change another key).
Result<TextEdit> setValueEdit(std::string_view text, std::string_view key, const liquid::Value &value,
                              const LoadOptions &options = {});
// Sets `key` to a value given as YAML text as it should appear after "key:"
// (" 2020-01-02 10:00:00", "\n  a: 1"): for raw editors and the date field,
// which keeps the file's own date format. The text must load.
Result<TextEdit> setRawValueEdit(std::string_view text, std::string_view key, std::string_view yamlValue,
                                 const LoadOptions &options = {});
// Removes `key`'s lines (every occurrence). Removing a missing key is no edit
// (an empty TextEdit at 0).
Result<TextEdit> removeKeyEdit(std::string_view text, std::string_view key, const LoadOptions &options = {});
// Replaces the whole YAML between the `---` lines (the "as text" view).
TextEdit replaceYamlEdit(std::string_view text, std::string_view yaml);

// Convenience: the edited text.
Result<std::string> setValue(std::string_view text, std::string_view key, const liquid::Value &value,
                             const LoadOptions &options = {});
Result<std::string> removeKey(std::string_view text, std::string_view key, const LoadOptions &options = {});

// A scalar as YAML text that reads back (with load()) as the same value, in
// `preferred` style when possible (Plain, SingleQuoted, DoubleQuoted; others
// are chosen by the content). `flow`: inside [ ] or { }.
std::string formatScalar(const liquid::Value &value, ValueStyle preferred = ValueStyle::Plain, bool flow = false);

} // namespace folio::site::yaml
