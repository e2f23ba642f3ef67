#include "model/NodeState.h"

namespace nr1 {

const BlockDevice* NodeState::findBlockDevice(const QString& kernelName) const {
    for (const BlockDevice& device : blockDevices)
        if (device.name == kernelName)
            return &device;
    return nullptr;
}

} // namespace nr1
