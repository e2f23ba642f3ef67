#pragma once
// Contract: parses the JSON of `pvs`/`vgs`/`lvs`/`lvm fullreport --reportformat json` (or
// json_std) into an LvmReport. Values may be strings (2.03.16) or numbers (json_std); sizes may
// be bytes (`--units b --nosuffix`, which nr1 asks for) or LVM's rounded units. Several rows of
// one LV (one per segment, with `-o +devices`) are merged into one LV listing every device.
// A "log" section (lvm2 ≥ 2.03.26 or log/report_command_log) is kept; error entries in it are
// kept too, so callers can show them. A report of another kind ("seg", "pvseg") is a warning.

#include "base/ParseResult.h"
#include "model/Lvm.h"

namespace nr1 {

ParseResult<LvmReport> parseLvmReport(QStringView text);

} // namespace nr1
