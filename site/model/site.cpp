#include "site.h"
#include "modeltr.h"

#include "defaults.h"
#include "entryfilter.h"
#include "permalink.h"

#include "site/core/parallel.h"
#include "site/jekyll/text.h"
#include "site/liquid/timeformat.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/frontmatteredit.h"
#include "site/yaml/yaml.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <ctime>
#include <regex>
#include <set>

namespace folio::site::model {

using liquid::Array;
using liquid::Hash;
using liquid::Value;

// --- ContentStore ------------------------------------------------------------------

void ContentStore::reset(std::size_t documents)
{
    m_phase.store(Nothing, std::memory_order_release);
    m_excerpts.assign(documents, nullptr);
    m_contents.assign(documents, nullptr);
    m_readEarlier.assign(documents, 0);
    std::lock_guard lock(m_wantedMutex);
    m_wanted.assign(documents, 0);
}

void ContentStore::setExcerpt(int index, std::string html)
{
    if (index < 0 || std::size_t(index) >= m_excerpts.size())
        return;
    html.shrink_to_fit();
    m_excerpts[std::size_t(index)] = std::make_shared<const std::string>(std::move(html));
}

void ContentStore::setContent(int index, std::string html)
{
    if (index < 0 || std::size_t(index) >= m_contents.size())
        return;
    // Kept to the end of the build: without the room left by appending (up to
    // half of each string), which thousands of posts add up to.
    html.shrink_to_fit();
    m_contents[std::size_t(index)] = std::make_shared<const std::string>(std::move(html));
}

std::shared_ptr<const std::string> ContentStore::sharedExcerpt(int index) const
{
    if (phase() < Excerpts || index < 0 || std::size_t(index) >= m_excerpts.size())
        return nullptr;
    return m_excerpts[std::size_t(index)];
}

std::shared_ptr<const std::string> ContentStore::sharedContent(int index) const
{
    if (phase() < UnorderedContents || index < 0 || std::size_t(index) >= m_contents.size())
        return nullptr;
    return m_contents[std::size_t(index)];
}

const std::string *ContentStore::excerpt(int index) const
{
    if (phase() < Excerpts || index < 0 || std::size_t(index) >= m_excerpts.size())
        return nullptr;
    return m_excerpts[std::size_t(index)].get();
}

const std::string *ContentStore::content(int index) const
{
    if (phase() < UnorderedContents || index < 0 || std::size_t(index) >= m_contents.size())
        return nullptr;
    return m_contents[std::size_t(index)].get();
}

void ContentStore::markReadEarlierContent(int index)
{
    if (index >= 0 && std::size_t(index) < m_readEarlier.size())
        m_readEarlier[std::size_t(index)] = 1;
}

bool ContentStore::readEarlierContent(int index) const
{
    return index >= 0 && std::size_t(index) < m_readEarlier.size() && m_readEarlier[std::size_t(index)];
}

void ContentStore::markContentWanted(int index)
{
    std::lock_guard lock(m_wantedMutex);
    if (index >= 0 && std::size_t(index) < m_wanted.size())
        m_wanted[std::size_t(index)] = 1;
}

bool ContentStore::contentWanted(int index) const
{
    std::lock_guard lock(m_wantedMutex);
    return index >= 0 && std::size_t(index) < m_wanted.size() && m_wanted[std::size_t(index)];
}

// --- helpers -----------------------------------------------------------------------

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
std::string us(const QString &s) { return s.toStdString(); }

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Ruby's File.extname: ".md" for "a.md", "" for ".htaccess" and "a.".
std::string extname(std::string_view name)
{
    const std::size_t slash = name.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == base.size())
        return {};
    // Leading dots of a dotfile do not start an extension.
    std::size_t firstNonDot = base.find_first_not_of('.');
    if (firstNonDot == std::string_view::npos || dot < firstNonDot)
        return {};
    return std::string(base.substr(dot));
}

std::string stripTrailingDots(std::string s)
{
    while (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

// A file read for the site: its text without a BOM, or why it was skipped.
struct SourceText final {
    bool ok = false;
    std::string text;
};

SourceText readSource(const QString &path, const QString &relative, DiagnosticSink &sink)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        sink.error(relative, 0, 0, Tr::tr("cannot read the file: %1").arg(file.errorString()));
        return {};
    }
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    // Jekyll skips a file that is not valid UTF-8; say where the bad byte is.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError()) {
        int line = 1;
        const int bad = int(decoded.indexOf(QChar(QChar::ReplacementCharacter)));
        for (int i = 0; i < bad && i < decoded.size(); ++i)
            if (decoded[i] == QLatin1Char('\n'))
                ++line;
        sink.error(relative, line, 0,
                   Tr::tr("the file is not valid UTF-8 and is skipped; re-save it as UTF-8"));
        return {};
    }
    return {true, bytes.toStdString()};
}

// Utils.has_yaml_header?: the first line is `---` with optional trailing blanks.
bool hasYamlHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(512);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    if (!head.startsWith("---"))
        return false;
    for (int i = 3; i < head.size(); ++i) {
        const char c = head[i];
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            return false;
    }
    return false;
}

liquid::Time fileMtime(const QString &path, std::int32_t offset)
{
    const QDateTime m = QFileInfo(path).lastModified();
    liquid::Time t;
    t.seconds = m.toSecsSinceEpoch();
    t.nanoseconds = std::int32_t((m.toMSecsSinceEpoch() % 1000) * 1000000);
    t.utcOffset = offset;
    return t;
}

