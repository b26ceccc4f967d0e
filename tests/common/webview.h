// Reading the preview's page from a test: WebEngine answers scripts
// asynchronously, so wait for the answer (up to 10 s) and return it.
#pragma once

#include <QTest>
#include <QVariant>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace folio::tests {

// The value of `script` in the view's page; an invalid QVariant if it did not answer.
inline QVariant evaluate(QWebEngineView *view, const QString &script)
{
    QVariant result;
    bool done = false;
    view->page()->runJavaScript(script, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return {}; // the page did not answer in time
    return result;
}

} // namespace folio::tests
