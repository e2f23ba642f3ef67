#pragma once
// Contract: value types for LVM2 physical volumes, volume groups and logical volumes, as the
// `pvs`/`vgs`/`lvs --reportformat json` reports give them. Sizes are bytes. Comparable with ==.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace nr1 {

struct PhysicalVolume {
    QString name; ///< device path, e.g. "/dev/md0"
    QString uuid;
    QString vgName; ///< empty when the PV belongs to no VG
    std::optional<qint64> sizeBytes;
    std::optional<qint64> freeBytes;
    std::optional<qint64> deviceSizeBytes;
    bool operator==(const PhysicalVolume&) const = default;
};

struct VolumeGroup {
    QString name;
    QString uuid;
    std::optional<qint64> sizeBytes;
    std::optional<qint64> freeBytes;
    std::optional<qint64> extentSizeBytes;
    std::optional<int> pvCount;
    std::optional<int> lvCount;
    QString attr;
    /// vg_autoactivation: whether LVM activates the VG by itself when its PVs appear (at boot);
    /// nullopt when the report did not say (a capture taken before nr1 asked).
    std::optional<bool> autoactivation;
    bool operator==(const VolumeGroup&) const = default;
};

struct LogicalVolume {
    QString name;
    QString vgName;
    QString uuid;
    QString attr; ///< e.g. "-wi-ao----"
    QString path; ///< "/dev/VG/LV"
    QString dmPath;
    std::optional<qint64> sizeBytes;
    QStringList devices; ///< segments' devices, e.g. {"/dev/vdb(0)", "/dev/vdc(0)"}
    bool operator==(const LogicalVolume&) const = default;

    QString fullName() const { return vgName + QLatin1Char('/') + name; }
    /// lv_attr position 5 is 'a' when the LV is active.
    bool isActive() const { return attr.size() > 4 && attr.at(4) == QLatin1Char('a'); }
    /// lv_attr position 6 is 'o' when the device is open (in use).
    bool isOpen() const { return attr.size() > 5 && attr.at(5) == QLatin1Char('o'); }
};

/// One entry of the "log" section that lvm2 ≥ 2.03.26 (or log/report_command_log) appends.
struct LvmLogEntry {
    QString type; ///< "status", "error", "print"
    QString context;
    QString objectType;
    QString objectName;
    QString message;
    std::optional<int> errorNumber;
    std::optional<int> returnCode;
    bool operator==(const LvmLogEntry&) const = default;
};

struct LvmReport {
    std::vector<PhysicalVolume> pvs;
    std::vector<VolumeGroup> vgs;
    std::vector<LogicalVolume> lvs;
    std::vector<LvmLogEntry> log;
    bool operator==(const LvmReport&) const = default;

    const VolumeGroup* findVg(const QString& name) const;
    const LogicalVolume* findLv(const QString& vg, const QString& name) const;
    const PhysicalVolume* findPv(const QString& device) const;
};

} // namespace nr1
