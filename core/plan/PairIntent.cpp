#include "plan/PairIntent.h"

#include "base/Names.h"
#include "inventory/Inventory.h"

#include <QSet>
#include <QUuid>

namespace nr1 {

QString PairIntent::mdDeviceName() const {
    return layout.mdDevice.section(QLatin1Char('/'), -1);
}

PairIntent defaultIntent(const InventoryPair& pair, const NodeState* probedPrimary) {
    PairIntent intent = defaultIntent(pair);
    if (!probedPrimary)
        return intent;
    if (intent.primaryInitiator.isEmpty())
        intent.primaryInitiator = probedPrimary->initiatorName.name;
    const bool serialRecorded = pair.layout && !pair.layout->volumeSerial.isEmpty();
    if (const StorageObject* running =
            probedPrimary->lio.findStorageObject(intent.frontEndExport.backstorePath());
        running && !serialRecorded && !running->wwn.isEmpty())
        intent.frontEndExport.unitSerial = running->wwn;
    return intent;
}

PairIntent defaultIntent(const InventoryPair& pair, const NodeState* probedPrimary,
                         const NodeState* probedSecondary) {
    PairIntent intent = defaultIntent(pair, probedPrimary);
    if (probedSecondary && intent.secondaryInitiator.isEmpty())
        intent.secondaryInitiator = probedSecondary->initiatorName.name;
    return intent;
}

PairIntent swappedIntent(const PairIntent& intent) {
    PairIntent swapped = intent;
    PairLayout& layout = swapped.layout;
    std::swap(layout.primaryElement, layout.secondaryElement);
    layout.replication.portal.address = intent.primaryReplicationAddress;
    swapped.primaryReplicationAddress = intent.layout.replication.portal.address;
    std::swap(swapped.primaryInitiator, swapped.secondaryInitiator);
    std::swap(swapped.primaryDisks, swapped.secondaryDisks);
    return swapped;
}

namespace {

/// "VG/LV" as an element; `fallback` when empty.
ElementRef elementOf(const QString& recorded, const ElementRef& fallback) {
    if (recorded.isEmpty())
        return fallback;
    return ElementRef{recorded.section(QLatin1Char('/'), 0, 0),
                      recorded.section(QLatin1Char('/'), 1)};
}

QString recordedElement(const ElementRef& element) {
    return element.vg + QLatin1Char('/') + element.lv;
}

/// Replaces the defaults of `intent` with every name `recorded` sets.
void applyRecordedLayout(PairIntent& intent, const RecordedLayout& recorded) {
    PairLayout& layout = intent.layout;
    auto take = [](QString& name, const QString& value) {
        if (!value.isEmpty())
            name = value;
    };
    if (!recorded.md.isEmpty())
        layout.mdDevice = QStringLiteral("/dev/") + recorded.md;
    layout.primaryElement = elementOf(recorded.primaryElement, layout.primaryElement);
    layout.secondaryElement = elementOf(recorded.secondaryElement, layout.secondaryElement);
    take(layout.replication.targetIqn, recorded.elementTarget);
    take(intent.elementBackstoreName, recorded.elementBackstore);
    FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    frontEnd.volume = elementOf(recorded.volume, frontEnd.volume);
    take(frontEnd.targetIqn, recorded.volumeTarget);
    layout.frontEnd = frontEnd;
    take(intent.frontEndExport.unitSerial, recorded.volumeSerial);
    if (!recorded.volumeBackstore.isEmpty()) {
        intent.frontEndExport.kind = recorded.volumeBackstore.startsWith(QLatin1String("fileio/"))
                                         ? BackstoreKind::FileIo
                                         : BackstoreKind::Block;
        intent.frontEndExport.backstoreName = recorded.volumeBackstore.section(QLatin1Char('/'), 1);
    }
    if (recorded.replacementTimeout)
        intent.replacementTimeout = *recorded.replacementTimeout;
}

} // namespace

RecordedLayout recordedLayoutOf(const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    RecordedLayout recorded;
    recorded.md = intent.mdDeviceName();
    recorded.primaryElement = recordedElement(layout.primaryElement);
    recorded.secondaryElement = recordedElement(layout.secondaryElement);
    recorded.elementTarget = layout.replication.targetIqn;
    recorded.elementBackstore = intent.elementBackstoreName;
    recorded.volume = recordedElement(frontEnd.volume);
    recorded.volumeTarget = frontEnd.targetIqn;
    recorded.volumeBackstore =
        intent.frontEndExport.plugin() + QLatin1Char('/') + intent.frontEndExport.backstoreName;
    recorded.volumeSerial = intent.frontEndExport.unitSerial;
    recorded.replacementTimeout = intent.replacementTimeout;
    return recorded;
}

PairIntent defaultIntent(const InventoryPair& pair) {
    PairIntent intent;
    // IQN-safe form of the pair name: lower case, other characters as '-'.
    QString tag = pair.name.toLower();
    for (QChar& c : tag)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-'))
            c = QLatin1Char('-');
    const QString authority = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:");
    PairLayout& layout = intent.layout;
    layout.name = pair.name;
    layout.primaryElement =
        ElementRef{QStringLiteral("LIO-NR1-Elements"), QStringLiteral("NR1-Local-Element")};
    layout.secondaryElement =
        ElementRef{QStringLiteral("LIO-NR1-Elements"), QStringLiteral("NR1-Remote-Element")};
    layout.replication.targetIqn = authority + tag + QStringLiteral("-element");
    layout.replication.portal.address = pair.secondary.replicationAddress;
    layout.replication.portal.port = 3260;
    layout.replication.lun = 0;
    layout.mdDevice = QStringLiteral("/dev/md0");
    FrontEndExport frontEnd;
    frontEnd.volume = ElementRef{QStringLiteral("LIO-NR1-VOL"), QStringLiteral("NR1-PRIMARY-VOL")};
    frontEnd.targetIqn = authority + tag + QStringLiteral("-lun");
    layout.frontEnd = frontEnd;
    intent.primaryInitiator = pair.primary.initiatorName;
    intent.secondaryInitiator = pair.secondary.initiatorName;
    intent.primaryReplicationAddress = pair.primary.replicationAddress;
    intent.elementBackstoreName = QStringLiteral("nr1-") + tag + QStringLiteral("-element");
    intent.frontEndExport.backstoreName = QStringLiteral("nr1-") + tag;
    intent.frontEndExport.portals = {IscsiPortal{QStringLiteral("0.0.0.0"), 3260, std::nullopt}};
    intent.frontEndAddress = pair.frontEndAddress;
    if (pair.layout)
        applyRecordedLayout(intent, *pair.layout);
    if (intent.frontEndExport.unitSerial.isEmpty())
        intent.frontEndExport.unitSerial =
            derivedUnitSerial(pair, intent.layout.frontEnd->targetIqn);
    return intent;
}

QString derivedUnitSerial(const InventoryPair& pair, const QString& frontEndTarget) {
    // nr1's own namespace: serials of other tools' name-based UUIDs never collide with these.
    static const QUuid nr1Namespace(QStringLiteral("8d7f3b5e-2c41-4a6e-9b0d-6f1e2a3c4d5e"));
    const QString name =
        QStringList{pair.name, pair.primary.host, pair.secondary.host, frontEndTarget}.join(u'\n');
    return QUuid::createUuidV5(nr1Namespace, name.toUtf8()).toString(QUuid::WithoutBraces);
}

QStringList validateExportIntent(const PairIntent& intent) {
    QStringList problems;
    auto note = [&problems](const QString& problem) {
        if (!problem.isEmpty())
            problems << problem;
    };
    const PairLayout& layout = intent.layout;
    if (layout.frontEnd) {
        note(checkVgName(layout.frontEnd->volume.vg));
        note(checkLvName(layout.frontEnd->volume.lv));
        note(checkIqn(layout.frontEnd->targetIqn, QStringLiteral("the LUN target IQN")));
        if (layout.frontEnd->targetIqn == layout.replication.targetIqn)
            note(QStringLiteral("the LUN target and the element target need different IQNs"));
    }
    const ExportIntent& exportIntent = intent.frontEndExport;
    note(checkBackstoreName(exportIntent.backstoreName));
    note(checkUnitSerial(exportIntent.unitSerial));
    if (exportIntent.portals.empty())
        note(QStringLiteral("the LUN export needs at least one portal"));
    for (const IscsiPortal& portal : exportIntent.portals) {
        note(checkIpAddress(portal.address, QStringLiteral("portal address")));
        if (portal.port < 1 || portal.port > 65535)
            note(QStringLiteral("portal port %1 is not a TCP port").arg(portal.port));
    }
    for (const QString& initiator : exportIntent.initiators)
        note(checkIqn(initiator, QStringLiteral("initiator name")));
    if (QSet<QString>(exportIntent.initiators.begin(), exportIntent.initiators.end()).size() !=
        exportIntent.initiators.size())
        note(QStringLiteral("an initiator name is listed twice"));
    if (const auto& chap = exportIntent.chap) {
        note(checkChapValue(chap->userId, QStringLiteral("the CHAP user name"), false));
        note(checkChapValue(chap->password, QStringLiteral("the CHAP secret"), true));
        if (!chap->mutualUserId.isEmpty() || !chap->mutualPassword.isEmpty()) {
            note(checkChapValue(chap->mutualUserId, QStringLiteral("the mutual CHAP user name"),
                                false));
            note(checkChapValue(chap->mutualPassword, QStringLiteral("the mutual CHAP secret"),
                                true));
            if (chap->mutualPassword == chap->password)
                note(QStringLiteral("the mutual CHAP secret must differ from the CHAP secret"));
        }
    }
    return problems;
}

QStringList validateIntent(const PairIntent& intent) {
    QStringList problems;
    auto note = [&problems](const QString& problem) {
        if (!problem.isEmpty())
            problems << problem;
    };
    const PairLayout& layout = intent.layout;
    for (const ElementRef& element : {layout.primaryElement, layout.secondaryElement}) {
        note(checkVgName(element.vg));
        note(checkLvName(element.lv));
    }
    note(checkIqn(layout.replication.targetIqn, QStringLiteral("the element target IQN")));
    note(checkIpAddress(layout.replication.portal.address,
                        QStringLiteral("the Secondary's replication address")));
    if (layout.replication.portal.port < 1 || layout.replication.portal.port > 65535)
        note(QStringLiteral("replication port %1 is not a TCP port")
                 .arg(layout.replication.portal.port));
    note(checkMdName(intent.mdDeviceName()));
    if (layout.mdDevice != QStringLiteral("/dev/") + intent.mdDeviceName())
        note(QStringLiteral("md device '%1' must be /dev/mdN").arg(layout.mdDevice));
    note(checkBackstoreName(intent.elementBackstoreName));
    if (intent.primaryInitiator.isEmpty())
        note(QStringLiteral("the Primary's initiator name is unknown: set initiator_name in the "
                            "inventory or give --primary-initiator"));
    else
        note(checkIqn(intent.primaryInitiator, QStringLiteral("the Primary's initiator name")));
    if (intent.replacementTimeout < 1 || intent.replacementTimeout > 600)
        note(QStringLiteral("replacement timeout %1 s is outside 1–600 s")
                 .arg(intent.replacementTimeout));
    if (intent.writeBehind && (*intent.writeBehind < 1 || *intent.writeBehind > 16383))
        note(QStringLiteral("write-behind %1 is outside 1–16383").arg(*intent.writeBehind));
    for (const QString& disk : intent.primaryDisks + intent.secondaryDisks)
        if (!disk.startsWith(QLatin1String("/dev/")) || disk.contains(QLatin1String("..")))
            note(QStringLiteral("disk '%1' must be a /dev path").arg(disk));
    problems << validateExportIntent(intent);
    if (layout.primaryElement == layout.frontEnd.value_or(FrontEndExport{}).volume)
        note(QStringLiteral("the volume and the Primary's element need different names"));
    return problems;
}

} // namespace nr1
