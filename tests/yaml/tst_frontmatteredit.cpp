// Front matter edited key by key (the editor's form): exact bytes before and
// after on a corpus of the ways academicpages' files are written, and every
// written value read back with the loader Jekyll's reading uses.
#include "site/yaml/frontmatter.h"
#include "site/yaml/frontmatteredit.h"
#include "site/yaml/yaml.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace folio::site;
using liquid::Value;

Q_DECLARE_METATYPE(std::string)

namespace {

// A value written as YAML in the table (so rows stay readable).
Value valueOf(const std::string &yaml)
{
    auto loaded = yaml::load(yaml);
    if (!loaded)
        qFatal("bad test value %s", yaml.c_str());
    return *loaded;
}

QByteArray bytes(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

// The key's value as the loader reads the edited document.
Value readBack(const std::string &text, const std::string &key)
{
    const yaml::FrontMatterSplit parts = yaml::split(text);
    auto loaded = yaml::load(parts.yaml);
    return loaded ? loaded->hash().value(key) : Value("<unloadable>");
}

bool strictlyEqual(const Value &a, const Value &b)
{
    return a.type() == b.type() && a.inspect() == b.inspect();
}

} // namespace

class TestFrontMatterEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys();
    void set_data();
    void set();
    void remove_data();
    void remove();
    void rawValue();
    void refused_data();
    void refused();
    void scalars_data();
    void scalars();
    void seedSite();
};

void TestFrontMatterEdit::keys()
{
    const std::string text = "\xEF\xBB\xBF---\r\n"
                             "# a comment\r\n"
                             "title: \"C# and F#\" # languages\r\n"
                             "citation: |\r\n"
                             "  Line one\r\n"
                             "  # not a comment\r\n"
                             "\r\n"
                             "tags:\r\n"
                             "- a\r\n"
                             "# between items\r\n"
                             "- b\r\n"
                             "base: &b {x: 1}\r\n"
                             "\"quoted key\": 2\r\n"
                             "<<: *b\r\n"
                             "---\r\n"
                             "body\r\n";
    const yaml::FrontMatterLayout layout = yaml::readFrontMatter(text);
    QVERIFY2(layout.ok(), qPrintable(layout.error));
    QVERIFY(layout.hasBom);
    QCOMPARE(layout.lineEnd, std::string("\r\n"));
    QStringList summary;
    for (const auto &k : layout.keys)
        summary << QStringLiteral("%1:%2-%3:%4").arg(QString::fromStdString(k.key)).arg(k.firstLine).arg(k.lastLine).arg(int(k.style));
    QCOMPARE(summary.join(QLatin1Char(' ')),
             QStringLiteral("title:3-3:%1 citation:4-6:%2 tags:8-11:%3 base:12-12:%4 quoted key:13-13:%5 <<:14-14:%6")
                 .arg(int(yaml::ValueStyle::DoubleQuoted)).arg(int(yaml::ValueStyle::Literal))
                 .arg(int(yaml::ValueStyle::BlockList)).arg(int(yaml::ValueStyle::FlowMap))
                 .arg(int(yaml::ValueStyle::Plain)).arg(int(yaml::ValueStyle::Alias)));
    QCOMPARE(layout.find("base")->anchor, std::string("&b"));
    QCOMPARE(layout.find("tags")->rawValue, std::string("\r\n- a\r\n# between items\r\n- b"));
    QCOMPARE(layout.values.hash().value("x").toInt(), 1);   // merged from <<
    QCOMPARE(layout.values.hash().value("title").str(), std::string("C# and F#"));
}

