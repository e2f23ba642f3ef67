#include "model/Pair.h"

namespace nr1 {

QString ReplicationLink::byPathLink() const {
    return QStringLiteral("/dev/disk/by-path/ip-%1-iscsi-%2-lun-%3")
        .arg(portal.hostPort(), targetIqn)
        .arg(lun);
}

} // namespace nr1
