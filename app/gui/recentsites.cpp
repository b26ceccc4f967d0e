#include "recentsites.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace folio::app {

namespace {

const QString kKey = QStringLiteral("recentSites");

} // namespace

RecentSites::RecentSites(QObject *parent)
    : QObject(parent)
{
}

QStringList RecentSites::sites() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentSites::add(const QString &directory)
{
    const QString path = QFileInfo(directory).absoluteFilePath();
    QStringList list = sites();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentSites::remove(const QString &directory)
{
    QStringList list = sites();
    list.removeAll(QFileInfo(directory).absoluteFilePath());
    store(list);
}

void RecentSites::clear()
{
    store({});
}

void RecentSites::populate(QMenu *menu)
{
    menu->clear();
    int shown = 0;
    for (const QString &site : sites()) {
        if (!QFileInfo(site).isDir())
            continue;   // moved or deleted since: kept in the list in case it comes back (a USB disk)
        ++shown;
        // The folder's name is what people recognise; the full path is the tooltip.
        QAction *action = menu->addAction(QStringLiteral("&%1 %2").arg(shown).arg(QDir(site).dirName()));
        action->setToolTip(QDir::toNativeSeparators(site));
        action->setStatusTip(QDir::toNativeSeparators(site));
        connect(action, &QAction::triggered, this, [this, site] { Q_EMIT openRequested(site); });
    }
    if (shown == 0)
        menu->addAction(tr("No recent sites"))->setEnabled(false);
    menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("&Clear Menu"), this, &RecentSites::clear);
    clearAction->setEnabled(shown > 0);
    menu->setToolTipsVisible(true);
}

void RecentSites::store(const QStringList &sites)
{
    QSettings().setValue(kKey, sites);
    Q_EMIT changed();
}

} // namespace folio::app
