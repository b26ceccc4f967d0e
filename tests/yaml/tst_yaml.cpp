// YAML, JSON, CSV and front matter as Jekyll 4.3 (Ruby 3.1, Psych 4) reads
// them. The expected values in tests/yaml/data were produced by Ruby itself
// (generate-expected.rb, generate-seed.rb) and checked in, so these tests
// need neither Ruby nor ../shared (the seed-site test skips without it).
#include "site/liquid/timeformat.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/scalar.h"
#include "site/yaml/yaml.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

using namespace folio::site;
using liquid::Value;

namespace {

const char *kZone = "America/Los_Angeles";

// The dump format of tests/yaml/data/dump.rb.
std::string quote(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out + "\"";
}

std::string dump(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Nil: return "nil";
    case Value::Type::Bool: return v.toBool() ? "true" : "false";
    case Value::Type::Int: return std::to_string(v.toInt());
    case Value::Type::Float: return "f:" + liquid::formatRubyFloat(v.toFloat());
    case Value::Type::String: return quote(v.str());
    case Value::Type::Time: {
        const liquid::Time &t = v.time();
        if (t.dateOnly)
            return "date:" + liquid::strftime(t, "%Y-%m-%d");
        char buf[64];
        std::snprintf(buf, sizeof buf, "time:%lld.%09d@%d%s", static_cast<long long>(t.seconds), t.nanoseconds,
                      t.utcOffset, t.utc ? " UTC" : "");
        return buf;
    }
    case Value::Type::Array: {
        std::string out = "[";
        for (std::size_t i = 0; i < v.array().size(); ++i)
            out += (i ? ", " : "") + dump(v.array()[i]);
        return out + "]";
    }
    case Value::Type::Hash: {
        std::string out = "{";
        bool first = true;
        for (const auto &[k, x] : v.hash()) {
            out += (first ? "" : ", ") + quote(k) + ": " + dump(x);
            first = false;
        }
        return out + "}";
    }
    default: return "?";
    }
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QString dataDir() { return QStringLiteral(FOLIO_SOURCE_DIR "/tests/yaml/data/"); }

std::string_view view(const QByteArray &b) { return std::string_view(b.constData(), std::size_t(b.size())); }

Value loadOk(std::string_view text, const yaml::LoadOptions &options = {})
{
    auto r = yaml::load(text, options);
    if (!r)
        qWarning("unexpected error: %s", qPrintable(r.error()));
    return r ? *r : Value("<<error>>");
}

} // namespace

class TestYaml final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void psych_data();
    void psych();
    void errorsCarryPositionAndAdvice_data();
    void errorsCarryPositionAndAdvice();
    void bomIsIgnored();
    void invalidUtf8IsReported();
    void crlfText();
    void onlyFirstDocument();
    void recursiveAliasIsAnError();
    void largeIntegerBecomesFloat();
    void concurrentLoads();
    void localTimeFollowsZoneOption();
    void tokenizeDirect_data();
    void tokenizeDirect();

    void json_data();
    void json();
    void jsonErrors_data();
    void jsonErrors();
    void csv_data();
    void csv();
    void csvErrors_data();
    void csvErrors();

    void split_data();
    void split();
    void hasYamlHeader_data();
    void hasYamlHeader();
    void misplacedFrontMatter_data();
    void misplacedFrontMatter();

    void seedSite_data();
    void seedSite();
    void seedPublicationsAreFlagged();
};

// ---- Psych conformance ---------------------------------------------------

