#pragma once
// Contract: the options that shape a pair's intent on the nr1ctl command line (names of every
// layer, disks, sizes, replication and export settings), applied on top of the defaults the
// inventory gives (defaultIntent). Unknown options are left in the argument list for the
// caller; malformed values are an error text.

#include "plan/PairIntent.h"

#include <QStringList>

namespace nr1::ctl {

/// Takes the intent options out of `arguments` and applies them to `intent`; returns an error
/// text, or empty.
QString takeIntentOptions(QStringList& arguments, PairIntent& intent);
QString intentOptionsHelp();

/// Takes "--NAME VALUE" out of `arguments`; false with `error` set when VALUE is missing.
bool takeValue(QStringList& arguments, const QString& name, QString& value, QString& error);
bool takeFlag(QStringList& arguments, const QString& name);

} // namespace nr1::ctl
