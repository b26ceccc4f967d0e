// The include memo (site/liquid/memo.h): a sequence of renders ("pages")
// sharing one memo must print exactly what the same renders print without
// it, and replay where the includes read the same values.
#include "json_value.h"

#include "site/liquid/liquid.h"

#include <QtTest>

#include <map>

using namespace folio::site;
using liquid::Value;

namespace {

const liquid::Environment &env()
{
    static const liquid::Environment e = liquid::Environment::standard();
    return e;
}

Value json(const char *text)
{
    Value v;
    if (!folio::tests::JsonReader(text).parse(&v))
        qFatal("bad JSON: %s", text);
    return v;
}

// Includes from memory, parsed once each (the memo keys on the parsed file).
class MapLoader final : public liquid::IncludeLoader
{
public:
    explicit MapLoader(std::map<std::string, std::string> files) : m_files(std::move(files)) {}
    liquid::TemplatePtr load(std::string_view name, bool, liquid::Context &ctx, QString *error) override
    {
        auto parsed = m_parsed.find(std::string(name));
        if (parsed != m_parsed.end())
            return parsed->second;
        auto it = m_files.find(std::string(name));
        if (it == m_files.end()) {
            *error = QStringLiteral("no include %1").arg(QString::fromStdString(std::string(name)));
            return nullptr;
        }
        auto result = liquid::Template::parse(it->second, ctx.environment(), QString::fromStdString(it->first));
        return m_parsed.emplace(it->first, result.tmpl).first->second;
    }

private:
    std::map<std::string, std::string> m_files;
    std::map<std::string, liquid::TemplatePtr> m_parsed;
};

// Parses on every load, as a loader racing another thread may: the file of
// one call is freed after it, and another may be parsed at its address.
class FreshLoader final : public liquid::IncludeLoader
{
public:
    explicit FreshLoader(std::map<std::string, std::string> files) : m_files(std::move(files)) {}
    liquid::TemplatePtr load(std::string_view name, bool, liquid::Context &ctx, QString *) override
    {
        return liquid::Template::parse(m_files.at(std::string(name)), ctx.environment(), QStringLiteral("x")).tmpl;
    }

private:
    std::map<std::string, std::string> m_files;
};

struct Page {
    std::string output;
    int diagnostics = 0;
};

std::vector<Page> renderPages(const std::string &source, const std::vector<Value> &pages, MapLoader &loader,
                              liquid::IncludeMemo *memo)
{
    auto parsed = liquid::Template::parse(source, env(), QStringLiteral("page.html"));
    if (!parsed.ok())
        qFatal("template does not parse");
    std::vector<Page> out;
    for (const Value &data : pages) {
        liquid::Context ctx(env(), data, liquid::ErrorMode::Inline);
        ctx.setIncludeLoader(&loader);
        ctx.setIncludeMemo(memo);
        Page page;
        parsed.tmpl->render(ctx, page.output);
        page.diagnostics = int(ctx.diagnostics().size());
        out.push_back(std::move(page));
    }
    return out;
}

// A drop whose answer depends on something beyond itself (as a document's
// content depends on which document the thread renders) and says so.
std::string g_mood = "calm";
class MoodDrop final : public liquid::Drop
{
public:
    Value get(std::string_view key) const override
    {
        if (key != "mood")
            return {};
        liquid::noteHiddenInput();
        return g_mood;
    }
    std::vector<std::string> keys() const override { return {"mood"}; }
};

// A document as listings see it: members depend on the object, except its
// content, which depends on the render (as Folio's DocumentDrop's does).
class DocumentLike final : public liquid::Drop
{
public:
    explicit DocumentLike(std::string title) : m_title(std::move(title)) {}
    Value get(std::string_view key) const override
    {
        if (key == "title")
            return m_title;
        if (key == "content") {
            liquid::noteHiddenInput();
            return g_mood;
        }
        return {};
    }
    std::vector<std::string> keys() const override { return {"title", "content"}; }
    bool stable() const override { return true; }

private:
    std::string m_title;
};

} // namespace

