#pragma once
// Contract: parses the text of /proc/mdstat (Linux md.c md_seq_show) into an Mdstat value.
// Every array, member flag, personality status line, progress line, wait line and bitmap line
// the kernel prints is understood; a line of unknown form inside the file is reported as a
// warning; an unreadable structure (no header, no "unused devices" line, malformed
// progress) is an error naming the line.

#include "base/ParseResult.h"
#include "model/Md.h"

namespace nr1 {

ParseResult<Mdstat> parseMdstat(QStringView text);

/// The text of an MdSyncKind as mdstat prints it ("recovery").
QString mdSyncKindName(MdSyncKind kind);

} // namespace nr1
