#include "ctl/IntentOptions.h"

#include "base/Numbers.h"
#include "probe/IscsiParsers.h"

#include <QFile>

namespace nr1::ctl {

bool takeValue(QStringList& arguments, const QString& name, QString& value, QString& error) {
    const qsizetype at = arguments.indexOf(name);
    if (at < 0)
        return false;
    if (at + 1 >= arguments.size()) {
        error = QStringLiteral("%1 needs a value").arg(name);
        return false;
    }
    value = arguments.at(at + 1);
    arguments.remove(at, 2);
    return true;
}

bool takeFlag(QStringList& arguments, const QString& name) {
    return arguments.removeAll(name) > 0;
}

namespace {

/// Every value of a repeatable option, in order.
QStringList takeAll(QStringList& arguments, const QString& name, QString& error) {
    QStringList values;
    QString value;
    while (takeValue(arguments, name, value, error))
        values << value;
    return values;
}

QStringList splitList(const QString& text) {
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

QString takeIntentOptions(QStringList& arguments, PairIntent& intent) {
    QString error;
    QString value;
    PairLayout& layout = intent.layout;
    auto text = [&](const char* name, QString& target) {
        if (takeValue(arguments, QLatin1String(name), value, error))
            target = value;
    };
    auto size = [&](const char* name, SizeRequest& target) {
        if (!takeValue(arguments, QLatin1String(name), value, error))
            return;
        const auto parsed = parseSizeRequest(value);
        if (!parsed.ok())
            error = QStringLiteral("%1: %2").arg(QLatin1String(name), parsed.why());
        else
            target = parsed.value();
    };
    auto number = [&](const char* name, auto apply) {
        if (!takeValue(arguments, QLatin1String(name), value, error))
            return;
        if (const std::optional<int> n = toInt(value))
            apply(*n);
        else
            error = QStringLiteral("%1 needs a whole number").arg(QLatin1String(name));
    };
    if (takeValue(arguments, QStringLiteral("--primary-disks"), value, error))
        intent.primaryDisks = splitList(value);
    if (takeValue(arguments, QStringLiteral("--secondary-disks"), value, error))
        intent.secondaryDisks = splitList(value);
    text("--primary-vg", layout.primaryElement.vg);
    text("--primary-lv", layout.primaryElement.lv);
    text("--secondary-vg", layout.secondaryElement.vg);
    text("--secondary-lv", layout.secondaryElement.lv);
    size("--element-size", intent.elementSize);
    text("--element-iqn", layout.replication.targetIqn);
    text("--element-backstore", intent.elementBackstoreName);
    text("--replication-address", layout.replication.portal.address);
    number("--replication-port", [&](int n) { layout.replication.portal.port = n; });
    text("--primary-initiator", intent.primaryInitiator);
    number("--replacement-timeout", [&](int n) { intent.replacementTimeout = n; });
    number("--write-behind", [&](int n) { intent.writeBehind = n; });
    if (takeValue(arguments, QStringLiteral("--md"), value, error))
        layout.mdDevice = QStringLiteral("/dev/") + value;
    FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    text("--volume-vg", frontEnd.volume.vg);
    text("--volume-lv", frontEnd.volume.lv);
    size("--volume-size", intent.volumeSize);
    text("--target-iqn", frontEnd.targetIqn);
    layout.frontEnd = frontEnd;
    ExportIntent& exportIntent = intent.frontEndExport;
    if (takeValue(arguments, QStringLiteral("--backstore"), value, error)) {
        if (value == QLatin1String("block"))
            exportIntent.kind = BackstoreKind::Block;
        else if (value == QLatin1String("fileio"))
            exportIntent.kind = BackstoreKind::FileIo;
        else
            error = QStringLiteral("--backstore is block or fileio, not '%1'").arg(value);
    }
    text("--backstore-name", exportIntent.backstoreName);
    const QStringList portals = takeAll(arguments, QStringLiteral("--portal"), error);
    if (!portals.isEmpty()) {
        exportIntent.portals.clear();
        for (const QString& portal : portals) {
            // IPv6 portals come as [ADDRESS]:PORT; anything else without ':' gets port 3260.
            const QString withPort =
                portal.contains(QLatin1Char(':')) ? portal : portal + QStringLiteral(":3260");
            const auto parsed = parseIscsiPortal(withPort);
            if (!parsed)
                error =
                    QStringLiteral("--portal '%1' is not ADDRESS[:PORT] ([ADDRESS]:PORT for IPv6)")
                        .arg(portal);
            else
                exportIntent.portals.push_back(
                    IscsiPortal{parsed->address, parsed->port, std::nullopt});
        }
    }
    exportIntent.initiators += takeAll(arguments, QStringLiteral("--initiator"), error);
    QString chapUser;
    QString chapFile;
    text("--chap-user", chapUser);
    text("--chap-secret-file", chapFile);
    if (!chapUser.isEmpty() || !chapFile.isEmpty()) {
        QFile file(chapFile);
        if (chapUser.isEmpty() || chapFile.isEmpty())
            error = QStringLiteral("CHAP needs both --chap-user and --chap-secret-file");
        else if (!file.open(QIODevice::ReadOnly))
            error = QStringLiteral("cannot read %1: %2").arg(chapFile, file.errorString());
        else
            exportIntent.chap = ChapSettings{chapUser, QString::fromUtf8(file.readAll()).trimmed(),
                                             QString(), QString()};
    }
    return error;
}

QString intentOptionsHelp() {
    return QStringLiteral(
        "Pair options (defaults: the names recorded in the pair's inventory entry when nr1\n"
        "built it, else the source page's names shown in parentheses):\n"
        "  --primary-disks D,D      disks for the Primary's element VG when it does not exist\n"
        "  --secondary-disks D,D    disks for the Secondary's element VG when it does not exist\n"
        "  --primary-vg VG  --primary-lv LV       (LIO-NR1-Elements / NR1-Local-Element)\n"
        "  --secondary-vg VG  --secondary-lv LV   (LIO-NR1-Elements / NR1-Remote-Element)\n"
        "  --element-size SIZE      size of both elements: 512M, 2G, … or max (default max)\n"
        "  --element-iqn IQN        the Secondary's target for its element\n"
        "  --element-backstore NAME the Secondary's backstore name\n"
        "  --replication-address IP the Secondary's replication address (inventory)\n"
        "  --replication-port N     (3260)\n"
        "  --primary-initiator IQN  the Primary's initiator name (inventory, else probed)\n"
        "  --replacement-timeout S  seconds before md fails a lost remote leg (15)\n"
        "  --write-behind N         md write-behind for the remote leg (off)\n"
        "  --md NAME                md0 … md127 (md0)\n"
        "  --volume-vg VG  --volume-lv LV         (LIO-NR1-VOL / NR1-PRIMARY-VOL)\n"
        "  --volume-size SIZE       size of the volume (default max)\n"
        "  --target-iqn IQN         the LUN's target on the Primary\n"
        "  --backstore block|fileio (block)      --backstore-name NAME\n"
        "  --portal ADDRESS[:PORT]  where the LUN is offered; repeatable (0.0.0.0:3260)\n"
        "  --initiator IQN          an initiator allowed to use the LUN; repeatable\n"
        "  --chap-user NAME --chap-secret-file FILE   CHAP for every initiator\n");
}

} // namespace nr1::ctl
