#pragma once
// Contract: parses `mdadm --detail --export /dev/mdX` (KEY=value lines) into MdExport. Device
// variables MD_DEVICE_<name>_ROLE / _DEV are grouped per device in the order first seen;
// other MD_* variables are kept in `other`; a line that is not KEY=value is a warning.
// Note: mdadm exports a faulty member's role as "spare"; read sysfs dev-*/state to tell.

#include "base/ParseResult.h"
#include "model/Md.h"

namespace nr1 {

ParseResult<MdExport> parseMdadmExport(QStringView text);

} // namespace nr1
