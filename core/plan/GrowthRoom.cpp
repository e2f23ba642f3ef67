#include "plan/GrowthRoom.h"

#include <algorithm>

namespace nr1 {

namespace {

constexpr qint64 kDefaultExtent = qint64(4) << 20;

} // namespace

GrowthRoom GrowthRoom::of(const PairState& state, const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    GrowthRoom room;
    LayerSizes& now = room.m_now;
    const LvmReport& primaryLvm = state.primary.lvm;
    const LvmReport& secondaryLvm = state.secondary.lvm;
    const LogicalVolume* local =
        primaryLvm.findLv(layout.primaryElement.vg, layout.primaryElement.lv);
    const LogicalVolume* remote =
        secondaryLvm.findLv(layout.secondaryElement.vg, layout.secondaryElement.lv);
    const VolumeGroup* localVg = primaryLvm.findVg(layout.primaryElement.vg);
    const VolumeGroup* remoteVg = secondaryLvm.findVg(layout.secondaryElement.vg);
    if (local)
        now.primaryElement = local->sizeBytes;
    if (remote)
        now.secondaryElement = remote->sizeBytes;
    if (localVg)
        now.primaryGive = localVg->freeBytes;
    if (remoteVg)
        now.secondaryGive = remoteVg->freeBytes;
    room.m_knowsElements = localVg && remoteVg && now.primaryElement && now.secondaryElement;
    room.m_extentBytes =
        std::max(localVg ? localVg->extentSizeBytes.value_or(kDefaultExtent) : kDefaultExtent,
                 remoteVg ? remoteVg->extentSizeBytes.value_or(kDefaultExtent) : kDefaultExtent);

    const QString md = intent.mdDeviceName();
    if (const MdSysfs* sysfs = state.primary.findMdSysfs(md); sysfs && sysfs->componentSizeKiB)
        now.array = *sysfs->componentSizeKiB * 1024;
    else if (const MdstatArray* array = state.primary.mdstat.find(md); array && array->blocksKiB)
        now.array = *array->blocksKiB * 1024;

    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    if (const PhysicalVolume* pv = primaryLvm.findPv(layout.mdDevice))
        now.physicalVolume = pv->sizeBytes;
    if (const VolumeGroup* volumeVg = primaryLvm.findVg(frontEnd.volume.vg)) {
        now.volumeGroupSize = volumeVg->sizeBytes;
        now.volumeGroupFree = volumeVg->freeBytes;
        room.m_volumeExtentBytes = volumeVg->extentSizeBytes.value_or(kDefaultExtent);
    }
    if (const LogicalVolume* volume = primaryLvm.findLv(frontEnd.volume.vg, frontEnd.volume.lv))
        now.volume = volume->sizeBytes;
    // A block backstore has the size of its device; LIO reports a size only for fileio.
    if (const StorageObject* backstore =
            state.primary.lio.findStorageObject(intent.frontEndExport.backstorePath()))
        now.lun = backstore->sizeBytes ? backstore->sizeBytes : now.volume;
    return room;
}

qint64 GrowthRoom::currentElementBytes() const {
    return std::max(m_now.primaryElement.value_or(0), m_now.secondaryElement.value_or(0));
}

qint64 GrowthRoom::primaryRoomBytes() const {
    return m_now.primaryElement.value_or(0) + m_now.primaryGive.value_or(0);
}

qint64 GrowthRoom::secondaryRoomBytes() const {
    return m_now.secondaryElement.value_or(0) + m_now.secondaryGive.value_or(0);
}

qint64 GrowthRoom::targetFor(const SizeRequest& growth) const {
    if (!m_knowsElements)
        return currentElementBytes();
    return growth.max ? roundDown(std::min(primaryRoomBytes(), secondaryRoomBytes()), m_extentBytes)
                      : currentElementBytes() + roundUp(growth.bytes, m_extentBytes);
}

qint64 GrowthRoom::maxGrowthBytes() const {
    return std::max<qint64>(0, targetFor(SizeRequest::maximum()) - currentElementBytes());
}

bool GrowthRoom::fits(const SizeRequest& growth) const {
    const qint64 target = targetFor(growth);
    return m_knowsElements && target > currentElementBytes() && target <= primaryRoomBytes() &&
           target <= secondaryRoomBytes();
}

LayerSizes GrowthRoom::after(const SizeRequest& growth) const {
    if (!fits(growth))
        return m_now;
    const qint64 target = targetFor(growth);
    LayerSizes after = m_now;
    after.primaryElement = target;
    after.secondaryElement = target;
    after.primaryGive = m_now.primaryGive.value_or(0) - (target - *m_now.primaryElement);
    after.secondaryGive = m_now.secondaryGive.value_or(0) - (target - *m_now.secondaryElement);
    if (!m_now.array)
        return after;
    // md keeps its metadata and bitmap: the array stays as far below the smaller element.
    const qint64 arrayOverhead =
        std::min(*m_now.primaryElement, *m_now.secondaryElement) - *m_now.array;
    after.array = target - arrayOverhead;
    if (!m_now.physicalVolume)
        return after;
    // pvresize adds the whole extents of the volume VG that fit in what md added.
    const qint64 newPvBytes = roundDown(*after.array - *m_now.array, m_volumeExtentBytes);
    after.physicalVolume = *m_now.physicalVolume + newPvBytes;
    if (m_now.volumeGroupSize)
        after.volumeGroupSize = *m_now.volumeGroupSize + newPvBytes;
    // lvextend -l +100%FREE: the volume takes what was free and everything the PV added.
    if (m_now.volume)
        after.volume = *m_now.volume + m_now.volumeGroupFree.value_or(0) + newPvBytes;
    if (m_now.volumeGroupFree)
        after.volumeGroupFree = 0;
    if (m_now.lun)
        after.lun = after.volume;
    return after;
}

} // namespace nr1
