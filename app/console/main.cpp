// nr1-console: the desktop console. Wires the core and the views; no logic of its own.

#include "MainWindow.h"
#include "OutputInspector.h"
#include "inventory/Inventory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QSettings>
#include <QTimer>
#include <cstdio>

namespace {

/// A dark palette for the Fusion style (for desktops whose own palette is light).
QPalette darkPalette() {
    QPalette palette(QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
    palette.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2c, 0x2c));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0x9f));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6f, 0xb0, 0xe0));
    palette.setColor(QPalette::ToolTipBase, QColor(0x24, 0x24, 0x24));
    palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    for (const auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return palette;
}

} // namespace

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
        QStringLiteral("Inventory of pairs (default: the last one opened, else "
                       "$XDG_CONFIG_HOME/nr1/inventory.yaml)."),
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
    QCommandLineOption palette(
        QStringLiteral("palette"),
        QStringLiteral("Colours: 'system' (the desktop's, default), 'light' or 'dark' (both with "
                       "the Fusion style)."),
        QStringLiteral("NAME"), QStringLiteral("system"));
    parser.addOption(palette);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A node output to inspect."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    const QString paletteName = parser.value(palette);
    if (paletteName == QLatin1String("dark") || paletteName == QLatin1String("light")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(paletteName == QLatin1String("dark")
                                     ? darkPalette()
                                     : QPalette(QColor(0xef, 0xef, 0xef)));
    } else if (paletteName != QLatin1String("system")) {
        std::fprintf(stderr, "nr1-console: unknown palette '%s' (system, light or dark)\n",
                     qPrintable(paletteName));
        return 64;
    }
    nr1::MainWindow window;
    if (parser.isSet(kind) && !window.inspector()->setKind(parser.value(kind))) {
        std::fprintf(stderr, "nr1-console: unknown kind '%s' (see nr1ctl parse --help)\n",
                     qPrintable(parser.value(kind)));
        return 64;
    }
    // The inventory named, else the last one opened, else the default one when it exists.
    const QString inventoryPath =
        parser.isSet(inventory)
            ? parser.value(inventory)
            : QSettings().value(QStringLiteral("inventory/lastPath")).toString();
    if (!inventoryPath.isEmpty())
        window.openInventory(inventoryPath);
    else if (QFile::exists(nr1::defaultInventoryPath()))
        window.openInventory(nr1::defaultInventoryPath());
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
