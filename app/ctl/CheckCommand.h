#pragma once
// Contract: `nr1ctl check`: the pair's health checks (core/health) from one probe of both
// nodes, as a checklist or JSON, with an exit status in the convention of Nagios/Icinga
// plugins (0 ok, 1 warning, 2 failing, 3 unknown), so a monitoring system can run it as is.

#include <QStringList>

namespace nr1::ctl {

int runCheckCommand(const QStringList& arguments);
QString checkCommandHelp();

} // namespace nr1::ctl