void TestYaml::psych_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray cases = readFile(dataDir() + "psych-cases.txt");
    const QList<QByteArray> expectedLines = readFile(dataDir() + "psych-expected.txt").split('\n');
    QHash<QByteArray, QByteArray> expected;
    for (const QByteArray &line : expectedLines) {
        const qsizetype tab = line.indexOf('\t');
        if (tab > 0)
            expected.insert(line.left(tab), line.mid(tab + 1));
    }
    // "### name\n<yaml>" records, as generate-expected.rb splits them.
    qsizetype pos = cases.startsWith("### ") ? 0 : cases.indexOf("\n### ") + 1;
    int count = 0;
    while (pos >= 0 && pos < cases.size()) {
        const qsizetype nameEnd = cases.indexOf('\n', pos);
        const QByteArray name = cases.mid(pos + 4, nameEnd - pos - 4);
        qsizetype next = cases.indexOf("\n### ", nameEnd);
        const QByteArray body = cases.mid(nameEnd + 1, next < 0 ? -1 : next + 1 - (nameEnd + 1));
        QVERIFY2(expected.contains(name), name.constData());
        QTest::newRow(name.constData()) << body << expected.value(name);
        ++count;
        pos = next < 0 ? -1 : next + 1;
    }
    QVERIFY(count >= 45);
}

void TestYaml::psych()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    yaml::LoadOptions options;
    options.timezone = kZone;
    yaml::ParseError error;
    auto result = yaml::load(view(input), options, &error);
    if (expected.startsWith("ERROR\t")) {
        QVERIFY2(!result, result ? dump(*result).c_str() : "");
        QVERIFY(error.line >= 1);
        QVERIFY(!error.message.isEmpty());
        // Psych often reports where the enclosing construct starts ("while
        // parsing a block mapping at line 1"), Folio where the problem is.
        const int rubyLine = expected.split('\t').value(1).toInt();
        if (rubyLine > 0)
            QVERIFY2(error.line >= rubyLine,
                     qPrintable(QStringLiteral("line %1 vs Ruby's %2: %3").arg(error.line).arg(rubyLine).arg(result.error())));
        return;
    }
    QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error()));
    QCOMPARE(QByteArray::fromStdString(dump(*result)), expected);
}

void TestYaml::errorsCarryPositionAndAdvice_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("advice");

    QTest::newRow("symbol") << QByteArray("title: ok\nvenue: :foo\n") << 2 << "post.md:3:8: "
                            << "a value starting with ':' must be quoted";
    QTest::newRow("colon-space") << QByteArray("title: Part 1: the start\n") << 2 << "post.md:2:"
                                 << "a value containing ': ' must be quoted";
    QTest::newRow("tab") << QByteArray("a:\n\tb: 1\n") << 1 << "post.md:2:" << "spaces, not tabs";
    QTest::newRow("alias") << QByteArray("a: *x\n") << 1 << "post.md:1:" << "define the anchor";
    QTest::newRow("ruby-object") << QByteArray("a: !ruby/object:Foo {}\n") << 1 << "post.md:1:"
                                 << "remove the tag";
    QTest::newRow("unclosed-quote-after-unicode") << QByteArray("t: \"R\xC3\xA9sum\xC3\xA9 \\\" x\"\nu: 'it''s'\nb: \"abc\nc: 1\n") << 1
                                                  << "post.md:3:4: " << "add the closing \"";
    QTest::newRow("apostrophe-escape") << QByteArray("a: \"x\n  don\\'t\"\n") << 1 << "post.md:2:6: "
                                       << "write ' alone";
    // yaml-cpp fails on '?' inside flow scalars and Folio parses again with
    // the '?' swapped out: positions still refer to the original text.
    QTest::newRow("after-flow-question") << QByteArray("a: [x?y, z?w] \"b\"\n") << 1 << "post.md:1:15: "
                                         << "quote the whole value";
    QTest::newRow("line-without-colon") << QByteArray("title: x\nsome text\n") << 2 << "post.md:3:1: "
                                        << "add ': ' after the key";
    QTest::newRow("apostrophe-in-single-quotes") << QByteArray("title: 'It's broken'\n") << 1 << "post.md:1:"
                                                 << "write '' for an apostrophe";
    QTest::newRow("text-after-flow") << QByteArray("title: [Draft] My post\n") << 1 << "post.md:1:"
                                     << "a value starting with [ or { is a YAML list or map";
    QTest::newRow("backslash-u") << QByteArray("t: \"C:\\Users\"\n") << 1 << "post.md:"
                                 << "write \\\\ for a backslash";
    QTest::newRow("pipe-inline") << QByteArray("t: | x\n") << 1 << "post.md:1:" << "block of text";
    QTest::newRow("star-text") << QByteArray("d: *important*\n") << 1 << "post.md:1:4: "
                               << "quote a value that starts with '*'";
    QTest::newRow("bad-escape") << QByteArray("a: \"C:\\path\"\n") << 1 << "post.md:1:"
                                << "write \\\\ for a backslash";
}

