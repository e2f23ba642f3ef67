#pragma once
// Contract: parsers for open-iscsi's outputs on a node:
// - `iscsiadm -m session -P 3` (and -P 1/2: the same layout with fewer sections) into
//   IscsiSessions with their attached disks; CHAP values are never kept;
// - `iscsiadm -m session` (one "tcp: [SID] PORTAL,TPGT IQN (non-flash)" line per session);
// - `iscsiadm -m discovery -t st -p IP` ("PORTAL,TPGT IQN" lines) into DiscoveryRecords;
// - `iscsiadm -m node -o show` ("# BEGIN RECORD" … "# END RECORD" blocks of "key = value")
//   into IscsiNodeRecords (name, portal, startup, replacement timeout; other keys ignored);
// - /etc/iscsi/initiatorname.iscsi into an InitiatorName.
// parseIscsiSessions accepts both session forms (decided by the first line).

#include "base/ParseResult.h"
#include "model/Iscsi.h"

#include <optional>
#include <vector>

namespace nr1 {

ParseResult<std::vector<IscsiSession>> parseIscsiSessions(QStringView text);
ParseResult<std::vector<DiscoveryRecord>> parseIscsiDiscovery(QStringView text);
ParseResult<InitiatorName> parseInitiatorName(QStringView text);
ParseResult<std::vector<IscsiNodeRecord>> parseIscsiNodeRecords(QStringView text);

/// "10.99.0.2:3260,1", "[fe80::1]:3260,1", "host:3260" → IscsiPortal.
std::optional<IscsiPortal> parseIscsiPortal(QStringView text);

} // namespace nr1
