// Menus several features add to (View, Site): each finds the menu by its
// title and creates it after the existing ones only when missing, so the
// window never shows two menus of one name.
#pragma once

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace folio::app {

inline QMenu *menuNamed(QMenuBar *bar, const QString &title)
{
    for (QAction *action : bar->actions())
        if (action->menu() && action->text() == title)
            return action->menu();
    return bar->addMenu(title);
}

} // namespace folio::app
