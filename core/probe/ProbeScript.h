#pragma once
// Contract: how nr1 learns a node's whole state in one round trip. nodeProbeCommand() is one
// `sh -c SCRIPT` (core/scripts/probe.sh, through base/NodeScript.h) that runs every read-only
// command nr1 parses (mdstat, md sysfs, LVM reports, lsblk, disk links, signatures of disks and
// partitions, live and saved LIO configuration, iSCSI sessions and node records, initiator name,
// mdadm.conf, which tools exist, the node's clock, when mdadm.conf and the boot image changed)
// and frames each one's stdout between marker lines with its exit
// status. LIO's CHAP passwords come only as digests (model/Lio.h: chapSecretDigest).
// parseNodeProbe() is the pure function from that output to a NodeState: each section goes to its
// own parser; a section missing, or failing in a way its tool does not use for "nothing there", is
// an error naming the section, so a plan is never made from a half-read node.
//
// ProbeScope::Watch is the monitor's cheap probe (core/scripts/watch.sh): only what moves while an
// array syncs, a leg fails or the service moves (hostname, mdstat, md sysfs, iSCSI sessions, IPv4
// addresses), parsed into a NodeState whose other fields stay empty; overlayWatchedFacts() lays it
// over the last full probe.

#include "base/ParseResult.h"
#include "model/NodeState.h"
#include "transport/Command.h"

namespace nr1 {

enum class ProbeScope { Full, Watch };

Command nodeProbeCommand(ProbeScope scope = ProbeScope::Full);
ParseResult<NodeState> parseNodeProbe(QStringView output, ProbeScope scope = ProbeScope::Full);
/// The verbatim output of one section of a probe's output ("mdstat"); empty when absent.
QString probeSectionText(QStringView output, const QString& name);
/// `full` with the facts a Watch probe reads replaced by those of `watched`.
NodeState overlayWatchedFacts(NodeState full, const NodeState& watched);

} // namespace nr1
