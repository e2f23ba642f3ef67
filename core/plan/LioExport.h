#pragma once
// Contract: the one planner of a LIO iSCSI export, used for both exports of a pair (the
// Secondary's element to the Primary, the Primary's volume to the front-end initiators): a
// backstore on a device, a target with TPG 1, its portals, one LUN, one ACL per initiator,
// optional CHAP, then saveconfig, one step each in that order. Adds only what is missing;
// refuses when what exists conflicts (a backstore on another device, a LUN at another index,
// open access, initiators that must not be there, a backstore running with another unit
// serial than the one asked: nr1 never changes a live LUN's identity). Every undo deletes what its
// action created and saves again. Internal to core/plan: the element and export stages use it.

#include "model/Pair.h"
#include "plan/PairIntent.h"
#include "plan/Plan.h"

namespace nr1 {

class PlanBuilder;

struct LioExport {
    NodeRole node = NodeRole::Primary;
    QString what;   ///< for sentences: "the element", "the volume"
    QString plugin; ///< "block" or "fileio"
    QString backstoreName;
    QString device; ///< the block device the backstore serves
    QString targetIqn;
    int lun = 0;
    std::vector<IscsiPortal> portals;
    QStringList initiators;
    bool onlyTheseInitiators = false; ///< refuse other ACLs already on the target
    std::optional<ChapSettings> chap;
    QString unitSerial; ///< given to a new backstore (wwn=); empty: LIO makes one up
};

void planLioExport(PlanBuilder& builder, const LioExport& spec);
/// `targetcli saveconfig` on `node`, with a warning when the probe could not read the saved
/// file it replaces (NodeState::savedLioUnreadable). The caller sets the undo.
Action& planLioSave(PlanBuilder& builder, NodeRole node, const QString& sentence);
/// Deletes a LIO export of `node` (its target `iqn`, then the backstore PLUGIN/NAME), each
/// only when it exists, then saves (also when only the saved configuration still has the
/// target), so it does not come back at boot. Irreversible steps: a plan re-creates an export.
void removeLioExport(PlanBuilder& builder, NodeRole node, const QString& iqn, const QString& plugin,
                     const QString& backstoreName, const QString& what);

} // namespace nr1