void TestYaml::errorsCarryPositionAndAdvice()
{
    QFETCH(QByteArray, input);
    QFETCH(int, firstLine);
    QFETCH(QString, start);
    QFETCH(QString, advice);
    yaml::LoadOptions options;
    options.fileName = QStringLiteral("post.md");
    options.firstLine = firstLine;
    yaml::ParseError parts;
    auto r = yaml::load(view(input), options, &parts);
    QVERIFY(!r);
    QVERIFY2(r.error().startsWith(start), qPrintable(r.error()));
    QVERIFY2(r.error().contains(advice), qPrintable(r.error()));
    QCOMPARE(parts.fileName, QStringLiteral("post.md"));
    QVERIFY(r.error().startsWith(QStringLiteral("post.md:%1:%2: ").arg(parts.line).arg(parts.column)));
}

void TestYaml::bomIsIgnored()
{
    QCOMPARE(dump(loadOk("\xEF\xBB\xBF" "a: 1\n")), std::string("{\"a\": 1}"));
}

void TestYaml::invalidUtf8IsReported()
{
    yaml::ParseError parts;
    yaml::LoadOptions options;
    options.fileName = "x.yml";
    auto r = yaml::load("a: ok\nb: caf\xE9\n", options, &parts);
    QVERIFY(!r);
    QCOMPARE(parts.line, 2);
    QCOMPARE(parts.column, 7);
    QVERIFY2(r.error().contains("UTF-8"), qPrintable(r.error()));
}

void TestYaml::crlfText()
{
    QCOMPARE(dump(loadOk("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: yes\r\n")),
             std::string("{\"a\": 1, \"b\": \"x\\ny\\n\", \"c\": true}"));
}

void TestYaml::onlyFirstDocument()
{
    // Psych.safe_load reads the first document and never sees the broken second one.
    QCOMPARE(dump(loadOk("a: 1\n---\nb: [\n")), std::string("{\"a\": 1}"));
}

void TestYaml::recursiveAliasIsAnError()
{
    auto r = yaml::load("a: &x\n  b: *x\n");
    QVERIFY(!r);
    QVERIFY2(r.error().contains("recursive"), qPrintable(r.error()));
}

void TestYaml::largeIntegerBecomesFloat()
{
    // Ruby keeps 99999999999999999999 as a Bignum; Folio has 64-bit integers.
    const Value v = loadOk("a: 99999999999999999999\nb: 9223372036854775807\nc: -9223372036854775808\n");
    QVERIFY(v.get("a").isFloat());
    QCOMPARE(v.get("a").toFloat(), 1e20);
    QCOMPARE(v.get("b").toInt(), std::numeric_limits<std::int64_t>::max());
    QCOMPARE(v.get("c").toInt(), std::numeric_limits<std::int64_t>::min());
}

void TestYaml::concurrentLoads()
{
    // The build loads front matter on worker threads.
    const QByteArray cases = readFile(dataDir() + "psych-cases.txt");
    yaml::LoadOptions options;
    options.timezone = kZone;
    auto loadAll = [&] {
        std::string out;
        for (const QByteArray &chunk : cases.split('#')) {
            auto r = yaml::load(view(chunk), options);
            out += r ? dump(*r) : r.error().toStdString();
        }
        return out;
    };
    const std::string expected = loadAll();
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] { results[i] = loadAll(); });
    for (auto &t : threads)
        t.join();
    for (const std::string &r : results)
        QVERIFY(r == expected);
}

void TestYaml::localTimeFollowsZoneOption()
{
    // The instant does not depend on the zone (Psych reads zone-less times as
    // UTC); only the offset they are shown in does.
    yaml::LoadOptions tokyo;
    tokyo.timezone = "Asia/Tokyo";
    const Value v = loadOk("d: 2020-01-02 10:00:00\n", tokyo);
    QCOMPARE(v.get("d").time().seconds, std::int64_t(1577959200));
    QCOMPARE(v.get("d").time().utcOffset, 9 * 3600);
    QCOMPARE(v.get("d").toString(), std::string("2020-01-02 19:00:00 +0900"));
}

