#include "plan/Planners.h"

#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

#include <vector>

namespace nr1 {

namespace {

using Stage = void (*)(PlanBuilder&);

PlanResult runStages(const PairState& state, const PairIntent& intent, const QString& kind,
                     const QString& title, const std::vector<Stage>& stages) {
    PlanBuilder builder(state, intent, kind, title);
    if (!builder.acceptIntent())
        return builder.finish();
    for (const Stage stage : stages)
        stage(builder);
    return builder.finish();
}

/// The plan kind of a layer's own planner.
QString kindOf(PairLayer layer) {
    switch (layer) {
    case PairLayer::Elements:
        return QStringLiteral("elements");
    case PairLayer::Array:
        return QStringLiteral("array");
    case PairLayer::Volume:
        return QStringLiteral("volume");
    case PairLayer::Export:
        return QStringLiteral("export");
    }
    return QString();
}

/// The stages of a layer, in plan order.
std::vector<Stage> stagesOf(PairLayer layer) {
    switch (layer) {
    case PairLayer::Elements:
        return {planElementStage, planReplicationExport, planReplicationImport};
    case PairLayer::Array:
        return {planArrayStage};
    case PairLayer::Volume:
        return {planVolumeStage};
    case PairLayer::Export:
        return {planExportStage};
    }
    return {};
}

/// What the stages of the layers below `layer` record as made (PlanBuilder::willCreate).
std::vector<PlannedFact> madeBelow(PairLayer layer) {
    std::vector<PlannedFact> facts;
    if (layer > PairLayer::Elements)
        facts.insert(facts.end(), {PlannedFact::PrimaryElement, PlannedFact::SecondaryElement,
                                   PlannedFact::ReplicationExport, PlannedFact::ReplicationImport});
    if (layer > PairLayer::Array)
        facts.push_back(PlannedFact::Array);
    if (layer > PairLayer::Volume)
        facts.push_back(PlannedFact::Volume);
    return facts;
}

} // namespace

PlanResult planElements(const PairState& state, const PairIntent& intent) {
    return runStages(
        state, intent, kindOf(PairLayer::Elements),
        QStringLiteral("create the elements of pair %1 and link them").arg(intent.layout.name),
        stagesOf(PairLayer::Elements));
}

PlanResult planArray(const PairState& state, const PairIntent& intent) {
    return runStages(state, intent, kindOf(PairLayer::Array),
                     QStringLiteral("create the RAID1 %1 of pair %2")
                         .arg(intent.layout.mdDevice, intent.layout.name),
                     stagesOf(PairLayer::Array));
}

PlanResult planVolume(const PairState& state, const PairIntent& intent) {
    return runStages(state, intent, kindOf(PairLayer::Volume),
                     QStringLiteral("create the volume of pair %1").arg(intent.layout.name),
                     stagesOf(PairLayer::Volume));
}

PlanResult planExport(const PairState& state, const PairIntent& intent) {
    return runStages(
        state, intent, kindOf(PairLayer::Export),
        QStringLiteral("export the volume of pair %1 as an iSCSI LUN").arg(intent.layout.name),
        stagesOf(PairLayer::Export));
}

QStringList layerRefusals(PairLayer layer, const PairState& state, const PairIntent& intent) {
    PlanBuilder builder(state, intent, kindOf(layer), QString());
    if (builder.acceptIntent()) {
        for (const PlannedFact fact : madeBelow(layer))
            builder.willCreate(fact);
        for (const Stage stage : stagesOf(layer)) {
            stage(builder);
            if (builder.refused())
                break;
        }
    }
    return builder.finish().reasons();
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
    return runStages(state, intent, QStringLiteral("repair"),
                     QStringLiteral("bring pair %1 back to whole").arg(intent.layout.name),
                     {planFormerPrimaryStage, planReplicationExport, planReplicationImport,
                      planArrayStage, planVolumeHeldAtBootStage, planUnfinishedGrowStage,
                      planExportLostAtBootStage, planFrontEndAddressStage, planPersistenceStage});
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
