// Serve mode, as `jekyll serve` has it and the preview uses it: site.url is
// the preview's origin and jekyll.environment is development; publish builds
// keep the configured url and production.
#include "site/build/builder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace folio::site;

class ServeTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serveModeUsesPreviewOriginAndDevelopment();
};

void ServeTest::serveModeUsesPreviewOriginAndDevelopment()
{
    QTemporaryDir src;
    QDir().mkpath(src.filePath(QStringLiteral("_layouts")));
    auto write = [&](const QString &path, const QByteArray &bytes) {
        QFile f(src.filePath(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral("_config.yml"), "url: https://me.example.org\n");
    write(QStringLiteral("index.html"),
          "---\n---\n<link href=\"{{ site.url }}/assets/main.css\">{{ jekyll.environment }}"
          "|{{ '/a/' | absolute_url }}\n");

    auto render = [&](const model::BuildOptions &options) {
        DiagnosticSink sink;
        auto site = build::loadSite(src.path(), options, sink);
        build::Renderer renderer(*site, sink);
        const model::Document *page = site->documentForPath(src.filePath(QStringLiteral("index.html")));
        return page ? renderer.renderDocument(*page).value_or(std::string("<error>")) : std::string("<missing>");
    };

    model::BuildOptions serve;
    serve.environment = model::Environment::Development;
    serve.urlOverride = "folio-preview://site";
    QCOMPARE(render(serve),
             std::string("<link href=\"folio-preview://site/assets/main.css\">development|folio-preview://site/a/\n"));
    QCOMPARE(render({}), std::string("<link href=\"https://me.example.org/assets/main.css\">production|https://me.example.org/a/\n"));
}

QTEST_GUILESS_MAIN(ServeTest)
#include "tst_serve.moc"
