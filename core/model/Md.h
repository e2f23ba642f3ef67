#pragma once
// Contract: value types for Linux md (software RAID) arrays as nr1 sees them: what /proc/mdstat,
// md sysfs and mdadm report. Plain data, comparable with ==, no behaviour beyond small queries
// and the kernel's words for the sync actions (both ways).

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace nr1 {

enum class MdReadOnly { No, ReadOnly, AutoReadOnly };

/// One member as /proc/mdstat lists it. `slot` is the superblock slot (desc_nr), which is not
/// the role: roles come from sysfs `dev-*/slot` or `mdadm --detail`.
struct MdstatMember {
    QString device; ///< kernel name, e.g. "sda", "dm-0"
    int slot = 0;
    bool writeMostly = false; ///< (W)
    bool journal = false;     ///< (J)
    bool faulty = false;      ///< (F)
    bool spare = false;       ///< (S): no role, or any member of an inactive array
    bool replacement = false; ///< (R)
    bool operator==(const MdstatMember&) const = default;
};

/// The label of a running sync as /proc/mdstat prints it ("recovery", where sysfs says
/// "recover"; a user "repair" shows as "resync").
enum class MdSyncKind { Resync, Recovery, Reshape, Check };

struct MdSyncProgress {
    MdSyncKind kind = MdSyncKind::Resync;
    double percent = 0; ///< as printed, one decimal
    qint64 doneKiB = 0;
    qint64 totalKiB = 0;
    double finishMinutes = 0; ///< estimate, tenths of a minute
    qint64 speedKiBps = 0;
    bool operator==(const MdSyncProgress&) const = default;
};

/// A sync that is due but not running: resync=DELAYED (waits for an array sharing disks),
/// resync=PENDING (e.g. auto-read-only), x=REMOTE (clustered md).
enum class MdSyncWait { None, Delayed, Pending, Remote };

struct MdBitmap {
    qint64 pagesUsed = 0;
    qint64 pagesTotal = 0;
    qint64 sizeKiB = 0;    ///< memory of the in-core bitmap pages
    qint64 chunkBytes = 0; ///< bytes covered by one bitmap bit
    QString file;          ///< external bitmap file; empty for internal
    bool operator==(const MdBitmap&) const = default;
};

/// One array block of /proc/mdstat.
struct MdstatArray {
    QString name; ///< "md0"
    bool active = false;
    MdReadOnly readOnly = MdReadOnly::No;
    QString level; ///< personality, e.g. "raid1"; empty when inactive
    std::optional<qint64> blocksKiB;
    QString superblock; ///< "1.2", "0.90", "external:imsm", "non-persistent"; empty if not printed
    QString layout;     ///< personality detail, e.g. "level 5, 512k chunk, algorithm 2"
    std::optional<int> raidDisks;
    std::optional<int> workingDisks;
    QString pattern; ///< "UU_"; empty when the personality prints none
    std::vector<MdstatMember> members;
    std::optional<MdSyncProgress> sync;
    MdSyncWait syncWait = MdSyncWait::None;
    QString syncWaitAction; ///< "resync", "recover" or "reshape" for a wait
    std::optional<MdBitmap> bitmap;
    bool operator==(const MdstatArray&) const = default;
};

struct Mdstat {
    QStringList personalities;
    std::vector<MdstatArray> arrays;
    QStringList unusedDevices;
    bool operator==(const Mdstat&) const = default;

    const MdstatArray* find(const QString& name) const;
};

/// sysfs `sync_action`.
enum class MdSyncAction { Idle, Frozen, Resync, Recover, Check, Repair, Reshape };

/// The word sysfs `sync_action` uses for `action` ("idle", "recover", …).
QString mdSyncActionName(MdSyncAction action);
/// The action sysfs `sync_action` names with `name`; nullopt for any other word.
std::optional<MdSyncAction> mdSyncActionFromName(QStringView name);

/// sysfs `sync_completed`: "done / total" in sectors, "none" or "delayed".
struct MdSyncCompleted {
    enum class State { None, Delayed, Running } state = State::None;
    qint64 doneSectors = 0;
    qint64 totalSectors = 0;
    bool operator==(const MdSyncCompleted&) const = default;
};

/// sysfs `dev-X/state` flags and `dev-X/slot`.
struct MdSysfsMember {
    QString device;          ///< the X in dev-X
    QStringList stateFlags;  ///< as listed, e.g. {"in_sync","write_mostly"}
    std::optional<int> slot; ///< role; nullopt for "none"
    bool has(const QString& flag) const { return stateFlags.contains(flag); }
    bool operator==(const MdSysfsMember&) const = default;
};

/// The attributes of /sys/block/mdX/md/ that nr1 reads.
struct MdSysfs {
    QString array; ///< "md0"
    QString arrayState;
    QString level;
    std::optional<MdSyncAction> syncAction;
    std::optional<MdSyncCompleted> syncCompleted;
    std::optional<qint64> syncSpeedKiBps; ///< nullopt for "none"
    std::optional<int> degraded;
    std::optional<qint64> componentSizeKiB;
    std::optional<qint64> mismatchSectors;
    std::optional<int> raidDisks;
    std::vector<MdSysfsMember> members;
    bool operator==(const MdSysfs&) const = default;
};

/// One row of the device table of `mdadm --detail`.
struct MdDetailDevice {
    std::optional<int> number; ///< "-" for a removed slot
    int major = 0;
    int minor = 0;
    std::optional<int> raidDevice; ///< role; nullopt for "-"
    QStringList state;             ///< e.g. {"active","sync","writemostly"}
    QString path;                  ///< empty for a removed slot
    bool has(const QString& word) const { return state.contains(word); }
    bool operator==(const MdDetailDevice&) const = default;
};

/// `mdadm --detail /dev/mdX`.
struct MdDetail {
    QString device;  ///< "/dev/md0"
    QString version; ///< metadata
    QString creationTime;
    QString level;
    std::optional<qint64> arraySizeKiB;
    std::optional<qint64> usedDevSizeKiB;
    std::optional<int> raidDevices;
    std::optional<int> totalDevices;
    QString persistence;
    QString intentBitmap; ///< "Internal", a file path, or empty when none
    QString updateTime;
    QStringList state; ///< the comma-separated words, e.g. {"clean","degraded","recovering"}
    std::optional<int> activeDevices;
    std::optional<int> workingDevices;
    std::optional<int> failedDevices;
    std::optional<int> spareDevices;
    QString layout;
    QString chunkSize;
    QString consistencyPolicy;
    QString rebuildKind; ///< "Rebuild", "Resync", "Reshape", "Check"; empty when none
    std::optional<int> rebuildPercent;
    QString name;
    QString uuid;
    std::optional<qint64> events;
    std::vector<MdDetailDevice> devices;
    std::vector<std::pair<QString, QString>> other; ///< fields nr1 does not interpret
    bool operator==(const MdDetail&) const = default;

    bool hasState(const QString& word) const { return state.contains(word); }
};

/// `mdadm --detail --export /dev/mdX`: MD_* variables.
struct MdExportDevice {
    QString name; ///< the variable infix, e.g. "dev_sdb"
    QString dev;  ///< MD_DEVICE_x_DEV
    QString role; ///< MD_DEVICE_x_ROLE: a number, "spare", "journal" (a faulty member says spare)
    bool operator==(const MdExportDevice&) const = default;
};

struct MdExport {
    QString level;
    std::optional<int> devices;
    QString metadata;
    QString uuid;
    QString devname;
    QString name;
    std::vector<MdExportDevice> members;
    std::vector<std::pair<QString, QString>> other; ///< variables nr1 does not interpret
    bool operator==(const MdExport&) const = default;
};

/// `mdadm --examine DEVICE` for one member's superblock.
struct MdExamine {
    QString device;
    QString magic;
    QString version;
    QString featureMap;
    QString arrayUuid;
    QString name;
    QString creationTime;
    QString raidLevel;
    std::optional<int> raidDevices;
    std::optional<qint64> availDevSizeSectors;
    std::optional<qint64> arraySizeKiB;
    std::optional<qint64> usedDevSizeSectors;
    std::optional<qint64> dataOffsetSectors;
    QString state;
    QString deviceUuid;
    QString internalBitmap;
    QStringList flags; ///< e.g. {"write-mostly"}
    QString updateTime;
    QString checksum;
    std::optional<qint64> events;
    QString deviceRole;                             ///< "Active device 1", "spare", "Journal"
    std::optional<int> activeRole;                  ///< the N of "Active device N"
    QString arrayState;                             ///< e.g. "AA" (without the legend)
    std::vector<std::pair<QString, QString>> other; ///< fields nr1 does not interpret
    bool operator==(const MdExamine&) const = default;
};

} // namespace nr1