void TestFrontMatterEdit::set_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("key");
    QTest::addColumn<std::string>("value");   // as YAML
    QTest::addColumn<std::string>("expected");

    const std::string pub = "---\n"
                            "title: \"Paper Title Number 1\"\n"
                            "collection: publications\n"
                            "permalink: /publication/2009-10-01-paper-title-number-1\n"
                            "excerpt: 'This paper is about the number 1.'\n"
                            "date: 2009-10-01\n"
                            "venue: 'Journal 1'\n"
                            "---\n"
                            "Body text.\n";
    QTest::newRow("double quotes kept") << pub << std::string("title") << std::string("A New Title")
        << std::string("---\ntitle: \"A New Title\"\ncollection: publications\npermalink: /publication/2009-10-01-paper-title-number-1\n"
                       "excerpt: 'This paper is about the number 1.'\ndate: 2009-10-01\nvenue: 'Journal 1'\n---\nBody text.\n");
    QTest::newRow("single quotes kept, quote doubled") << pub << std::string("venue") << std::string("\"Nature's Journal\"")
        << std::string("---\ntitle: \"Paper Title Number 1\"\ncollection: publications\npermalink: /publication/2009-10-01-paper-title-number-1\n"
                       "excerpt: 'This paper is about the number 1.'\ndate: 2009-10-01\nvenue: 'Nature''s Journal'\n---\nBody text.\n");
    QTest::newRow("plain stays plain") << std::string("---\ntitle: Old\nlayout: single\n---\n") << std::string("title")
        << std::string("New words") << std::string("---\ntitle: New words\nlayout: single\n---\n");
    QTest::newRow("plain needs quotes for ': '") << std::string("---\ntitle: Old\n---\n") << std::string("title")
        << std::string("'Part 1: Intro'") << std::string("---\ntitle: \"Part 1: Intro\"\n---\n");
    QTest::newRow("yes stays a string") << std::string("---\nanswer: maybe\n---\n") << std::string("answer")
        << std::string("'yes'") << std::string("---\nanswer: \"yes\"\n---\n");
    QTest::newRow("number as a string") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("'0123'") << std::string("---\nid: \"0123\"\n---\n");
    QTest::newRow("date as a string") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("'2020-01-02'") << std::string("---\nid: \"2020-01-02\"\n---\n");
    QTest::newRow("leading and trailing spaces") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("' padded '") << std::string("---\nid: \" padded \"\n---\n");
    QTest::newRow("leading #") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("'#hashtag'") << std::string("---\nid: \"#hashtag\"\n---\n");
    QTest::newRow("' #' inside") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("'C # D'") << std::string("---\nid: \"C # D\"\n---\n");
    QTest::newRow("quotes inside stay plain") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("'say \"hi\" \\o/'") << std::string("---\nid: say \"hi\" \\o/\n---\n");
    QTest::newRow("leading quote: single quotes") << std::string("---\nid: abc\n---\n") << std::string("id")
        << std::string("'\"hi\" \\o/'") << std::string("---\nid: '\"hi\" \\o/'\n---\n");
    QTest::newRow("trailing comment kept") << std::string("---\ntitle: Old # the title\n# own line\ndate: 2020-01-01 # day\n---\n")
        << std::string("title") << std::string("New") << std::string("---\ntitle: New # the title\n# own line\ndate: 2020-01-01 # day\n---\n");
    QTest::newRow("# inside quotes, comment after") << std::string("---\ntitle: \"C# and F#\"   # languages\nx: 1\n---\n")
        << std::string("title") << std::string("Go") << std::string("---\ntitle: \"Go\"   # languages\nx: 1\n---\n");
    QTest::newRow("comment after an empty value") << std::string("---\nvenue: # fill in\nx: 1\n---\n")
        << std::string("venue") << std::string("Journal") << std::string("---\nvenue: Journal # fill in\nx: 1\n---\n");
    QTest::newRow("spacing after colon kept") << std::string("---\ntitle:     Old\n---\n") << std::string("title")
        << std::string("New") << std::string("---\ntitle:     New\n---\n");
    QTest::newRow("literal block replaced") << std::string("---\ncitation: |\n  Line 1\n  # not a comment\nvenue: V\n---\n")
        << std::string("citation") << std::string("\"A\\nB\\n\"") << std::string("---\ncitation: |\n  A\n  B\nvenue: V\n---\n");
    QTest::newRow("key next to a literal block") << std::string("---\ncitation: |\n  Line 1\n\n  # not a comment\ntitle: Old\n---\n")
        << std::string("title") << std::string("New") << std::string("---\ncitation: |\n  Line 1\n\n  # not a comment\ntitle: New\n---\n");
    QTest::newRow("folded >- kept") << std::string("---\nexcerpt: >-\n  A long\n  excerpt\nvenue: V\n---\n")
        << std::string("excerpt") << std::string("Short one") << std::string("---\nexcerpt: >-\n  Short one\nvenue: V\n---\n");
    QTest::newRow("folded to literal for lines") << std::string("---\nexcerpt: >-\n  A long\n  excerpt\n---\n")
        << std::string("excerpt") << std::string("\"one\\ntwo\"") << std::string("---\nexcerpt: |-\n  one\n  two\n---\n");
    QTest::newRow("multi-line from plain") << std::string("---\nexcerpt: Old\n---\n")
        << std::string("excerpt") << std::string("\"L1\\n\\nL3\"") << std::string("---\nexcerpt: |-\n  L1\n\n  L3\n---\n");
    QTest::newRow("multi-line with leading spaces") << std::string("---\nexcerpt: Old\n---\n")
        << std::string("excerpt") << std::string("\"  code\\nnext\\n\"") << std::string("---\nexcerpt: |2\n    code\n  next\n---\n");
    QTest::newRow("keep chomping") << std::string("---\nexcerpt: Old\n---\n")
        << std::string("excerpt") << std::string("\"a\\n\\n\"") << std::string("---\nexcerpt: |+\n  a\n\n---\n");
    QTest::newRow("flow list") << std::string("---\ntags: [a, b]\n---\n") << std::string("tags")
        << std::string("[a, b, 'c: d', 'yes', '']") << std::string("---\ntags: [a, b, \"c: d\", \"yes\", \"\"]\n---\n");
    QTest::newRow("flow list, comma in item") << std::string("---\ntags: [a]\n---\n") << std::string("tags")
        << std::string("['x, y', z]") << std::string("---\ntags: [\"x, y\", z]\n---\n");
    QTest::newRow("block list kept") << std::string("---\ntags:\n  - cool posts\n  - category1\ntitle: T\n---\n")
        << std::string("tags") << std::string("[cool posts, 'no', new]")
        << std::string("---\ntags:\n  - cool posts\n  - \"no\"\n  - new\ntitle: T\n---\n");
    QTest::newRow("block list at column 0") << std::string("---\ntags:\n- a\n# between\n- b\ntitle: T\n---\n")
        << std::string("tags") << std::string("[c]") << std::string("---\ntags:\n- c\ntitle: T\n---\n");
    QTest::newRow("block list emptied") << std::string("---\ntags:\n  - a\ntitle: T\n---\n")
        << std::string("tags") << std::string("[]") << std::string("---\ntags: []\ntitle: T\n---\n");
    QTest::newRow("block map kept") << std::string("---\nheader:\n  teaser: a.png\n  overlay: b.png\n---\n")
        << std::string("header") << std::string("{teaser: c.png}") << std::string("---\nheader:\n  teaser: c.png\n---\n");
    const std::string anchors = "---\n"
                                "base: &base\n"
                                "  layout: single\n"
                                "  share: true\n"
                                "extra:\n"
                                "  <<: *base\n"
                                "  share: false\n"
                                "title: Old\n"
                                "---\n";
    QTest::newRow("anchors and merge keys kept") << anchors << std::string("title") << std::string("New")
        << std::string("---\nbase: &base\n  layout: single\n  share: true\nextra:\n  <<: *base\n  share: false\ntitle: New\n---\n");
    QTest::newRow("top-level merge key kept") << std::string("---\nd: &d {layout: talk}\n<<: *d\ntitle: Old\n---\n")
        << std::string("title") << std::string("New") << std::string("---\nd: &d {layout: talk}\n<<: *d\ntitle: New\n---\n");
    QTest::newRow("anchor on the edited key kept") << std::string("---\nvenue: &v Old\nplace: *v\n---\n")
        << std::string("venue") << std::string("New") << std::string("---\nvenue: &v New\nplace: *v\n---\n");
    QTest::newRow("alias replaced by a value") << std::string("---\nvenue: &v Old\nplace: *v\n---\n")
        << std::string("place") << std::string("Elsewhere") << std::string("---\nvenue: &v Old\nplace: Elsewhere\n---\n");
    const std::string crlf = "---\r\ntitle: Old\r\ntags:\r\n  - a\r\n---\r\nBody\r\n";
    QTest::newRow("CRLF title") << crlf << std::string("title") << std::string("New")
        << std::string("---\r\ntitle: New\r\ntags:\r\n  - a\r\n---\r\nBody\r\n");
    QTest::newRow("CRLF block list") << crlf << std::string("tags") << std::string("[b, c]")
        << std::string("---\r\ntitle: Old\r\ntags:\r\n  - b\r\n  - c\r\n---\r\nBody\r\n");
    QTest::newRow("CRLF literal") << crlf << std::string("title") << std::string("\"a\\nb\"")
        << std::string("---\r\ntitle: |-\r\n  a\r\n  b\r\ntags:\r\n  - a\r\n---\r\nBody\r\n");
    QTest::newRow("CRLF key added") << crlf << std::string("venue") << std::string("V")
        << std::string("---\r\ntitle: Old\r\ntags:\r\n  - a\r\nvenue: V\r\n---\r\nBody\r\n");
    QTest::newRow("BOM kept") << std::string("\xEF\xBB\xBF---\ntitle: Old\n---\nBody\n") << std::string("title")
        << std::string("New") << std::string("\xEF\xBB\xBF---\ntitle: New\n---\nBody\n");
    QTest::newRow("BOM, no front matter") << std::string("\xEF\xBB\xBF# Heading\n") << std::string("title")
        << std::string("New") << std::string("\xEF\xBB\xBF---\ntitle: New\n---\n# Heading\n");
    QTest::newRow("key added after the last key") << std::string("---\ntitle: T\n\n# end comment\n---\nBody\n")
        << std::string("venue") << std::string("'Journal: 2'") << std::string("---\ntitle: T\nvenue: \"Journal: 2\"\n\n# end comment\n---\nBody\n");
    QTest::newRow("key added after a block list") << std::string("---\ntags:\n  - a\n---\n")
        << std::string("date") << std::string("2021-03-04") << std::string("---\ntags:\n  - a\ndate: 2021-03-04\n---\n");
    QTest::newRow("no front matter") << std::string("Body\n") << std::string("title") << std::string("Hello")
        << std::string("---\ntitle: Hello\n---\nBody\n");
    QTest::newRow("no front matter, CRLF") << std::string("Body\r\nmore\r\n") << std::string("title") << std::string("Hello")
        << std::string("---\r\ntitle: Hello\r\n---\r\nBody\r\nmore\r\n");
    QTest::newRow("empty front matter") << std::string("---\n---\nBody\n") << std::string("title") << std::string("Hello")
        << std::string("---\ntitle: Hello\n---\nBody\n");
    QTest::newRow("comment-only front matter") << std::string("---\n# nothing yet\n---\n") << std::string("title") << std::string("Hello")
        << std::string("---\n# nothing yet\ntitle: Hello\n---\n");
    QTest::newRow("boolean") << std::string("---\npublished: true\n---\n") << std::string("published")
        << std::string("false") << std::string("---\npublished: false\n---\n");
    QTest::newRow("integer") << std::string("---\norder: 1\n---\n") << std::string("order")
        << std::string("42") << std::string("---\norder: 42\n---\n");
    QTest::newRow("float") << std::string("---\norder: 1\n---\n") << std::string("order")
        << std::string("2.5") << std::string("---\norder: 2.5\n---\n");
    QTest::newRow("date") << std::string("---\ndate: 2012-08-14\n---\n") << std::string("date")
        << std::string("2013-09-15") << std::string("---\ndate: 2013-09-15\n---\n");
    QTest::newRow("null") << std::string("---\nvenue: V\nx: 1\n---\n") << std::string("venue")
        << std::string("~") << std::string("---\nvenue:\nx: 1\n---\n");
    QTest::newRow("duplicate key: the last is edited") << std::string("---\ntitle: A\ntitle: B\n---\n")
        << std::string("title") << std::string("C") << std::string("---\ntitle: A\ntitle: C\n---\n");
    QTest::newRow("quoted key") << std::string("---\n\"my key\": 1\n---\n") << std::string("my key")
        << std::string("2") << std::string("---\n\"my key\": 2\n---\n");
    QTest::newRow("new key needing quotes") << std::string("---\nx: 1\n---\n") << std::string("a: b")
        << std::string("1") << std::string("---\nx: 1\n\"a: b\": 1\n---\n");
    QTest::newRow("multi-line plain value replaced") << std::string("---\ntitle: A long\n  title\nx: 1\n---\n")
        << std::string("title") << std::string("Short") << std::string("---\ntitle: Short\nx: 1\n---\n");
    QTest::newRow("zero-width space kept") << std::string("---\npaperurl: old\n---\n") << std::string("paperurl")
        << std::string("\"http://a.org/\\u200Bp.pdf\"") << std::string("---\npaperurl: http://a.org/\xE2\x80\x8Bp.pdf\n---\n");
    QTest::newRow("control character escaped") << std::string("---\nx: a\n---\n") << std::string("x")
        << std::string("\"a\\x01b\"") << std::string("---\nx: \"a\\x01b\"\n---\n");
    QTest::newRow("nested list in a list") << std::string("---\nx: a\n---\n") << std::string("x")
        << std::string("[[1, 2], {k: v}]") << std::string("---\nx: [[1, 2], {k: v}]\n---\n");
}