class TstIncludeMemo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsWithout_data()
    {
        QTest::addColumn<QString>("includes");   // name=source, separated by "\n=====\n"
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("pages");       // a JSON array of render data
        QTest::addColumn<QStringList>("expected");   // each page's output
        QTest::addColumn<int>("minReplays");
        QTest::addColumn<int>("maxReplays");

        // A listing: each post's entry is printed on two pages, the second
        // time replayed; the include's assignment is visible after it both times.
        QTest::newRow("entry per post")
            << "entry.html={% assign last = post.title %}<li>{{ post.title | upcase }}</li>"
            << "{% for post in posts %}{% include entry.html %}{% endfor %}[{{ last }}]"
            << R"([{"posts":[{"title":"a"},{"title":"b"}]},{"posts":[{"title":"b"},{"title":"a"}]}])"
            << QStringList{"<li>A</li><li>B</li>[b]", "<li>B</li><li>A</li>[a]"} << 2 << 2;
        // The branch taken decides what else is read: both branches right.
        QTest::newRow("reads depend on values")
            << "x.html={% if p.flag %}{{ p.a }}{% else %}{{ q.b }}{% endif %}"
            << "{% include x.html %}"
            << R"([{"p":{"flag":true,"a":"A1"},"q":{"b":"B1"}},{"p":{"flag":false,"a":"A1"},"q":{"b":"B1"}},)"
               R"({"p":{"flag":false,"a":"A2"},"q":{"b":"B1"}},{"p":{"flag":false,"a":"A2"},"q":{"b":"B2"}},)"
               R"({"p":{"flag":true,"a":"A1"},"q":{"b":"B9"}}])"
            << QStringList{"A1", "B1", "B1", "B2", "A1"} << 2 << 2;
        // Computed keys: the label follows the locale.
        QTest::newRow("computed key")
            << "label.html={{ site.ui[site.locale].hello | default: 'hi' }}"
            << "{% include label.html %}"
            << R"([{"site":{"locale":"en","ui":{"en":{"hello":"Hello"},"fr":{"hello":"Bonjour"}}}},)"
               R"({"site":{"locale":"fr","ui":{"en":{"hello":"Hello"},"fr":{"hello":"Bonjour"}}}},)"
               R"({"site":{"locale":"de","ui":{"en":{"hello":"Hello"},"fr":{"hello":"Bonjour"}}}},)"
               R"({"site":{"locale":"fr","ui":{"en":{"hello":"Hello"},"fr":{"hello":"Salut"}}}}])"
            << QStringList{"Hello", "Bonjour", "hi", "Salut"} << 0 << 0;
        // Parameters are part of what is replayed.
        QTest::newRow("parameters")
            << "card.html=<{{ include.type | default: 'list' }}:{{ post.t }}>"
            << "{% include card.html %}{% include card.html type='grid' %}{% include card.html type=kind %}"
            << R"([{"post":{"t":"x"},"kind":"grid"},{"post":{"t":"x"},"kind":"wide"}])"
            << QStringList{"<list:x><grid:x><grid:x>", "<list:x><grid:x><wide:x>"} << 3 << 3;
        // A variable the include assigns before reading is its own.
        QTest::newRow("own assignment")
            << "own.html={{ n }}{% assign n = post.n | plus: 1 %}{{ n }}"
            << "{% assign n = start %}{% include own.html %}{% include own.html %}{{ n }}"
            << R"([{"start":1,"post":{"n":5}},{"start":1,"post":{"n":5}},{"start":2,"post":{"n":5}}])"
            << QStringList{"16666", "16666", "26666"} << 3 << 4;
        // Counters and cycles are state: never replayed.
        QTest::newRow("increment")
            << "count.html={% increment hits %}"
            << "{% include count.html %}{% include count.html %}{% include count.html %}"
            << "[{},{}]" << QStringList{"012", "012"} << 0 << 0;
        QTest::newRow("cycle")
            << "row.html={% cycle 'odd', 'even' %}"
            << "{% include row.html %}{% include row.html %}{% include row.html %}"
            << "[{},{}]" << QStringList{"oddevenodd", "oddevenodd"} << 0 << 0;
        // Where a loop stopped is set again by a replay.
        QTest::newRow("offset continue")
            << "first.html={% for i in list limit: 2 %}{{ i }}{% endfor %}"
            << "{% include first.html %}{% for i in list offset: continue %}{{ i }}{% endfor %}|"
               "{% include first.html %}{% for i in list offset: continue %}{{ i }}{% endfor %}"
            << R"([{"list":[1,2,3,4]}])" << QStringList{"1234|1234"} << 1 << 1;
        // break inside an include ends the caller's loop; never replayed.
        QTest::newRow("break")
            << "stop.html={% if i == 2 %}{% break %}{% endif %}{{ i }}"
            << "{% for i in (1..3) %}{% include stop.html %}{% endfor %}"
            << "[{},{}]" << QStringList{"1", "1"} << 1 << 2;
        // Errors are printed (and reported) every time.
        QTest::newRow("error")
            << "bad.html={{ 1 | divided_by: 0 }}"
            << "{% include bad.html %}"
            << "[{},{}]"
            << QStringList{"Liquid error (line 1): divided by 0", "Liquid error (line 1): divided by 0"} << 0 << 0;
        // A nested include is recorded with its parent.
        QTest::newRow("nested")
            << "outer.html=[{% include inner.html %}]\n=====\ninner.html={{ post.t }}"
            << "{% include outer.html %}"
            << R"([{"post":{"t":"a"}},{"post":{"t":"a"}},{"post":{"t":"b"}}])"
            << QStringList{"[a]", "[a]", "[b]"} << 1 << 1;
    }

    void sameAsWithout()
    {
        QFETCH(QString, includes);
        QFETCH(QString, source);
        QFETCH(QString, pages);
        QFETCH(QStringList, expected);
        QFETCH(int, minReplays);
        QFETCH(int, maxReplays);

        std::map<std::string, std::string> files;
        for (const QString &file : includes.split(QStringLiteral("\n=====\n"))) {
            const qsizetype eq = file.indexOf(QLatin1Char('='));
            files[file.left(eq).toStdString()] = file.mid(eq + 1).toStdString();
        }
        const Value data = json(pages.toUtf8().constData());
        const std::vector<Value> renders(data.array().begin(), data.array().end());

        MapLoader plainLoader(files), memoLoader(files);
        const std::vector<Page> plain = renderPages(source.toStdString(), renders, plainLoader, nullptr);
        liquid::IncludeMemo memo;
        const std::vector<Page> memoised = renderPages(source.toStdString(), renders, memoLoader, &memo);
        QCOMPARE(plain.size(), std::size_t(expected.size()));
        for (std::size_t i = 0; i < plain.size(); ++i) {
            QCOMPARE(QString::fromStdString(plain[i].output), expected[int(i)]);
            QCOMPARE(QString::fromStdString(memoised[i].output), expected[int(i)]);
            QCOMPARE(memoised[i].diagnostics, plain[i].diagnostics);
        }
        QVERIFY2(memo.stats().hits >= minReplays && memo.stats().hits <= maxReplays,
                 qPrintable(QStringLiteral("%1 replays").arg(memo.stats().hits)));
    }

    // A drop answering from hidden state is re-read on replay when the
    // include reads it as a path, and makes the render unreplayable when a
    // filter reads it inside.
    void hiddenInput()
    {
        MapLoader loader(std::map<std::string, std::string>{{"path.html", "{{ d.mood }}"}, {"filter.html", "{{ ds | map: 'mood' | join }}"}});
        const Value drop(std::shared_ptr<const liquid::Drop>(std::make_shared<MoodDrop>()));
        liquid::Hash h;
        h.set("d", drop);
        h.set("ds", Value(liquid::Array{drop}));
        const Value data(std::move(h));
        liquid::IncludeMemo memo;
        std::vector<std::string> outputs;
        for (const char *mood : {"calm", "calm", "glad", "calm"}) {
            g_mood = mood;
            const auto pages = renderPages("{% include path.html %}/{% include filter.html %}", {data}, loader, &memo);
            outputs.push_back(pages.front().output);
        }
        QCOMPARE(outputs, (std::vector<std::string>{"calm/calm", "calm/calm", "glad/glad", "calm/calm"}));
        // path.html replayed twice (2nd and 4th pages); filter.html never.
        QCOMPARE(memo.stats().hits, 2LL);
    }

    // The memo keys on the parsed file: a file freed and another parsed at
    // its address must not replay the first one's output.
    void parsedFilesAreNotConfused()
    {
        FreshLoader loader({{"a.html", "a{{ x }}"}, {"b.html", "b{{ x }}"}});
        liquid::IncludeMemo memo;
        auto parsed = liquid::Template::parse("{% include a.html %}{% include b.html %}{% include a.html %}", env(),
                                              QStringLiteral("page.html"));
        for (int i = 0; i < 20; ++i) {
            liquid::Context ctx(env(), liquid::makeHash({{"x", 1}}), liquid::ErrorMode::Inline);
            ctx.setIncludeLoader(&loader);
            ctx.setIncludeMemo(&memo);
            QCOMPARE(parsed.tmpl->render(ctx), std::string("a1b1a1"));
        }
    }

    // Members of a stable drop are recorded as the drop itself, except those
    // that read hidden input, which are read again on replay.
    void stableDrops()
    {
        MapLoader loader(std::map<std::string, std::string>{{"entry.html", "{{ post.title }}:{{ post.content }};"}});
        const Value a(std::shared_ptr<const liquid::Drop>(std::make_shared<DocumentLike>("A")));
        const Value b(std::shared_ptr<const liquid::Drop>(std::make_shared<DocumentLike>("B")));
        const Value data = liquid::makeHash({{"posts", liquid::makeArray({a, b, a})}});
        liquid::IncludeMemo memo;
        std::vector<std::string> outputs;
        for (const char *mood : {"x", "x", "y"}) {
            g_mood = mood;
            outputs.push_back(
                renderPages("{% for post in posts %}{% include entry.html %}{% endfor %}", {data}, loader, &memo)
                    .front()
                    .output);
        }
        QCOMPARE(outputs, (std::vector<std::string>{"A:x;B:x;A:x;", "A:x;B:x;A:x;", "A:y;B:y;A:y;"}));
        // Page 1: the second A; page 2: all three; page 3: the second A.
        QCOMPARE(memo.stats().hits, 5LL);
    }

    // An include that differs on every page (a <head> with the page's title)
    // stops being recorded, so a large build keeps nothing of it.
    void givesUpOnPerPageIncludes()
    {
        MapLoader loader(std::map<std::string, std::string>{{"head.html", "<title>{{ page.title }}</title>"}});
        liquid::IncludeMemo memo;
        std::vector<Value> pages;
        for (int i = 0; i < 200; ++i)
            pages.push_back(liquid::makeHash({{"page", liquid::makeHash({{"title", "t" + std::to_string(i)}})}}));
        const auto out = renderPages("{% include head.html %}", pages, loader, &memo);
        QCOMPARE(out[199].output, std::string("<title>t199</title>"));
        QCOMPARE(memo.stats().hits, 0LL);
        QVERIFY2(memo.stats().lookups < 100, qPrintable(QString::number(memo.stats().lookups)));
    }

    // The same for one replayed now and then (a post's neighbours: the same
    // only at the ends); once given up, the includes inside it are memoised
    // on their own.
    void givesUpOnRarelyReplayedIncludes()
    {
        MapLoader loader(std::map<std::string, std::string>{
            {"nav.html", "[{{ page.previous | default: 'none' }}{% include logo.html %}]"},
            {"logo.html", "<img src='{{ site.logo }}'>"}});
        liquid::IncludeMemo memo;
        std::vector<Value> pages;
        for (int i = 0; i < 200; ++i)
            pages.push_back(liquid::makeHash({{"site", liquid::makeHash({{"logo", "l.png"}})},
                                              {"page", liquid::makeHash({{"previous", i % 50 == 0 ? Value() : Value(std::int64_t(i))}})}}));
        const auto out = renderPages("{% include nav.html %}", pages, loader, &memo);
        QCOMPARE(out[0].output, std::string("[none<img src='l.png'>]"));
        QCOMPARE(out[199].output, std::string("[199<img src='l.png'>]"));
        // nav.html: replayed for the pages without a previous one, then given
        // up after 48 pages; logo.html replayed on (nearly) every page after that.
        QVERIFY2(memo.stats().hits > 140, qPrintable(QString::number(memo.stats().hits)));
    }
};

QTEST_GUILESS_MAIN(TstIncludeMemo)
#include "tst_include_memo.moc"
