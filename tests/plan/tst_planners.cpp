// Planners from live probe captures of the testbed to the expected commands, written by hand
// from the reference build (reference/captures/raid1_build_commands_log.txt plus the bitmap,
// the write-mostly remote leg and nr1's checks), and their refusals.

#include "PairFixtures.h"
#include "base/NodeScript.h"
#include "base/RemoteShell.h"
#include "plan/BootGate.h"
#include "plan/DiskChoices.h"
#include "plan/PairStatus.h"
#include "plan/Planners.h"
#include "probe/LunIdentityParser.h"
#include "probe/MdstatParser.h"

#include <QJsonDocument>
#include <QtTest>

using namespace nr1;

namespace {

const QString kRemoteDisk =
    QStringLiteral("/dev/disk/by-path/"
                   "ip-10.99.0.2:3260-iscsi-iqn.2003-01.org.linux-iscsi.nr1:testbed-element-lun-0");
const QString kElementTpg =
    QStringLiteral("/iscsi/iqn.2003-01.org.linux-iscsi.nr1:testbed-element/tpg1");
const QString kLunTpg = QStringLiteral("/iscsi/iqn.2003-01.org.linux-iscsi.nr1:testbed-lun/tpg1");
// Writes the drop-in that orders LIO's restore after a device (systemd-escape'd unit name).
const QString kDropin = QStringLiteral(
    "sh -c 'mkdir -p \"${1%/*}\" && printf '\\''%s\\n'\\'' '\\''[Unit]'\\'' \"Wants=$2\" "
    "\"After=$2\" > \"$1\" && systemctl daemon-reload' sh "
    "/etc/systemd/system/rtslib-fb-targetctl.service.d/nr1-testbed.conf");
const QString kRemoveDropin =
    QStringLiteral("sh -c 'rm -f \"$1\" && systemctl daemon-reload' sh "
                   "/etc/systemd/system/rtslib-fb-targetctl.service.d/nr1-testbed.conf");
const QString kSerial = QStringLiteral("d85e44cd-bed0-5cf3-a5e8-f760a3cdc8bb");
// Records the LUN's identity on a node, one JSON line in /etc/nr1/testbed.identity (keys in
// QJsonDocument's order), replacing the file atomically.
const QString kRecordIdentity =
    QStringLiteral("sh -c 'f=$1\nmkdir -p \"${f%/*}\" || exit 1\nt=\"$f.new.$$\"\nif ! { printf "
                   "'\\''%s\\n'\\'' \"$2\" > \"$t\" && sync \"$t\" && mv -f \"$t\" \"$f\"; }; "
                   "then\n    rm -f \"$t\"\n    exit 2\nfi\n' sh /etc/nr1/testbed.identity "
                   "'{\"backstore\":\"block/nr1-testbed\",\"chap_user\":\"\",\"initiators\":"
                   "[\"iqn.2024-01.test.host:libiscsi\"],\"lun\":0,\"pair\":\"testbed\","
                   "\"portals\":[\"0.0.0.0:3260\"],\"target\":\"iqn.2003-01.org.linux-iscsi."
                   "nr1:testbed-lun\",\"unit_serial\":\"%1\"}'")
        .arg(kSerial);
// Appends the array's ARRAY line to mdadm.conf on the Primary (mdadm-array-line-add.sh).
const QString kArrayLineAdd =
    QStringLiteral("primary: sh -c 'mdadm --detail --brief \"$1\" | grep '\\''^ARRAY'\\'' "
                   ">> \"$2\"' sh /dev/md0 /etc/mdadm/mdadm.conf");
// The Primary's drop-in: LIO's restore waits for the exported volume.
const QString kVolumeDropin =
    QStringLiteral("primary: %1 'dev-LIO\\x2dNR1\\x2dVOL-NR1\\x2dPRIMARY\\x2dVOL.device'")
        .arg(kDropin);
// The Primary exports the testbed's volume as LUN 0 to the host, with the serial nr1 derives
// for the testbed pair (a UUID v5 of its names), and saves.
QStringList frontEndExportRows() {
    return {
        QStringLiteral("primary: targetcli /backstores/block create name=nr1-testbed "
                       "dev=/dev/LIO-NR1-VOL/NR1-PRIMARY-VOL wwn=%1")
            .arg(kSerial),
        QStringLiteral("primary: targetcli /iscsi create "
                       "iqn.2003-01.org.linux-iscsi.nr1:testbed-lun"),
        QStringLiteral("primary: targetcli %1/luns create /backstores/block/nr1-testbed lun=0")
            .arg(kLunTpg),
        QStringLiteral("primary: targetcli %1/acls create iqn.2024-01.test.host:libiscsi")
            .arg(kLunTpg),
        QStringLiteral("primary: targetcli saveconfig"),
    };
}
// One row of md-repair-region.sh on the Primary for md0 from `sector` (a function: the
// embedded scripts are not there yet while globals are made).
QString repairRegionRow(const QString& sector) {
    return QStringLiteral("primary: ") +
           displayCommandLine({QStringLiteral("sh"), QStringLiteral("-c"),
                               nodeScript(NodeScript::MdRepairRegion)}) +
           QStringLiteral(" sh md0 ") + sector;
}
const QString kNode =
    QStringLiteral("iscsiadm -m node -T iqn.2003-01.org.linux-iscsi.nr1:testbed-element -p "
                   "10.99.0.2:3260");

/// A captured pair as it is once nr1 made it boot-safe (md0's last-resort start masked on the
/// Primary, the boot gate on both nodes, the volume group's autoactivation off): the captures
/// predate those steps.
PairState bootSafe(PairState state) {
    state.primary.unitStates.insert(QStringLiteral("mdadm-last-resort@md0.timer"),
                                    QStringLiteral("masked"));
    withBootGate(state, testbedIntent());
    return state;
}

/// The created pair (captured in sync), boot-safe.
PairState cleanCreatedPair(const PairIntent& intent) {
    return bootSafe(probedPair(QStringLiteral("created"), intent));
}

/// The created pair as it was during its initial resync, at 49 %.
PairState resyncingCreatedPair(const PairIntent& intent) {
    PairState state = probedPair(QStringLiteral("created"), intent);
    MdSyncProgress progress;
    progress.kind = MdSyncKind::Resync;
    progress.percent = 49.0;
    progress.doneKiB = 512800;
    progress.totalKiB = 1046528;
    progress.speedKiBps = 6800;
    state.primary.mdstat.arrays.front().sync = progress;
    state.primary.mdSysfs.front().syncAction = MdSyncAction::Resync;
    return state;
}

} // namespace