// Array(x).map(&:to_s), with strings split on whitespace (categories/tags).
Array splitWords(const Value &v)
{
    Array out;
    if (v.isString()) {
        std::string word;
        for (char c : v.str() + " ") {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (!word.empty())
                    out.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
    } else if (v.isArray()) {
        for (const Value &e : v.array())
            if (!e.isNil())
                out.push_back(e);
    } else if (!v.isNil()) {
        out.push_back(v);
    }
    return out;
}

void appendUnique(Array &into, const Value &v)
{
    for (const Value &e : into)
        if (e.equals(v))
            return;
    into.push_back(v);
}

const std::set<std::string> &liquidBlockTags()
{
    static const std::set<std::string> tags{"if", "unless", "case", "for", "tablerow", "capture",
                                            "comment", "raw", "ifchanged", "highlight"};
    return tags;
}

// A Markdown link definition as Jekyll's MKDWN_LINK_REF_REGEX finds it:
// `^ {0,3}(\[[^\]]+\])(:.+)` where `.` stops at a line end (\n or \r, as the
// engine's regex did). Scanned by hand: std::regex over every post's text
// was a tenth of a build's instructions.
struct LinkDefinition final {
    std::string_view label;   // "[id]" (may span lines, as [^\]] does)
    std::string_view rest;    // ":" and the rest of the line
};

std::vector<LinkDefinition> linkDefinitions(std::string_view text)
{
    std::vector<LinkDefinition> out;
    std::size_t line = 0;
    while (line < text.size()) {
        std::size_t i = line;
        while (i < text.size() && i - line < 3 && text[i] == ' ')
            ++i;
        std::size_t next = std::string_view::npos;   // where the search goes on
        if (i < text.size() && text[i] == '[') {
            const std::size_t close = text.find(']', i + 1);
            if (close != std::string_view::npos && close > i + 1 && close + 1 < text.size()
                && text[close + 1] == ':') {
                std::size_t end = close + 2;
                while (end < text.size() && text[end] != '\n' && text[end] != '\r')
                    ++end;
                if (end > close + 2) {
                    out.push_back({text.substr(i, close + 1 - i), text.substr(close + 1, end - close - 1)});
                    next = end;
                }
            }
        }
        if (next == std::string_view::npos)
            next = line;
        const std::size_t newline = text.find('\n', next);
        if (newline == std::string_view::npos)
            break;
        line = newline + 1;
    }
    return out;
}

// Jekyll's Excerpt#extract_excerpt: the text before the separator, with Liquid
// blocks it leaves open closed, and link/footnote definitions it uses appended.
std::string extractExcerpt(const std::string &content, const std::string &separator)
{
    const std::size_t at = content.find(separator);
    if (at == std::string::npos)
        return content;
    std::string head = content.substr(0, at);
    const std::string tail = content.substr(at + separator.size());
    if (tail.empty())
        return head;
    if (head.find("{%") != std::string::npos) {
        static const std::regex tagRe(R"(\{%-?\s*(\w+)\s*[\s\S]*?-?%\})");
        std::vector<std::string> names;
        for (std::sregex_iterator it(head.begin(), head.end(), tagRe), end; it != end; ++it)
            names.push_back((*it)[1].str());
        for (auto it = names.rbegin(); it != names.rend(); ++it) {
            if (!liquidBlockTags().count(*it))
                continue;
            const std::regex endRe("\\{%-?\\s*end" + *it + "[\\s\\S]*?\\s*-?%\\}");
            if (std::regex_search(head, endRe))
                continue;
            head += "\n{% end" + *it + " %}";
        }
    }
    std::vector<std::string> definitions;
    for (const LinkDefinition &d : linkDefinitions(tail))
        if (head.find(d.label) != std::string::npos)
            definitions.push_back(std::string(d.label) + std::string(d.rest));
    if (definitions.empty())
        return head;
    head += "\n\n";
    for (std::size_t i = 0; i < definitions.size(); ++i) {
        if (i)
            head += "\n";
        head += definitions[i];
    }
    return head;
}

// Jekyll's Document::DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER.
const std::regex &datedFileName()
{
    static const std::regex re(R"(^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$)");
    return re;
}

const std::regex &datelessFileName()
{
    static const std::regex re(R"(^(?:.+/)*(.*)(\.[^.]+)$)");
    return re;
}

} // namespace

std::string titleizeSlug(std::string_view slug)
{
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (start <= slug.size()) {
        std::size_t end = slug.find('-', start);
        if (end == std::string_view::npos)
            end = slug.size();
        std::string word(slug.substr(start, end - start));
        for (std::size_t i = 0; i < word.size(); ++i)
            word[i] = char(i == 0 ? std::toupper(static_cast<unsigned char>(word[i]))
                                  : std::tolower(static_cast<unsigned char>(word[i])));
        if (!first)
            out += ' ';
        out += word;
        first = false;
        start = end + 1;
    }
    return out;
}

