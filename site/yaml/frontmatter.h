// Front matter as Jekyll 4.3 finds it, and a detector for the mistake of
// writing the keys below an empty front matter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::site::yaml {

// A document split as Jekyll's Document::YAML_FRONT_MATTER_REGEXP
//   \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)   (Ruby, multiline)
// splits it. A UTF-8 BOM before the first `---` is skipped (Jekyll reads
// files with "bom|utf-8"). CRLF files work because \s matches \r.
struct FrontMatterSplit final {
    bool hasFrontMatter = false;
    // The YAML between the opening `---` line and the closing `---`/`...`
    // line (the opening line itself is left out: it carries no data).
    std::string_view yaml;
    int yamlFirstLine = 0;       // 1-based line of `yaml` in the file (2 usually)
    // What follows the closing line. Note Jekyll's `\s*$\n?` after the closing
    // `---` also swallows the blank lines that follow it.
    std::string_view body;
    int bodyFirstLine = 1;       // 1-based line of `body` in the file
};

// Without front matter, body is the whole text (minus a BOM), line 1.
FrontMatterSplit split(std::string_view fileText);

// Jekyll's Utils.has_yaml_header?: the first line is `---` plus optional
// spaces (\A---\s*\r?\n). This decides whether a file outside collections is
// a page (rendered) or a static file (copied). The file is read in binary
// mode here, so a BOM before `---` makes Jekyll treat the file as static.
bool hasYamlHeader(std::string_view fileText);

// A document whose front matter is empty (only blank or comment lines) and
// whose body starts with lines that look like `key: value` YAML: the author
// put the keys below the closing `---`. Jekyll renders them as a paragraph
// and the page misses its title, venue, date...
struct MisplacedFrontMatter final {
    bool found = false;
    int firstLine = 0;               // 1-based lines in the file
    int lastLine = 0;
    std::vector<std::string> keys;   // in order of appearance
};

// Looks only at the start of the body: a run of `key: value` lines (keys
// made of letters, digits, '_' and '-'; indented continuation lines and
// `- item` lines under a key are part of the run), ended by a blank line or
// the end of the text. Needs at least one key, and when the run has a single
// line it must not read like prose (the key must be a known front matter key
// or the line must be followed by another key line).
MisplacedFrontMatter findMisplacedFrontMatter(const FrontMatterSplit &split);

// The warning for the site layer, e.g. "_publications/p.md:3: front matter keys
// found in the body (title, collection, venue on lines 3-5): Jekyll shows them
// as text and the page has no title; move them between the --- lines".
std::string describe(const MisplacedFrontMatter &found, std::string_view fileName);

} // namespace folio::site::yaml