class TestPlanners : public QObject {
    Q_OBJECT
private slots:
    void createPairFromBlankNodes() {
        const PairIntent intent = testbedIntent();
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        const QString remoteDisk = kRemoteDisk;
        compareRows(
            commandRows(result.value()),
            QStringList{
                QStringLiteral("secondary: pvcreate /dev/vdb"),
                QStringLiteral("secondary: pvcreate /dev/vdc"),
                QStringLiteral("secondary: vgcreate LIO-NR1-Elements /dev/vdb /dev/vdc"),
                QStringLiteral("secondary: lvcreate --yes --wipesignatures y --zero y -L 1g -n "
                               "NR1-Remote-Element LIO-NR1-Elements"),
                QStringLiteral("primary: pvcreate /dev/vdb"),
                QStringLiteral("primary: pvcreate /dev/vdc"),
                QStringLiteral("primary: vgcreate LIO-NR1-Elements /dev/vdb /dev/vdc"),
                QStringLiteral("primary: lvcreate --yes --wipesignatures y --zero y -L 1g -n "
                               "NR1-Local-Element LIO-NR1-Elements"),
                QStringLiteral("secondary: targetcli /backstores/block create "
                               "name=nr1-testbed-element "
                               "dev=/dev/LIO-NR1-Elements/NR1-Remote-Element"),
                QStringLiteral("secondary: targetcli /iscsi create "
                               "iqn.2003-01.org.linux-iscsi.nr1:testbed-element"),
                QStringLiteral("secondary: targetcli %1/portals delete 0.0.0.0 3260")
                    .arg(kElementTpg),
                QStringLiteral("secondary: targetcli %1/portals create 10.99.0.2 3260")
                    .arg(kElementTpg),
                QStringLiteral("secondary: targetcli %1/luns create "
                               "/backstores/block/nr1-testbed-element lun=0")
                    .arg(kElementTpg),
                QStringLiteral(
                    "secondary: targetcli %1/acls create iqn.2024-01.test.testbed:primary")
                    .arg(kElementTpg),
                QStringLiteral("secondary: targetcli saveconfig"),
                QStringLiteral("primary: iscsiadm -m discovery -t sendtargets -p 10.99.0.2:3260"),
                QStringLiteral(
                    "primary: %1 -o update -n node.session.timeo.replacement_timeout -v 15")
                    .arg(kNode),
                QStringLiteral("primary: %1 -o update -n node.startup -v automatic").arg(kNode),
                QStringLiteral("primary: %1 --login").arg(kNode),
                QStringLiteral("primary: sh -c 'udevadm settle; i=0; while [ $i -lt 150 ]; do [ -b "
                               "\"$1\" ] && exit 0; sleep 0.2; i=$((i+1)); done; echo \"$1 did not "
                               "appear\" >&2; exit 1' sh %1")
                    .arg(remoteDisk),
                QStringLiteral("primary: blkid -p /dev/LIO-NR1-Elements/NR1-Local-Element"),
                QStringLiteral("primary: blkid -p %1").arg(remoteDisk),
                QStringLiteral("primary: mdadm --create /dev/md0 --metadata=1.2 --level=1 "
                               "--raid-devices=2 --bitmap=internal --run "
                               "/dev/LIO-NR1-Elements/NR1-Local-Element --write-mostly %1")
                    .arg(remoteDisk),
                QStringLiteral("primary: sh -c 'mdadm --detail \"$1\" | grep -q '\\''Consistency "
                               "Policy : bitmap'\\'' || { echo \"$1 has no internal bitmap\" >&2; "
                               "exit 1; }; d=$(basename \"$(readlink -f \"$2\")\"); grep -q "
                               "write_mostly \"/sys/block/$3/md/dev-$d/state\" || { echo \"$2 is "
                               "not write-mostly\" >&2; exit 1; }' sh /dev/md0 %1 md0")
                    .arg(remoteDisk),
                QStringLiteral("primary: pvcreate /dev/md0"),
                QStringLiteral("primary: vgcreate --setautoactivation n LIO-NR1-VOL /dev/md0"),
                QStringLiteral("primary: lvcreate --yes --wipesignatures y --zero y -l 100%FREE -n "
                               "NR1-PRIMARY-VOL LIO-NR1-VOL"),
            } + frontEndExportRows() +
                QStringList{
                    QStringLiteral("primary: %1").arg(kRecordIdentity),
                    QStringLiteral("secondary: %1").arg(kRecordIdentity),
                    kArrayLineAdd,
                    // Boot safety: md0 never starts with one leg on its own, and the volume
                    // comes up only through the gate, where md0 runs with both legs.
                    QStringLiteral("primary: systemctl mask mdadm-last-resort@md0.timer "
                                   "mdadm-last-resort@md0.service"),
                    bootGateRow(NodeRole::Primary),
                    bootGateRow(NodeRole::Secondary),
                    QStringLiteral(
                        "secondary: sh -c 'blockdev --flushbufs \"$1\"; u=$(mdadm --examine "
                        "--export \"$1\" | sed -n '\\''s/^MD_UUID=//p'\\''); [ -n \"$u\" ] || "
                        "{ echo \"no md superblock on $1\" >&2; exit 1; }; grep -qx \"ARRAY "
                        "<ignore> UUID=$u\" \"$2\" || echo \"ARRAY <ignore> UUID=$u\" >> \"$2\"' "
                        "sh /dev/LIO-NR1-Elements/NR1-Remote-Element /etc/mdadm/mdadm.conf"),
                    kVolumeDropin,
                    QStringLiteral(
                        "secondary: %1 "
                        "'dev-LIO\\x2dNR1\\x2dElements-NR1\\x2dRemote\\x2dElement.device'")
                        .arg(kDropin),
                    // The last step on each node: what the plan wrote reaches the disk.
                    QStringLiteral("primary: sync"),
                    QStringLiteral("secondary: sync"),
                });
        // The md create is undone by stopping it and erasing both superblocks.
        const Action& create = result.value().actions.at(22);
        QCOMPARE(create.undo.size(), 3);
        QCOMPARE(create.undo.at(0), words("mdadm --stop /dev/md0"));
        // nr1's own checks accept only "no signature" (blkid's exit 2).
        QCOMPARE(result.value().actions.at(20).successExitCodes, QList<int>{2});
        // The testbed's nodes have no update-initramfs: said, not silently skipped.
        QVERIFY(anyContains(result.value().warnings, QStringLiteral("no update-initramfs")));
    }

    void createdPairNeedsNothing() {
        // The capture predates LUN identity records and boot safety: a plan adds just those,
        // keeping the serial the LUN runs with; once they are there, nothing is left to do.
        const NodeState primary = probedNode(QStringLiteral("created"), QStringLiteral("primary"));
        const PairIntent intent = testbedIntent(&primary);
        QCOMPARE(intent.frontEndExport.unitSerial,
                 QStringLiteral("c4ce9b4d-4c45-40ff-905c-88aa8895787d"));
        PairState state = probedPair(QStringLiteral("created"), intent);
        const PlanResult result = planCreatePair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        // Two identity records, the mask, the boot gate on each node, a flush on each node.
        QCOMPARE(result.value().actions.size(), size_t(7));
        const Action& mask = result.value().actions.at(2);
        QCOMPARE(mask.displayLine(), QStringLiteral("systemctl mask mdadm-last-resort@md0.timer "
                                                    "mdadm-last-resort@md0.service"));
        QVERIFY(!mask.done.holds(state));
        state.primary.unitStates.insert(QStringLiteral("mdadm-last-resort@md0.timer"),
                                        QStringLiteral("masked"));
        QVERIFY(mask.done.holds(state));
        const QStringList rows = commandRows(result.value());
        QCOMPARE(rows.mid(3, 2),
                 (QStringList{bootGateRow(NodeRole::Primary), bootGateRow(NodeRole::Secondary)}));
        const Action& gate = result.value().actions.at(4);
        QVERIFY(!gate.done.holds(state));
        withBootGate(state, intent);
        QVERIFY(gate.done.holds(state));
        for (const Action& action : result.value().actions) {
            if (&action == &mask || nodeScriptOf(action.argv) == NodeScript::BootGateInstall ||
                action.argv == QStringList{QStringLiteral("sync")})
                continue;
            QVERIFY(action.sentence.startsWith(QStringLiteral("Record the LUN's identity")));
            // What the node will hold: the line the action writes, read as the probe reads it.
            const auto written = parseLunIdentities(action.argv.last());
            QVERIFY(written.ok());
            QCOMPARE(written.value().size(), size_t(1));
            QCOMPARE(written.value().front().unitSerial, intent.frontEndExport.unitSerial);
            QCOMPARE(written.value().front().pair, QStringLiteral("testbed"));
            QVERIFY(!action.done.holds(state));
            (action.node == NodeRole::Primary ? state.primary : state.secondary).lunIdentities =
                written.value();
            QVERIFY(action.done.holds(state));
        }
        const PlanResult again = planCreatePair(state, intent);
        QVERIFY2(again.ok(), qPrintable(again.reasons().join(u'\n')));
        QCOMPARE(commandRows(again.value()), QStringList{});
        QVERIFY(again.value()
                    .preview(QStringLiteral("p"), QStringLiteral("s"))
                    .contains(QStringLiteral("Nothing to do")));
    }

