#pragma once
// Contract: the ONE way C++ gets the text of a node-side script. Every POSIX sh script nr1 runs
// on a node (as `sh -c TEXT sh ARG1 ARG2…`) is a file core/scripts/NAME.sh, embedded into nr1core
// at build time (cmake/EmbedNodeScripts.cmake; no file is read at run time). nodeScript() gives
// the file's body: the file without its "#!/bin/sh" line and the comment header under it (what
// the script does, its arguments, its exit codes), a one-line body without its line end. So
// `sh core/scripts/NAME.sh ARGS` runs on a node exactly what nr1 runs there, with the same $1….
// scripts/check-node-scripts shellchecks every file and checks that each has a NodeScript here.

#include <QStringList>
#include <optional>

namespace nr1 {

enum class NodeScript {
    Probe,             ///< probe.sh: the full node probe (ProbeScript)
    Watch,             ///< watch.sh: the monitor's cheap probe (ProbeScript)
    LockTake,          ///< lock-take.sh: take the pair lock (PairLock)
    LockRelease,       ///< lock-release.sh: give it back
    LockShow,          ///< lock-show.sh: who holds it
    LockBreak,         ///< lock-break.sh: break it
    LockBreakStale,    ///< lock-break-stale.sh: break it if its holder is the one given
    WaitSessionLogin,  ///< wait-session-login.sh: wait until iscsid logged in again
    WaitBlockDevice,   ///< wait-block-device.sh: wait for the imported element to appear
    WaitGrownElement,  ///< wait-grown-element.sh: wait until it shows its new size
    VerifyArray,       ///< verify-array.sh: the new array has its bitmap, remote write-mostly
    MdGrowWhole,       ///< md-grow-whole.sh: mdadm --grow --size=max if still whole and idle
    MdRepairRegion,    ///< md-repair-region.sh: repair a region, fail unless md says done
    MdWholeIdle,       ///< md-whole-idle.sh: an array runs whole and idle (switchover)
    MdWriteMostly,     ///< md-write-mostly.sh: move write-mostly from one leg to the other
    MdLegCheck,        ///< md-leg-check.sh: a takeover's leg is the pair's and whole
    MdAddLeg,          ///< md-add-leg.sh: a returning leg back, re-added or resynced whole
    MdStartBothLegs,   ///< md-start-both-legs.sh: an array waiting for its leg starts with it
    IscsiForget,       ///< iscsi-forget.sh: log out of a target and delete its node record
    IscsiRecordDrop,   ///< iscsi-record-drop.sh: a target's unreadable (empty) records removed
    MdadmArrayLineAdd, ///< mdadm-array-line-add.sh: the array's ARRAY line into mdadm.conf
    MdadmIgnoreAdd,    ///< mdadm-ignore-add.sh: the element's ARRAY <ignore> rule, once
    MdadmIgnoreRemove, ///< mdadm-ignore-remove.sh: its undo
    MdadmIgnoreDrop,   ///< mdadm-ignore-drop.sh: the same at teardown, if there is one
    LioRestoreDropin,  ///< lio-restore-dropin.sh: LIO's restore at boot waits for a device
    LioAclChap,        ///< lio-acl-chap.sh: an ACL's CHAP credentials, read from stdin
    RemoveUnitFile,    ///< remove-unit-file.sh: remove a unit file, reload systemd
    WriteFile,         ///< write-file.sh: write one line to a file
    ReplaceFile,       ///< replace-file.sh: replace a record file with one line, atomically
    FileDropNul,       ///< file-drop-nul.sh: the NUL bytes a lost write left, out of a file
    BootGate,          ///< boot-gate.sh: installed on nodes, activates the volume at boot
    BootGateInstall,   ///< boot-gate-install.sh: installs, puts back or removes a pair's gate
    FrontAddress,      ///< front-address.sh: the floating front-end address up or down
    StopStep,          ///< stop-step.sh: stop the remote commands of given tags (ChannelPool)
    // (StopStep stays last: nodeScript() and nodeScriptOf() look at every script up to it.)
};

/// The script's file name in core/scripts ("probe.sh").
QString nodeScriptFileName(NodeScript script);
/// The script's embedded body, byte for byte as nr1 passes it to `sh -c`.
QString nodeScript(NodeScript script);
/// `sh -c BODY sh ARGUMENTS…`: the argv that runs the script on a node with $1… = arguments.
QStringList nodeScriptArgv(NodeScript script, const QStringList& arguments);
/// The node script `argv` runs when it is nodeScriptArgv()'s form with a script's exact body,
/// else nullopt (views show such a command as `sh NAME ARGS…`, the body on demand).
std::optional<NodeScript> nodeScriptOf(const QStringList& argv);
/// The node script whose body is exactly `text` (an argument that installs one on a node).
std::optional<NodeScript> nodeScriptWithBody(const QString& text);

} // namespace nr1
