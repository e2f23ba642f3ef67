// nr1-console: the desktop console. Wires the core and the views; no logic of its own.

#include "MainWindow.h"
#include "OutputInspector.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QSettings>
#include <QTimer>
#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("nr1"));
    QApplication::setApplicationName(QStringLiteral("nr1-console"));
    QApplication::setApplicationVersion(QStringLiteral(NR1_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/nr1/icons/nr1.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Console for Linux-IO Network RAID1 node pairs."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption kind(QStringLiteral("kind"),
                            QStringLiteral("Parser kind for FILE (see nr1ctl parse --help)."),
                            QStringLiteral("KIND"));
    parser.addOption(kind);
    QCommandLineOption inventory(
        QStringLiteral("inventory"),
        QStringLiteral("Inventory of pairs (default: the last one opened)."),
        QStringLiteral("FILE"));
    parser.addOption(inventory);
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window once shown, then quit (for the docs)."),
        QStringLiteral("PNG"));
    parser.addOption(screenshot);
    QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before the screenshot (default 800; longer lets the "
                       "monitor gather a speed history)."),
        QStringLiteral("MS"), QStringLiteral("800"));
    parser.addOption(screenshotDelay);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A node output to inspect."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    nr1::MainWindow window;
    if (parser.isSet(kind) && !window.inspector()->setKind(parser.value(kind))) {
        std::fprintf(stderr, "nr1-console: unknown kind '%s' (see nr1ctl parse --help)\n",
                     qPrintable(parser.value(kind)));
        return 64;
    }
    const QString inventoryPath =
        parser.isSet(inventory)
            ? parser.value(inventory)
            : QSettings().value(QStringLiteral("inventory/lastPath")).toString();
    if (!inventoryPath.isEmpty())
        window.openInventory(inventoryPath);
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    window.show();
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(parser.value(screenshotDelay).toInt(), &window, [&window, path] {
            const bool saved = window.grab().save(path);
            if (!saved)
                std::fprintf(stderr, "nr1-console: cannot write %s\n", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
