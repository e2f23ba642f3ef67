#include "model/Lio.h"

namespace nr1 {

const StorageObject* LioConfig::findStorageObject(const QString& configPath) const {
    for (const StorageObject& object : storageObjects)
        if (object.configPath() == configPath)
            return &object;
    return nullptr;
}

const LioTarget* LioConfig::findTarget(const QString& wwn) const {
    for (const LioTarget& target : targets)
        if (target.wwn == wwn)
            return &target;
    return nullptr;
}

} // namespace nr1
