#pragma once
// Contract: where a runner's connection to its node stands, for windows that show it (the
// inventory dock, the pair editor's connection test). Transports report it; nothing else.

#include <QMetaType>

namespace nr1 {

enum class ConnectionState {
    Disconnected,
    Connecting,
    AwaitingTrust, ///< an unknown host key waits for the operator's answer
    Authenticating,
    AwaitingSecret, ///< a key passphrase or a password waits for the operator
    Ready,
    BackingOff, ///< after a failure, waiting before the next attempt
};

} // namespace nr1

Q_DECLARE_METATYPE(nr1::ConnectionState)