void TestYaml::tokenizeDirect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << "" << "nil";
    QTest::newRow("word") << "hello" << "\"hello\"";
    QTest::newRow("tilde") << "~" << "nil";
    QTest::newRow("newline-yes") << "yes\nno" << "\"yes\\nno\"";
    QTest::newRow("octal-underscore") << "0_7" << "7";
    QTest::newRow("hex-comma") << "0x1,0" << "16";
    QTest::newRow("neg-year-time") << "-0001-01-01 00:00:00Z" << "time:-62198755200.000000000@0 UTC";
    QTest::newRow("sexagesimal-float") << "1:30.5" << "f:5430.0";
    QTest::newRow("plus-word") << "+inf" << "\"+inf\"";
}

void TestYaml::tokenizeDirect()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto r = yaml::detail::tokenize(text.toStdString(), {"UTC"});
    QVERIFY(r.ok());
    QCOMPARE(QString::fromStdString(dump(r.value)), expected);
}

// ---- JSON and CSV -------------------------------------------------------------

void TestYaml::json_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    // Expected values checked against Ruby's JSON.parse.
    QTest::newRow("order-kept") << QByteArray(R"({"z": 1, "a": 2, "m": 3})") << R"({"z": 1, "a": 2, "m": 3})";
    QTest::newRow("types") << QByteArray(R"([1, -2, 2.5, 1e3, 1E-2, true, false, null, "s"])")
                           << R"([1, -2, f:2.5, f:1000.0, f:0.01, true, false, nil, "s"])";
    QTest::newRow("escapes") << QByteArray(R"(["\u00e9\/\"\\\n\t", "\ud83d\ude00", "\ud800"])")
                             << "[\"é/\\\"\\\\\\n\\t\", \"😀\", \"\xEF\xBF\xBD\"]";
    QTest::newRow("duplicate-last-wins") << QByteArray(R"({"a": 1, "b": 2, "a": 3})") << R"({"a": 3, "b": 2})";
    QTest::newRow("nested") << QByteArray(" {\"a\": [ {\"b\": {}} , [] ]}\n") << R"({"a": [{"b": {}}, []]})";
    QTest::newRow("comments") << QByteArray("/* c */ {\"a\": // x\n 1}") << R"({"a": 1})";
    QTest::newRow("scalar") << QByteArray("\"x\"") << R"("x")";
}

void TestYaml::json()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    auto r = yaml::loadJson(view(input));
    QVERIFY2(r, qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(QString::fromStdString(dump(*r)), expected);
}

void TestYaml::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("start");
    QTest::newRow("trailing-comma") << QByteArray("{\"a\": 1,\n}") << "d.json:2:1: ";
    QTest::newRow("unquoted-key") << QByteArray("{a: 1}") << "d.json:1:2: ";
    QTest::newRow("unterminated") << QByteArray("[\"abc") << "d.json:1:6: ";
    QTest::newRow("leading-zero") << QByteArray("[01]") << "d.json:1:";
    QTest::newRow("extra") << QByteArray("{} {}") << "d.json:1:4: ";
    QTest::newRow("empty") << QByteArray("") << "d.json:1:1: ";
}

void TestYaml::jsonErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, start);
    yaml::LoadOptions options;
    options.fileName = "d.json";
    auto r = yaml::loadJson(view(input), options);
    QVERIFY(!r);
    QVERIFY2(r.error().startsWith(start), qPrintable(r.error()));
}

