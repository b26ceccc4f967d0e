// The scholar module's messages to the user, in one translation context as
// Qt Creator does (Utils::Tr): the window installs the zh_CN catalog;
// folio-cli installs none and prints English.
#pragma once

#include <QCoreApplication>

namespace folio::site::scholar {

struct Tr final {
    Q_DECLARE_TR_FUNCTIONS(folio::site::scholar)
};

} // namespace folio::site::scholar
