#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace folio::app {

namespace {

// The .qm files qt_add_translations compiles into the resources under :/i18n.
QString folioCatalog(const QString &language)
{
    return QStringLiteral(":/i18n/folio_%1.qm").arg(language);
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString chosenLanguage()
{
    const QString setting = QSettings().value(QStringLiteral("language")).toString();
    if (!setting.isEmpty())
        return setting;
    // zh_TW, zh_HK users read Traditional Chinese: English is the safer default there.
    const QLocale system;
    if (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool installTranslations(QCoreApplication &app, const QString &language)
{
    if (language == QLatin1String("en"))
        return true;
    // Sorting (QCollator) and dates then follow the window's language too.
    QLocale::setDefault(QLocale(language));
    auto *folio = new QTranslator(&app);
    if (!folio->load(folioCatalog(language))) {
        delete folio;
        return false;
    }
    app.installTranslator(folio);
    // Qt's own dialogs and standard buttons (Save, Cancel, ...).
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qt_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace folio::app
