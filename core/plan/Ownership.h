#pragma once
// Contract: the proofs that an object a plan would change or remove is the pair's own, from the
// probed state and the pair's layout alone. Each check answers with nothing when the object is
// absent or proven the pair's, else with the one sentence a planner refuses with: what was found
// and why it is not the pair's. Proven means: the md array's members are the pair's elements
// (the Primary's element LV and the Secondary's element as the Primary imports it; a failed
// member whose device is gone counts as the lost remote leg); the volume VG's only PV is the md
// device; a backstore serves the device the pair puts under it; a target's LUNs are only the
// pair's backstore. Internal to core/plan: teardown, repair, grow and the stages use them.

#include "plan/PairIntent.h"

namespace nr1 {

/// The pair's md array on the Primary: nothing when it is not there or its members are the pair's.
QString foreignArray(const PairState& state, const PairIntent& intent);
/// The volume VG on the Primary: nothing when it is not there or its only PV is the pair's md
/// device; also speaks when the md device is a PV of another VG.
QString foreignVolumeGroup(const PairState& state, const PairIntent& intent);
/// The backstore `backstorePath` on `role`: nothing when it is not there or serves `device`.
QString foreignBackstore(const PairState& state, NodeRole role, const QString& backstorePath,
                         const QString& device);
/// The target `iqn` on `role`: nothing when it is not there or its LUNs are only `backstorePath`.
QString foreignTarget(const PairState& state, NodeRole role, const QString& iqn,
                      const QString& backstorePath);

} // namespace nr1
