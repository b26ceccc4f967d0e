// YAML through yaml-cpp's event parser, with Psych's semantics layered on top.
//
// The event API (not YAML::Node) is used because the node tree loses what
// Psych needs: the order and duplicates of keys (the last duplicate wins in
// Ruby), which node a merge key's value was (alias, mapping, sequence), and
// the first document only (Psych.safe_load stops after it).
#include "yaml.h"
#include "yamltr.h"

#include "scalar.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <map>
#include <optional>
#include <tuple>
#include <set>
#include <sstream>
#include <vector>

namespace folio::site::yaml {
namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

using liquid::Array;
using liquid::Hash;
using liquid::Value;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

// A failure at a place in the text, thrown out of the event handler.
struct LoadFailure final {
    int pos = -1;     // byte offset in the parsed text, -1 if unknown
    int line = 0;     // 0-based, as yaml-cpp's Mark
    int column = 0;
    std::string message;
};

// yaml-cpp 0.7 ends a plain scalar at '?' inside [ ] and { } ("[x?y]",
// "{url: http://x.org/a?b=c}") and fails; libyaml reads "x?y". A '?' glued to
// the character before it is never YAML's key indicator, so when parsing
// fails such '?' are swapped for this private-use character, the text is
// parsed again and the scalars get their '?' back.
constexpr std::string_view kQuestionStandIn = "\xEE\x80\x80";   // U+E000

std::string restoreQuestionMarks(std::string value)
{
    for (std::size_t at = value.find(kQuestionStandIn); at != std::string::npos;
         at = value.find(kQuestionStandIn, at + 1))
        value.replace(at, kQuestionStandIn.size(), "?");
    return value;
}

// A finished node and what Psych's merge-key logic needs to know about it.
struct Node final {
    enum class Kind { Scalar, Alias, Sequence, Mapping };
    Value value;
    Kind kind = Kind::Scalar;
    std::string tag;
};

// Ruby's to_s of a non-string hash key: Jekyll hands such keys to Liquid as
// they are (1, true, nil), but Folio's Hash has string keys, so `1: a` is
// stored under "1" and `yes: a` under "true" (Ruby's key is `true`).
std::string keyString(const Value &key)
{
    switch (key.type()) {
    case Value::Type::String: return key.str();
    case Value::Type::Array:
    case Value::Type::Hash: return key.inspect();
    default: return key.toString();
    }
}

std::string disallowed(std::string_view className)
{
    return "Tried to load unspecified class: " + std::string(className);
}

// Psych's visit_Psych_Nodes_Sequence / _Mapping under safe_load: tags that
// name Ruby classes are refused, others (!!seq, !!map, custom) are ignored.
std::string collectionTagError(std::string_view tag, bool mapping)
{
    if (tag == "!omap" || tag == "tag:yaml.org,2002:omap")
        return disallowed("Psych::Omap");
    if (mapping && (tag == "!set" || tag == "tag:yaml.org,2002:set"))
        return disallowed("Psych::Set");
    for (std::string_view prefix : {"!ruby/", "!map:", "!seq:"}) {
        if (tag.starts_with(prefix)) {
            const std::size_t colon = tag.find(':');
            return disallowed(colon == std::string_view::npos ? tag.substr(1) : tag.substr(colon + 1));
        }
    }
    return {};
}

// The event handler's scalars come from text checked to be UTF-8, so an
// invalid byte can only be yaml-cpp's rendering of the escapes \N (0x85) and
// \_ (0xA0) as single Latin-1 bytes; libyaml gives U+0085 and U+00A0.
std::string latin1EscapesToUtf8(const std::string &value)
{
    bool ascii = true;
    for (unsigned char c : value)
        ascii = ascii && c < 0x80;
    if (ascii)
        return value;
    std::string out;
    out.reserve(value.size() + 4);
    for (std::size_t i = 0; i < value.size();) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool valid = len > 0 && i + len <= value.size();
        for (std::size_t k = 1; valid && k < len; ++k)
            valid = (static_cast<unsigned char>(value[i + k]) & 0xC0) == 0x80;
        if (valid) {
            out.append(value, i, len);
            i += len;
        } else {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
            ++i;
        }
    }
    return out;
}

class Builder final : public YAML::EventHandler
{
public:
    Builder(detail::ScalarContext context, std::string_view text, bool questionStandIns)
        : m_context(std::move(context)), m_text(text), m_questionStandIns(questionStandIns)
    {
    }

