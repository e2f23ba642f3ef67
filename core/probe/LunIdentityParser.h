#pragma once
// Contract: parses the probe's "lun-identities" section, the /etc/nr1/*.identity files of a node
// one after the other (each one JSON line, as LunIdentity::toJson writes it), into their
// LunIdentities. A line that is not such a record is left out with a warning naming the line
// and why: one damaged file never hides the others nor fails the probe. lunIdentityFromJson
// reads one record: it refuses one without pair, serial or target, or with a field of the wrong
// type; lunIdentityFromJson(identity.toJson()) == identity.

#include "base/ParseResult.h"
#include "base/Result.h"
#include "model/LunIdentity.h"

#include <vector>

namespace nr1 {

ParseResult<std::vector<LunIdentity>> parseLunIdentities(QStringView text);
Result<LunIdentity> lunIdentityFromJson(const QJsonObject& object);

} // namespace nr1
