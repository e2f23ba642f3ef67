#pragma once
// Contract: parses the LIO configuration that rtslib-fb saves (targetcli `saveconfig`,
// /etc/rtslib-fb-target/saveconfig.json) into a LioConfig: storage objects (block, fileio with
// size, …), iSCSI targets with TPGs, LUNs, node ACLs with mapped LUNs, portals and CHAP at TPG and
// ACL level, and discovery authentication. A target of another fabric is kept with its TPGs.

#include "base/ParseResult.h"
#include "model/Lio.h"

namespace nr1 {

ParseResult<LioConfig> parseSaveconfig(QStringView text);

} // namespace nr1