    Value result() const { return m_root; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        checkEmptyNode(mark);
        m_nodePos = mark.pos;
        deliver(Node{Value(), Node::Kind::Scalar, {}}, anchor);
    }

    // libyaml allows only [0-9A-Za-z_-] in anchor names; yaml-cpp more.
    void OnAnchor(const YAML::Mark &mark, const std::string &name) override
    {
        for (char c : name) {
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
                fail(mark, Tr::tr("the anchor name '%1' may only contain letters, digits, '_' and '-'"
                                  " (quote the value if it is text starting with '&')").arg(qs(name)).toStdString());
        }
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (m_openAnchors.contains(anchor))
            fail(mark, Tr::tr("an alias refers to the collection that contains it; Folio cannot build "
                              "recursive data: copy the values instead of using the alias").toStdString());
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            fail(mark, Tr::tr("unknown alias: define the anchor (&name) before using it (*name)").toStdString());
        m_nodePos = mark.pos;
        deliver(Node{it->second.value, Node::Kind::Alias, it->second.tag}, YAML::NullAnchor);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &rawValue) override
    {
        const std::string value = m_questionStandIns ? restoreQuestionMarks(rawValue) : rawValue;
        detail::Resolved r;
        if (tag == "?")
            r = detail::tokenize(value, m_context);
        else if (tag == "!") {
            r = {Value(latin1EscapesToUtf8(value)), {}};   // quoted or block scalar: always a string
            checkQuoteClosed(mark);
        } else {
            r = detail::resolveTagged(tag, latin1EscapesToUtf8(value), m_context);
            checkQuoteClosed(mark);
        }
        if (!r.ok())
            fail(mark, scalarHint(value, r.error).toStdString());
        m_nodePos = mark.pos;
        deliver(Node{std::move(r.value), Node::Kind::Scalar, tag == "?" || tag == "!" ? std::string() : tag},
                anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        if (const std::string error = collectionTagError(tag, false); !error.empty())
            fail(mark, Tr::tr("%1 (Jekyll loads YAML safely: remove the tag %2)").arg(qs(error), qs(tag)).toStdString());
        open(false, style == YAML::EmitterStyle::Flow, anchor, mark.pos);
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        if (const std::string error = collectionTagError(tag, true); !error.empty())
            fail(mark, Tr::tr("%1 (Jekyll loads YAML safely: remove the tag %2)").arg(qs(error), qs(tag)).toStdString());
        open(true, style == YAML::EmitterStyle::Flow, anchor, mark.pos);
    }

    void OnMapEnd() override { close(); }

private:
    struct Frame final {
        bool mapping = false;
        bool flow = false;
        YAML::anchor_t anchor = YAML::NullAnchor;
        int keyPos = -1;   // where the pending key starts
        Array items;
        Hash hash;
        bool hasKey = false;
        Node key;
    };

    [[noreturn]] static void fail(const YAML::Mark &mark, std::string message)
    {
        throw LoadFailure{mark.pos, mark.line, mark.column, std::move(message)};
    }

    static QString scalarHint(std::string_view text, const std::string &error)
    {
        if (error.ends_with("class: Symbol"))
            return Tr::tr("a value starting with ':' must be quoted, e.g. \"%1\" (Jekyll refuses Ruby symbols: %2)")
                .arg(qs(text), qs(error));
        return Tr::tr("%1 for the value \"%2\": quote it to keep it as text").arg(qs(error), qs(text));
    }

    // Empty nodes that yaml-cpp makes up where libyaml reports an error.
    void checkEmptyNode(const YAML::Mark &mark) const
    {
        if (mark.pos < 0 || std::size_t(mark.pos) >= m_text.size())
            return;
        const char at = m_text[std::size_t(mark.pos)];
        const Frame *frame = m_stack.empty() ? nullptr : &m_stack.back();
        const bool awaitingKey = frame && frame->mapping && !frame->hasKey;
        // ": value" at the start of a line: a pair without its key.
        if (awaitingKey && at == ':')
            fail(mark, Tr::tr("a key is missing before ':'; write the key, or quote a value that starts with ':'").toStdString());
        // "[a, , b]", "{, a: 1}", or a ',' where a value should start.
        if (at == ',' && !(frame && frame->mapping && frame->flow && frame->hasKey))
            fail(mark, Tr::tr("a value is missing before ','; remove the extra ',' or quote a value containing ','").toStdString());
        // A line in a block mapping without "key: ": yaml-cpp makes it a key
        // with an empty value, at the key's own position; libyaml reports
        // "could not find expected ':'".
        if (frame && frame->mapping && !frame->flow && frame->hasKey && frame->keyPos == mark.pos)
            fail(mark, Tr::tr("this line has no 'key: value' form: add ': ' after the key, indent the line to "
                              "continue the value above, or make it a comment with '#'").toStdString());
    }

    // yaml-cpp 0.7 accepts a quoted scalar left open at the end of the text
    // and takes everything up to it; libyaml (Psych) reports "found unexpected
    // end of stream while scanning a quoted scalar". Also checks escapes.
    void checkQuoteClosed(const YAML::Mark &mark) const
    {
        if (mark.pos < 0 || std::size_t(mark.pos) >= m_text.size())
            return;
        // The mark is at the node's first property when it has a tag or an anchor.
        std::size_t start = std::size_t(mark.pos);
        while (start < m_text.size() && (m_text[start] == '!' || m_text[start] == '&')) {
            while (start < m_text.size() && !std::isspace(static_cast<unsigned char>(m_text[start])))
                ++start;
            while (start < m_text.size() && (m_text[start] == ' ' || m_text[start] == '\t'))
                ++start;
        }
        if (start >= m_text.size())
            return;
        const char quote = m_text[start];
        if (quote != '"' && quote != '\'')
            return;
        for (std::size_t i = start + 1; i < m_text.size(); ++i) {
            if (quote == '"' && m_text[i] == '\\') {
                // yaml-cpp also takes \' as an escape; libyaml refuses it.
                if (i + 1 < m_text.size() && m_text[i + 1] == '\'') {
                    YAML::Mark at = mark;
                    at.pos = int(i);
                    fail(at, Tr::tr("\\' is not an escape in double quotes: write ' alone").toStdString());
                }
                ++i;
                continue;
            }
            if (m_text[i] != quote)
                continue;
            if (quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') {
                ++i;   // '' is a quote inside single quotes
                continue;
            }
            return;
        }
        fail(mark, Tr::tr("the quoted value is not closed: add the closing %1").arg(QChar::fromLatin1(quote)).toStdString());
    }

    void open(bool mapping, bool flow, YAML::anchor_t anchor, int pos)
    {
        Frame frame;
        frame.mapping = mapping;
        frame.flow = flow;
        frame.anchor = anchor;
        m_openPos.push_back(pos);
        if (anchor != YAML::NullAnchor)
            m_openAnchors.insert(anchor);
        m_stack.push_back(std::move(frame));
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        m_nodePos = m_openPos.back();
        m_openPos.pop_back();
        if (frame.anchor != YAML::NullAnchor)
            m_openAnchors.erase(frame.anchor);
        if (frame.mapping)
            deliver(Node{Value(std::move(frame.hash)), Node::Kind::Mapping, {}}, frame.anchor);
        else
            deliver(Node{Value(std::move(frame.items)), Node::Kind::Sequence, {}}, frame.anchor);
    }

    void deliver(Node node, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor)
            m_anchors[anchor] = node;   // a later &name with the same name gets a new id
        if (m_stack.empty()) {
            m_root = std::move(node.value);
            return;
        }
        Frame &frame = m_stack.back();
        if (!frame.mapping) {
            frame.items.push_back(std::move(node.value));
        } else if (!frame.hasKey) {
            frame.key = std::move(node);
            frame.hasKey = true;
            frame.keyPos = m_nodePos;
        } else {
            insert(frame.hash, frame.key, node);
            frame.hasKey = false;
        }
    }

