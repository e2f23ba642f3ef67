#pragma once
// Contract: parses the probe's "lun-identities" section, the /etc/nr1/*.identity files of a node
// one after the other (each one JSON line, as LunIdentity::toJson writes it), into their
// LunIdentities. A line that is not such a record is left out with a warning naming the line
// and why: one damaged file never hides the others nor fails the probe.

#include "base/ParseResult.h"
#include "model/LunIdentity.h"

#include <vector>

namespace nr1 {

ParseResult<std::vector<LunIdentity>> parseLunIdentities(QStringView text);

} // namespace nr1
