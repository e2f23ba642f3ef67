#include "model/Lvm.h"

#include <algorithm>

namespace nr1 {

namespace {
template <typename T, typename Pred> const T* findIn(const std::vector<T>& items, Pred pred) {
    const auto it = std::find_if(items.begin(), items.end(), pred);
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const VolumeGroup* LvmReport::findVg(const QString& name) const {
    return findIn(vgs, [&](const VolumeGroup& vg) { return vg.name == name; });
}

const LogicalVolume* LvmReport::findLv(const QString& vg, const QString& name) const {
    return findIn(lvs, [&](const LogicalVolume& lv) { return lv.vgName == vg && lv.name == name; });
}

const PhysicalVolume* LvmReport::findPv(const QString& device) const {
    return findIn(pvs, [&](const PhysicalVolume& pv) { return pv.name == device; });
}

} // namespace nr1