void TestFrontMatterEdit::set()
{
    QFETCH(std::string, input);
    QFETCH(std::string, key);
    QFETCH(std::string, value);
    QFETCH(std::string, expected);
    const Value wanted = valueOf(value);
    auto edited = yaml::setValue(input, key, wanted);
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error()));
    QCOMPARE(bytes(*edited), bytes(expected));
    // Round trip through the loader: the key reads as the value written.
    const Value back = readBack(*edited, key);
    QVERIFY2(strictlyEqual(back, wanted), (back.inspect() + " != " + wanted.inspect()).c_str());
}

void TestFrontMatterEdit::remove_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("key");
    QTest::addColumn<std::string>("expected");
    QTest::newRow("one line") << std::string("---\ntitle: T\ndate: 2020-01-01 # day\nvenue: V\n---\nB\n") << std::string("date")
                              << std::string("---\ntitle: T\nvenue: V\n---\nB\n");
    QTest::newRow("block list with its items") << std::string("---\ntags:\n  - a\n  - b\n# kept\nx: 1\n---\n") << std::string("tags")
                                               << std::string("---\n# kept\nx: 1\n---\n");
    QTest::newRow("block scalar with its lines") << std::string("---\nc: |\n  a\n\n  b\nx: 1\n---\n") << std::string("c")
                                                 << std::string("---\nx: 1\n---\n");
    QTest::newRow("last key, CRLF") << std::string("---\r\nx: 1\r\ny: 2\r\n---\r\n") << std::string("y")
                                    << std::string("---\r\nx: 1\r\n---\r\n");
    QTest::newRow("duplicates") << std::string("---\nt: 1\nx: 1\nt: 2\n---\n") << std::string("t")
                                << std::string("---\nx: 1\n---\n");
    QTest::newRow("missing key: nothing") << std::string("---\nx: 1\n---\n") << std::string("t")
                                          << std::string("---\nx: 1\n---\n");
    QTest::newRow("next to merge key") << std::string("---\nd: &d {a: 1}\n<<: *d\nt: 1\n---\n") << std::string("t")
                                       << std::string("---\nd: &d {a: 1}\n<<: *d\n---\n");
}