void TestYaml::csv_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<char>("separator");
    QTest::addColumn<QString>("expected");
    // Expected values checked against Ruby's CSV.parse(text, headers: true).map(&:to_hash).
    QTest::newRow("simple") << QByteArray("a,b\n1,2\n") << ',' << R"([{"a": "1", "b": "2"}])";
    QTest::newRow("short-and-long-rows") << QByteArray("a,b\n1\n1,2,3\n") << ','
                                         << R"([{"a": "1", "b": nil}, {"a": "1", "b": "2", "": "3"}])";
    QTest::newRow("blank-line") << QByteArray("a,b\n\n1,2\n") << ','
                                << R"([{"a": nil, "b": nil}, {"a": "1", "b": "2"}])";
    QTest::newRow("quotes") << QByteArray("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n") << ','
                            << R"([{"a": "x, y", "b": "he said \"hi\""}])";
    QTest::newRow("multiline") << QByteArray("a,b\n\"multi\nline\",\n") << ','
                               << R"([{"a": "multi\nline", "b": nil}])";
    QTest::newRow("duplicate-header-first-wins") << QByteArray("a,,a\n1,2,3\n") << ','
                                                 << R"([{"a": "1", "": "2"}])";
    QTest::newRow("bom-kept-as-jekyll") << QByteArray("\xEF\xBB\xBFname,x\n1,2\n") << ','
                                        << "[{\"\xEF\xBB\xBFname\": \"1\", \"x\": \"2\"}]";
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << ',' << R"([{"a": "1", "b": "2"}])";
    QTest::newRow("empty-quoted") << QByteArray("a,b\n1,\"\"\n") << ',' << R"([{"a": "1", "b": ""}])";
    QTest::newRow("header-only") << QByteArray("a,b") << ',' << "[]";
    QTest::newRow("empty") << QByteArray("") << ',' << "[]";
    QTest::newRow("tsv") << QByteArray("a\tb\nx y\t2\n") << '\t' << R"([{"a": "x y", "b": "2"}])";
    QTest::newRow("no-final-newline") << QByteArray("a\n1") << ',' << R"([{"a": "1"}])";
}

void TestYaml::csv()
{
    QFETCH(QByteArray, input);
    QFETCH(char, separator);
    QFETCH(QString, expected);
    auto r = yaml::loadCsv(view(input), separator);
    QVERIFY2(r, qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(QString::fromStdString(dump(*r)), expected);
}

void TestYaml::csvErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("start");
    QTest::newRow("illegal-quoting") << QByteArray("a,b\n1,x\"y\n") << "line 2: Illegal quoting";
    QTest::newRow("unclosed") << QByteArray("a,b\n1,\"x\n") << "line 2: Unclosed quoted field";
    QTest::newRow("after-quote") << QByteArray("a\n\"x\"y\n") << "line 2: Any value after quoted field";
}

void TestYaml::csvErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, start);
    auto r = yaml::loadCsv(view(input));
    QVERIFY(!r);
    QVERIFY2(r.error().startsWith(start), qPrintable(r.error()));
}

// ---- front matter -----------------------------------------------------------

