#include "site/model/highlighting.h"

namespace folio::site::model {

using liquid::Value;

namespace {

void note(std::vector<UnsupportedSetting> *unsupported, const std::string &key, bool highlighter = false)
{
    if (unsupported)
        unsupported->push_back({key, highlighter});
}

// kramdown's Options.str_to_sym on the highlighter's name: "" and "nil" are
// no highlighter, a leading ':' is dropped; names are case-sensitive.
std::string highlighterName(const Value &v)
{
    std::string s = v.toString();
    s.erase(0, s.find_first_not_of(" \t\n\r\f\v"));
    s.erase(s.find_last_not_of(" \t\n\r\f\v") + 1);
    if (!s.empty() && s.front() == ':')
        s.erase(0, 1);
    return s == "nil" ? std::string() : s;
}

// One level of syntax_highlighter_opts onto `o`: the options Rouge's
// HTMLLegacy and HTMLTable formatters and kramdown read. Keys they ignore
// change nothing and are ignored here too.
void apply(const Value &opts, markdown::RougeOptions &o, const std::string &prefix, std::vector<UnsupportedSetting> *unsupported)
{
    for (const auto &[rawKey, v] : opts.hash()) {
        // kramdown turns the keys into symbols (":css_class" is css_class).
        const std::string key = !rawKey.empty() && rawKey.front() == ':' ? rawKey.substr(1) : rawKey;
        if (key == "disable")
            o.disable = v.truthy();
        else if (key == "default_lang")
            o.defaultLang = v.truthy() ? v.toString() : std::string();
        else if (key == "guess_lang")
            o.guessLang = v.truthy();
        else if (key == "css_class")
            o.cssClass = v.truthy() ? v.toString() : "highlight"; // kramdown's `||= 'highlight'`
        else if (key == "wrap")
            o.wrap = v.truthy();
        else if (key == "line_numbers")
            o.lineNumbers = v.truthy();
        else if (key == "start_line" && v.isInt())
            o.startLine = v.toInt();
        else if (key == "table_class")
            o.tableClass = v.toString();
        else if (key == "gutter_class")
            o.gutterClass = v.toString();
        else if (key == "code_class")
            o.codeClass = v.toString();
        else if (key == "start_line" || (key == "line_format" && v.toString() != "%i")
                 || ((key == "formatter" || key == "inline_theme") && v.truthy()))
            note(unsupported, prefix + key);
    }
}

} // namespace

markdown::Highlighting highlightingSettings(const Value &config, std::vector<UnsupportedSetting> *unsupported)
{
    const Value kramdown = config.get("kramdown");
    markdown::Highlighting h;

    // kramdown: syntax_highlighter > kramdown: enable_coderay > highlighter.
    std::string key = "kramdown.syntax_highlighter";
    Value setting = kramdown.get("syntax_highlighter");
    if (!setting.truthy()) {
        key = kramdown.get("enable_coderay").truthy() ? "kramdown.enable_coderay" : "highlighter";
        setting = kramdown.get("enable_coderay").truthy() ? Value("coderay")
                  : config.get("highlighter").truthy()    ? config.get("highlighter")
                                                          : Value("rouge");
    }
    const std::string name = highlighterName(setting);
    h.rouge = name == "rouge";
    // kramdown's other highlighters (minted writes LaTeX, coderay is a
    // separate gem): Folio writes the code without highlighting.
    if (name == "minted" || name == "coderay")
        note(unsupported, key + ": " + name, true);

    const Value opts = kramdown.get("syntax_highlighter_opts");
    markdown::RougeOptions top;
    apply(opts, top, "kramdown.syntax_highlighter_opts.", unsupported);
    // Jekyll's setup: default_lang ||= "plaintext"; guess_lang from kramdown's.
    if (top.defaultLang.empty())
        top.defaultLang = "plaintext";
    top.guessLang = kramdown.get("guess_lang").truthy();
    h.block = top;
    apply(opts.get("block"), h.block, "kramdown.syntax_highlighter_opts.block.", unsupported);
    h.span = top;
    apply(opts.get("span"), h.span, "kramdown.syntax_highlighter_opts.span.", unsupported);
    h.span.wrap = false; // kramdown's span options always
    return h;
}

} // namespace folio::site::model