bool hasLiquidConstruct(std::string_view text)
{
    return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

bool Document::rendersLiquid(std::string_view text) const
{
    const Value *flag = data.find("render_with_liquid");
    if (flag && flag->isBool() && !flag->toBool())
        return false;
    if (extname == ".yml" || extname == ".yaml" || extname == ".coffee")
        return false;
    return hasLiquidConstruct(text);
}

std::string Document::id() const
{
    // File.join(File.dirname(url), slug || basename); dirname ignores a trailing "/".
    std::string dir = url;
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    const std::size_t slash = dir.rfind('/');
    dir = slash == std::string::npos || slash == 0 ? "/" : dir.substr(0, slash);
    std::string slug = data.value("slug").isNil() ? basename : data.value("slug").toString();
    return dir == "/" ? "/" + slug : dir + "/" + slug;
}

// --- the reader ----------------------------------------------------------------------

class Site::Reader final
{
public:
    Reader(Site &site, DiagnosticSink &sink)
        : m_site(site), m_sink(sink),
          m_filter(site.m_config.source().absolutePath(), site.m_config.include(), site.m_config.exclude())
    {}

    void readAll();
    // Reads the document at `doc`'s path from `text` instead of the file.
    std::unique_ptr<Document> reread(const Document &doc, const std::string &text);

private:
    // The file's text, or the editor's buffer when rereading one document.
    SourceText read(const QString &path, const std::string &relative);
    QString source() const { return m_site.m_config.source().absolutePath(); }
    QString absolute(const std::string &relative) const { return source() + QLatin1Char('/') + qs(relative); }

    // Lists `dir` (relative to the source), returning entries Jekyll reads.
    QStringList entries(const QString &baseDir, bool recursive) const;

    void readLayouts();
    void readDirectory(const QString &dir);
    void readPosts(const QString &dir, const QString &magic, bool drafts);
    void readCollection(const CollectionConfig &collection);
    void readData();
    Value readDataDirectory(const QString &dir);

    std::unique_ptr<Document> readDocument(const QString &path, const std::string &relativePath,
                                           const std::string &collection, bool draft);
    std::unique_ptr<Document> readPage(const QString &dir, const QString &name);
    bool splitFrontMatter(Document &doc, const std::string &text, const QString &displayPath);
    void applyDefaults(Document &doc, const std::string &type);
    void setDateFromData(Document &doc, const QString &displayPath);
    int frontMatterKeyLine(const Document &doc, std::string_view key);
    void populateTitleAndDate(Document &doc);
    void populateCategoriesAndTags(Document &doc, const std::string &specialDir);
    void finishDocument(Document &doc);
    bool publishable(const Document &doc, bool reportFuture);
    void addStatic(const QString &absolutePath, const std::string &relativeFromSource, const std::string &collection,
                   const std::string &collectionDir = {});
    void resolveConflicts();

    Site &m_site;
    DiagnosticSink &m_sink;
    EntryFilter m_filter;
    std::vector<std::unique_ptr<Document>> m_postsRead;
    const std::string *m_unsavedText = nullptr;
};

SourceText Site::Reader::read(const QString &path, const std::string &relative)
{
    if (!m_unsavedText)
        return readSource(path, qs(relative), m_sink);
    std::string_view text = *m_unsavedText;
    if (startsWith(text, "\xEF\xBB\xBF"))
        text.remove_prefix(3);
    return {true, std::string(text)};
}

std::unique_ptr<Document> Site::Reader::reread(const Document &doc, const std::string &text)
{
    m_unsavedText = &text;
    std::unique_ptr<Document> fresh;
    if (doc.isPage()) {
        const QString relative = qs(doc.relativePath);
        const qsizetype slash = relative.lastIndexOf(QLatin1Char('/'));
        fresh = readPage(slash < 0 ? QString() : relative.left(slash), relative.mid(slash + 1));
    } else {
        fresh = readDocument(doc.sourcePath, doc.relativePath, doc.collection, doc.draft);
    }
    m_unsavedText = nullptr;
    if (fresh) {
        fresh->index = doc.index;
        fresh->indexInCollection = doc.indexInCollection;
        fresh->renderOrder = doc.renderOrder;
    }
    return fresh;
}

std::unique_ptr<Document> Site::rereadFromText(const Document &doc, const std::string &text, DiagnosticSink &sink) const
{
    if (doc.generated || doc.sourcePath.isEmpty())
        return nullptr;
    // The reader only reads the site's configuration and clock here.
    Reader reader(const_cast<Site &>(*this), sink);
    return reader.reread(doc, text);
}

QStringList Site::Reader::entries(const QString &baseDir, bool recursive) const
{
    QStringList out;
    const QString base = baseDir.isEmpty() ? source() : source() + QLatin1Char('/') + baseDir;
    if (!recursive) {
        QDir dir(base);
        for (const QString &name : dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                                 QDir::Name)) {
            if (m_filter.accepts(baseDir, name))
                out << name;
        }
        return out;
    }
    QDirIterator it(base, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString entry = path.mid(base.size() + 1);
        if (m_filter.accepts(baseDir, entry))
            out << entry;
    }
    out.sort();
    return out;
}

void Site::Reader::readAll()
{
    readLayouts();
    readDirectory(QString());
    for (const CollectionConfig &c : m_site.m_config.collections())
        if (c.label != "posts")
            readCollection(c);
    readData();

    // Posts: sorted by date then path, as Collection#docs is after reading.
    std::vector<std::unique_ptr<Document>> posts = std::move(m_postsRead);
    for (auto &p : posts)
        m_site.m_documents.push_back(std::move(p));

    // Collections in Jekyll's order: date, then path; documents without a date
    // compare by path.
    for (auto &[label, docs] : m_site.m_collections) {
        std::stable_sort(docs.begin(), docs.end(), [](const Document *a, const Document *b) {
            const bool da = a->data.contains("date"), db = b->data.contains("date");
            if (da && db && a->date.seconds != b->date.seconds)
                return a->date.seconds < b->date.seconds;
            return a->sourcePath < b->sourcePath;
        });
        int i = 0;
        for (const Document *d : docs)
            const_cast<Document *>(d)->indexInCollection = i++;
    }
    // limit_posts keeps the most recent N.
    const int limit = m_site.m_config.limitPosts();
    auto postsIt = m_site.m_collections.find("posts");
    if (limit > 0 && postsIt != m_site.m_collections.end() && int(postsIt->second.size()) > limit)
        postsIt->second.erase(postsIt->second.begin(), postsIt->second.end() - limit);

    // Pages sorted by file name, as Jekyll's sort_files does.
    std::stable_sort(m_site.m_pages.begin(), m_site.m_pages.end(), [](const Document *a, const Document *b) {
        return a->name < b->name;
    });
    // Static files sorted by path, as Jekyll's sort_files does; a collection's
    // files come after them, collection by collection, as Jekyll lists them.
    const auto collectionFiles = std::stable_partition(m_site.m_staticFiles.begin(), m_site.m_staticFiles.end(),
                                                       [](const StaticFile &f) { return f.collection.empty(); });
    std::sort(m_site.m_staticFiles.begin(), collectionFiles,
              [](const StaticFile &a, const StaticFile &b) { return a.relativePath < b.relativePath; });

    int index = 0;
    for (auto &doc : m_site.m_documents)
        doc->index = index++;
    int order = 0;
    for (const CollectionConfig &c : m_site.m_config.collections())
        if (auto it = m_site.m_collections.find(c.label); it != m_site.m_collections.end())
            for (const Document *d : it->second)
                const_cast<Document *>(d)->renderOrder = order++;
    // Then pages, in site.pages order (Site#render_pages); generated pages follow.
    for (const Document *page : m_site.m_pages)
        const_cast<Document *>(page)->renderOrder = order++;
    resolveConflicts();
}

// Two files with the same destination: Jekyll writes both and the last one
// stays (pages, then static files, then collections in order). Folio writes
// only that one, deterministically, and says so.
void Site::Reader::resolveConflicts()
{
    std::map<QString, Document *> owner;
    std::vector<Document *> order;
    for (const Document *page : m_site.m_pages)
        order.push_back(const_cast<Document *>(page));
    for (const CollectionConfig &c : m_site.m_config.collections())
        for (const Document *doc : m_site.collectionDocuments(c.label))
            order.push_back(const_cast<Document *>(doc));
    for (Document *doc : order) {
        if (doc->destination.isEmpty() || !doc->write)
            continue;
        auto [it, inserted] = owner.emplace(doc->destination, doc);
        if (inserted)
            continue;
        Document *previous = it->second;
        m_sink.warning(qs(previous->relativePath), previous->frontMatterLine, 0,
                       Tr::tr("%1 and %2 are both written to %3; only %2 is written, as Jekyll would "
                              "leave it. Give one of them another permalink")
                           .arg(qs(previous->relativePath), qs(doc->relativePath), doc->destination));
        previous->write = false;
        it->second = doc;
    }
}

