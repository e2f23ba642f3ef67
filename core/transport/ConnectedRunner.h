#pragma once
// Contract: a CommandRunner that keeps a connection to its node and says how it stands, for
// windows that show it (the inventory dock, the pair editor's connection test). SshRunner is
// the one implementation; code above the transport holds runners through this interface and
// never names the SSH layer.

#include "transport/CommandRunner.h"
#include "transport/ConnectionState.h"

#include <QObject>

namespace nr1 {

class ConnectedRunner : public QObject, public CommandRunner {
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    /// On the runner's thread; `detail` says why (an error, the host being asked about).
    void connectionStateChanged(nr1::ConnectionState state, const QString& detail);
};

} // namespace nr1
