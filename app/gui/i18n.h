// The window's language: Simplified Chinese or English, from the system locale
// unless the user picked one (Settings: "language", e.g. "zh_CN" or "en").
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace folio::app {

// The languages Folio is translated into, as locale names ("en" is the source).
QStringList availableLanguages();
// The language in effect: the setting if set, else the system locale's.
QString chosenLanguage();
// Loads Folio's and Qt's own translations for `language` into the
// application; returns false when Folio has none for it (English is used).
bool installTranslations(QCoreApplication &app, const QString &language);

} // namespace folio::app
