#pragma once
// Contract: parses `lsblk --json` (any set of columns; nr1 asks for NAME,KNAME,PATH,TYPE,SIZE,
// RO,RM,WWN,SERIAL,VENDOR,MODEL,TRAN,FSTYPE,UUID,LABEL,PTTYPE,MOUNTPOINTS,PKNAME with --bytes)
// into a flat list of BlockDevices, one per kernel name, in tree order. The tree's children
// become holders, their parents `parents`; a device listed under several parents (an LV on two
// PVs) is one device with several parents. Values may be strings or numbers (util-linux
// versions differ); padded vendor/model strings are trimmed.

#include "base/ParseResult.h"
#include "model/BlockDevice.h"

#include <vector>

namespace nr1 {

ParseResult<std::vector<BlockDevice>> parseLsblk(QStringView text);

} // namespace nr1
