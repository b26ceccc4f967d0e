// folio-cli: the engine from the command line. main() only parses arguments and
// links the engine's pieces (Zeal's rule: no logic here).
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream(stderr) << "usage: folio-cli build|check|liquid ...\n";
    return 2;
}