void TestFrontMatterEdit::remove()
{
    QFETCH(std::string, input);
    QFETCH(std::string, key);
    QFETCH(std::string, expected);
    auto edited = yaml::removeKey(input, key);
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error()));
    QCOMPARE(bytes(*edited), bytes(expected));
    QVERIFY(readBack(*edited, key).isNil());
}

void TestFrontMatterEdit::rawValue()
{
    // The date field keeps the file's own format by writing raw YAML.
    const std::string text = "---\r\ndate: 2020-01-02 10:00:00 # local\r\nx: 1\r\n---\r\n";
    auto edit = yaml::setRawValueEdit(text, "date", " 2021-05-06 10:00:00 # local");
    QVERIFY2(edit.ok(), edit.ok() ? "" : qPrintable(edit.error()));
    QCOMPARE(bytes(yaml::applyEdit(text, *edit)), QByteArray("---\r\ndate: 2021-05-06 10:00:00 # local\r\nx: 1\r\n---\r\n"));
    QCOMPARE(edit->begin, std::size_t(5));
    // A raw block: "\n" in the raw text becomes the file's CRLF.
    auto block = yaml::setRawValueEdit(text, "header", "\n  teaser: a.png");
    QVERIFY(block.ok());
    QCOMPARE(bytes(yaml::applyEdit(text, *block)),
             QByteArray("---\r\ndate: 2020-01-02 10:00:00 # local\r\nx: 1\r\nheader:\r\n  teaser: a.png\r\n---\r\n"));
    // Invalid YAML is refused, with the place and what to do.
    auto bad = yaml::setRawValueEdit(text, "x", " [unclosed", {std::string(), QStringLiteral("_posts/a.md"), 1});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().startsWith(QStringLiteral("_posts/a.md:")), qPrintable(bad.error()));
    // The whole front matter as text.
    const yaml::TextEdit all = yaml::replaceYamlEdit(text, "a: 1\r\n");
    QCOMPARE(bytes(yaml::applyEdit(text, all)), QByteArray("---\r\na: 1\r\n---\r\n"));
}