    // Psych's revive_hash: `<<` (unless tagged !!str) merges a mapping or the
    // mappings of a sequence with Hash#merge!, so merged keys override keys
    // written before the `<<` line; anything else is stored under "<<".
    static void insert(Hash &hash, const Node &key, const Node &value)
    {
        const bool mergeKey = key.value.isString() && key.value.str() == "<<" && key.tag != kStrTag;
        if (mergeKey && (value.kind == Node::Kind::Alias || value.kind == Node::Kind::Mapping)
            && value.value.isHash()) {
            mergeInto(hash, value.value.hash());
            return;
        }
        if (mergeKey && value.kind == Node::Kind::Sequence && allHashes(value.value.array())) {
            Hash merged;
            const Array &sources = value.value.array();
            for (auto it = sources.rbegin(); it != sources.rend(); ++it)
                mergeInto(merged, it->hash());
            mergeInto(hash, merged);
            return;
        }
        hash.set(keyString(key.value), value.value);
    }

    static bool allHashes(const Array &items)
    {
        for (const Value &v : items)
            if (!v.isHash())
                return false;
        return true;
    }

    static void mergeInto(Hash &target, const Hash &source)
    {
        for (const auto &[k, v] : source)
            target.set(k, v);
    }

    detail::ScalarContext m_context;
    std::string_view m_text;
    bool m_questionStandIns = false;
    int m_nodePos = -1;              // where the node being delivered starts
    std::vector<int> m_openPos;      // where each open collection starts
    std::vector<Frame> m_stack;
    std::map<YAML::anchor_t, Node> m_anchors;
    std::set<YAML::anchor_t> m_openAnchors;
    Value m_root;
};

