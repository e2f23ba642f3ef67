#pragma once
// Contract: the pair as an administrator reads it, derived from the probed state and the
// layout's names: both elements, the replication session, the md array with each member's
// role (local or remote element) and flags and any sync progress, the volume and the LUN
// export. Text for terminals and JSON for scripts, from the same values. No I/O.

#include "model/Pair.h"
#include "plan/PairIntent.h"

#include <QJsonObject>

namespace nr1 {

QJsonObject pairStatusJson(const PairState& state, const PairIntent& intent);
QString pairStatusText(const PairState& state, const PairIntent& intent);

} // namespace nr1