void TestFrontMatterEdit::refused_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("key");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken front matter") << std::string("---\ntitle: [oops\n---\n") << std::string("title") << false
                                         << QStringLiteral("fix it in the text");
    QTest::newRow("a later merge key overrides it") << std::string("---\nd: &d {t: 1}\nt: 0\n<<: *d\n---\n") << std::string("t")
                                                    << false << QStringLiteral("would read back as");
    QTest::newRow("removing an anchor still aliased") << std::string("---\nv: &v 1\nw: *v\n---\n") << std::string("v") << true
                                                      << QStringLiteral("unreadable");
}

void TestFrontMatterEdit::refused()
{
    QFETCH(std::string, input);
    QFETCH(std::string, key);
    QFETCH(bool, remove);
    QFETCH(QString, message);
    auto edited = remove ? yaml::removeKey(input, key) : yaml::setValue(input, key, Value("x"));
    QVERIFY(!edited.ok());
    QVERIFY2(edited.error().contains(message), qPrintable(edited.error()));
}

void TestFrontMatterEdit::scalars_data()
{
    QTest::addColumn<std::string>("value");
    for (const char *s : {"yes", "No", "on", "OFF", "true", "null", "~", "", "1", "0x1F", "1_000", "1,000", "1:30", "1.5",
                          ".inf", "2020-01-02", "2020-01-02 10:00:00", ":symbol", "-", "- item", "? q", "a: b", "a:b",
                          "a #b", "a#b", "#c", "&anchor", "*alias", "!tag", "|", ">", "%x", "@x", "`x", "'q'", "\"q\"",
                          "[x]", "{x}", "x,y", " lead", "trail ", "tab\tinside", "---", "...", "é ü 中文", "y", "n",
                          "http://example.com/a?b=c#frag", "C:\\path", "multi\nline", "\xC2\xA0nbsp"})
        QTest::newRow(QByteArray(s).replace('\n', "\\n").constData()) << std::string(s);
}

