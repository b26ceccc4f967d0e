// The sites opened lately, newest first, kept in the settings; File > Open
// Recent lists them and `folio` with no argument reopens the first.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace folio::app {

class RecentSites final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaximum = 10;

    explicit RecentSites(QObject *parent = nullptr);

    QStringList sites() const;
    // Moves `directory` to the front (adding it), dropping the oldest beyond kMaximum.
    void add(const QString &directory);
    void remove(const QString &directory);
    void clear();
    // Fills `menu` with one action per site (those that no longer exist are
    // skipped) and a "Clear" action; call again whenever the list changes.
    void populate(QMenu *menu);

Q_SIGNALS:
    void changed();
    void openRequested(const QString &directory);

private:
    void store(const QStringList &sites);
};

} // namespace folio::app
