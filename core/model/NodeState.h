#pragma once
// Contract: everything nr1 knows about one storage node at one moment, as one value. Two
// NodeStates compare equal exactly when every probed fact is the same, which is how the monitor
// tells "nothing changed" from "re-emit".

#include "model/BlockDevice.h"
#include "model/Iscsi.h"
#include "model/Lio.h"
#include "model/LunIdentity.h"
#include "model/Lvm.h"
#include "model/Md.h"

#include <QMap>
#include <QString>
#include <vector>

namespace nr1 {

struct NodeState {
    QString hostname;
    std::vector<BlockDevice> blockDevices;
    Mdstat mdstat;
    std::vector<MdSysfs> mdSysfs; ///< one per array in mdstat
    LvmReport lvm;
    LioConfig lio;      ///< the running LIO configuration
    LioConfig savedLio; ///< what LIO restores at boot (saveconfig.json); empty when none saved
    /// Why saveconfig.json could not be read ("… is empty", "… is not JSON: …"); empty when it
    /// was read or is absent. savedLio is empty then: LIO restores nothing from it at boot.
    QString savedLioUnreadable;
    std::vector<IscsiSession> sessions;
    std::vector<IscsiNodeRecord> iscsiNodes;
    /// Node record files iscsiadm cannot read (empty or cut short by a power loss; iscsiadm shows
    /// them as records of no target, so iscsiNodes leaves them out); empty in older captures.
    QStringList brokenIscsiRecords;
    InitiatorName initiatorName;
    QString mdadmConf;         ///< /etc/mdadm/mdadm.conf verbatim; empty when absent
    QString lioRestoreDropins; ///< the drop-ins of rtslib-fb-targetctl.service, concatenated
    /// When mdadm.conf and the running kernel's initramfs (/boot/initrd.img-RELEASE) last
    /// changed: path → seconds since 1970; a file that is not there is left out. Empty in
    /// captures taken before nr1 read them.
    QMap<QString, qint64> bootFileTimes;
    QStringList commands; ///< the administration commands found on the node (mdadm, targetcli, …)
    /// systemd units nr1 relies on → `systemctl is-enabled` ("enabled", "disabled", "" if absent)
    QMap<QString, QString> unitStates;
    /// The same units → `systemctl is-active` ("active", "activating", "inactive", "failed", …);
    /// empty in captures taken before nr1 read it.
    QMap<QString, QString> unitActiveStates;
    std::vector<LunIdentity> lunIdentities; ///< /etc/nr1/*.identity: the LUNs nr1 recorded here
    /// The files of nr1's boot gate on the node (its script, one unit per pair): path → SHA-256
    /// of the content, hex. Empty when none is installed (or the capture predates the gate).
    QMap<QString, QString> bootGateFiles;
    /// The node's IPv4 addresses ("ADDR/PREFIX" → interface, from `ip -o -4 addr`); empty in
    /// captures taken before nr1 read them.
    QMap<QString, QString> ipv4Addresses;
    bool operator==(const NodeState&) const = default;

    const BlockDevice* findBlockDevice(const QString& kernelName) const;
    /// The device with this path, by its /dev path, a /dev/disk link or /dev/VG/LV.
    const BlockDevice* findBlockDeviceByPath(const QString& path) const;
    bool hasCommand(const QString& name) const { return commands.contains(name); }
    /// The sysfs attributes of array `name` ("md0"), or nullptr.
    const MdSysfs* findMdSysfs(const QString& name) const;
    /// The first iSCSI session to `targetIqn`, or nullptr.
    const IscsiSession* findSession(const QString& targetIqn) const;
    /// The first node record of target `targetIqn` at `portal`'s address and port, or nullptr.
    const IscsiNodeRecord* findNodeRecord(const QString& targetIqn,
                                          const IscsiPortal& portal) const;
    /// The LUN identity nr1 recorded on this node for pair `pair`, or nullptr.
    const LunIdentity* findLunIdentity(const QString& pair) const;
    /// True while LIO's restore at boot (rtslib-fb-targetctl) has not run: what LIO runs here
    /// is not yet what the node will serve. False in captures that predate is-active.
    bool lioRestorePending() const;
    /// The unreadable node record files of target `targetIqn` (under /etc/iscsi/nodes/IQN/).
    QStringList brokenIscsiRecordsOf(const QString& targetIqn) const;
    /// The interface that holds `address` ("ADDR" or "ADDR/PREFIX", whatever the prefix), or
    /// an empty string.
    QString interfaceHolding(const QString& address) const;
};

} // namespace nr1
