// site/csl's own helpers, shared by styles.cpp, citeproc.cpp and bold.cpp.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace folio::site::csl {

QString stylesDir();   // FOLIO_CSL_STYLES_DIR or Debian's
QString localesDir();  // FOLIO_CSL_LOCALES_DIR or Debian's

struct StyleHeader final {
    QString title;
    QString parent;  // the independent-parent link's href, for a dependent style
};
StyleHeader readStyleHeader(const QString &path);

// The locale file citeproc-js gets for `lang`, or empty when there is none.
QString localeFile(const QString &lang);

// `item` with "folio-bold": true on each of its names (in every name
// variable) that is one of `boldNames`; the JavaScript side renders those bold.
QJsonObject markBoldNames(const QJsonObject &item, const QStringList &boldNames);

} // namespace folio::site::csl