void TestYaml::split_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("has");
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("bodyLine");
    // Each checked against Jekyll's YAML_FRONT_MATTER_REGEXP in Ruby.
    QTest::newRow("basic") << QByteArray("---\na: 1\n---\nbody\n") << true << QByteArray("a: 1\n") << QByteArray("body\n") << 4;
    QTest::newRow("empty") << QByteArray("---\n---\nbody") << true << QByteArray() << QByteArray("body") << 3;
    QTest::newRow("dots-close") << QByteArray("---\na: 1\n...\nbody") << true << QByteArray("a: 1\n") << QByteArray("body") << 4;
    QTest::newRow("blank-lines-after-close-are-eaten") << QByteArray("---\na: 1\n---\n\n\n  body\n") << true
                                                       << QByteArray("a: 1\n") << QByteArray("  body\n") << 6;
    QTest::newRow("close-with-trailing-spaces") << QByteArray("---\na: 1\n---   \nbody") << true << QByteArray("a: 1\n")
                                                << QByteArray("body") << 4;
    QTest::newRow("close-at-eof") << QByteArray("---\na: 1\n---") << true << QByteArray("a: 1\n") << QByteArray() << 3;
    QTest::newRow("crlf") << QByteArray("---\r\na: 1\r\n---\r\nbody\r\n") << true << QByteArray("a: 1\r\n")
                          << QByteArray("body\r\n") << 4;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF---\na: 1\n---\nx") << true << QByteArray("a: 1\n") << QByteArray("x") << 4;
    QTest::newRow("opening-spaces") << QByteArray("---  \na: 1\n---\nx") << true << QByteArray("a: 1\n") << QByteArray("x") << 4;
    QTest::newRow("no-close") << QByteArray("---\na: 1\nbody\n") << false << QByteArray() << QByteArray("---\na: 1\nbody\n") << 1;
    QTest::newRow("text-after-opening") << QByteArray("--- a\n---\nx") << false << QByteArray() << QByteArray("--- a\n---\nx") << 1;
    QTest::newRow("four-dashes") << QByteArray("----\na: 1\n---\nx") << false << QByteArray()
                                 << QByteArray("----\na: 1\n---\nx") << 1;
    QTest::newRow("close-needs-line-start") << QByteArray("---\na: 1 ---\n---\nx") << true << QByteArray("a: 1 ---\n")
                                            << QByteArray("x") << 4;
    QTest::newRow("close-with-comment-is-not-close") << QByteArray("---\na: 1\n--- # c\n---\nx") << true
                                                     << QByteArray("a: 1\n--- # c\n") << QByteArray("x") << 5;
    QTest::newRow("no-front-matter") << QByteArray("# Title\n") << false << QByteArray() << QByteArray("# Title\n") << 1;
    QTest::newRow("blank-first-lines-in-yaml") << QByteArray("---\n\n\na: 1\n---\nx") << true << QByteArray("\n\na: 1\n")
                                               << QByteArray("x") << 6;
    QTest::newRow("four-dash-close-is-not-close") << QByteArray("---\na: 1\n----\n---\nx") << true
                                                  << QByteArray("a: 1\n----\n") << QByteArray("x") << 5;
}

void TestYaml::split()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, has);
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, body);
    QFETCH(int, bodyLine);
    const yaml::FrontMatterSplit s = yaml::split(view(text));
    QCOMPARE(s.hasFrontMatter, has);
    QCOMPARE(QByteArray(s.yaml.data(), qsizetype(s.yaml.size())), yaml);
    QCOMPARE(QByteArray(s.body.data(), qsizetype(s.body.size())), body);
    QCOMPARE(s.bodyFirstLine, bodyLine);
    if (has)
        QCOMPARE(s.yamlFirstLine, 2);
}

void TestYaml::hasYamlHeader_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("plain") << QByteArray("---\n---\n") << true;
    QTest::newRow("crlf") << QByteArray("---\r\nx") << true;
    QTest::newRow("spaces") << QByteArray("---  \t\nx") << true;
    QTest::newRow("bom-is-static") << QByteArray("\xEF\xBB\xBF---\n---\n") << false;
    QTest::newRow("no-newline") << QByteArray("---") << false;
    QTest::newRow("text") << QByteArray("--- x\n") << false;
    QTest::newRow("none") << QByteArray("body\n") << false;
}

void TestYaml::hasYamlHeader()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, expected);
    QCOMPARE(yaml::hasYamlHeader(view(text)), expected);
}

void TestYaml::misplacedFrontMatter_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("found");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<int>("lastLine");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("publication") << QByteArray("---\n---\ntitle: \"A\"\ncollection: publications\nvenue: 'X'\n\nAbstract.\n")
                                 << true << 3 << 5 << QStringList{"title", "collection", "venue"};
    QTest::newRow("with-list") << QByteArray("---\n---\ntags:\n  - a\n  - b\ntitle: x\n") << true << 3 << 6
                               << QStringList{"tags", "title"};
    QTest::newRow("comment-only-front-matter") << QByteArray("---\n# nothing\n---\ntitle: x\n") << true << 4 << 4
                                               << QStringList{"title"};
    QTest::newRow("prose-single-line") << QByteArray("---\n---\nNote: this is prose.\n") << false << 0 << 0 << QStringList();
    QTest::newRow("two-unknown-keys") << QByteArray("---\n---\nfoo: 1\nbar: 2\n") << true << 3 << 4
                                      << QStringList{"foo", "bar"};
    QTest::newRow("non-empty-front-matter") << QByteArray("---\nlayout: x\n---\ntitle: y\n") << false << 0 << 0 << QStringList();
    QTest::newRow("body-is-prose") << QByteArray("---\n---\nHello world.\ntitle: x\n") << false << 0 << 0 << QStringList();
    QTest::newRow("url-is-not-a-key") << QByteArray("---\n---\nhttp://example.org\n") << false << 0 << 0 << QStringList();
    QTest::newRow("no-front-matter") << QByteArray("title: x\n") << false << 0 << 0 << QStringList();
}

