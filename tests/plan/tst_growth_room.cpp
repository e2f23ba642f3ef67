// GrowthRoom on live probe captures of the testbed: every layer's size today, the room both
// nodes leave, and the sizes a grow by some amount or by "as much as possible" projects, with
// the target planGrow uses for the same growth.

#include "PairFixtures.h"
#include "plan/GrowthRoom.h"
#include "plan/Planners.h"

#include <QtTest>

using namespace nr1;

namespace {

constexpr qint64 MiB = qint64(1) << 20;

} // namespace

class TestGrowthRoom : public QObject {
    Q_OBJECT
private slots:
    void sizesOfTheCreatedPair() {
        const PairIntent intent = testbedIntent();
        const GrowthRoom room =
            GrowthRoom::of(probedPair(QStringLiteral("created"), intent), intent);
        QVERIFY(room.knowsElements());
        const LayerSizes& now = room.now();
        QCOMPARE(now.primaryElement, 1024 * MiB);
        QCOMPARE(now.secondaryElement, 1024 * MiB);
        QCOMPARE(now.primaryGive, 1016 * MiB);
        QCOMPARE(now.secondaryGive, 1016 * MiB);
        // component_size 1046528 KiB: md's superblock and bitmap take 2 MiB of the element.
        QCOMPARE(now.array, 1022 * MiB);
        QCOMPARE(now.physicalVolume, 1020 * MiB);
        QCOMPARE(now.volumeGroupSize, 1020 * MiB);
        QCOMPARE(now.volumeGroupFree, qint64(0));
        QCOMPARE(now.volume, 1020 * MiB);
        // A block backstore: the LUN is the LV.
        QCOMPARE(now.lun, 1020 * MiB);
        QCOMPARE(room.extentBytes(), 4 * MiB);
        QCOMPARE(room.currentElementBytes(), 1024 * MiB);
        QCOMPARE(room.maxGrowthBytes(), 1016 * MiB);
    }

    void growBy256MiBProjectsEveryLayer() {
        const PairIntent intent = testbedIntent();
        const GrowthRoom room =
            GrowthRoom::of(probedPair(QStringLiteral("created"), intent), intent);
        const SizeRequest growth = SizeRequest::ofBytes(256 * MiB);
        QVERIFY(room.fits(growth));
        QCOMPARE(room.targetFor(growth), 1280 * MiB);
        const LayerSizes after = room.after(growth);
        QCOMPARE(after.primaryElement, 1280 * MiB);
        QCOMPARE(after.secondaryElement, 1280 * MiB);
        QCOMPARE(after.primaryGive, 760 * MiB);
        QCOMPARE(after.secondaryGive, 760 * MiB);
        QCOMPARE(after.array, 1278 * MiB);
        QCOMPARE(after.physicalVolume, 1276 * MiB);
        QCOMPARE(after.volumeGroupSize, 1276 * MiB);
        QCOMPARE(after.volumeGroupFree, qint64(0));
        QCOMPARE(after.volume, 1276 * MiB);
        QCOMPARE(after.lun, 1276 * MiB);
    }

    void asMuchAsPossibleTakesAllBothNodesGive() {
        const PairIntent intent = testbedIntent();
        const GrowthRoom room =
            GrowthRoom::of(probedPair(QStringLiteral("created"), intent), intent);
        const LayerSizes after = room.after(SizeRequest::maximum());
        QCOMPARE(after.primaryElement, 2040 * MiB);
        QCOMPARE(after.secondaryElement, 2040 * MiB);
        QCOMPARE(after.primaryGive, qint64(0));
        QCOMPARE(after.array, 2038 * MiB);
        QCOMPARE(after.volume, 2036 * MiB);
    }

    void growthIsRoundedToWholeExtents() {
        const PairIntent intent = testbedIntent();
        const GrowthRoom room =
            GrowthRoom::of(probedPair(QStringLiteral("created"), intent), intent);
        const SizeRequest growth = SizeRequest::ofBytes(1 * MiB);
        QCOMPARE(room.targetFor(growth), 1028 * MiB);
        const LayerSizes after = room.after(growth);
        QCOMPARE(after.array, 1026 * MiB);
        QCOMPARE(after.physicalVolume, 1024 * MiB);
        QCOMPARE(after.volume, 1024 * MiB);
    }

    void tooMuchDoesNotFitAndProjectsNothing() {
        const PairIntent intent = testbedIntent();
        const GrowthRoom room =
            GrowthRoom::of(probedPair(QStringLiteral("created"), intent), intent);
        const SizeRequest growth = SizeRequest::ofBytes(2048 * MiB);
        QVERIFY(!room.fits(growth));
        QCOMPARE(room.after(growth), room.now());
    }

    void theNodeWithLessFreeSpaceLimitsTheGrowth() {
        const PairIntent intent = testbedIntent();
        PairState state = probedPair(QStringLiteral("created"), intent);
        for (VolumeGroup& vg : state.secondary.lvm.vgs)
            vg.freeBytes = 100 * MiB;
        const GrowthRoom room = GrowthRoom::of(state, intent);
        QCOMPARE(room.maxGrowthBytes(), 100 * MiB);
        QVERIFY(room.fits(SizeRequest::ofBytes(100 * MiB)));
        QVERIFY(!room.fits(SizeRequest::ofBytes(101 * MiB)));
    }

    void targetIsTheOnePlanGrowUses() {
        const PairIntent intent = testbedIntent();
        const PairState state = probedPair(QStringLiteral("created"), intent);
        const GrowthRoom room = GrowthRoom::of(state, intent);
        for (const SizeRequest& growth :
             {SizeRequest::ofBytes(1), SizeRequest::ofBytes(256 * MiB),
              SizeRequest::ofBytes(1000 * MiB + 5), SizeRequest::maximum()}) {
            const PlanResult result = planGrow(state, intent, growth);
            QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
            QCOMPARE(commandRows(result.value()).first(),
                     QStringLiteral("secondary: lvextend -L %1 LIO-NR1-Elements/NR1-Remote-Element")
                         .arg(lvmSizeArgument(room.targetFor(growth))));
        }
    }

    void aFileioBackstoreReportsItsOwnSize() {
        PairIntent intent = testbedIntent();
        PairState state = probedPair(QStringLiteral("created"), intent);
        for (StorageObject& object : state.primary.lio.storageObjects)
            if (object.configPath() == intent.frontEndExport.backstorePath()) {
                object.plugin = QStringLiteral("fileio");
                object.sizeBytes = 1000 * MiB;
            }
        intent.frontEndExport.kind = BackstoreKind::FileIo;
        const GrowthRoom room = GrowthRoom::of(state, intent);
        QCOMPARE(room.now().lun, 1000 * MiB);
        QCOMPARE(room.after(SizeRequest::ofBytes(256 * MiB)).lun, 1276 * MiB);
    }

    void blankNodesHaveNoLayers() {
        const PairIntent intent = testbedIntent();
        const GrowthRoom room = GrowthRoom::of(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(!room.knowsElements());
        QVERIFY(!room.now().primaryElement && !room.now().array && !room.now().volume);
        QVERIFY(!room.now().lun);
        QCOMPARE(room.maxGrowthBytes(), qint64(0));
        QVERIFY(!room.fits(SizeRequest::maximum()));
    }
};

QTEST_MAIN(TestGrowthRoom)
#include "tst_growth_room.moc"