void Site::Reader::readLayouts()
{
    const QString dir = m_site.m_config.layoutsDir();
    if (!QFileInfo(dir).isDir())
        return;
    const QString relDir = QDir(source()).relativeFilePath(dir);
    QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString entry = path.mid(dir.size() + 1);
        if (!m_filter.accepts(relDir, entry))
            continue;
        const std::string relative = us(relDir + QLatin1Char('/') + entry);
        SourceText text = read(path, relative);
        if (!text.ok)
            continue;
        Layout layout;
        // Jekyll's layout name: the path inside _layouts without its last extension.
        std::string name = us(entry);
        const std::string ext = extname(name);
        name = name.substr(0, name.size() - ext.size());
        layout.name = name;
        layout.sourcePath = path;
        layout.relativePath = relative;
        Document tmp;
        if (splitFrontMatter(tmp, text.text, qs(relative))) {
            layout.data = tmp.data;
            layout.content = tmp.content;
            layout.bodyLine = tmp.bodyLine;
        } else {
            layout.content = text.text;
        }
        m_site.m_layouts[name] = std::move(layout);
    }
}

void Site::Reader::readDirectory(const QString &dir)
{
    const QString base = dir.isEmpty() ? source() : source() + QLatin1Char('/') + dir;
    const QString destination = QFileInfo(source() + QStringLiteral("/_site")).absoluteFilePath();
    QStringList subdirs, pages, statics;
    for (const QString &name : entries(dir, false)) {
        const QString path = base + QLatin1Char('/') + name;
        const QFileInfo info(path);
        if (info.isDir())
            subdirs << name;
        else if (hasYamlHeader(path))
            pages << name;
        else
            statics << name;
    }

    // Posts and drafts live in `_posts`/`_drafts` of any directory, inside
    // collections_dir when that is set.
    const std::string collectionsDir = m_site.m_config.collectionsDirName();
    if (collectionsDir.empty() || us(dir).rfind(collectionsDir, 0) == 0) {
        readPosts(dir, QStringLiteral("_posts"), false);
        if (m_site.m_config.showDrafts())
            readPosts(dir, QStringLiteral("_drafts"), true);
    }
    for (const QString &sub : subdirs) {
        const QString path = base + QLatin1Char('/') + sub;
        if (QFileInfo(path).absoluteFilePath() == destination)
            continue;   // never read our own output back in
        readDirectory(dir.isEmpty() ? sub : dir + QLatin1Char('/') + sub);
    }
    for (const QString &name : pages) {
        if (auto page = readPage(dir, name)) {
            if (!publishable(*page, false))
                continue;
            m_site.m_pages.push_back(page.get());
            m_site.m_documents.push_back(std::move(page));
        }
    }
    for (const QString &name : statics) {
        const QString rel = dir.isEmpty() ? name : dir + QLatin1Char('/') + name;
        addStatic(base + QLatin1Char('/') + name, us(rel), {});
    }
}

void Site::Reader::readPosts(const QString &dir, const QString &magic, bool drafts)
{
    const QString magicDir = dir.isEmpty() ? magic : dir + QLatin1Char('/') + magic;
    if (!QFileInfo(source() + QLatin1Char('/') + magicDir).isDir())
        return;
    struct Entry {
        QString path;
        std::string relative;
    };
    std::vector<Entry> files;
    const std::string collDir = m_site.m_config.collectionsDirName();
    for (const QString &entry : entries(magicDir, true)) {
        if (!std::regex_match(us(entry), drafts ? datelessFileName() : datedFileName()))
            continue;
        std::string relative = us(magicDir + QLatin1Char('/') + entry);
        if (!collDir.empty() && relative.rfind(collDir + "/", 0) == 0)
            relative = relative.substr(collDir.size() + 1);
        files.push_back({source() + QLatin1Char('/') + magicDir + QLatin1Char('/') + entry, std::move(relative)});
    }
    // Reading and parsing are independent per file: done on all cores, then
    // taken in order so that the site is the same whatever the timing.
    std::vector<std::unique_ptr<Document>> docs(files.size());
    parallelFor(files.size(), 0, [&](std::size_t i) {
        docs[i] = readDocument(files[i].path, files[i].relative, "posts", drafts);
    });
    for (auto &doc : docs) {
        if (!doc || !publishable(*doc, true))
            continue;
        m_site.m_collections["posts"].push_back(doc.get());
        m_postsRead.push_back(std::move(doc));
    }
}

void Site::Reader::readCollection(const CollectionConfig &collection)
{
    const std::string collDir = m_site.m_config.collectionsDirName();
    const QString relDir = qs((collDir.empty() ? std::string() : collDir + "/") + "_" + collection.label);
    m_site.m_collections[collection.label];   // exists even when empty
    if (!QFileInfo(source() + QLatin1Char('/') + relDir).isDir())
        return;
    const QStringList all = entries(relDir, true);
    std::vector<std::unique_ptr<Document>> docs(std::size_t(all.size()));
    std::vector<char> isStatic(std::size_t(all.size()), 0);
    parallelFor(std::size_t(all.size()), 0, [&](std::size_t i) {
        const QString path = source() + QLatin1Char('/') + relDir + QLatin1Char('/') + all[qsizetype(i)];
        if (!hasYamlHeader(path)) {
            isStatic[i] = 1;
            return;
        }
        const std::string relative = us(QStringLiteral("_") + qs(collection.label) + QLatin1Char('/') + all[qsizetype(i)]);
        docs[i] = readDocument(path, relative, collection.label, false);
    });
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const QString &entry = all[qsizetype(i)];
        if (isStatic[i]) {
            addStatic(source() + QLatin1Char('/') + relDir + QLatin1Char('/') + entry,
                      us(relDir + QLatin1Char('/') + entry), collection.label, us(relDir));
            continue;
        }
        auto &doc = docs[i];
        if (!doc)
            continue;
        if (!m_site.m_config.unpublished() && doc->data.value("published").isBool()
            && !doc->data.value("published").toBool())
            continue;
        // Future documents of other collections are read but not written.
        doc->write = collection.output && publishable(*doc, false);
        if (!doc->write)
            doc->destination.clear();
        m_site.m_collections[collection.label].push_back(doc.get());
        m_site.m_documents.push_back(std::move(doc));
    }
}

