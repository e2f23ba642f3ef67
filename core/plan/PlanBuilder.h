#pragma once
// Contract: the workbench the planner stages share while they build one Plan: the probed pair
// state and the intent they read, the plan they append to, the refusals they collect, and the
// facts earlier stages of the same plan will create ("planned": typed PlannedFacts, so a
// misspelt fact does not compile), so a later stage can rely on an element or array that does
// not exist yet but will when the plan runs. Also the queries every stage asks of the probed
// state. Internal to core/plan. Every shell script a stage runs on a node is a file of
// core/scripts, run through nodeScriptArgv() (base/NodeScript.h); no stage writes one inline.

#include "plan/PairIntent.h"
#include "plan/Plan.h"

#include <set>

namespace nr1 {

/// What a stage records that the plan will make exist (or that exists already and stays), for
/// the later stages of the same plan.
enum class PlannedFact {
    PrimaryElement,    ///< the Primary's element LV
    SecondaryElement,  ///< the Secondary's element LV
    ReplicationExport, ///< the Secondary's element as a LIO LUN for the Primary
    ReplicationImport, ///< the Primary logged in to it, its disk present
    Array,             ///< the md RAID1 running on the Primary
    Volume,            ///< PV, VG and LV on the array
    VolumeActive,      ///< the volume's LV active on the Primary (a repair after the boot gate)
    Export,            ///< the volume as the front-end LUN
    FrontEndAddress,   ///< the floating front-end address on the Primary (none: nothing)
};

/// The element fact of the node in `role`.
PlannedFact elementFact(NodeRole role);

class PlanBuilder {
public:
    PlanBuilder(const PairState& state, const PairIntent& intent, QString kind, QString title);

    const PairState& state() const { return m_state; }
    const QString& kind() const { return m_plan.kind; }
    const PairIntent& intent() const { return m_intent; }
    const NodeState& node(NodeRole role) const { return m_state.node(role); }

    Action& add(NodeRole node, QStringList argv, QString sentence);
    void refuse(const QString& reason) { m_refusals << reason; }
    bool refused() const { return !m_refusals.isEmpty(); }
    void warn(const QString& warning) { m_plan.warnings << warning; }
    void followUp(const QString& text) { m_plan.followUps << text; }
    void requireConfirmation(const QString& word) { m_plan.confirmationWord = word; }

    /// Records that the plan creates `fact`.
    void willCreate(PlannedFact fact) { m_planned.insert(fact); }
    bool planned(PlannedFact fact) const { return m_planned.count(fact) > 0; }
    /// True when some action of this plan runs on `node` and changes LIO.
    bool changesLio(NodeRole node) const;

    /// Refuses with every problem of the intent's names and values; true when there is none.
    bool acceptIntent();
    /// Refuses when a tool the plan needs is not installed on the node.
    void requireCommands(NodeRole node, const QStringList& commands);

    /// The plan, or the refusals. A plan that runs anything on a node ends with one flush
    /// there (`sync`): what its steps wrote (LIO's saveconfig.json, mdadm.conf, systemd units,
    /// iSCSI node records, nr1's identity records) reaches the disk before the plan is done, so
    /// a power loss right after it finds the node as the plan left it.
    PlanResult finish();
    /// finish() without the flush steps: for a part that another plan appends (RoleSwap).
    /// Both refuse a plan that runs anything on a node whose LIO has not restored its saved
    /// configuration yet (rtslib-fb-targetctl still starting after a boot): the plan read a
    /// LIO that is not the node's, and its saveconfig would replace the saved one.
    PlanResult finishPart();

