// A site as the preview shows it: loaded in serve mode (site.url is the
// preview's origin, jekyll.environment development), built once into memory,
// then one document re-rendered from the editor's text on every pause.
#pragma once

#include "site/build/builder.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace folio::preview {

class PreviewSite final
{
public:
    // The origin pages are served from; also the site.url templates see.
    static constexpr const char *kOrigin = "folio://site";

    site::Result<void> load(const QString &sourceDir);
    bool isLoaded() const { return m_site != nullptr; }
    // The folder load() was given (absolute), or empty.
    QString sourceDir() const { return m_sourceDir; }
    const site::model::Site *site() const { return m_site.get(); }

    // The bytes and MIME type of a URL path ("/posts/a/"), or nullopt.
    std::optional<QByteArray> file(const QString &urlPath, QString *mimeType) const;
    // The URL path of the document at `sourcePath`, or empty.
    QString urlOf(const QString &sourcePath) const;
    // The source file of the document served at `urlPath`, or empty (list
    // pages made by plugins, static files, unknown paths).
    QString sourceOf(const QString &urlPath) const;
    // Re-renders that document from unsaved `text`; the result is what the
    // preview serves for it from now on. Returns the page, or nullopt on error
    // (the diagnostics say why).
    std::optional<QByteArray> update(const QString &sourcePath, const QString &text);
    // The 1-based line of `text` (a whole file) where its body starts.
    static int bodyFirstLine(const QString &text);
    std::vector<site::Diagnostic> takeDiagnostics() { return m_sink.take(); }

private:
    QString m_sourceDir;
    site::DiagnosticSink m_sink;
    std::unique_ptr<site::model::Site> m_site;
    std::unique_ptr<site::build::Renderer> m_renderer;
    std::unique_ptr<site::build::MemoryWriter> m_output;
};

// The MIME type of an output file, by extension.
QString mimeTypeFor(const QString &path);

} // namespace folio::preview
