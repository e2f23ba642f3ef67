#include "probe/LvmReportParser.h"

#include "probe/JsonFields.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace nr1 {

namespace {

const QString kSource = QStringLiteral("lvm report");

void addPv(LvmReport& report, const JsonFields& row) {
    PhysicalVolume pv;
    pv.name = row.requiredString(QStringLiteral("pv_name"));
    pv.uuid = row.string(QStringLiteral("pv_uuid"));
    pv.vgName = row.string(QStringLiteral("vg_name"));
    pv.sizeBytes = row.bytes(QStringLiteral("pv_size"));
    pv.freeBytes = row.bytes(QStringLiteral("pv_free"));
    pv.deviceSizeBytes = row.bytes(QStringLiteral("dev_size"));
    const bool known =
        std::any_of(report.pvs.begin(), report.pvs.end(),
                    [&](const PhysicalVolume& other) { return other.name == pv.name; });
    if (!known)
        report.pvs.push_back(pv);
}

void addVg(LvmReport& report, const JsonFields& row) {
    VolumeGroup vg;
    vg.name = row.requiredString(QStringLiteral("vg_name"));
    vg.uuid = row.string(QStringLiteral("vg_uuid"));
    vg.sizeBytes = row.bytes(QStringLiteral("vg_size"));
    vg.freeBytes = row.bytes(QStringLiteral("vg_free"));
    vg.extentSizeBytes = row.bytes(QStringLiteral("vg_extent_size"));
    if (const auto count = row.integer(QStringLiteral("pv_count")))
        vg.pvCount = int(*count);
    if (const auto count = row.integer(QStringLiteral("lv_count")))
        vg.lvCount = int(*count);
    vg.attr = row.string(QStringLiteral("vg_attr"));
    // "enabled", or "" once `vgchange --setautoactivation n` turned it off.
    if (row.has(QStringLiteral("vg_autoactivation")))
        vg.autoactivation =
            row.string(QStringLiteral("vg_autoactivation")) == QLatin1String("enabled");
    if (!report.findVg(vg.name))
        report.vgs.push_back(vg);
}

/// Where each LV (by VG and name) sits in report.lvs, and the devices it already lists: a
/// segment row of a known LV is merged in O(1), so the parse stays linear.
struct LvIndex {
    QHash<QString, std::size_t> position;
    std::vector<QSet<QString>> devices;
};

void addLv(LvmReport& report, LvIndex& index, const JsonFields& row) {
    LogicalVolume lv;
    lv.name = row.requiredString(QStringLiteral("lv_name"));
    lv.vgName = row.requiredString(QStringLiteral("vg_name"));
    lv.uuid = row.string(QStringLiteral("lv_uuid"));
    lv.attr = row.string(QStringLiteral("lv_attr"));
    lv.path = row.string(QStringLiteral("lv_path"));
    lv.dmPath = row.string(QStringLiteral("lv_dm_path"));
    lv.sizeBytes = row.bytes(QStringLiteral("lv_size"));
    // "devices" is one comma-separated string per segment row.
    for (const QString& device :
         row.string(QStringLiteral("devices")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        lv.devices.append(device.trimmed());
    // '/' separates: neither LVM name may contain it.
    const QString key = lv.vgName + QLatin1Char('/') + lv.name;
    if (const auto it = index.position.constFind(key); it != index.position.cend()) {
        LogicalVolume& known = report.lvs[*it];
        QSet<QString>& listed = index.devices[*it];
        for (const QString& device : lv.devices)
            if (!listed.contains(device)) {
                listed.insert(device);
                known.devices.append(device);
            }
        return;
    }
    index.position.insert(key, report.lvs.size());
    index.devices.emplace_back(lv.devices.cbegin(), lv.devices.cend());
    report.lvs.push_back(lv);
}

void addLog(LvmReport& report, const JsonFields& row) {
    LvmLogEntry entry;
    entry.type = row.string(QStringLiteral("log_type"));
    entry.context = row.string(QStringLiteral("log_context"));
    entry.objectType = row.string(QStringLiteral("log_object_type"));
    entry.objectName = row.string(QStringLiteral("log_object_name"));
    entry.message = row.string(QStringLiteral("log_message"));
    if (const auto errorNumber = row.integer(QStringLiteral("log_errno")))
        entry.errorNumber = int(*errorNumber);
    if (const auto code = row.integer(QStringLiteral("log_ret_code")))
        entry.returnCode = int(*code);
    report.log.push_back(entry);
}

} // namespace

ParseResult<LvmReport> parseLvmReport(QStringView text) {
    return runParser<LvmReport>([&] {
        const JsonFields root(kSource, QString(), parseJsonObject(kSource, text));
        if (!root.has(QStringLiteral("report")) && !root.has(QStringLiteral("log")))
            root.fail(QStringLiteral("report"), QStringLiteral("the list of reports"));
        LvmReport report;
        LvIndex lvIndex;
        ParseWarnings warnings;
        for (const JsonFields& section : root.objects(QStringLiteral("report"))) {
            for (const QString& key : section.keys()) {
                if (key == QLatin1String("pv"))
                    for (const JsonFields& row : section.objects(key))
                        addPv(report, row);
                else if (key == QLatin1String("vg"))
                    for (const JsonFields& row : section.objects(key))
                        addVg(report, row);
                else if (key == QLatin1String("lv"))
                    for (const JsonFields& row : section.objects(key))
                        addLv(report, lvIndex, row);
                else
                    warnings.push_back(ParseWarning{kSource, 0,
                                                    section.path() + QLatin1Char('.') + key,
                                                    QStringLiteral("report kind not modelled")});
            }
        }
        for (const JsonFields& row : root.objects(QStringLiteral("log")))
            addLog(report, row);
        for (const QString& key : root.keys())
            if (key != QLatin1String("report") && key != QLatin1String("log"))
                warnings.push_back(
                    ParseWarning{kSource, 0, key, QStringLiteral("section not modelled")});
        return ParseResult<LvmReport>(std::move(report), std::move(warnings));
    });
}

} // namespace nr1