// Line `line0` (0-based) of the text.
std::string_view lineAt(std::string_view text, int line0)
{
    std::size_t pos = 0;
    for (int i = 0; i < line0; ++i) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    const std::size_t end = text.find('\n', pos);
    return text.substr(pos, end == std::string_view::npos ? end : end - pos);
}

// A hint that says what to do, for yaml-cpp's terse messages.
// The value part of a `key: value` line, or the item of a `- item` line.
std::string_view valueOf(std::string_view line)
{
    const std::size_t colon = line.find(": ");
    std::string_view value = colon == std::string_view::npos ? line : line.substr(colon + 2);
    const std::size_t first = value.find_first_not_of(" \t-");
    return first == std::string_view::npos ? std::string_view() : value.substr(first);
}

// Why a line that yaml-cpp could not fit into the mapping broke, from its value.
QString hintForValue(std::string_view value)
{
    if (value.starts_with('\''))
        return Tr::tr("the value in single quotes ends at the second ': inside single quotes write '' for an "
                      "apostrophe (title: 'It''s'), or use double quotes");
    if (value.starts_with('"'))
        return Tr::tr("the value in double quotes ends at the second \": quote the whole value and write \\\" for "
                      "a quote inside it");
    if (value.starts_with('[') || value.starts_with('{'))
        return Tr::tr("a value starting with [ or { is a YAML list or map: quote the whole value if it is text");
    return Tr::tr("check the indentation of this line against the lines above; a value containing ': ' or "
                  "' #' must be quoted");
}

QString hintFor(std::string_view message, std::string_view line)
{
    const std::size_t indentEnd = line.find_first_not_of(" \t");
    if (line.substr(0, indentEnd).find('\t') != std::string_view::npos)
        return Tr::tr("indent YAML with spaces, not tabs");
    if (message == YAML::ErrorMsg::MAP_VALUE)
        return Tr::tr("a value containing ': ' must be quoted, e.g. title: \"Part 1: the start\"");
    if (message == YAML::ErrorMsg::TAB_IN_INDENTATION)
        return Tr::tr("indent YAML with spaces, not tabs");
    if (message == YAML::ErrorMsg::UNKNOWN_TOKEN)
        return Tr::tr("a value starting with @, ` or % must be quoted");
    if (message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ)
        return hintForValue(valueOf(line));
    if (message == YAML::ErrorMsg::END_OF_MAP_FLOW || message == YAML::ErrorMsg::END_OF_SEQ_FLOW)
        return Tr::tr("close the { or [ opened before, or quote the value if it is text starting with { or [");
    if (message == YAML::ErrorMsg::BLOCK_ENTRY)
        return Tr::tr("a list item ('- ') cannot follow a key's value on the same level; indent the list under its key");
    if (message == YAML::ErrorMsg::EOF_IN_SCALAR)
        return Tr::tr("a quoted value is not closed: add the closing quote");
    if (message.starts_with(YAML::ErrorMsg::UNKNOWN_ANCHOR))
        return Tr::tr("define the anchor (&name) before using it (*name), or quote a value that starts with '*'");
    if (message.starts_with(YAML::ErrorMsg::INVALID_ESCAPE) || message == YAML::ErrorMsg::INVALID_HEX
        || message.starts_with(YAML::ErrorMsg::INVALID_UNICODE))
        return Tr::tr("in double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes");
    if (message == YAML::ErrorMsg::CHAR_IN_BLOCK)
        return Tr::tr("a value starting with | or > is a block of text on the following lines: quote the value, "
                      "or move the text to the next lines, indented");
    if (message == YAML::ErrorMsg::DOC_IN_SCALAR)
        return Tr::tr("a line starting with --- or ... ends the YAML; quote or indent the value");
    return Tr::tr("fix the YAML syntax here");
}

