#pragma once
// Contract: parses `mdadm --examine DEVICE…` for v1.x superblocks (and the labelled fields of
// 0.90 ones) into one MdExamine per "/dev/X:" block. Fields nr1 does not interpret are kept in
// `other`; other lines (the 0.90 device table) are warnings.

#include "base/ParseResult.h"
#include "model/Md.h"

#include <vector>

namespace nr1 {

ParseResult<std::vector<MdExamine>> parseMdadmExamine(QStringView text);

} // namespace nr1
