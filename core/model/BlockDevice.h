#pragma once
// Contract: value types for a node's block devices and the signatures found on them, merged
// from `lsblk --json`, `wipefs --json` / `blkid -o export` and the /dev/disk/by-* links.
// Comparable with ==.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace nr1 {

/// A signature on a device: a filesystem, RAID superblock, LVM label or partition table.
struct Signature {
    QString device;               ///< kernel name or path as the tool printed it
    std::optional<qint64> offset; ///< bytes from the start (wipefs); nullopt when unknown
    QString type;                 ///< "ext4", "linux_raid_member", "LVM2_member", "gpt", …
    QString uuid;
    QString label;
    QString usage; ///< "filesystem", "raid", "partition table", … when known
    bool operator==(const Signature&) const = default;
};

struct BlockDevice {
    QString name; ///< kernel name, e.g. "sda", "dm-0"
    QString path; ///< "/dev/sda"; for dm devices lsblk gives /dev/mapper/…
    QString type; ///< "disk", "part", "lvm", "raid1", "loop", "rom", …
    std::optional<qint64> sizeBytes;
    bool readOnly = false;
    bool removable = false;
    QString wwn;
    QString serial;
    QString vendor;
    QString model;
    QString transport; ///< "iscsi", "sata", "nvme", … ; empty for virtio
    QString fsType;    ///< what lsblk/udev found: "ext4", "linux_raid_member", "LVM2_member"
    QString fsUuid;
    QString fsLabel;
    QString partitionTable; ///< "gpt", "dos"
    QStringList mountpoints;
    QStringList parents; ///< kernel names this device sits on (a partition's disk, an LV's PVs)
    QStringList holders; ///< kernel names of the devices built on this one
    QStringList byPath;  ///< /dev/disk/by-path links to this device
    QStringList byId;    ///< /dev/disk/by-id links to this device
    std::vector<Signature> signatures; ///< from wipefs/blkid when probed
    QString signaturesUnreadable; ///< why the signatures could not be read; empty when they were
    bool operator==(const BlockDevice&) const = default;

    /// True when anything is on or above the device: a signature, a holder, a mount, a
    /// partition table, or signatures nr1 could not read. Such a device is never offered for a
    /// new element.
    bool inUse() const {
        return !fsType.isEmpty() || !partitionTable.isEmpty() || !holders.isEmpty() ||
               !mountpoints.isEmpty() || !signatures.empty() || !signaturesUnreadable.isEmpty();
    }
};

/// A /dev/disk/by-* symlink and the kernel device it points at.
struct DiskLink {
    QString link;   ///< "/dev/disk/by-path/ip-10.99.0.2:3260-iscsi-…-lun-0"
    QString target; ///< kernel name, e.g. "sda"
    bool operator==(const DiskLink&) const = default;
};

} // namespace nr1
