#pragma once
// Contract: everything nr1 knows about one storage node at one moment, as one value. Two
// NodeStates compare equal exactly when every probed fact is the same, which is how the monitor
// tells "nothing changed" from "re-emit".

#include "model/BlockDevice.h"
#include "model/Iscsi.h"
#include "model/Lio.h"
#include "model/Lvm.h"
#include "model/Md.h"

#include <QString>
#include <vector>

namespace nr1 {

struct NodeState {
    QString hostname;
    std::vector<BlockDevice> blockDevices;
    Mdstat mdstat;
    std::vector<MdSysfs> mdSysfs; ///< one per array in mdstat
    LvmReport lvm;
    LioConfig lio;
    std::vector<IscsiSession> sessions;
    InitiatorName initiatorName;
    bool operator==(const NodeState&) const = default;

    const BlockDevice* findBlockDevice(const QString& kernelName) const;
};

} // namespace nr1