    // Queries of the probed state.
    const LogicalVolume* lv(NodeRole node, const ElementRef& ref) const;
    const VolumeGroup* vg(NodeRole node, const QString& name) const;
    const MdstatArray* array() const;
    const IscsiSession* replicationSession() const;
    const LioTarget* lioTarget(NodeRole node, const QString& iqn) const;
    const StorageObject* storageObject(NodeRole node, const QString& path) const;

private:
    void refuseNodesStillRestoringLio();
    const PairState& m_state;
    const PairIntent& m_intent;
    Plan m_plan;
    QStringList m_refusals;
    std::set<PlannedFact> m_planned;
};

namespace commands {
/// targetcli one-shot: `targetcli PATH ARGS…` (LIO saves nothing until saveconfig()).
QStringList targetcli(const QString& path, const QStringList& arguments);
QStringList saveconfig();
/// Where LIO's configuration lives in configfs: "/sys/kernel/config/target".
QString lioConfigfs();
/// core/scripts/write-file.sh VALUE PATH: writes one sysfs attribute.
QStringList writeFile(const QString& path, const QString& value);
/// `iscsiadm -m node -T IQN -p PORTAL`: the Primary's node record of the replication link;
/// callers append the operation.
QStringList iscsiNode(const ReplicationLink& link);
/// Where mdadm reads its configuration on Debian.
QString mdadmConf();
/// Deletes the ARRAY line of `mdPath` from mdadm.conf.
QStringList removeArrayLine(const QString& mdPath);
/// core/scripts/remove-unit-file.sh PATH: removes a systemd drop-in and reloads systemd.
QStringList removeFile(const QString& path);
/// `sync`: writes every cached write of the node to its disks (the last step on each node).
QStringList flushToDisk();
} // namespace commands

/// systemd's name for the device unit of a path (as systemd-escape -p --suffix=device).
QString systemdDeviceUnit(const QString& path);
/// True when `line` of mdadm.conf is the ARRAY line of `mdPath` ("ARRAY /dev/md0 …").
bool isArrayLine(const QString& line, const QString& mdPath);
/// True when mdadm.conf text `conf` has an ARRAY line for `mdPath` (as mdadm reads it: a line
/// after NUL bytes a lost write left is not one).
bool hasArrayLine(const QString& conf, const QString& mdPath);
/// The md UUID of array `md` ("md0") on the node, from its /dev/disk/by-id/md-uuid-… link;
/// "" when it has none.
QString mdArrayUuid(const NodeState& node, const QString& md);
/// The line of mdadm.conf that keeps a node from assembling the array of `uuid` at boot.
QString ignoreRuleLine(const QString& uuid);
/// True when `node`'s mdadm.conf (as it reads once NUL bytes a power loss left are gone) has
/// the ignore rule of the array of `uuid`; false for an empty uuid.
bool hasIgnoreRule(const NodeState& node, const QString& uuid);
/// True when LIO's restore at boot on `node` waits for `device` (a drop-in's After= names the
/// device's unit).
bool lioRestoreWaitsFor(const NodeState& node, const QString& device);
/// True when the node runs array `md` ("md0"): in mdstat and active.
bool runsArray(const NodeState& node, const QString& md);

/// True when the node has Debian's last-resort timer of array `md` ("md0") masked.
bool lastResortMasked(const NodeState& node, const QString& md);
/// The running kernel's boot image on the node is older than its mdadm.conf (both times read:
/// NodeState::bootFileTimes); false when either is not there or not known.
bool initramfsOlderThanMdadmConf(const NodeState& node);
/// The systemd units the persistence stage enables on the node in `role`: open-iscsi's (the
/// Primary logs in at boot) and LIO's restore.
QStringList bootUnits(NodeRole role);
/// True for the `systemctl is-enabled` answers of a unit that starts at boot.
bool unitStartsAtBoot(const QString& enabledState);
/// Debian's timer that starts array `md` ("md0") degraded 30 s after boot; the persistence
/// stage masks it on the Primary.
QString lastResortTimer(const QString& md);
/// The pair's name as a part of a file or unit name nr1 writes on a node: ASCII letters, digits
/// and '-' kept, anything else '_'.
QString pairFileTag(const QString& pairName);
/// The drop-in that orders LIO's restore at boot after the pair's device, on either node.
QString lioRestoreDropin(const QString& pairName);

/// The first TPG of a target, or nullptr.
const Tpg* firstTpg(const LioTarget* target);
/// The LUN of `tpg` backed by `backstorePath`, or nullptr.
const LioLun* lunFor(const Tpg* tpg, const QString& backstorePath);
/// `lio` (a node's running or saved configuration) exports the pair's volume as its front-end
/// LUN: the front-end target's first TPG has a LUN of the intent's backstore.
bool exportsFrontEndLun(const LioConfig& lio, const PairIntent& intent);
/// The front-end LUN's identity as `lio` runs it (serial, target, LUN, backstore, portals,
/// initiators, CHAP user), for pair `intent`; nullopt when `lio` does not export it.
std::optional<LunIdentity> runningIdentity(const LioConfig& lio, const PairIntent& intent);
/// The identity a repair records for a LUN that runs but is not recorded on both nodes (a pair
/// built by hand, adopted): what runs, when each node records that or nothing; nullopt when
/// both record it already, the LUN does not run, or a record differs from what runs (which
/// only the administrator can settle).
std::optional<LunIdentity> identityToRecord(const PairState& state, const PairIntent& intent);

} // namespace nr1