// Jekyll's StaticFile#url and #destination for a file of a collection (one
// without front matter): the collection's URL template with the file's
// placeholders and no output extension, then the file's extension; written
// under that URL's folder with its own name.
static void placeInCollection(StaticFile &f, const CollectionConfig &c, const std::string &collectionDir)
{
    const std::string tmpl = !c.permalink.empty() ? styleToPermalink(c.permalink) : std::string("/:collection/:path:output_ext");
    // Its relative_path has no leading slash (the collection's folder is its dir).
    f.relativePath.erase(0, 1);
    std::string path = f.relativePath.substr(0, f.relativePath.size() - f.extname.size());
    path = stripTrailingDots(path);
    if (const std::size_t at = path.find(collectionDir); at != std::string::npos)
        path.erase(at, collectionDir.size());
    std::string url = sanitizeUrl(expandPageTemplate(
        tmpl, {{"collection", c.label}, {"path", path}, {"output_ext", ""}, {"name", f.basename}, {"title", ""}}));
    if (!url.empty() && url.back() == '/')
        url.pop_back();
    f.url = url + f.extname;
    const std::string unescaped = unescapePath(f.url);
    const std::size_t slash = unescaped.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : unescaped.substr(1, slash);
    f.destination = qs(dir + f.name);
}

void Site::Reader::addStatic(const QString &absolutePath, const std::string &relativeFromSource,
                             const std::string &collection, const std::string &collectionDir)
{
    StaticFile f;
    f.sourcePath = absolutePath;
    f.relativePath = "/" + relativeFromSource;
    const std::size_t slash = relativeFromSource.rfind('/');
    f.name = slash == std::string::npos ? relativeFromSource : relativeFromSource.substr(slash + 1);
    f.extname = extname(f.name);
    f.basename = f.name.substr(0, f.name.size() - f.extname.size());
    f.collection = collection;
    f.url = escapePath(f.relativePath);
    f.destination = qs(relativeFromSource);
    f.modified = fileMtime(absolutePath, m_site.utcOffsetAt(QFileInfo(absolutePath).lastModified().toSecsSinceEpoch()));
    if (!collection.empty()) {
        const CollectionConfig *c = m_site.m_config.collection(collection);
        f.write = c && c->output;
        if (c)
            placeInCollection(f, *c, collectionDir);
    }
    m_site.m_staticFiles.push_back(std::move(f));
}

bool Site::Reader::splitFrontMatter(Document &doc, const std::string &text, const QString &displayPath)
{
    const yaml::FrontMatterSplit fm = yaml::split(text);
    if (!fm.hasFrontMatter) {
        doc.content = text;
        doc.bodyLine = 1;
        return false;
    }
    doc.frontMatterLine = fm.yamlFirstLine;
    doc.content = std::string(fm.body);
    doc.bodyLine = fm.bodyFirstLine;
    yaml::LoadOptions lo;
    lo.timezone = m_site.m_config.timezone();
    lo.fileName = displayPath;
    lo.firstLine = fm.yamlFirstLine;
    yaml::ParseError err;
    auto loaded = yaml::load(fm.yaml, lo, &err);
    if (!loaded) {
        m_sink.error(displayPath, err.line, err.column,
                     Tr::tr("%1 — the front matter is ignored until this is fixed")
                         .arg(err.message.isEmpty() ? loaded.error() : err.message));
    } else if (loaded->isHash()) {
        for (const auto &[k, v] : loaded->hash())
            doc.data.set(k, v);
    }
    if (const auto misplaced = yaml::findMisplacedFrontMatter(fm); misplaced.found) {
        QStringList keys;
        for (const std::string &k : misplaced.keys)
            keys << qs(k);
        m_sink.warning(displayPath, misplaced.firstLine, 1,
                       Tr::tr("front matter keys found in the body of %1 (%2): the front matter "
                              "between the --- lines is empty; move these lines up between them")
                           .arg(displayPath, keys.join(QStringLiteral(", "))));
    }
    return true;
}

void Site::Reader::applyDefaults(Document &doc, const std::string &type)
{
    const Hash defaults = frontMatterDefaults(m_site.m_config, doc.relativePath, type);
    if (defaults.empty())
        return;
    Value merged = deepMerge(Value(defaults), Value(doc.data));
    doc.data = merged.hash();
}

// The line of `key` in the document's front matter, so a diagnostic about its
// value points at it; the front matter's first line when the value came from
// `defaults`. The text is read again (only errors need the line), from the
// editor's text when the preview rereads a document.
int Site::Reader::frontMatterKeyLine(const Document &doc, std::string_view key)
{
    const SourceText text = read(doc.sourcePath, doc.relativePath);
    if (text.ok)
        if (const yaml::FrontMatterKey *found = yaml::readFrontMatter(text.text).find(key))
            return found->firstLine;
    return doc.frontMatterLine;
}

void Site::Reader::setDateFromData(Document &doc, const QString &displayPath)
{
    const Value *date = doc.data.find("date");
    if (!date || date->isNil())
        return;
    // Jekyll: Utils.parse_date(data["date"].to_s) -> Time.parse(...).localtime
    std::optional<liquid::Time> t;
    if (date->isTime()) {
        t = date->time();
        if (t->dateOnly) {
            const liquid::CivilTime c = liquid::toCivil(*t);
            t = liquid::fromCivil(c.year, c.month, c.day, 0, 0, 0,
                                  m_site.utcOffsetAt(t->seconds));
        }
    } else {
        t = m_site.parseLocalTime(date->toString());
    }
    if (!t) {
        m_sink.error(displayPath, frontMatterKeyLine(doc, "date"), 0,
                     Tr::tr("invalid date '%1': write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +/-TTTT")
                         .arg(qs(date->toString())));
        doc.data.remove("date");
        return;
    }
    doc.date = m_site.toLocal(*t);
    doc.data.set("date", doc.date);
}

