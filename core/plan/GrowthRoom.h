#pragma once
// Contract: how large every layer of a pair is today and how much it can grow, read from the
// probed state with the intent's names; a pure function, no I/O. Sizes are bytes; a layer that
// does not exist (or whose size was not reported) is nullopt. The growth arithmetic is the one
// planGrow uses (one mechanism): both elements end at the larger of the two today plus the
// growth rounded up to the larger extent of the two element VGs, or for "as much as possible"
// at the smaller of (element + VG free) of both nodes rounded down to that extent. after()
// projects every layer's size once a grow ran, keeping today's overheads: md's metadata and
// bitmap (element − array), the PV's metadata (array − PV), whole extents of the volume VG.
// The projection is an estimate for the administrator; only planGrow decides what runs.

#include "base/Sizes.h"
#include "model/Pair.h"
#include "plan/PairIntent.h"

#include <optional>

namespace nr1 {

/// Every layer's size, bottom to top.
struct LayerSizes {
    std::optional<qint64> primaryElement;   ///< the Primary's element LV
    std::optional<qint64> secondaryElement; ///< the Secondary's element LV
    std::optional<qint64> primaryGive;      ///< free in the Primary's element VG
    std::optional<qint64> secondaryGive;    ///< free in the Secondary's element VG
    std::optional<qint64> array;            ///< md's component size (= the RAID1's size)
    std::optional<qint64> physicalVolume;   ///< the PV on the md device (its usable size)
    std::optional<qint64> volumeGroupSize;  ///< the volume's VG
    std::optional<qint64> volumeGroupFree;
    std::optional<qint64> volume; ///< the exported LV
    std::optional<qint64> lun;    ///< the LIO backstore's size where LIO reports one, else the LV
    bool operator==(const LayerSizes&) const = default;
};

class GrowthRoom {
public:
    /// Reads the sizes of every layer of `state` named by `intent`.
    static GrowthRoom of(const PairState& state, const PairIntent& intent);

    const LayerSizes& now() const { return m_now; }
    /// Both elements and their VGs exist: the growth arithmetic below is meaningful.
    bool knowsElements() const { return m_knowsElements; }
    /// The larger extent of the two element VGs (4 MiB where a VG does not report one).
    qint64 extentBytes() const { return m_extentBytes; }
    /// The larger of the two elements today: both end at this plus the growth.
    qint64 currentElementBytes() const;
    /// The largest each element can become on its node: its size plus its VG's free space.
    qint64 primaryRoomBytes() const;
    qint64 secondaryRoomBytes() const;
    /// The size both elements get for `growth` (planGrow's target); for max, the largest size
    /// both nodes allow. Not larger than today's elements when there is no room.
    qint64 targetFor(const SizeRequest& growth) const;
    /// The largest growth both nodes allow (0 when there is none).
    qint64 maxGrowthBytes() const;
    /// True when `growth` fits on both nodes and grows the elements.
    bool fits(const SizeRequest& growth) const;
    /// Every layer's size after a grow by `growth`; today's sizes when it would not grow.
    LayerSizes after(const SizeRequest& growth) const;

private:
    LayerSizes m_now;
    qint64 m_extentBytes = 4 << 20;
    qint64 m_volumeExtentBytes = 4 << 20;
    bool m_knowsElements = false;
};

} // namespace nr1
