#pragma once
// Contract: parsers for the two tools that report on-disk signatures without changing the disk:
// `wipefs --no-act --json DEVICE…` (every signature with its offset; an empty list when the
// device is blank) and `blkid -p -o export DEVICE…` (KEY=value blocks separated by blank
// lines; TYPE, or PTTYPE for a partition table). Both yield Signatures.

#include "base/ParseResult.h"
#include "model/BlockDevice.h"

#include <vector>

namespace nr1 {

ParseResult<std::vector<Signature>> parseWipefsJson(QStringView text);
ParseResult<std::vector<Signature>> parseBlkidExport(QStringView text);

} // namespace nr1