void Site::Reader::populateTitleAndDate(Document &doc)
{
    std::smatch m;
    std::string slug, ext;
    if (std::regex_match(doc.relativePath, m, datedFileName())) {
        slug = m[2].str();
        ext = m[3].str();
        const bool replace = !doc.data.contains("date") || doc.date.seconds == m_site.m_time.seconds;
        if (replace) {
            const auto parsed = m_site.parseLocalTime(m[1].str());
            if (parsed) {
                doc.date = m_site.toLocal(*parsed);
                doc.data.set("date", doc.date);
            }
        }
    } else if (std::regex_match(doc.relativePath, m, datelessFileName())) {
        slug = m[1].str();
        ext = m[2].str();
    }
    if (slug.empty() && ext.empty())
        slug = doc.basename;
    slug = stripTrailingDots(slug);
    if (!doc.data.contains("title"))
        doc.data.set("title", titleizeSlug(slug));
    if (!doc.data.contains("slug"))
        doc.data.set("slug", slug);
    if (!doc.data.contains("ext"))
        doc.data.set("ext", ext);
}

void Site::Reader::populateCategoriesAndTags(Document &doc, const std::string &specialDir)
{
    // Categories from the directories above the special dir ("blog/_posts/x.md").
    Array fromPath;
    if (!startsWith(doc.relativePath, specialDir)) {
        const std::size_t at = doc.relativePath.find(specialDir);
        const std::string superdirs = at == std::string::npos ? doc.relativePath : doc.relativePath.substr(0, at);
        std::size_t start = 0;
        while (start < superdirs.size()) {
            std::size_t end = superdirs.find('/', start);
            if (end == std::string::npos)
                end = superdirs.size();
            const std::string part = superdirs.substr(start, end - start);
            if (!part.empty() && part != specialDir && part != doc.name)
                fromPath.push_back(part);
            start = end + 1;
        }
    }
    Array categories = fromPath;
    for (const Value &v : splitWords(doc.data.value("categories")))
        appendUnique(categories, v);
    const Value *singular = doc.data.find("category");
    Array extra = singular && !singular->isNil() ? splitWords(Value(Array{*singular})) : Array{};
    for (const Value &v : extra)
        appendUnique(categories, v);
    Array asStrings;
    for (const Value &v : categories)
        appendUnique(asStrings, Value(v.toString()));
    doc.data.set("categories", asStrings);

    Array tags;
    const Value *tag = doc.data.find("tag");
    if (tag && !tag->isNil())
        tags = splitWords(Value(Array{*tag}));
    else
        tags = splitWords(doc.data.value("tags"));
    doc.data.set("tags", tags);
}

std::unique_ptr<Document> Site::Reader::readDocument(const QString &path, const std::string &relativePath,
                                                     const std::string &collection, bool draft)
{
    SourceText text = read(path, relativePath);
    if (!text.ok)
        return nullptr;
    auto doc = std::make_unique<Document>();
    doc->kind = DocumentKind::CollectionDocument;
    doc->collection = collection;
    doc->sourcePath = path;
    doc->relativePath = relativePath;
    doc->name = us(QFileInfo(path).fileName());
    doc->extname = extname(doc->name);
    doc->basename = doc->name.substr(0, doc->name.size() - doc->extname.size());
    doc->draft = draft;

    applyDefaults(*doc, collection);
    Hash defaults = doc->data;
    Document parsed;
    splitFrontMatter(parsed, text.text, qs(relativePath));
    doc->content = std::move(parsed.content);
    doc->bodyLine = parsed.bodyLine;
    doc->frontMatterLine = parsed.frontMatterLine;
    doc->data = deepMerge(Value(defaults), Value(parsed.data)).hash();
    setDateFromData(*doc, qs(relativePath));

    populateTitleAndDate(*doc);
    populateCategoriesAndTags(*doc, draft ? "_drafts" : "_" + collection);
    if (!doc->data.contains("date"))
        doc->date = draft ? fileMtime(path, m_site.utcOffsetAt(m_site.m_time.seconds)) : m_site.m_time;
    if (draft) {
        doc->data.set("draft", true);
        if (!doc->data.contains("date"))
            doc->data.set("date", doc->date);
    } else {
        doc->data.set("draft", false);
    }
    finishDocument(*doc);
    return doc;
}

std::unique_ptr<Document> Site::Reader::readPage(const QString &dir, const QString &name)
{
    const QString path = (dir.isEmpty() ? source() : source() + QLatin1Char('/') + dir) + QLatin1Char('/') + name;
    const std::string relative = us(dir.isEmpty() ? name : dir + QLatin1Char('/') + name);
    SourceText text = read(path, relative);
    if (!text.ok)
        return nullptr;
    auto page = std::make_unique<Document>();
    page->kind = DocumentKind::Page;
    page->sourcePath = path;
    page->relativePath = relative;
    page->dir = dir.isEmpty() ? std::string() : "/" + us(dir);
    page->name = us(name);
    page->extname = extname(page->name);
    page->basename = stripTrailingDots(page->name.substr(0, page->name.size() - page->extname.size()));
    Document parsed;
    splitFrontMatter(parsed, text.text, qs(relative));
    page->content = std::move(parsed.content);
    page->bodyLine = parsed.bodyLine;
    page->frontMatterLine = parsed.frontMatterLine;
    page->data = parsed.data;
    applyDefaults(*page, "pages");
    finishDocument(*page);
    return page;
}

// Output extension, markdown/sass flags, URL, destination and excerpt.
void Site::Reader::finishDocument(Document &doc)
{
    const QString ext = qs(doc.extname).toLower();
    doc.markdown = m_site.m_config.markdownExtensions().contains(ext);
    doc.sass = ext == QLatin1String(".scss") || ext == QLatin1String(".sass");
    if (doc.markdown)
        doc.outputExt = ".html";
    else if (doc.sass)
        doc.outputExt = ".css";
    else
        doc.outputExt = doc.extname;

    m_site.computeUrl(doc, m_sink);

    const Value *excerpt = doc.data.find("excerpt");
    const std::string separator = doc.data.contains("excerpt_separator")
                                      ? doc.data.value("excerpt_separator").toString()
                                      : m_site.m_config.excerptSeparator();
    const bool wantsExcerpt = doc.isPage() ? (m_site.m_config.pageExcerpts() && doc.outputExt == ".html")
                                           : true;
    if (wantsExcerpt && !separator.empty() && (!excerpt || excerpt->isNil())) {
        doc.hasExcerpt = true;
        doc.excerptSource = extractExcerpt(doc.content, separator);
    }
}

