#pragma once
// Contract: `nr1ctl exec [OPTIONS] NODE -- ARGV…`: runs one command on a node exactly the way nr1
// runs its own (one SSH connection, argv quoted once, LC_ALL=C, sudo -n for non-root), copies
// its stdout and stderr, and exits with the remote exit code (255: could not connect or trust;
// 124: timed out; 64: bad usage).

#include <QStringList>

namespace nr1::ctl {

int runExecCommand(const QStringList& arguments);
QString execCommandHelp();

} // namespace nr1::ctl
