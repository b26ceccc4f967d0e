// folio: the desktop editor. main() only sets the application up and opens
// the window on the site given, or the last one, or Folio's starter site.
#include "i18n.h"
#include "mainwindow.h"
#include "startsite.h"

#include "preview/schemehandler.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

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
    const QCommandLineOption starter(QStringLiteral("starter"),
                                     QApplication::translate("main", "Open Folio's starter site (created on first use)."));
    parser.addOption(starter);
    parser.process(app);

    folio::app::MainWindow window;
    window.show();
    const auto site = folio::app::siteToOpen(parser.positionalArguments().value(0), parser.isSet(starter));
    if (!site)
        QMessageBox::warning(&window, QApplication::translate("main", "Folio"), site.error());
    else if (window.openSite(*site) && parser.positionalArguments().size() > 1)
        window.openDocument(QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath());
    return app.exec();
}