bool Site::Reader::publishable(const Document &doc, bool reportFuture)
{
    const Value *published = doc.data.find("published");
    if (published && published->isBool() && !published->toBool() && !m_site.m_config.unpublished())
        return false;
    if (!doc.isPage() && !m_site.m_config.future() && doc.date.seconds > m_site.m_time.seconds) {
        if (reportFuture)
            m_sink.warning(qs(doc.relativePath), 0, 0,
                           Tr::tr("skipped: it has a future date (set `future: true` or build with --future to include it)"));
        return false;
    }
    return true;
}

void Site::Reader::readData()
{
    const QString dir = m_site.m_config.dataDir();
    m_site.m_data = QFileInfo(dir).isDir() ? readDataDirectory(dir) : Value(Hash{});
}

// Jekyll's DataReader#sanitize_filename.
static std::string sanitizeDataName(const QString &name)
{
    QString s = name;
    s.remove(QRegularExpression(QStringLiteral("[^\\w\\s-]+|(?<=^|\\b\\s)\\s+(?=$|\\s?\\b)")));
    s.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral("_"));
    return s.toStdString();
}

Value Site::Reader::readDataDirectory(const QString &dir)
{
    Hash out;
    const QString relDir = QDir(source()).relativeFilePath(dir);
    QDir d(dir);
    for (const QString &name : d.entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!m_filter.accepts(relDir, name))
            continue;
        const QString path = d.filePath(name);
        const QFileInfo info(path);
        const std::string key = sanitizeDataName(info.isDir() ? name : info.completeBaseName());
        if (info.isDir()) {
            out.set(key, readDataDirectory(path));
            continue;
        }
        const QString suffix = info.suffix().toLower();
        const QString rel = relDir + QLatin1Char('/') + name;
        if (suffix != QLatin1String("yml") && suffix != QLatin1String("yaml") && suffix != QLatin1String("json")
            && suffix != QLatin1String("csv") && suffix != QLatin1String("tsv"))
            continue;
        SourceText text = readSource(path, rel, m_sink);
        if (!text.ok)
            continue;
        yaml::LoadOptions lo;
        lo.fileName = rel;
        lo.timezone = m_site.m_config.timezone();
        yaml::ParseError err;
        // Jekyll reads .json data with its YAML loader too (1e3 stays a string).
        Result<Value> loaded = suffix == QLatin1String("csv") ? yaml::loadCsv(text.text, ',')
                               : suffix == QLatin1String("tsv") ? yaml::loadCsv(text.text, '\t')
                                                                : yaml::load(text.text, lo, &err);
        if (!loaded) {
            m_sink.error(rel, err.line, err.column,
                         Tr::tr("%1 — site.data.%2 is empty until this is fixed")
                             .arg(err.message.isEmpty() ? loaded.error() : err.message, qs(key)));
            continue;
        }
        out.set(key, *loaded);
    }
    return out;
}

// --- Site ------------------------------------------------------------------------------

std::int32_t Site::utcOffsetAt(std::int64_t utcSeconds) const
{
    return liquid::zoneOffsetAt(m_config.timezone(), utcSeconds);
}

std::optional<liquid::Time> Site::parseLocalTime(const std::string &text) const
{
    // Parsed twice with different default offsets: if the results differ, the
    // text named no zone and is a civil time in the site's zone (as Ruby's
    // Time.parse under Jekyll's TZ), whose offset depends on the date (DST).
    const auto a = liquid::parseTime(text, 0);
    const auto b = liquid::parseTime(text, 3600);
    if (!a || !b)
        return std::nullopt;
    if (a->seconds == b->seconds)
        return toLocal(*a);
    const std::int64_t civilAsUtc = a->seconds;
    std::int32_t offset = utcOffsetAt(civilAsUtc);
    offset = utcOffsetAt(civilAsUtc - offset);
    liquid::Time t = *a;
    t.seconds = civilAsUtc - offset;
    t.utcOffset = offset;
    t.dateOnly = false;
    t.utc = false;
    return t;
}

liquid::Time Site::toLocal(liquid::Time t) const
{
    t.utcOffset = utcOffsetAt(t.seconds);
    t.dateOnly = false;
    t.utc = false;
    return t;
}

const std::vector<const Document *> &Site::collectionDocuments(std::string_view label) const
{
    static const std::vector<const Document *> none;
    auto it = m_collections.find(label);
    return it == m_collections.end() ? none : it->second;
}

const Layout *Site::layout(std::string_view name) const
{
    auto it = m_layouts.find(name);
    return it == m_layouts.end() ? nullptr : &it->second;
}

const Document *Site::documentForPath(const QString &absolutePath) const
{
    const QString wanted = QFileInfo(absolutePath).absoluteFilePath();
    for (const auto &doc : m_documents)
        if (QFileInfo(doc->sourcePath).absoluteFilePath() == wanted)
            return doc.get();
    return nullptr;
}

