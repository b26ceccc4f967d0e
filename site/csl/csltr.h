// The csl module's messages to the user, in one translation context as Qt
// Creator does (Utils::Tr): the window installs the zh_CN catalog, so they read
// in the user's language there; folio-cli installs none and prints English.
#pragma once

#include <QCoreApplication>

namespace folio::site::csl {

struct Tr final {
    Q_DECLARE_TR_FUNCTIONS(folio::site::csl)
};

} // namespace folio::site::csl