// The first byte that is not valid UTF-8, as an offset; npos if none.
std::size_t invalidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > s.size())
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

// 0-based line and column (in characters) of a byte offset.
std::pair<int, int> position(std::string_view s, std::size_t offset)
{
    int line = 0, column = 0;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++line;
            column = 0;
        } else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

Error makeParseError(const LoadOptions &options, int line0, int column0, const std::string &message,
                     ParseError *error)
{
    ParseError parts;
    parts.fileName = options.fileName;
    parts.line = line0 + options.firstLine;
    parts.column = column0 + 1;
    parts.message = QString::fromStdString(message);
    if (error)
        *error = parts;
    const QString where = QStringLiteral("%1:%2").arg(parts.line).arg(parts.column);
    return makeError((parts.fileName.isEmpty() ? where : parts.fileName + u':' + where) + QStringLiteral(": ")
                     + parts.message);
}

std::string_view withoutBom(std::string_view text)
{
    return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

// One parse of `text`: the value, or where and why it failed.
struct Attempt final {
    Value value;
    std::optional<LoadFailure> failure;
};

Attempt parseDocument(std::string_view text, const LoadOptions &options, bool questionStandIns)
{
    std::istringstream stream{std::string(text)};
    Builder builder(detail::ScalarContext{options.timezone}, text, questionStandIns);
    try {
        YAML::Parser parser(stream);
        // Only the first document is read, as Psych does. yaml-cpp may end it
        // early at text it cannot fit ("- a\n{ b") where libyaml's look-ahead
        // sometimes reports an error and sometimes not: that is left as is.
        if (!parser.HandleNextDocument(builder))
            return {};
    } catch (const LoadFailure &failure) {
        return {Value(), failure};
    } catch (const YAML::Exception &e) {
        LoadFailure failure;
        if (!e.mark.is_null())
            failure = LoadFailure{e.mark.pos, e.mark.line, e.mark.column, {}};
        failure.message = e.msg + ": " + hintFor(e.msg, lineAt(text, failure.line)).toStdString();
        return {Value(), failure};
    }
    return {builder.result(), std::nullopt};
}

// The text with every '?' that follows a non-blank, non-flow-indicator
// character replaced by kQuestionStandIn; empty when there is none.
std::string withQuestionStandIns(std::string_view text)
{
    if (text.find(kQuestionStandIn) != std::string_view::npos)
        return {};
    std::string out;
    bool replaced = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool glued = text[i] == '?' && i > 0
                           && std::string_view(" \t\r\n[{,").find(text[i - 1]) == std::string_view::npos;
        if (glued) {
            out += kQuestionStandIn;
            replaced = true;
        } else {
            out += text[i];
        }
    }
    return replaced ? out : std::string();
}

// A byte offset in the stand-in text, in the original text.
std::size_t originalOffset(std::string_view modified, std::size_t pos)
{
    std::size_t standIns = 0;
    for (std::size_t at = modified.find(kQuestionStandIn); at != std::string_view::npos && at < pos;
         at = modified.find(kQuestionStandIn, at + 1))
        ++standIns;
    return pos - standIns * (kQuestionStandIn.size() - 1);
}

} // namespace

Result<liquid::Value> load(std::string_view text, const LoadOptions &options, ParseError *error)
{
    text = withoutBom(text);
    if (const std::size_t bad = invalidUtf8(text); bad != std::string_view::npos) {
        const auto [line, column] = position(text, bad);
        return makeParseError(options, line, column,
                              Tr::tr("invalid UTF-8 byte: save the file with the UTF-8 encoding").toStdString(), error);
    }
    Attempt attempt = parseDocument(text, options, false);
    std::string modified;
    if (attempt.failure && !(modified = withQuestionStandIns(text)).empty())
        attempt = parseDocument(modified, options, true);
    if (!attempt.failure)
        return attempt.value;

    const LoadFailure &failure = *attempt.failure;
    int line = failure.line, column = failure.column;
    if (failure.pos >= 0) {
        const std::size_t pos = modified.empty() ? std::size_t(failure.pos)
                                                 : originalOffset(modified, std::size_t(failure.pos));
        std::tie(line, column) = position(text, pos);
    }
    return makeParseError(options, line, column, failure.message, error);
}

} // namespace folio::site::yaml
