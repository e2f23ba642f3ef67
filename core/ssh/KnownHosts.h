#pragma once
// Contract: reads an OpenSSH known_hosts file to find the entries for one host, with their line
// numbers, key types and SHA256 fingerprints (as `ssh-keygen -lf` prints them). Hashed host
// names (|1|salt|hash) are matched. Used to tell the operator exactly which line holds the old
// key when a host key changed. It never writes the file.

#include "transport/OperatorDelegate.h"

#include <QString>
#include <vector>

namespace nr1 {

/// The name known_hosts uses for a host: "host" for port 22, "[host]:port" otherwise.
QString knownHostsName(const QString& host, int port);

/// Entries of `file` for `name` (a knownHostsName); none when the file is missing.
std::vector<KnownHostEntry> findKnownHostEntries(const QString& file, const QString& name);

/// SHA256 fingerprint of a public key blob given in base64, as OpenSSH prints it.
QString sha256Fingerprint(const QByteArray& base64KeyBlob);

} // namespace nr1
