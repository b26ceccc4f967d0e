// The native compress layout against the Liquid interpreter running the real
// compress.html (from ../shared's academicpages site): byte-identical output
// over real pages and edge cases, for every compress_html setting academicpages
// and Minimal Mistakes document.
#include "site/build/compress.h"
#include "site/build/builder.h"
#include "site/jekyll/jekyll.h"
#include "site/yaml/frontmatter.h"
#include "site/yaml/yaml.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include "common/files.h"

using namespace folio::site;
using liquid::Value;

using folio::tests::readFile;
using folio::tests::writeFile;

namespace {

const QString kSeed = QStringLiteral(FOLIO_SHARED_DIR "/fixtures/seed-site");

Value settingsFrom(const char *yamlText)
{
    auto v = yaml::load(yamlText);
    return v && v->isHash() ? *v : Value(liquid::Hash{});
}

} // namespace

class CompressTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recognisesOnlyTheKnownLayout();
    void nativeEqualsInterpreter_data();
    void nativeEqualsInterpreter();

private:
    std::string m_layout;   // compress.html after its front matter
    liquid::Environment m_env = jekyll::jekyllEnvironment();
    liquid::TemplatePtr m_template;
    std::vector<std::pair<QString, std::string>> m_pages;
};

void CompressTest::initTestCase()
{
    const QByteArray file = readFile(kSeed + QStringLiteral("/_layouts/compress.html"));
    if (file.isEmpty())
        QSKIP("../shared/fixtures/seed-site is not here: the reference compress.html comes from it");
    m_layout = std::string(yaml::split(std::string_view(file.constData(), std::size_t(file.size()))).body);
    auto parsed = liquid::Template::parse(m_layout, m_env, QStringLiteral("compress.html"));
    QVERIFY(parsed.ok());
    m_template = parsed.tmpl;

    // Real pages: the seed site built without the compress layout.
    DiagnosticSink sink;
    auto site = build::loadSite(kSeed, {}, sink);
    build::MemoryWriter writer;
    build::Renderer renderer(*site, sink);
    for (const auto &doc : site->documents()) {
        if (doc->destination.endsWith(QLatin1String(".html")) && !doc->generated) {
            auto content = renderer.renderContent(*doc);
            if (content)
                m_pages.emplace_back(doc->destination, *content);
        }
    }
    for (const auto &[path, file] : site->layouts())
        m_pages.emplace_back(QString::fromStdString(path), file.content);
    // Edge cases for the whitespace and comment rules.
    const char *edges[] = {
        "", " ", "   <p>  a  </p>   <p> b </p>  ",
        "<thead>   <th>x</th>  </thead> <tbody>\n\n  <tr> <td> 1 </td></tr>  </tbody>",
        "<header>  <head> <link rel=x>   <li>  </li> </ul>  <colgroup> <col> </colgroup>",
        "<pre>  keep   this\n\n  </pre>   after   <pre class='x'>\n a </pre>",
        "</pre> stray <pre> unclosed",
        "a <!-- c1 --> b <!-- unclosed <!-- nested --> --> c <!---->",
        "x\n\n\n   \n y \n\t\n z",
        "</p></p>  </p> <p>",
        "<div>  </div>  <div  >  <DIV> </Div>",
    };
    for (const char *e : edges)
        m_pages.emplace_back(QStringLiteral("edge: ") + QString::fromUtf8(e).left(30), std::string(e));
}

void CompressTest::recognisesOnlyTheKnownLayout()
{
    QVERIFY(build::isCompressLayout(m_layout));
    std::string edited = m_layout;
    edited.replace(edited.find("_endings"), 8, "_endingz");
    QVERIFY(!build::isCompressLayout(edited));
    QVERIFY(!build::isCompressLayout("{{ content }}"));
}

void CompressTest::nativeEqualsInterpreter_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("environment");
    QTest::newRow("academicpages") << "clippings: all\nignore:\n  envs: development\n" << "production";
    QTest::newRow("ignored in development") << "clippings: all\nignore:\n  envs: development\n" << "development";
    QTest::newRow("none") << "" << "production";
    QTest::newRow("everything") << "clippings: all\ncomments: all\nendings: all\nstartings: [html, head, body]\nblanklines: false\n"
                                << "production";
    QTest::newRow("blanklines") << "blanklines: true\ncomments: [\"<!-- \", \" -->\"]\n" << "production";
    QTest::newRow("lists") << "clippings: [p, div, th, thead, li, link]\nendings: [p, li]\nignore:\n  envs: [test]\n"
                           << "production";
}

void CompressTest::nativeEqualsInterpreter()
{
    QFETCH(QString, settings);
    QFETCH(QString, environment);
    const Value config = settingsFrom(settings.toUtf8().constData());
    int compared = 0;
    for (const auto &[name, content] : m_pages) {
        const auto native = build::compressHtml(m_layout, std::string(content), config, environment.toStdString());
        QVERIFY2(native, qPrintable(name));
        liquid::Hash site;
        site.set("compress_html", config);
        liquid::Hash globals;
        globals.set("site", Value(site));
        globals.set("content", content);
        globals.set("jekyll", Value(liquid::Hash{{"environment", environment.toStdString()}}));
        liquid::Context ctx(m_env, Value(globals), liquid::ErrorMode::Strict);
        std::string interpreted;
        QVERIFY(m_template->render(ctx, interpreted));
        if (*native != interpreted) {
            std::size_t at = 0;
            while (at < native->size() && at < interpreted.size() && (*native)[at] == interpreted[at])
                ++at;
            QFAIL(qPrintable(QStringLiteral("%1: differs at byte %2\n  native:      %3\n  interpreted: %4")
                                 .arg(name)
                                 .arg(at)
                                 .arg(QString::fromStdString(native->substr(at > 40 ? at - 40 : 0, 120)),
                                      QString::fromStdString(interpreted.substr(at > 40 ? at - 40 : 0, 120)))));
        }
        ++compared;
    }
    QVERIFY(compared > 40);
}

QTEST_GUILESS_MAIN(CompressTest)
#include "tst_compress.moc"