void TestFrontMatterEdit::scalars()
{
    // Any string written into a front matter reads back as itself, in a block
    // mapping and inside a flow list.
    QFETCH(std::string, value);
    const Value wanted(value);
    auto edited = yaml::setValue("---\nx: 0\n---\n", "k", wanted);
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error()));
    QVERIFY2(strictlyEqual(readBack(*edited, "k"), wanted), edited->c_str());
    const Value list(liquid::Array{wanted, Value("z")});
    auto inList = yaml::setValue("---\nx: 0\n---\n", "k", list);
    QVERIFY2(inList.ok(), inList.ok() ? "" : qPrintable(inList.error()));
    QVERIFY2(strictlyEqual(readBack(*inList, "k"), list), inList->c_str());
}

void TestFrontMatterEdit::seedSite()
{
    // Every key of every file of the seed site set again to its own value:
    // the edit stays within that key's lines, reads back, and keeps the
    // bytes when the value's style allows (counted, printed).
    const QString root = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");
    if (!QDir(root).exists())
        QSKIP("needs ../shared/fixtures/seed-site");
    int files = 0, keys = 0, identical = 0;
    QDirIterator it(root, {QStringLiteral("*.md"), QStringLiteral("*.html")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        const std::string text(raw.constData(), std::size_t(raw.size()));
        const yaml::FrontMatterLayout layout = yaml::readFrontMatter(text);
        if (!layout.hasFrontMatter || !layout.ok())
            continue;
        ++files;
        for (const yaml::FrontMatterKey &k : layout.keys) {
            if (k.key == "<<")
                continue;
            ++keys;
            const Value current = layout.values.hash().value(k.key);
            auto edit = yaml::setValueEdit(text, k.key, current);
            QVERIFY2(edit.ok(), qPrintable(it.filePath() + QLatin1Char(' ') + (edit.ok() ? QString() : edit.error())));
            QVERIFY(edit->begin >= k.begin && edit->end <= k.end);
            const bool same = yaml::applyEdit(text, *edit) == text;
            identical += same;
            if (!same)
                qInfo("%s: %s -> %s", qPrintable(it.fileName()), text.substr(k.begin, k.end - k.begin).c_str(), edit->replacement.c_str());
        }
    }
    qInfo("seed site: %d files, %d keys rewritten with their own value, %d byte-identical", files, keys, identical);
    QVERIFY(files > 20);
    QCOMPARE(identical, keys);
}

QTEST_GUILESS_MAIN(TestFrontMatterEdit)
#include "tst_frontmatteredit.moc"