void TestYaml::misplacedFrontMatter()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, found);
    QFETCH(int, firstLine);
    QFETCH(int, lastLine);
    QFETCH(QStringList, keys);
    const auto m = yaml::findMisplacedFrontMatter(yaml::split(view(text)));
    QCOMPARE(m.found, found);
    if (!found)
        return;
    QCOMPARE(m.firstLine, firstLine);
    QCOMPARE(m.lastLine, lastLine);
    QStringList got;
    for (const std::string &k : m.keys)
        got << QString::fromStdString(k);
    QCOMPARE(got, keys);
}

// ---- the seed site ------------------------------------------------------------

void TestYaml::seedSite_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("bodySize");
    QTest::addColumn<QByteArray>("expected");
    for (const QByteArray &line : readFile(dataDir() + "seed-expected.txt").split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() < 4)
            continue;
        QTest::newRow(f[1].constData()) << QString::fromUtf8(f[0]) << QString::fromUtf8(f[1]) << f[2].toInt()
                                        << line.mid(f[0].size() + f[1].size() + f[2].size() + 3);
    }
}

void TestYaml::seedSite()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(int, bodySize);
    QFETCH(QByteArray, expected);
    const QString root = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site/");
    if (!QDir(root).exists())
        QSKIP("needs ../shared/fixtures/seed-site (the seed site is not part of the repository)");
    const QByteArray text = readFile(root + path);
    yaml::LoadOptions options;
    options.timezone = kZone;
    options.fileName = path;
    std::string_view yamlText = view(text);
    if (kind == u"front") {
        const auto s = yaml::split(view(text));
        QVERIFY(s.hasFrontMatter);
        QCOMPARE(int(s.body.size()), bodySize);
        yamlText = s.yaml;
        options.firstLine = s.yamlFirstLine;
    }
    auto r = yaml::load(yamlText, options);
    QVERIFY2(r, qPrintable(r.ok() ? QString() : r.error()));
    QCOMPARE(QByteArray::fromStdString(dump(*r)), expected);
}

void TestYaml::seedPublicationsAreFlagged()
{
    const QString root = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site/");
    if (!QDir(root).exists())
        QSKIP("needs ../shared/fixtures/seed-site");
    const QByteArray text = readFile(root + "_publications/2009-10-01-paper-title-number-1.md");
    const auto m = yaml::findMisplacedFrontMatter(yaml::split(view(text)));
    QVERIFY(m.found);
    QCOMPARE(m.firstLine, 3);
    QCOMPARE(m.lastLine, 6);
    QCOMPARE(m.keys, (std::vector<std::string>{"title", "collection", "venue", "paperurl"}));
    QCOMPARE(yaml::describe(m, "_publications/2009-10-01-paper-title-number-1.md"),
             std::string("_publications/2009-10-01-paper-title-number-1.md:3: front matter keys found in the body "
                         "(title, collection, venue, paperurl on lines 3-6): Jekyll shows them as text and the "
                         "page misses them; move them between the --- lines"));

    // Every other seed document is clean.
    int flagged = 0;
    for (const char *dir : {"_posts", "_pages", "_talks", "_teaching", "_portfolio", "_publications", "_drafts"}) {
        for (const QFileInfo &fi : QDir(root + QLatin1String(dir)).entryInfoList(QDir::Files)) {
            if (yaml::findMisplacedFrontMatter(yaml::split(view(readFile(fi.filePath())))).found)
                ++flagged;
        }
    }
    QCOMPARE(flagged, 2);
}

QTEST_GUILESS_MAIN(TestYaml)
#include "tst_yaml.moc"
