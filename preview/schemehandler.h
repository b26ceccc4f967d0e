// Serves Folio's scheme to the preview: folio://site/... from the preview's
// in-memory build (pages load their CSS, images and links from the site
// itself, without a web server) and folio://mathjax/<major>/... from Folio's
// copies of MathJax. Nothing else is read.
#pragma once

#include <QWebEngineUrlSchemeHandler>

namespace folio::preview {

class MathJaxLibrary;
class PreviewSite;

class SchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    SchemeHandler(const PreviewSite &site, const MathJaxLibrary &mathJax, QObject *parent = nullptr);
    // With the MathJax copies found the default way (MathJaxLibrary()).
    explicit SchemeHandler(const PreviewSite &site, QObject *parent = nullptr);
    ~SchemeHandler() override;
    void requestStarted(QWebEngineUrlRequestJob *job) override;

    // Must run before the QApplication is created.
    static void registerScheme();

private:
    void serveSite(QWebEngineUrlRequestJob *job);
    void serveMathJax(QWebEngineUrlRequestJob *job);

    const PreviewSite &m_site;
    std::unique_ptr<MathJaxLibrary> m_ownMathJax;
    const MathJaxLibrary &m_mathJax;
};

} // namespace folio::preview
