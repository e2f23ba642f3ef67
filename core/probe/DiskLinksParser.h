#pragma once
// Contract: parses the /dev/disk/by-* links as
// `find /dev/disk/by-path /dev/disk/by-id -type l -printf '%p\t%l\n'` prints them
// (link path, TAB, link target such as "../../sda") into DiskLinks naming the kernel device.

#include "base/ParseResult.h"
#include "model/BlockDevice.h"

#include <vector>

namespace nr1 {

ParseResult<std::vector<DiskLink>> parseDiskLinks(QStringView text);

/// Adds each link to its device's byPath/byId list.
void attachDiskLinks(std::vector<BlockDevice>& devices, const std::vector<DiskLink>& links);

} // namespace nr1