void Site::computeUrl(Document &doc, DiagnosticSink &sink) const
{
    const Value permalinkValue = doc.data.value("permalink");
    const std::string permalink = permalinkValue.isNil() ? std::string() : permalinkValue.toString();
    if (!permalink.empty() && climbsOut(permalink)) {
        sink.error(qs(doc.relativePath), doc.frontMatterLine, 0,
                   Tr::tr("permalink '%1' points outside the site; remove the '..' segments")
                       .arg(qs(permalink)));
        doc.url.clear();
        doc.destination.clear();
        doc.write = false;
        return;
    }
    // An explicit permalink with an extension decides the output extension.
    if (!permalink.empty() && permalink.back() != '/') {
        const std::string ext = extname(permalink);
        if (!ext.empty())
            doc.outputExt = ext;
    }

    std::string url;
    if (doc.isPage()) {
        std::string tmpl;
        const bool html = doc.outputExt == ".html" || doc.outputExt == ".htm" || doc.outputExt == ".xhtml";
        if (!html) {
            tmpl = "/:path/:basename:output_ext";
        } else if (doc.basename == "index") {
            tmpl = "/:path/";
        } else {
            const std::string style = m_config.permalinkStyle();
            tmpl = "/:path/:basename";
            if (style == "pretty")
                tmpl += "/";
            else if (style == "date" || style == "ordinal" || style == "none")
                tmpl += ":output_ext";
            else {
                if (!style.empty() && style.back() == '/')
                    tmpl += "/";
                if (style.size() >= 11 && style.substr(style.size() - 11) == ":output_ext")
                    tmpl += ":output_ext";
            }
        }
        const std::vector<std::pair<std::string, std::optional<std::string>>> placeholders{
            {"path", doc.dir}, {"basename", doc.basename}, {"output_ext", doc.outputExt}};
        url = sanitizeUrl(expandPageTemplate(permalink.empty() ? tmpl : permalink, placeholders));
        doc.url = url;
        doc.destination = qs(pageDestination(url, doc.outputExt));
        return;
    }

    const CollectionConfig *collection = m_config.collection(doc.collection);
    std::string tmpl = collection && !collection->permalink.empty()
                           ? styleToPermalink(collection->permalink)
                           : std::string("/:collection/:path:output_ext");
    // Jekyll's UrlDrop.
    const liquid::CivilTime c = liquid::toCivil(doc.date);
    auto fmt = [&](const char *f) { return liquid::strftime(doc.date, f); };
    const std::string collectionDirName = "_" + doc.collection;
    auto lookup = [&](std::string_view key) -> std::optional<std::string> {
        if (key == "collection")
            return doc.collection;
        if (key == "path") {
            // cleaned_relative_path: without extension, without the collection dir.
            std::string p = doc.relativePath.substr(0, doc.relativePath.size() - doc.extname.size());
            const std::size_t at = p.find(doc.draft ? std::string("_drafts") : collectionDirName);
            if (at != std::string::npos)
                p.erase(at, (doc.draft ? std::string("_drafts") : collectionDirName).size());
            return stripTrailingDots(p);
        }
        if (key == "name")
            return jekyll::slugify(doc.basename);
        if (key == "title") {
            const Value slug = doc.data.value("slug");
            return jekyll::slugify(slug.isNil() ? doc.basename : slug.toString(), "pretty", true);
        }
        if (key == "slug") {
            const Value slug = doc.data.value("slug");
            return jekyll::slugify(slug.isNil() ? doc.basename : slug.toString());
        }
        if (key == "categories" || key == "slugified_categories") {
            std::vector<std::string> seen;
            std::string out;
            for (const Value &cat : doc.data.value("categories").array()) {
                std::string s = key == "categories" ? us(qs(cat.toString()).toLower()) : jekyll::slugify(cat.toString());
                if (std::find(seen.begin(), seen.end(), s) != seen.end())
                    continue;
                seen.push_back(s);
                if (!out.empty())
                    out += "/";
                out += s;
            }
            return out;
        }
        if (key == "output_ext")
            return doc.outputExt;
        if (key == "year") return fmt("%Y");
        if (key == "month") return fmt("%m");
        if (key == "day") return fmt("%d");
        if (key == "hour") return fmt("%H");
        if (key == "minute") return fmt("%M");
        if (key == "second") return fmt("%S");
        if (key == "i_day") return fmt("%-d");
        if (key == "i_month") return fmt("%-m");
        if (key == "short_month") return fmt("%b");
        if (key == "long_month") return fmt("%B");
        if (key == "short_year") return fmt("%y");
        if (key == "w_year") return fmt("%G");
        if (key == "week") return fmt("%V");
        if (key == "w_day") return fmt("%u");
        if (key == "short_day") return fmt("%a");
        if (key == "long_day") return fmt("%A");
        if (key == "y_day") return fmt("%j");
        (void)c;
        return std::nullopt;
    };
    std::string unknown;
    auto expanded = expandDocumentTemplate(permalink.empty() ? tmpl : permalink, lookup, &unknown);
    if (!expanded) {
        sink.error(qs(doc.relativePath), doc.frontMatterLine, 0,
                   Tr::tr("the permalink template has an unknown placeholder ':%1'; check the "
                          "`permalink` setting").arg(qs(unknown)));
        doc.write = false;
        return;
    }
    url = sanitizeUrl(*expanded);
    doc.url = url;
    doc.destination = doc.write ? qs(documentDestination(url, doc.outputExt)) : QString();
}

Document &Site::addGeneratedPage(const std::string &relativePath, std::string content, liquid::Hash data)
{
    auto page = std::make_unique<Document>();
    page->kind = DocumentKind::Page;
    page->relativePath = relativePath;
    const std::size_t slash = relativePath.rfind('/');
    page->dir = slash == std::string::npos ? std::string() : "/" + relativePath.substr(0, slash);
    page->name = slash == std::string::npos ? relativePath : relativePath.substr(slash + 1);
    page->extname = extname(page->name);
    page->basename = page->name.substr(0, page->name.size() - page->extname.size());
    page->sourcePath = m_config.source().filePath(qs(relativePath));
    page->content = std::move(content);
    page->data = std::move(data);
    page->outputExt = page->extname;
    page->generated = true;
    page->index = int(m_documents.size());
    page->renderOrder = m_pages.empty() ? 0 : m_pages.back()->renderOrder + 1;
    DiagnosticSink ignored;
    computeUrl(*page, ignored);
    m_pages.push_back(page.get());
    m_documents.push_back(std::move(page));
    return *m_documents.back();
}

std::unique_ptr<Site> Site::load(const QString &sourceDir, const BuildOptions &options, DiagnosticSink &sink)
{
    std::unique_ptr<Site> site(new Site);
    site->m_config = Config::load(sourceDir, options, sink);
    // Jekyll sets the process's TZ from `timezone:`; Liquid's date filters then
    // read zone-less dates in it. Done before any render thread starts.
    if (const std::string tz = site->m_config.timezone(); !tz.empty()) {
        qputenv("TZ", QByteArray::fromStdString(tz));
        ::tzset();
    }
    // site.time is the build's start, or SOURCE_DATE_EPOCH when set, so that
    // two builds of the same sources can be byte-identical (reproducible builds).
    bool pinned = false;
    const std::int64_t epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&pinned);
    const std::int64_t now = pinned ? epoch : QDateTime::currentSecsSinceEpoch();
    site->m_time.seconds = now;
    site->m_time.utcOffset = site->utcOffsetAt(now);
    Reader reader(*site, sink);
    reader.readAll();
    return site;
}

} // namespace folio::site::model
