#pragma once
// Contract: parses md sysfs attributes. The dump form is what `grep -r -H . /sys/block/mdX/md`
// prints: one "PATH:VALUE" line per attribute, any number of arrays. The attributes nr1 uses
// (array_state, level, sync_action, sync_completed, sync_speed, degraded, component_size,
// mismatch_cnt, raid_disks, dev-*/state, dev-*/slot) are parsed and checked; other attributes
// of md are accepted and not modelled; lines not of that form are warnings.
// The single-attribute functions serve callers that read one file.

#include "base/ParseResult.h"
#include "model/Md.h"

#include <optional>
#include <vector>

namespace nr1 {

ParseResult<std::vector<MdSysfs>> parseMdSysfsDump(QStringView text);

std::optional<MdSyncAction> parseSyncAction(QStringView value);
std::optional<MdSyncCompleted> parseSyncCompleted(QStringView value);
/// "none" → a value of nullopt inside; malformed → nullopt outside.
std::optional<std::optional<qint64>> parseSyncSpeed(QStringView value);

} // namespace nr1
