// Serves folio://site/... from the preview's in-memory build, so pages load
// their CSS, images and links from the site itself without a web server.
#pragma once

#include <QWebEngineUrlSchemeHandler>

namespace folio::preview {

class PreviewSite;

class SchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    explicit SchemeHandler(const PreviewSite &site, QObject *parent = nullptr);
    void requestStarted(QWebEngineUrlRequestJob *job) override;

    // Must run before the QApplication is created.
    static void registerScheme();

private:
    const PreviewSite &m_site;
};

} // namespace folio::preview
