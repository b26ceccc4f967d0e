#include "startsite.h"

#include "site/scaffold/scaffold.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace folio::app {

QString starterSiteFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/starter-site");
}

site::Result<QString> ensureStarterSite()
{
    const QString folder = starterSiteFolder();
    // An earlier run made it: reopen it as the user left it, never recreate.
    if (QFileInfo::exists(folder + QStringLiteral("/_config.yml")))
        return folder;
    site::scaffold::SiteOptions options;
    options.title = QCoreApplication::translate("folio::app", "My Academic Site");
    if (auto created = site::scaffold::createSite(folder, options); !created)
        return site::Error{created.error()};
    return folder;
}

site::Result<QString> siteToOpen(const QString &requested, bool forceStarter)
{
    if (forceStarter)
        return ensureStarterSite();
    if (!requested.isEmpty())
        return QFileInfo(requested).absoluteFilePath();
    const QString last = QSettings().value(QStringLiteral("lastSite")).toString();
    if (!last.isEmpty() && QFileInfo(last + QStringLiteral("/_config.yml")).isFile())
        return last;
    return ensureStarterSite();
}

} // namespace folio::app