    void aPairServedWithItsIdentityNeedsOnlyBootSafety() {
        // Captured after a create-pair that chose the serial and recorded the identity: the
        // probe reads both records, and the same intent (its serial derived again, not read
        // from the node) finds nothing to do but what came later: md0's last-resort start
        // masked on the Primary, and the boot gate on both nodes.
        const PairIntent intent = testbedIntent();
        const PairState state = probedPair(QStringLiteral("served-with-identity"), intent);
        for (const NodeState* node : {&state.primary, &state.secondary}) {
            const LunIdentity* identity = node->findLunIdentity(QStringLiteral("testbed"));
            QVERIFY(identity);
            QCOMPARE(identity->unitSerial, kSerial);
            QCOMPARE(identity->initiators,
                     QStringList{QStringLiteral("iqn.2024-01.test.host:libiscsi")});
        }
        QCOMPARE(
            state.primary.lio.findStorageObject(QStringLiteral("/backstores/block/nr1-testbed"))
                ->wwn,
            kSerial);
        const PlanResult result = planCreatePair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        QCOMPARE(commandRows(result.value()),
                 (QStringList{QStringLiteral("primary: systemctl mask mdadm-last-resort@md0.timer "
                                             "mdadm-last-resort@md0.service"),
                              bootGateRow(NodeRole::Primary), bootGateRow(NodeRole::Secondary),
                              QStringLiteral("primary: sync"), QStringLiteral("secondary: sync")}));
    }

    void statusSaysWhereTheIdentityIsKept() {
        const PairIntent intent = testbedIntent();
        PairState state = probedPair(QStringLiteral("served-with-identity"), intent);
        QString text = pairStatusText(state, intent);
        QVERIFY2(
            text.contains(
                QStringLiteral("unit serial %1, identity recorded on both nodes").arg(kSerial)),
            qPrintable(text));
        // The Secondary lost its record: said, with what records it again.
        state.secondary.lunIdentities.clear();
        const QJsonObject exported =
            pairStatusJson(state, intent).value(QStringLiteral("export")).toObject();
        QCOMPARE(exported.value(QStringLiteral("unitSerial")).toString(), kSerial);
        QCOMPARE(
            exported.value(QStringLiteral("identityRecorded")).toObject(),
            (QJsonObject{{QStringLiteral("primary"), true}, {QStringLiteral("secondary"), false}}));
        text = pairStatusText(state, intent);
        QVERIFY2(text.contains(QStringLiteral("identity NOT recorded on the secondary")),
                 qPrintable(text));
    }

