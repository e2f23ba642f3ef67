#pragma once
// Contract: validation of every name nr1 puts on a node, before any plan is made and when the
// inventory is read (one implementation for both, so it sits below them). Each function
// returns an empty string when the name is valid, else a sentence saying what is wrong
// (formats.md §4, §5: LVM names, LIO IQNs; md device names; LIO object names; IP addresses).
// Every check matches the whole text: a name ending in "\n" or holding a control byte is
// refused. Valid names still reach the node only through the runner's quoting.

#include <QRegularExpression>
#include <QString>

namespace nr1 {

/// A regular expression that matches only the whole text: \A(?:pattern)\z. Qt's '^…$' also
/// matches "name\n" ('$' matches before a final line end), so every check of a name or a
/// value typed by a person is built with this.
QRegularExpression exactPattern(const QString& pattern);

QString checkVgName(const QString& name);
QString checkLvName(const QString& name);
/// An iSCSI qualified name nr1 can create or put in an ACL: "iqn.YYYY-MM.reversed.domain[:x]"
/// in lower case (targetcli lower-cases IQNs, so an upper-case one would never match again),
/// or "eui." with 16 hex digits.
QString checkIqn(const QString& name, const QString& what);
/// "md0" … "md127": nr1 names arrays by kernel name so sysfs paths are known before creation.
QString checkMdName(const QString& name);
/// A LIO backstore name: letters, digits, '-', '_', '.'; 1–64 characters.
QString checkBackstoreName(const QString& name);
/// A LUN's unit serial (LIO's vpd_unit_serial, SCSI VPD page 0x80): letters, digits, '-', '.',
/// ':', '_', 1–80 characters, starting with a letter or digit (a UUID is one).
const QRegularExpression& unitSerialPattern();
QString checkUnitSerial(const QString& serial);
/// True for an IPv4 address in dotted decimal ("192.0.2.10"; no leading zeros).
bool isIpv4Address(const QString& text);
/// An IPv4 or IPv6 address (no host names: portals bind to addresses).
QString checkIpAddress(const QString& address, const QString& what);
/// A CHAP user name or secret: printable ASCII without spaces; secrets 12–255 characters.
QString checkChapValue(const QString& value, const QString& what, bool secret);

} // namespace nr1
