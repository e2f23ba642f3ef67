#pragma once
// Contract: parses a node's IPv4 addresses as `ip -o -4 addr show` prints them (one line per
// address: "2: ens3    inet 10.0.2.15/24 brd … scope global ens3\ …") into a map from
// "ADDR/PREFIX" to the interface that holds it ("ens3"; a "@peer" suffix dropped). A line that
// is not of that form is skipped with a warning.

#include "base/ParseResult.h"

#include <QMap>
#include <QString>

namespace nr1 {

ParseResult<QMap<QString, QString>> parseIpv4Addresses(QStringView text);

} // namespace nr1