    void aLiveSerialIsNeverChanged() {
        // The inventory records another serial than the one the LUN runs with: refused, and
        // the sentence says what to do.
        const NodeState primary = probedNode(QStringLiteral("created"), QStringLiteral("primary"));
        PairIntent intent = testbedIntent(&primary);
        intent.frontEndExport.unitSerial = kSerial;
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("created"), intent), intent);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(),
                             QStringLiteral("runs with unit serial "
                                            "c4ce9b4d-4c45-40ff-905c-88aa8895787d, not %1")
                                 .arg(kSerial)),
                 qPrintable(result.why()));
        QVERIFY(anyContains(result.reasons(), QStringLiteral("volume_serial")));
    }

    void postconditionsHoldOnTheCreatedPair() {
        // Every action planned on blank nodes is "done" on the pair the plan built.
        const PairIntent intent = testbedIntent();
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(result.ok());
        PairState created = bootSafe(probedPair(QStringLiteral("created"), intent));
        const PairState blank = probedPair(QStringLiteral("blank"), intent);
        // The capture was taken before nr1 chose serials and recorded identities: give its
        // LUN the serial this plan asks and its nodes the records this plan writes.
        for (StorageObject& object : created.primary.lio.storageObjects)
            if (object.name == QLatin1String("nr1-testbed"))
                object.wwn = kSerial;
        for (const Action& action : result.value().actions)
            if (action.sentence.startsWith(QStringLiteral("Record the LUN's identity")))
                (action.node == NodeRole::Primary ? created.primary : created.secondary)
                    .lunIdentities = parseLunIdentities(action.argv.last()).value();
        for (const Action& action : result.value().actions) {
            if (!action.done.isSet())
                continue;
            QVERIFY2(action.done.holds(created), qPrintable(action.done.description));
            QVERIFY2(!action.done.holds(blank), qPrintable(action.done.description));
        }
    }

    void elementsRefuseDisksInUse() {
        // On the created pair vdb and vdc belong to LIO-NR1-Elements: a new VG may not take them.
        PairIntent intent = testbedIntent();
        intent.layout.primaryElement.vg = QStringLiteral("other-vg");
        const PlanResult result =
            planElements(probedPair(QStringLiteral("created"), intent), intent);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(),
                             QStringLiteral("On the primary, /dev/vdb belongs to volume group "
                                            "LIO-NR1-Elements.")),
                 qPrintable(result.reasons().join(u'\n')));
    }

    void elementsRefuseMissingAndSystemDisks() {
        PairIntent intent = testbedIntent();
        intent.primaryDisks = {QStringLiteral("/dev/vda"), QStringLiteral("/dev/vdz")};
        const PlanResult result = planElements(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(!result.ok());
        const QString all = result.reasons().join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("/dev/vda is in use: it carries a ext4 signature")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("/dev/vdz does not exist")), qPrintable(all));
    }

    void diskChoicesOfferWhatThePlannerTakes() {
        // Blank nodes: the two data disks are offered, the system disk is not, with the
        // planner's own reason.
        const NodeState blank = probedNode(QStringLiteral("blank"), QStringLiteral("primary"));
        QStringList offered;
        for (const DiskChoice& choice : diskChoices(blank)) {
            if (choice.offered())
                offered << choice.path;
            else
                QCOMPARE(choice.problem, diskProblem(blank, choice.path));
            QVERIFY(choice.sizeBytes.value_or(0) > 0);
        }
        QCOMPARE(offered, QStringList({QStringLiteral("/dev/vdb"), QStringLiteral("/dev/vdc")}));
        QVERIFY(diskProblem(blank, QStringLiteral("/dev/vda")).contains(u"ext4 signature"));
        // The created Primary: its disks are in the element VG, the imported element is another
        // node's storage; partitions and LVs are never listed as disks.
        const NodeState created = probedNode(QStringLiteral("created"), QStringLiteral("primary"));
        QStringList problems;
        for (const DiskChoice& choice : diskChoices(created)) {
            QVERIFY2(!choice.offered(), qPrintable(choice.path));
            problems << choice.problem;
        }
        QVERIFY2(problems.contains(QStringLiteral(
                     "/dev/sda is a disk imported over iSCSI (another node's storage)")),
                 qPrintable(problems.join(u'\n')));
        QVERIFY2(
            problems.contains(QStringLiteral("/dev/vdb belongs to volume group LIO-NR1-Elements")),
            qPrintable(problems.join(u'\n')));
    }

    void elementsRefuseSizesThatDoNotFit() {
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::ofBytes(qint64(3) << 30);
        const PlanResult result = planElements(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(), QStringLiteral("room for 1.99 GiB")),
                 qPrintable(result.reasons().join(u'\n')));
    }

    void elementsMaxTakesWhatBothNodesHave() {
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::maximum();
        const PlanResult result = planElements(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(result.ok());
        // Two 1 GiB disks: each PV keeps 1 MiB of metadata, 4 MiB extents: 2 × 255 extents.
        QVERIFY(commandRows(result.value())
                    .contains(QStringLiteral(
                        "secondary: lvcreate --yes --wipesignatures y --zero y -L 2040m -n "
                        "NR1-Remote-Element LIO-NR1-Elements")));
    }

    void elementsWithoutDisksAskForThemAndNothingElse() {
        // No disks and no VG: the planner asks for the disks on each node, not for room.
        PairIntent intent = testbedIntent();
        intent.primaryDisks.clear();
        intent.secondaryDisks.clear();
        const PlanResult result = planElements(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(),
                             QStringLiteral("Volume group LIO-NR1-Elements does not exist on the "
                                            "primary: name the disks to create it on "
                                            "(--primary-disks).")),
                 qPrintable(result.reasons().join(u'\n')));
        QVERIFY2(anyContains(result.reasons(), QStringLiteral("(--secondary-disks)")),
                 qPrintable(result.reasons().join(u'\n')));
        QVERIFY2(!anyContains(result.reasons(), QStringLiteral("free space")),
                 qPrintable(result.reasons().join(u'\n')));
    }

    void layerRefusalsAreTheLayersPlannersOwn() {
        // The elements: planElements' refusals, but only of the first stage that refuses (the
        // replication link would only add that the elements are missing).
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::ofBytes(qint64(3) << 30);
        const PairState blank = probedPair(QStringLiteral("blank"), intent);
        const QStringList tooBig = layerRefusals(PairLayer::Elements, blank, intent);
        QVERIFY(!tooBig.isEmpty());
        QCOMPARE(tooBig, planElements(blank, intent).reasons().mid(0, tooBig.size()));
        QVERIFY2(anyContains(tooBig, QStringLiteral("room for 1.99 GiB")),
                 qPrintable(tooBig.join(u'\n')));
        QVERIFY2(!anyContains(tooBig, QStringLiteral("create the elements first")),
                 qPrintable(tooBig.join(u'\n')));
        intent.elementSize = SizeRequest::ofBytes(qint64(1) << 30);
        QCOMPARE(layerRefusals(PairLayer::Elements, blank, intent), QStringList());
        // The layers above take the ones below as there: on blank nodes the array, the volume
        // and the export have nothing to refuse of their own, while their planners alone refuse
        // for the missing layer below.
        intent.frontEndExport.initiators = {QStringLiteral("iqn.2024-01.test.host:libiscsi")};
        for (const PairLayer layer : {PairLayer::Array, PairLayer::Volume, PairLayer::Export})
            QCOMPARE(layerRefusals(layer, blank, intent), QStringList());
        QVERIFY(!planArray(blank, intent).ok());
        QVERIFY(!planVolume(blank, intent).ok());
        QVERIFY(!planExport(blank, intent).ok());
        // Their own rules, in the planner's sentences.
        intent.frontEndExport.initiators.clear();
        QCOMPARE(layerRefusals(PairLayer::Export, blank, intent),
                 QStringList{QStringLiteral(
                     "Name at least one initiator that may use the LUN (--initiator).")});
        intent.frontEndExport.initiators = {QStringLiteral("not-an-iqn")};
        QVERIFY(anyContains(layerRefusals(PairLayer::Export, blank, intent),
                            QStringLiteral("not-an-iqn")));
        // The created pair: a volume size asked of an existing volume group is weighed.
        PairIntent created = testbedIntent();
        created.layout.frontEnd->volume.lv = QStringLiteral("another-volume");
        created.volumeSize = SizeRequest::ofBytes(qint64(1) << 30);
        const QStringList volume =
            layerRefusals(PairLayer::Volume, cleanCreatedPair(created), created);
        QCOMPARE(volume, planVolume(cleanCreatedPair(created), created).reasons());
        QVERIFY2(anyContains(volume, QStringLiteral("Volume group LIO-NR1-VOL has 0 B free, less "
                                                    "than the 1 GiB asked.")),
                 qPrintable(volume.join(u'\n')));
    }

    void invalidAndHostileNamesAreRefusedBeforeAnythingElse() {
        PairIntent intent = testbedIntent();
        intent.layout.primaryElement.vg = QStringLiteral("vg;rm -rf /");
        intent.layout.secondaryElement.lv = QStringLiteral("snapshot1");
        intent.layout.mdDevice = QStringLiteral("/dev/md0;reboot");
        intent.layout.replication.targetIqn = QStringLiteral("iqn.2003-01.Org.Example:X");
        intent.frontEndExport.initiators = {QStringLiteral("iqn.2024-01.test.host:a b")};
        intent.frontEndExport.portals = {IscsiPortal{QStringLiteral("$(reboot)"), 3260, {}}};
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(!result.ok());
        const QString all = result.reasons().join(u'\n');
        for (const char* part : {"Volume group name 'vg;rm -rf /' may only contain",
                                 "'snapshot1' may not start with 'snapshot'",
                                 "md array name 'md0;reboot' must be md0", "must be lower case",
                                 "Initiator name 'iqn.2024-01.test.host:a b' is not an iSCSI name",
                                 "Portal address '$(reboot)' is not an IPv4 or IPv6 address"})
            QVERIFY2(
                all.contains(QLatin1String(part), Qt::CaseInsensitive),
                qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(QLatin1String(part), all)));
    }

    void arrayAloneNeedsTheElements() {
        const PairIntent intent = testbedIntent();
        const PlanResult result = planArray(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(!result.ok());
        QVERIFY(anyContains(result.reasons(), QStringLiteral("create the elements first")));
        QVERIFY(anyContains(result.reasons(), QStringLiteral("import it first")));
    }

    void growIsRefusedWhileTheArraySyncs() {
        const PairIntent intent = testbedIntent();
        const PlanResult result =
            planGrow(resyncingCreatedPair(intent), intent, SizeRequest::ofBytes(256 << 20));
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(), QStringLiteral("md0 is busy with resync (49.")),
                 qPrintable(result.reasons().join(u'\n')));
    }

    void growBy256MiB() {
        const PairIntent intent = testbedIntent();
        const PlanResult result =
            planGrow(cleanCreatedPair(intent), intent, SizeRequest::ofBytes(256 << 20));
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        compareRows(
            commandRows(result.value()),
            {
                QStringLiteral("secondary: lvextend -L 1280m LIO-NR1-Elements/NR1-Remote-Element"),
                QStringLiteral("primary: lvextend -L 1280m LIO-NR1-Elements/NR1-Local-Element"),
                QStringLiteral("primary: %1 -R").arg(kNode),
                QStringLiteral("primary: sh -c 'i=0; while [ $i -lt 150 ]; do [ \"$(blockdev "
                               "--getsize64 \"$1\")\" -ge \"$2\" ] && exit 0; sleep 0.2; "
                               "i=$((i+1)); done; echo \"$1 is still $(blockdev --getsize64 "
                               "\"$1\") bytes\" >&2; exit 1' sh %1 1342177280")
                    .arg(kRemoteDisk),
                QStringLiteral(
                    "primary: sh -c 'd=/sys/block/$1/md; [ \"$(cat \"$d/degraded\")\" = 0 ]"
                    " || { echo \"$2 is degraded: not grown\" >&2; exit 3; }; a=$(cat \"$d/"
                    "sync_action\"); [ \"$a\" = idle ] || { echo \"$2 runs a $a pass: not g"
                    "rown\" >&2; exit 3; }; exec mdadm --grow \"$2\" --size=max' sh md0 /de"
                    "v/md0"),
                // md-repair-region.sh (its body checked below) for md0 from sector 2093056:
                // component_size 1046528 KiB in the capture.
                repairRegionRow(QStringLiteral("2093056")),
                QStringLiteral("primary: pvresize /dev/md0"),
                QStringLiteral("primary: lvextend -l +100%FREE LIO-NR1-VOL/NR1-PRIMARY-VOL"),
                // The last step on each node: what the plan wrote reaches the disk.
                QStringLiteral("primary: sync"),
                QStringLiteral("secondary: sync"),
            });
        const Action& repair = result.value().actions.at(5);
        QCOMPARE(repair.argv, nodeScriptArgv(NodeScript::MdRepairRegion,
                                             {QStringLiteral("md0"), QStringLiteral("2093056")}));
        QVERIFY(repair.sentence.contains(QStringLiteral("from sector 2093056 (the old end)")));
        QCOMPARE(repair.timeout, std::chrono::seconds(std::chrono::hours(24)));
        // A rollback may undo the element extends, never go past md's grow.
        QVERIFY(!result.value().actions.at(0).undo.isEmpty());
        QVERIFY(result.value().actions.at(4).irreversible);
        QVERIFY(anyContains(result.value().followUps, QStringLiteral("initiators must rescan")));
    }

    void aGrowStoppedAfterMdGrewIsFinishedByRepair() {
        // The run stopped after md grew (say the link was cut during the region's repair): md0
        // is 256 MiB larger than the PV on it.
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        qint64 pvBytes = 0;
        for (PhysicalVolume& pv : state.primary.lvm.pvs)
            if (pv.name == QLatin1String("/dev/md0")) {
                pvBytes = pv.sizeBytes.value();
                *pv.deviceSizeBytes += qint64(256) << 20;
            }
        QVERIFY(pvBytes > 0);
        // A new grow would start from md's new size and leave the region unrepaired: refused,
        // naming the way out.
        const PlanResult grow = planGrow(state, intent, SizeRequest::ofBytes(128 << 20));
        QVERIFY(!grow.ok());
        QVERIFY2(anyContains(grow.reasons(), QStringLiteral("`nr1ctl apply repair`")),
                 qPrintable(grow.why()));
        // The repair plan finishes it: the region from 8 MiB before the PV's end, the PV, the
        // volume.
        const PlanResult repair = planRepair(state, intent);
        QVERIFY2(repair.ok(), qPrintable(repair.why()));
        const qint64 from = (pvBytes / 512 - 16384) / 8 * 8;
        compareRows(commandRows(repair.value()),
                    {repairRegionRow(QString::number(from)),
                     QStringLiteral("primary: pvresize /dev/md0"),
                     QStringLiteral("primary: lvextend -l +100%FREE LIO-NR1-VOL/NR1-PRIMARY-VOL"),
                     QStringLiteral("primary: sync")});
        QVERIFY(
            anyContains(repair.value().warnings, QStringLiteral("a grow stopped after md grew")));
        // A whole pair has nothing to finish.
        const PlanResult nothing = planRepair(cleanCreatedPair(intent), intent);
        QVERIFY(nothing.ok());
        QCOMPARE(commandRows(nothing.value()), QStringList{});
    }

    void growMaxAndTooMuch() {
        const PairIntent intent = testbedIntent();
        const PairState state = cleanCreatedPair(intent);
        const PlanResult max = planGrow(state, intent, SizeRequest::maximum());
        QVERIFY(max.ok());
        // 1016 MiB free on both nodes: both elements go to 1 GiB + 1016 MiB = 2040 MiB.
        QCOMPARE(
            commandRows(max.value()).first(),
            QStringLiteral("secondary: lvextend -L 2040m LIO-NR1-Elements/NR1-Remote-Element"));
        const PlanResult tooMuch = planGrow(state, intent, SizeRequest::ofBytes(qint64(2) << 30));
        QVERIFY(!tooMuch.ok());
        QVERIFY2(anyContains(tooMuch.reasons(), QStringLiteral("has 1016 MiB free")),
                 qPrintable(tooMuch.reasons().join(u'\n')));
    }

    void growIsRefusedOnADegradedArray() {
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        state.primary.mdstat.arrays.front().pattern = QStringLiteral("U_");
        state.primary.sessions.clear();
        const PlanResult result = planGrow(state, intent, SizeRequest::ofBytes(256 << 20));
        QVERIFY(!result.ok());
        QVERIFY(anyContains(result.reasons(), QStringLiteral("md0 is degraded ([U_])")));
        QVERIFY(anyContains(result.reasons(), QStringLiteral("not logged in")));
    }

    void repairAfterTheSecondaryRebooted() {
        // Captured after a reboot of the Secondary with writes during the outage: its export is
        // back, iscsid is still logging in again (FREE, TRANSPORT WAIT) and md failed the
        // remote leg.
        const PairIntent intent = testbedIntent();
        const PairState state = bootSafe(probedPair(QStringLiteral("secondary-rebooted"), intent));
        const PlanResult result = planRepair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        compareRows(commandRows(result.value()),
                    {
                        QStringLiteral(
                            "primary: sh -c 'i=0; while [ $i -lt 600 ]; do for s in "
                            "/sys/class/iscsi_session/session*; do [ \"$(cat \"$s/targetname\" "
                            "2>/dev/null)\" = \"$1\" ] && [ \"$(cat \"$s/state\")\" = LOGGED_IN ] "
                            "&& exit 0; done; sleep 0.2; i=$((i+1)); done; echo \"no session to "
                            "$1 logged in\" >&2; exit 1' sh "
                            "iqn.2003-01.org.linux-iscsi.nr1:testbed-element"),
                        QStringLiteral("primary: mdadm /dev/md0 --remove failed"),
                        scriptRow(NodeRole::Primary, NodeScript::MdAddLeg,
                                  {QStringLiteral("/dev/md0"), kRemoteDisk}),
                        QStringLiteral("primary: sync"),
                    });
        QVERIFY(
            anyContains(result.value().warnings, QStringLiteral("runs without its remote leg")));
        // The same pair whole again needs no repair.
        const PlanResult whole = planRepair(cleanCreatedPair(intent), intent);
        QVERIFY(whole.ok());
        QVERIFY(whole.value().isEmpty());
    }

    void aPairCreatedWithTheBootGateNeedsNothing() {
        // Captured right after a create-pair that installed the boot gate: the probe reads the
        // gate's files as the plan writes them (their SHA-256), its unit enabled on both
        // nodes, and the volume group's autoactivation off (the elements' VG keeps its own).
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::ofBytes(qint64(512) << 20);
        const PairState state = probedPair(QStringLiteral("boot-gated"), intent);
        for (const NodeState* node : {&state.primary, &state.secondary})
            QVERIFY2(hasBootGate(*node, intent),
                     "the capture's gate is not what nr1 writes: after a change to "
                     "core/scripts/boot-gate.sh take tests/fixtures/testbed-live/probe/boot-gated "
                     "again (its README)");
        QCOMPARE(state.primary.lvm.findVg(QStringLiteral("LIO-NR1-VOL"))->autoactivation, false);
        QCOMPARE(state.primary.lvm.findVg(QStringLiteral("LIO-NR1-Elements"))->autoactivation,
                 true);
        for (const PlanResult& result :
             {planCreatePair(state, intent), planRepair(state, intent)}) {
            QVERIFY2(result.ok(), qPrintable(result.why()));
            QCOMPARE(commandRows(result.value()), QStringList{});
        }
        // A gate nr1 writes differently now (an older script) is written again.
        PairState older = state;
        older.secondary.bootGateFiles[bootGateScriptFile()] = QStringLiteral("0123");
        const PlanResult again = planRepair(older, intent);
        QVERIFY2(again.ok(), qPrintable(again.why()));
        QCOMPARE(commandRows(again.value()), (QStringList{bootGateRow(NodeRole::Secondary),
                                                          QStringLiteral("secondary: sync")}));
        // A pair from before the gate: its volume group's autoactivation goes off.
        older = state;
        for (VolumeGroup& vg : older.primary.lvm.vgs)
            vg.autoactivation = vg.name == QLatin1String("LIO-NR1-VOL") ? true : vg.autoactivation;
        const PlanResult off = planRepair(older, intent);
        QVERIFY2(off.ok(), qPrintable(off.why()));
        QCOMPARE(commandRows(off.value()),
                 (QStringList{QStringLiteral("primary: vgchange --setautoactivation n LIO-NR1-VOL"),
                              QStringLiteral("primary: sync")}));
        QVERIFY(!off.value().actions.front().done.holds(older));
        QVERIFY(off.value().actions.front().done.holds(state));
    }

    void aPrimaryTheGateHeldIsServedAgainByRepair() {
        // Captured after the Primary ran alone (link cut, a write), was killed and booted with
        // the link still cut: md0 came up [U_] from its own leg, the gate held the volume
        // down, LIO's restore made the target without its LUN. With the link back, the repair
        // logs in, puts the remote leg back, activates the volume and serves the LUN again
        // with its recorded identity (the gate, an older script, is written again).
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::ofBytes(qint64(512) << 20);
        const PairState state = probedPair(QStringLiteral("boot-gate-held"), intent);
        QCOMPARE(state.primary.unitStates.value(QStringLiteral("nr1-boot-gate-testbed.service")),
                 QStringLiteral("enabled"));
        const LioTarget* target = state.primary.lio.findTarget(
            QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:testbed-lun"));
        QVERIFY(target && target->tpgs.front().luns.empty());
        // `status` says so: the volume inactive, the target without its LUN.
        const QString status = pairStatusText(state, intent);
        QVERIFY2(
            status.contains(QStringLiteral(
                "volume /dev/LIO-NR1-VOL/NR1-PRIMARY-VOL: 508 MiB, NOT ACTIVE (`apply repair`")) &&
                status.contains(QStringLiteral("NO LUN: initiators find no disk there")),
            qPrintable(status));
        // The gate's unit was seen failed when this was taken (before the probe read is-active).
        PairState failed = state;
        failed.primary.unitActiveStates.insert(QStringLiteral("nr1-boot-gate-testbed.service"),
                                               QStringLiteral("failed"));
        QVERIFY(pairStatusText(failed, intent)
                    .contains(QStringLiteral("    nr1's boot gate held the volume down at boot")));
        QVERIFY(pairStatusJson(failed, intent)
                    .value(QStringLiteral("primary"))
                    .toObject()
                    .value(QStringLiteral("bootGateHeld"))
                    .toBool());
        const QString gated =
            pairStatusText(probedPair(QStringLiteral("boot-gated"), intent), intent);
        QVERIFY2(!gated.contains(QStringLiteral("NOT ACTIVE")) &&
                     !gated.contains(QStringLiteral("NO LUN")),
                 qPrintable(gated));
        const PlanResult result = planRepair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QStringList rows = commandRows(result.value());
        QCOMPARE(rows.at(0), QStringLiteral("primary: %1 --login").arg(kNode));
        QVERIFY2(nodeScriptOf(result.value().actions.at(2).argv) == NodeScript::MdAddLeg,
                 qPrintable(rows.at(2)));
        compareRows(rows.mid(3),
                    {QStringLiteral("primary: vgchange -ay LIO-NR1-VOL"),
                     frontEndExportRows().at(0), frontEndExportRows().at(2),
                     QStringLiteral("primary: targetcli saveconfig"),
                     bootGateRow(NodeRole::Primary), bootGateRow(NodeRole::Secondary),
                     QStringLiteral("primary: sync"), QStringLiteral("secondary: sync")});
        QVERIFY(anyContains(result.value().warnings,
                            QStringLiteral("nr1's boot gate holds it when /dev/md0 did not run "
                                           "with both legs at boot")));
        QVERIFY(anyContains(result.value().warnings,
                            QStringLiteral("LIO's restore at the Primary's boot skipped the LUN")));
        // The same Primary with its volume active and its LUN running needs no activation
        // and no export: the stages look at what runs, not at the gate's verdict.
        const PairState whole = probedPair(QStringLiteral("boot-gated"), intent);
        PairState served = state;
        served.primary.lvm = whole.primary.lvm;
        served.primary.lio = whole.primary.lio;
        const PlanResult rest = planRepair(served, intent);
        QVERIFY2(rest.ok(), qPrintable(rest.why()));
        for (const QString& row : commandRows(rest.value()))
            QVERIFY2(!row.startsWith(QStringLiteral("primary: vgchange")) &&
                         !row.startsWith(QStringLiteral("primary: targetcli")),
                     qPrintable(row));
    }

    void anUnreadableNodeRecordIsWrittenAgainByRepair() {
        // Captured after the Primary's node record of the element was emptied (what iscsiadm's
        // in-place rewrite leaves after a power loss) and the Primary power-cycled: iscsiadm
        // shows the file as a record of no target, the boot's login skipped it, md0 waits
        // inactive with the Primary's leg alone, the gate held the volume down.
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::ofBytes(qint64(512) << 20);
        const PairState state = probedPair(QStringLiteral("record-unreadable"), intent);
        const QString record = QStringLiteral("/etc/iscsi/nodes/%1/10.99.0.2,3260,1/default")
                                   .arg(intent.layout.replication.targetIqn);
        QCOMPARE(state.primary.brokenIscsiRecords, QStringList{record});
        QVERIFY(state.primary.iscsiNodes.empty()); // the unreadable one is left out
        QVERIFY(state.primary.sessions.empty());
        QVERIFY(!state.primary.mdstat.find(QStringLiteral("md0"))->active);
        QVERIFY(pairStatusText(state, intent)
                    .contains(QStringLiteral("node record %1 is UNREADABLE").arg(record)));

        // The record removed first (discovery cannot write it while it is there), then written
        // again, logged in, and md0 left to start with both legs.
        const PlanResult result = planRepair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QString wait = scriptRow(NodeRole::Primary, NodeScript::WaitBlockDevice,
                                       {intent.layout.replication.byPathLink()});
        compareRows(
            commandRows(result.value()),
            {scriptRow(NodeRole::Primary, NodeScript::IscsiRecordDrop,
                       {intent.layout.replication.targetIqn}),
             QStringLiteral("primary: iscsiadm -m discovery -t sendtargets -p 10.99.0.2:3260"),
             QStringLiteral("primary: %1 -o update -n node.session.timeo.replacement_timeout "
                            "-v 15")
                 .arg(kNode),
             QStringLiteral("primary: %1 -o update -n node.startup -v automatic").arg(kNode),
             QStringLiteral("primary: %1 --login").arg(kNode), wait,
             scriptRow(NodeRole::Primary, NodeScript::MdStartBothLegs,
                       {QStringLiteral("/dev/md0"), QStringLiteral("md0"),
                        intent.layout.replication.byPathLink()}),
             scriptRow(NodeRole::Secondary, NodeScript::MdadmIgnoreAdd,
                       {intent.layout.secondaryElement.devicePath(),
                        QStringLiteral("/etc/mdadm/mdadm.conf")}),
             QStringLiteral("primary: sync"), QStringLiteral("secondary: sync")});
        const Action& drop = result.value().actions.front();
        QVERIFY(!drop.done.holds(state));
        PairState dropped = state;
        dropped.primary.brokenIscsiRecords.clear();
        QVERIFY(drop.done.holds(dropped));
        QVERIFY(anyContains(result.value().followUps, QStringLiteral("Run apply repair again")));

        // An unreadable record of another target is named, not touched.
        PairState other = state;
        other.primary.brokenIscsiRecords << QStringLiteral(
            "/etc/iscsi/nodes/iqn.2000-01.example:other/192.0.2.1,3260,1/default");
        const PlanResult named = planRepair(other, intent);
        QVERIFY2(named.ok(), qPrintable(named.why()));
        QCOMPARE(commandRows(named.value()), commandRows(result.value()));
        QVERIFY(anyContains(named.value().warnings, QStringLiteral("iqn.2000-01.example:other")));

        // md0 inactive with anything but the Primary's own leg alone is not guessed at.
        PairState foreign = state;
        foreign.primary.mdstat =
            parseMdstat(QStringLiteral("Personalities : [raid1] \nmd0 : inactive "
                                       "sdz[1](S)\n      523264 blocks super 1.2\n"
                                       "       \nunused devices: <none>\n"))
                .value();
        const PlanResult refused = planRepair(foreign, intent);
        QVERIFY(!refused.ok());
        QVERIFY2(
            refused.why().contains(QStringLiteral("md0 exists on the Primary but is inactive")),
            qPrintable(refused.why()));
    }

    void noPlanRunsOnANodeBeforeItsLioRestore() {
        // Captured seconds after the Primary booted with the replication link cut: md0 waits
        // for its remote leg, the boot gate for md0, and LIO's restore (rtslib-fb-targetctl)
        // for the volume's device. What LIO runs there is not what the node will serve, and
        // a LIO change now would make the restore refuse (it restores into an empty LIO only)
        // and the next save replace the saved configuration: nr1 plans nothing for that node
        // until the restore has run, and says so.
        PairIntent intent = testbedIntent();
        intent.elementSize = SizeRequest::ofBytes(qint64(512) << 20);
        const PairState state = probedPair(QStringLiteral("lio-restoring"), intent);
        const QString unit = QStringLiteral("rtslib-fb-targetctl.service");
        QCOMPARE(state.primary.unitActiveStates.value(unit), QStringLiteral("activating"));
        QCOMPARE(state.secondary.unitActiveStates.value(unit), QStringLiteral("active"));
        QCOMPARE(state.primary.unitStates.value(unit), QStringLiteral("enabled"));
        // (a capture from before the probe read is-active: no active states, the rest as read)
        const NodeState older =
            probedNode(QStringLiteral("boot-gate-held"), QStringLiteral("primary"));
        QVERIFY(older.unitActiveStates.isEmpty());
        QCOMPARE(older.unitStates.value(unit), QStringLiteral("enabled"));
        QVERIFY(state.primary.lio.targets.empty());
        QVERIFY(!state.primary.savedLio.targets.empty());
        QVERIFY2(pairStatusText(state, intent)
                     .contains(QStringLiteral("LIO is still restoring its saved configuration")),
                 qPrintable(pairStatusText(state, intent)));
        const QString refusal = QStringLiteral(
            "LIO on the primary (primary) has not restored its saved configuration yet");
        const PlanResult result = planRepair(state, intent);
        QVERIFY(!result.ok());
        QVERIFY2(result.why().contains(refusal), qPrintable(result.why()));
        QVERIFY2(!result.why().contains(QStringLiteral("LIO on the secondary")),
                 qPrintable(result.why()));
        // Once the restore has run, that reason is gone (whatever else the state needs).
        PairState restored = state;
        restored.primary.unitActiveStates[unit] = QStringLiteral("active");
        const PlanResult later = planRepair(restored, intent);
        QVERIFY2(later.ok() || !later.why().contains(refusal), qPrintable(later.why()));
    }

    void aPowerLossRightAfterCreateIsRepaired() {
        // Captured after a create-pair without the closing flush and a power loss right after:
        // saveconfig.json and the LIO drop-in empty, mdadm.conf ending in the NUL bytes of its
        // lost ARRAY line, LIO serving nothing, md0 whole.
        const PairIntent intent = testbedIntent();
        const PairState state = probedPair(QStringLiteral("power-lost-after-create"), intent);
        const NodeState& primary = state.primary;
        QCOMPARE(primary.savedLioUnreadable,
                 QStringLiteral("/etc/rtslib-fb-target/saveconfig.json is empty"));
        QVERIFY(primary.savedLio.targets.empty());
        QVERIFY(primary.lio.targets.empty());
        QCOMPARE(primary.mdadmConf.count(QChar(0)), 84);
        QVERIFY(!primary.mdadmConf.contains(QStringLiteral("ARRAY /dev/md0")));
        QVERIFY(state.secondary.savedLioUnreadable.isEmpty());
        QVERIFY(!state.secondary.savedLio.targets.empty());
        QVERIFY(pairStatusText(state, intent)
                    .contains(QStringLiteral("LIO's saved configuration is UNREADABLE: "
                                             "/etc/rtslib-fb-target/saveconfig.json is empty")));
        // The repair serves the LUN again with its recorded identity, saves, mends mdadm.conf
        // and the drop-in, and flushes.
        const PlanResult result = planRepair(bootSafe(state), intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        compareRows(commandRows(result.value()),
                    frontEndExportRows() + QStringList{
                                               scriptRow(NodeRole::Primary, NodeScript::FileDropNul,
                                                         {QStringLiteral("/etc/mdadm/mdadm.conf")}),
                                               kArrayLineAdd,
                                               kVolumeDropin,
                                               QStringLiteral("primary: sync"),
                                           });
        const QStringList& warnings = result.value().warnings;
        QVERIFY2(anyContains(warnings, QStringLiteral("served again as the LUN's recorded identity "
                                                      "(unit serial %1)")
                                           .arg(kSerial)),
                 qPrintable(warnings.join(u'\n')));
        QVERIFY(anyContains(warnings, QStringLiteral("saveconfig.json is empty. LIO restores "
                                                     "nothing from it at boot")));
        QVERIFY(result.value().actions.at(5).sentence.contains(QStringLiteral("84 NUL bytes")));
        // The preview folds node scripts to `sh NAME.sh ARGS` and lists each one's text once.
        const QString preview = result.value().preview(QStringLiteral("p"), QStringLiteral("s"));
        QVERIFY2(preview.contains(
                     QStringLiteral("\n     $ sh file-drop-nul.sh /etc/mdadm/mdadm.conf\n")),
                 qPrintable(preview));
        QVERIFY(
            preview.contains(QStringLiteral("\n     $ sh lio-restore-dropin.sh /etc/systemd/")));
        QVERIFY(
            preview.contains(QStringLiteral("\n     undo: sh remove-unit-file.sh /etc/systemd/")));
        QCOMPARE(preview.count(QStringLiteral("sh -c")), 1); // in the list's heading only
        QStringList bodyLines;
        QString body = nodeScript(NodeScript::FileDropNul);
        QVERIFY(body.endsWith(u'\n')); // a script of several lines; listed without its last end
        body.chop(1);
        for (const QString& line : body.split(u'\n'))
            bodyLines << QStringLiteral("    ") + line;
        QVERIFY(preview.contains(QStringLiteral("  --- file-drop-nul.sh\n") +
                                 bodyLines.join(u'\n') + u'\n'));
        for (const QString& script :
             {QStringLiteral("file-drop-nul.sh"), QStringLiteral("mdadm-array-line-add.sh"),
              QStringLiteral("lio-restore-dropin.sh"), QStringLiteral("remove-unit-file.sh")})
            QCOMPARE(preview.count(QStringLiteral("  --- ") + script + u'\n'), 1);
        // A LUN recorded with CHAP is served again only with its user and secret.
        PairState withChap = bootSafe(state);
        for (NodeState* node : {&withChap.primary, &withChap.secondary})
            for (LunIdentity& identity : node->lunIdentities)
                identity.chapUser = QStringLiteral("host1");
        const PlanResult refused = planRepair(withChap, intent);
        QVERIFY(!refused.ok());
        QVERIFY2(anyContains(refused.reasons(),
                             QStringLiteral("CHAP (user host1): give that user and its secret")),
                 qPrintable(refused.why()));
        // Once saved, the same pair needs no repair of its export: a readable saved
        // configuration without the target is a choice (a teardown), not a loss.
        PairState saved = bootSafe(state);
        saved.primary.savedLioUnreadable.clear();
        const PlanResult afterSave = planRepair(saved, intent);
        QVERIFY(afterSave.ok());
        QVERIFY(!anyContains(commandRows(afterSave.value()), QStringLiteral("targetcli")));
    }

    void anotherArraysIgnoreRuleDoesNotCount() {
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        // The created capture has this array's rule; replace it by one for another array.
        QString& conf = state.secondary.mdadmConf;
        const qsizetype at = conf.indexOf(QStringLiteral("ARRAY <ignore> UUID="));
        QVERIFY(at >= 0);
        conf = conf.left(at) +
               QStringLiteral("ARRAY <ignore> UUID=00000000:00000000:00000000:00000000\n");
        const PlanResult result = planPersistence(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        QCOMPARE(commandRows(result.value()).last(), QStringLiteral("secondary: sync"));
        QCOMPARE(result.value().actions.size(), size_t(2));
        QVERIFY(result.value().actions.front().sentence.contains(QStringLiteral("ARRAY <ignore>")));
        QVERIFY(!result.value().actions.front().done.holds(state));
        QVERIFY(result.value().actions.front().done.holds(cleanCreatedPair(intent)));
    }

    void aChangedChapSecretIsNotTakenAsDone() {
        PairIntent intent = testbedIntent();
        intent.frontEndExport.chap = ChapSettings{
            QStringLiteral("nr1user"), QStringLiteral("s3cret-s3cret-42"), QString(), QString()};
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(result.ok());
        PairState state = cleanCreatedPair(intent);
        NodeAcl* acl = nullptr;
        for (LioTarget& target : state.primary.lio.targets)
            if (target.wwn == intent.layout.frontEnd->targetIqn)
                acl = &target.tpgs.front().nodeAcls.front();
        QVERIFY(acl);
        acl->chap.userId = QStringLiteral("nr1user");
        acl->chap.password = QStringLiteral("an-older-secret-1");
        for (const Action& action : result.value().actions)
            if (action.sentence.startsWith(QStringLiteral("Require CHAP"))) {
                QVERIFY(!action.done.holds(state));
                acl->chap.password = QStringLiteral("s3cret-s3cret-42");
                QVERIFY(action.done.holds(state));
                return;
            }
        QFAIL("no CHAP action");
    }

    void teardownOfTheWholePair() {
        const PairIntent intent = testbedIntent();
        const PlanResult result =
            planTeardown(cleanCreatedPair(intent), intent, TeardownLevel::Elements);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        QCOMPARE(result.value().confirmationWord, QStringLiteral("md0"));
        compareRows(
            commandRows(result.value()),
            {
                QStringLiteral("primary: targetcli /iscsi delete "
                               "iqn.2003-01.org.linux-iscsi.nr1:testbed-lun"),
                QStringLiteral("primary: targetcli /backstores/block delete nr1-testbed"),
                QStringLiteral("primary: targetcli saveconfig"),
                QStringLiteral("primary: %1").arg(kRemoveDropin),
                QStringLiteral("primary: lvremove --yes LIO-NR1-VOL/NR1-PRIMARY-VOL"),
                QStringLiteral("primary: vgremove LIO-NR1-VOL"),
                QStringLiteral("primary: pvremove /dev/md0"),
                // The boot gate would activate a volume group that is gone.
                gateRemoval(NodeRole::Primary),
                gateRemoval(NodeRole::Secondary),
                QStringLiteral("primary: mdadm --stop /dev/md0"),
                QStringLiteral("primary: sed -i '\\|^ARRAY /dev/md0 |d' /etc/mdadm/mdadm.conf"),
                QStringLiteral("primary: systemctl unmask mdadm-last-resort@md0.timer "
                               "mdadm-last-resort@md0.service"),
                QStringLiteral("secondary: sh -c 'u=$(mdadm --examine --export \"$1\" | sed -n "
                               "'\\''s/^MD_UUID=//p'\\''); [ -z \"$u\" ] || sed -i \"/^ARRAY "
                               "<ignore> UUID=$u\\$/d\" \"$2\"' sh "
                               "/dev/LIO-NR1-Elements/NR1-Remote-Element /etc/mdadm/mdadm.conf"),
                QStringLiteral(
                    "primary: mdadm --zero-superblock /dev/LIO-NR1-Elements/NR1-Local-Element"),
                QStringLiteral("primary: mdadm --zero-superblock %1").arg(kRemoteDisk),
                QStringLiteral("primary: %1 --logout").arg(kNode),
                QStringLiteral("primary: %1 -o delete").arg(kNode),
                QStringLiteral("primary: lvremove --yes LIO-NR1-Elements/NR1-Local-Element"),
                QStringLiteral("secondary: targetcli /iscsi delete "
                               "iqn.2003-01.org.linux-iscsi.nr1:testbed-element"),
                QStringLiteral("secondary: targetcli /backstores/block delete nr1-testbed-element"),
                QStringLiteral("secondary: targetcli saveconfig"),
                QStringLiteral("secondary: %1").arg(kRemoveDropin),
                QStringLiteral("secondary: lvremove --yes LIO-NR1-Elements/NR1-Remote-Element"),
                // The last step on each node: what the plan wrote reaches the disk.
                QStringLiteral("primary: sync"),
                QStringLiteral("secondary: sync"),
            });
        QVERIFY(anyContains(result.value().warnings, QStringLiteral("nothing of the pair's data")));
    }

    // Ownership: teardown, repair and grow touch only what is proven the pair's.

    void teardownRefusesAForeignArray() {
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        // Another md0: its members are disks that are not the pair's elements.
        MdstatArray& md0 = state.primary.mdstat.arrays.front();
        md0.members = {MdstatMember{QStringLiteral("sdz"), 0, false, false, false, false, false},
                       MdstatMember{QStringLiteral("sdy"), 1, false, false, false, false, false}};
        for (const TeardownLevel level : {TeardownLevel::Array, TeardownLevel::Elements}) {
            const PlanResult result = planTeardown(state, intent, level);
            QVERIFY(!result.ok());
            QVERIFY2(anyContains(result.reasons(),
                                 QStringLiteral("md0 on the Primary has members /dev/sdz, "
                                                "/dev/sdy, which are not the pair's elements")),
                     qPrintable(result.reasons().join(u'\n')));
        }
        // The export above it is still the pair's: tearing down only that is planned.
        QVERIFY(planTeardown(state, intent, TeardownLevel::Export).ok());
        // Repair and grow do not touch it either.
        const PlanResult repair = planRepair(state, intent);
        QVERIFY(!repair.ok());
        QVERIFY(anyContains(repair.reasons(), QStringLiteral("not the pair's elements")));
        const PlanResult grow = planGrow(state, intent, SizeRequest::ofBytes(256 << 20));
        QVERIFY(!grow.ok());
        QVERIFY(anyContains(grow.reasons(), QStringLiteral("not the pair's elements")));
    }

    void aLostRemoteLegIsStillThePairsArray() {
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        // The remote leg failed and its disk left with the session: md lists it as failed.
        MdstatArray& md0 = state.primary.mdstat.arrays.front();
        md0.members.front().device = QStringLiteral("sdq");
        md0.members.front().faulty = true;
        QVERIFY(md0.members.front().device != md0.members.back().device);
        const PlanResult result = planTeardown(state, intent, TeardownLevel::Array);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        // A failed member that is still there and not the pair's is foreign.
        BlockDevice stranger;
        stranger.name = QStringLiteral("sdq");
        stranger.path = QStringLiteral("/dev/sdq");
        state.primary.blockDevices.push_back(stranger);
        QVERIFY(!planTeardown(state, intent, TeardownLevel::Array).ok());
    }

    void teardownRefusesAVolumeGroupOnAnotherDisk() {
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        // LIO-NR1-VOL sits on another disk, md0 is no PV.
        bool moved = false;
        for (PhysicalVolume& pv : state.primary.lvm.pvs)
            if (pv.name == QLatin1String("/dev/md0")) {
                pv.name = QStringLiteral("/dev/vdz");
                moved = true;
            }
        QVERIFY(moved);
        const PlanResult result = planTeardown(state, intent, TeardownLevel::Volume);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(),
                             QStringLiteral("Volume group LIO-NR1-VOL on the Primary sits on "
                                            "/dev/vdz, not only on /dev/md0")),
                 qPrintable(result.reasons().join(u'\n')));
        // A second PV beside md0 is refused as well, by teardown and by grow.
        state = cleanCreatedPair(intent);
        PhysicalVolume extra = state.primary.lvm.pvs.front();
        extra.name = QStringLiteral("/dev/vdz");
        extra.vgName = QStringLiteral("LIO-NR1-VOL");
        state.primary.lvm.pvs.push_back(extra);
        QVERIFY(!planTeardown(state, intent, TeardownLevel::Elements).ok());
        const PlanResult grow = planGrow(state, intent, SizeRequest::ofBytes(256 << 20));
        QVERIFY(!grow.ok());
        QVERIFY(anyContains(grow.reasons(), QStringLiteral("sits on /dev/vdz, not only on")));
    }

    void teardownRefusesABackstoreOnAnotherLv() {
        const PairIntent intent = testbedIntent();
        PairState state = cleanCreatedPair(intent);
        bool found = false;
        for (StorageObject& object : state.primary.lio.storageObjects)
            if (object.configPath() == intent.frontEndExport.backstorePath()) {
                object.dev = QStringLiteral("/dev/other/lv");
                found = true;
            }
        QVERIFY(found);
        const PlanResult result = planTeardown(state, intent, TeardownLevel::Export);
        QVERIFY(!result.ok());
        QVERIFY2(
            anyContains(result.reasons(),
                        QStringLiteral("On the Primary, backstore /backstores/block/nr1-testbed "
                                       "serves /dev/other/lv, not the pair's "
                                       "/dev/LIO-NR1-VOL/NR1-PRIMARY-VOL")),
            qPrintable(result.reasons().join(u'\n')));
        // The same for the Secondary's element backstore at the elements level.
        state = cleanCreatedPair(intent);
        for (StorageObject& object : state.secondary.lio.storageObjects)
            object.dev = QStringLiteral("/dev/other/lv");
        const PlanResult elements = planTeardown(state, intent, TeardownLevel::Elements);
        QVERIFY(!elements.ok());
        QVERIFY(anyContains(elements.reasons(), QStringLiteral("On the Secondary, backstore")));
        QVERIFY(planTeardown(state, intent, TeardownLevel::Array).ok());
    }

    void teardownOfBlankNodesHasNothingToDo() {
        const PairIntent intent = testbedIntent();
        const PlanResult result = planTeardown(probedPair(QStringLiteral("blank"), intent), intent,
                                               TeardownLevel::Elements);
        QVERIFY(result.ok());
        QVERIFY(result.value().isEmpty());
    }

    void chapSecretsNeverShow() {
        PairIntent intent = testbedIntent();
        intent.frontEndExport.chap = ChapSettings{
            QStringLiteral("nr1user"), QStringLiteral("s3cret-s3cret-42"), QString(), QString()};
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        const QString preview = result.value().preview(QStringLiteral("p"), QStringLiteral("s"));
        QVERIFY(
            preview.contains(QStringLiteral("/tpgt_1/acls/iqn.2024-01.test.host:libiscsi/auth")));
        QVERIFY(preview.contains(QStringLiteral("stdin, one line each: nr1user '<secret>' '' ''")));
        QVERIFY(preview.contains(QStringLiteral("set attribute authentication=1")));
        QVERIFY(!preview.contains(QStringLiteral("s3cret")));
        QVERIFY(!QJsonDocument(result.value().toJson()).toJson().contains("s3cret"));
    }
};

QTEST_GUILESS_MAIN(TestPlanners)
#include "tst_planners.moc"
