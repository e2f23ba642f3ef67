#pragma once
// Contract: `nr1ctl parse KIND [FILE|-]`: reads a node's output, prints its model as JSON on
// stdout and returns 0; or prints the error on stderr and returns 2. Warnings about skipped
// lines go to stderr and do not change the exit code.

#include <QStringList>

namespace nr1::ctl {

int runParseCommand(const QStringList& arguments);
QString parseCommandHelp();

} // namespace nr1::ctl
