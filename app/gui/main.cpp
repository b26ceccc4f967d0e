// folio: the desktop editor. main() only sets the application up and opens
// the window on the site given, or the last one.
#include "i18n.h"
#include "mainwindow.h"

#include "preview/schemehandler.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

int main(int argc, char *argv[])
{
    folio::preview::SchemeHandler::registerScheme();   // before QApplication
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Folio"));
    QApplication::setApplicationName(QStringLiteral("folio"));
    folio::app::installTranslations(app, folio::app::chosenLanguage());

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SITE"), QApplication::translate("main", "The site's folder."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QApplication::translate("main", "A file of the site to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    folio::app::MainWindow window;
    const QString site = parser.positionalArguments().value(0, QSettings().value(QStringLiteral("lastSite")).toString());
    window.show();
    if (!site.isEmpty() && window.openSite(site) && parser.positionalArguments().size() > 1)
        window.openDocument(QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath());
    return app.exec();
}
