#include "site/markdown/markdown.h"
#include <QtTest>
using namespace folio::site::markdown;
class TstMarkdown : public QObject { Q_OBJECT
private Q_SLOTS:
  void smoke() { Converter c; QVERIFY(!c.toHtml("a").empty()); }
};
QTEST_GUILESS_MAIN(TstMarkdown)
#include "tst_markdown.moc"
