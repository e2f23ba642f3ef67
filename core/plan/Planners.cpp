#include "plan/Planners.h"

#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

namespace nr1 {

namespace {

using Stage = void (*)(PlanBuilder&);

PlanResult runStages(const PairState& state, const PairIntent& intent, const QString& kind,
                     const QString& title, std::initializer_list<Stage> stages) {
    PlanBuilder builder(state, intent, kind, title);
    if (!builder.acceptIntent())
        return builder.finish();
    for (const Stage stage : stages)
        stage(builder);
    return builder.finish();
}

} // namespace

PlanResult planElements(const PairState& state, const PairIntent& intent) {
    return runStages(
        state, intent, QStringLiteral("elements"),
        QStringLiteral("create the elements of pair %1 and link them").arg(intent.layout.name),
        {planElementStage, planReplicationExport, planReplicationImport});
}

PlanResult planArray(const PairState& state, const PairIntent& intent) {
    return runStages(state, intent, QStringLiteral("array"),
                     QStringLiteral("create the RAID1 %1 of pair %2")
                         .arg(intent.layout.mdDevice, intent.layout.name),
                     {planArrayStage});
}

PlanResult planVolume(const PairState& state, const PairIntent& intent) {
    return runStages(state, intent, QStringLiteral("volume"),
                     QStringLiteral("create the volume of pair %1").arg(intent.layout.name),
                     {planVolumeStage});
}

PlanResult planExport(const PairState& state, const PairIntent& intent) {
    return runStages(
        state, intent, QStringLiteral("export"),
        QStringLiteral("export the volume of pair %1 as an iSCSI LUN").arg(intent.layout.name),
        {planExportStage});
}

PlanResult planPersistence(const PairState& state, const PairIntent& intent) {
    return runStages(state, intent, QStringLiteral("persistence"),
                     QStringLiteral("make pair %1 survive reboots").arg(intent.layout.name),
                     {planPersistenceStage});
}

PlanResult planCreatePair(const PairState& state, const PairIntent& intent) {
    return runStages(state, intent, QStringLiteral("create-pair"),
                     QStringLiteral("create the Network RAID1 pair %1 and export its volume")
                         .arg(intent.layout.name),
                     {planElementStage, planReplicationExport, planReplicationImport,
                      planArrayStage, planVolumeStage, planExportStage, planPersistenceStage});
}

PlanResult planRepair(const PairState& state, const PairIntent& intent) {
    return runStages(
        state, intent, QStringLiteral("repair"),
        QStringLiteral("bring pair %1 back to whole").arg(intent.layout.name),
        {planReplicationExport, planReplicationImport, planArrayStage, planPersistenceStage});
}

std::optional<TeardownLevel> teardownLevelFromName(const QString& name) {
    if (name == QLatin1String("export"))
        return TeardownLevel::Export;
    if (name == QLatin1String("volume"))
        return TeardownLevel::Volume;
    if (name == QLatin1String("array"))
        return TeardownLevel::Array;
    if (name == QLatin1String("elements"))
        return TeardownLevel::Elements;
    return std::nullopt;
}

} // namespace nr1
