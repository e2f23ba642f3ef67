// Tests for the block-device parsers: `lsblk --json`, `wipefs --json`, `blkid -p -o export` and
// the /dev/disk/by-* links. Every expected value below was read from the fixture text (or the
// constructed input next to it), never copied from the parser's output.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "probe/DiskLinksParser.h"
#include "probe/LsblkParser.h"
#include "probe/SignatureParsers.h"

using namespace nr1;

namespace {

const BlockDevice* findDevice(const std::vector<BlockDevice>& devices, const QString& name) {
    for (const BlockDevice& device : devices)
        if (device.name == name)
            return &device;
    return nullptr;
}

QStringList namesOf(const std::vector<BlockDevice>& devices) {
    QStringList names;
    for (const BlockDevice& device : devices)
        names.append(device.name);
    return names;
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

/// One device as lsblk prints it, for the constructed inputs.
QString lsblkOf(const QString& deviceFields) {
    return QStringLiteral("{\n   \"blockdevices\": [\n      {%1}\n   ]\n}\n").arg(deviceFields);
}

BlockDevice deviceWithName(const QString& name) {
    BlockDevice device;
    device.name = name;
    return device;
}

} // namespace

Q_DECLARE_METATYPE(nr1::BlockDevice)

class TestBlockDevices : public QObject {
    Q_OBJECT
private slots:
    // ---- lsblk --json ----------------------------------------------------------------------

    void lsblkHostCaptureOrderAndCount() {
        const auto result =
            parseLsblk(fixture(QStringLiteral("host/lsblk_json_host_loop_virtio.json")));
        VERIFY_OK(result);
        QCOMPARE(
            namesOf(result.value()),
            (QStringList{QStringLiteral("loop0"), QStringLiteral("zram0"), QStringLiteral("vda")}));
        QVERIFY(result.warnings().empty());
    }

    void lsblkHostCapture_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QStringList>("mountpoints");
        QTest::addColumn<bool>("inUse");

        // "mountpoints": [ null ] for the unmounted devices.
        QTest::newRow("loop0") << "loop0"
                               << "/dev/loop0"
                               << "loop" << qint64(67108864) << "" << QStringList{} << false;
        QTest::newRow("zram0 size 0") << "zram0"
                                      << "/dev/zram0"
                                      << "disk" << qint64(0) << "" << QStringList{} << false;
        QTest::newRow("vda mounted on /") << "vda"
                                          << "/dev/vda"
                                          << "disk" << qint64(274877906944) << "0x1af4"
                                          << QStringList{QStringLiteral("/")} << true;
    }

    void lsblkHostCapture() {
        QFETCH(QString, name);
        QFETCH(QString, path);
        QFETCH(QString, type);
        QFETCH(qint64, size);
        QFETCH(QString, vendor);
        QFETCH(QStringList, mountpoints);
        QFETCH(bool, inUse);

        const auto result =
            parseLsblk(fixture(QStringLiteral("host/lsblk_json_host_loop_virtio.json")));
        VERIFY_OK(result);
        const BlockDevice* device = findDevice(result.value(), name);
        QVERIFY(device);
        QCOMPARE(device->path, path);
        QCOMPARE(device->type, type);
        QVERIFY(device->sizeBytes.has_value());
        QCOMPARE(*device->sizeBytes, size);
        QCOMPARE(device->readOnly, false);
        QCOMPARE(device->removable, false);
        QCOMPARE(device->vendor, vendor);
        // null columns become empty strings
        QCOMPARE(device->wwn, QString());
        QCOMPARE(device->serial, QString());
        QCOMPARE(device->model, QString());
        QCOMPARE(device->transport, QString());
        QCOMPARE(device->fsType, QString());
        QCOMPARE(device->fsUuid, QString());
        QCOMPARE(device->fsLabel, QString());
        QCOMPARE(device->partitionTable, QString());
        QCOMPARE(device->mountpoints, mountpoints);
        QVERIFY(device->parents.isEmpty());
        QVERIFY(device->holders.isEmpty());
        QVERIFY(device->byPath.isEmpty());
        QVERIFY(device->signatures.empty());
        QCOMPARE(device->inUse(), inUse);
    }

    void lsblkOutputAllCaptureTree() {
        // `lsblk --json --path --output-all --bytes`: names are paths, partitions are children.
        const auto result = parseLsblk(
            fixture(QStringLiteral("public/lsblk_json_output_all_bytes_nvme_mountpoints.json")));
        VERIFY_OK(result);
        QCOMPARE(namesOf(result.value()),
                 (QStringList{QStringLiteral("/dev/nvme0n1"), QStringLiteral("/dev/nvme0n1p1"),
                              QStringLiteral("/dev/nvme0n1p2")}));
        QVERIFY(result.warnings().empty());
    }

    void lsblkOutputAllCapture_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("fsType");
        QTest::addColumn<QString>("fsUuid");
        QTest::addColumn<QString>("partitionTable");
        QTest::addColumn<QStringList>("mountpoints");
        QTest::addColumn<QStringList>("parents");
        QTest::addColumn<QStringList>("holders");

        const QString disk = QStringLiteral("/dev/nvme0n1");
        QTest::newRow("disk with gpt")
            << disk << "disk" << qint64(512110190592) << "SAMSUNG MZVPV512HDGL-000H1"
            << "S27FNYAH407000"
            << ""
            << ""
            << "gpt" << QStringList{} << QStringList{}
            << QStringList{QStringLiteral("/dev/nvme0n1p1"), QStringLiteral("/dev/nvme0n1p2")};
        // A partition's "pttype": "gpt" is its disk's table (same ptuuid as the disk): it is not
        // a table on the partition.
        QTest::newRow("EFI partition")
            << "/dev/nvme0n1p1"
            << "part" << qint64(536870912) << ""
            << ""
            << "vfat"
            << "84A0-088E"
            << "" << QStringList{QStringLiteral("/boot/efi")} << QStringList{disk} << QStringList{};
        QTest::newRow("root partition, two mountpoints")
            << "/dev/nvme0n1p2"
            << "part" << qint64(511571918848) << ""
            << ""
            << "ext4"
            << "f4c40183-0a2d-4d97-b71e-25a4043ce01f"
            << ""
            << QStringList{QStringLiteral("/var/snap/firefox/common/host-hunspell"),
                           QStringLiteral("/")}
            << QStringList{disk} << QStringList{};
    }

    void lsblkOutputAllCapture() {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(qint64, size);
        QFETCH(QString, model);
        QFETCH(QString, serial);
        QFETCH(QString, fsType);
        QFETCH(QString, fsUuid);
        QFETCH(QString, partitionTable);
        QFETCH(QStringList, mountpoints);
        QFETCH(QStringList, parents);
        QFETCH(QStringList, holders);

        const auto result = parseLsblk(
            fixture(QStringLiteral("public/lsblk_json_output_all_bytes_nvme_mountpoints.json")));
        VERIFY_OK(result);
        const BlockDevice* device = findDevice(result.value(), name);
        QVERIFY(device);
        QCOMPARE(device->path, name);
        QCOMPARE(device->type, type);
        QVERIFY(device->sizeBytes.has_value());
        QCOMPARE(*device->sizeBytes, size);
        QCOMPARE(device->model, model);
        QCOMPARE(device->serial, serial);
        QCOMPARE(device->wwn, QStringLiteral("eui.002538646100e442"));
        QCOMPARE(device->transport, QStringLiteral("nvme"));
        QCOMPARE(device->vendor, QString());
        QCOMPARE(device->fsType, fsType);
        QCOMPARE(device->fsUuid, fsUuid);
        QCOMPARE(device->fsLabel, QString());
        QCOMPARE(device->partitionTable, partitionTable);
        QCOMPARE(device->mountpoints, mountpoints);
        QCOMPARE(device->parents, parents);
        QCOMPARE(device->holders, holders);
        QCOMPARE(device->readOnly, false);
        QCOMPARE(device->removable, false);
        QVERIFY(device->inUse());
    }

    void lsblkNotABlockDevice() {
        // lsblk's stdout for /dev/null: an empty list with a blank line inside.
        const auto result =
            parseLsblk(fixture(QStringLiteral("public/lsblk_json_empty_not_block_device.txt")));
        VERIFY_OK(result);
        QVERIFY(result.value().empty());
        QVERIFY(result.warnings().empty());
    }

    void lsblkLogicalVolumeOnTwoPhysicalVolumes() {
        // An LV spanning vdb and vdc appears under both disks, with the md array on it repeated.
        const QString text = QStringLiteral(R"({
   "blockdevices": [
      {
         "name": "vdb", "kname": "vdb", "path": "/dev/vdb", "type": "disk", "size": 1073741824,
         "fstype": "LVM2_member", "pkname": null,
         "children": [
            {
               "name": "vg_loc-elem0", "kname": "dm-0", "path": "/dev/mapper/vg_loc-elem0",
               "type": "lvm", "size": 1610612736, "fstype": "linux_raid_member",
               "pkname": "vdb",
               "children": [
                  {"name": "md0", "kname": "md0", "path": "/dev/md0", "type": "raid1",
                   "size": 1609564160, "pkname": "dm-0"}
               ]
            }
         ]
      },{
         "name": "vdc", "kname": "vdc", "path": "/dev/vdc", "type": "disk", "size": 1073741824,
         "fstype": "LVM2_member", "pkname": null,
         "children": [
            {
               "name": "vg_loc-elem0", "kname": "dm-0", "path": "/dev/mapper/vg_loc-elem0",
               "type": "lvm", "size": 1610612736, "fstype": "linux_raid_member",
               "pkname": "vdc",
               "children": [
                  {"name": "md0", "kname": "md0", "path": "/dev/md0", "type": "raid1",
                   "size": 1609564160, "pkname": "dm-0"}
               ]
            }
         ]
      }
   ]
}
)");
        const auto result = parseLsblk(text);
        VERIFY_OK(result);
        const std::vector<BlockDevice>& devices = result.value();
        // every device once, in tree order, keyed by the kernel name (not "vg_loc-elem0")
        QCOMPARE(namesOf(devices), (QStringList{QStringLiteral("vdb"), QStringLiteral("dm-0"),
                                                QStringLiteral("md0"), QStringLiteral("vdc")}));

        const BlockDevice* lv = findDevice(devices, QStringLiteral("dm-0"));
        QVERIFY(lv);
        QCOMPARE(sorted(lv->parents), (QStringList{QStringLiteral("vdb"), QStringLiteral("vdc")}));
        QCOMPARE(lv->holders, QStringList{QStringLiteral("md0")});
        QCOMPARE(lv->path, QStringLiteral("/dev/mapper/vg_loc-elem0"));
        QCOMPARE(lv->type, QStringLiteral("lvm"));
        QCOMPARE(lv->fsType, QStringLiteral("linux_raid_member"));
        QCOMPARE(lv->sizeBytes.value_or(-1), qint64(1610612736));

        for (const QString& pv : {QStringLiteral("vdb"), QStringLiteral("vdc")}) {
            const BlockDevice* disk = findDevice(devices, pv);
            QVERIFY(disk);
            QCOMPARE(disk->holders, QStringList{QStringLiteral("dm-0")});
            QVERIFY(disk->parents.isEmpty());
            QCOMPARE(disk->fsType, QStringLiteral("LVM2_member"));
            QVERIFY(disk->inUse());
        }

        const BlockDevice* md = findDevice(devices, QStringLiteral("md0"));
        QVERIFY(md);
        QCOMPARE(md->parents, QStringList{QStringLiteral("dm-0")});
        QVERIFY(md->holders.isEmpty());
        QCOMPARE(md->type, QStringLiteral("raid1"));
        QVERIFY(!md->inUse());
    }

    void lsblkListOutputUsesPkname() {
        // `lsblk --list` has no tree: the parent is named only by PKNAME.
        const QString text = QStringLiteral(R"({
   "blockdevices": [
      {"name": "sdb", "kname": "sdb", "type": "disk", "pttype": "gpt", "pkname": null},
      {"name": "sdb1", "kname": "sdb1", "type": "part", "pttype": "gpt", "pkname": "sdb"},
      {"name": "sdb2", "kname": "sdb2", "type": "part", "pttype": "gpt", "pkname": "sdb"}
   ]
}
)");
        const auto result = parseLsblk(text);
        VERIFY_OK(result);
        const std::vector<BlockDevice>& devices = result.value();
        QCOMPARE(namesOf(devices), (QStringList{QStringLiteral("sdb"), QStringLiteral("sdb1"),
                                                QStringLiteral("sdb2")}));
        QCOMPARE(devices[0].holders, (QStringList{QStringLiteral("sdb1"), QStringLiteral("sdb2")}));
        QCOMPARE(devices[0].partitionTable, QStringLiteral("gpt"));
        QCOMPARE(devices[1].parents, QStringList{QStringLiteral("sdb")});
        QCOMPARE(devices[2].parents, QStringList{QStringLiteral("sdb")});
        // empty partitions: their "pttype" is the disk's, so they are free
        QCOMPARE(devices[1].partitionTable, QString());
        QVERIFY(!devices[1].inUse());
        QVERIFY(!devices[2].inUse());
    }

    // 200k devices, half of them partitions of one disk: every device lookup and every holder
    // list must stay O(1) per step. The quadratic parser needed minutes for this (no timing is
    // asserted: a regression shows as this test running into ctest's timeout; the figure is
    // printed by tests/bench/bench_lsblk).
    void lsblkLargeListParsesWhole() {
        constexpr int disks = 100000;
        constexpr int partitions = 100000;
        QString text = QStringLiteral("{\"blockdevices\": [\n");
        text.reserve(20 * 1024 * 1024);
        for (int disk = 0; disk < disks; ++disk)
            text +=
                QStringLiteral(R"({"kname": "d%1", "type": "disk", "pkname": null},)").arg(disk) +
                QLatin1Char('\n');
        for (int part = 0; part < partitions; ++part)
            text +=
                QStringLiteral(R"({"kname": "p%1", "type": "part", "pkname": "d0"},)").arg(part) +
                QLatin1Char('\n');
        text += QStringLiteral(R"({"kname": "p0", "type": "part", "pkname": "d0"}]})");
        const auto result = parseLsblk(text);
        VERIFY_OK(result);
        const std::vector<BlockDevice>& devices = result.value();
        QCOMPARE(devices.size(), std::size_t(disks + partitions));
        QCOMPARE(devices[0].holders.size(), qsizetype(partitions)); // p0 once, though listed twice
        QCOMPARE(devices[0].holders.front(), QStringLiteral("p0"));
        QCOMPARE(devices.back().name, QStringLiteral("p%1").arg(partitions - 1));
        QCOMPARE(devices.back().parents, QStringList{QStringLiteral("d0")});
        QVERIFY(devices[1].holders.isEmpty());
    }

    void lsblkNameWithoutKname() {
        // -o NAME,… without KNAME: the name is the key.
        const auto result = parseLsblk(lsblkOf(QStringLiteral(R"("name": "vdb", "size": 1024)")));
        VERIFY_OK(result);
        QCOMPARE(namesOf(result.value()), QStringList{QStringLiteral("vdb")});
    }

    void lsblkValueForms_data() {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<bool>("removable");
        QTest::addColumn<qint64>("size"); // -1: none
        QTest::addColumn<QStringList>("mountpoints");

        QTest::newRow("booleans, numeric size")
            << R"("kname": "sr0", "ro": true, "rm": true, "size": 1073741824)" << true << true
            << qint64(1073741824) << QStringList{};
        QTest::newRow("booleans false")
            << R"("kname": "vdb", "ro": false, "rm": false, "size": 1073741824)" << false << false
            << qint64(1073741824) << QStringList{};
        // older util-linux prints every value as a string
        QTest::newRow("strings 1/0, string size")
            << R"("kname": "vdb", "ro": "1", "rm": "0", "size": "1073741824")" << true << false
            << qint64(1073741824) << QStringList{};
        QTest::newRow("strings 0/1") << R"("kname": "vdb", "ro": "0", "rm": "1", "size": "512")"
                                     << false << true << qint64(512) << QStringList{};
        QTest::newRow("ro/rm absent, size null")
            << R"("kname": "vdb", "size": null)" << false << false << qint64(-1) << QStringList{};
        QTest::newRow("old single mountpoint")
            << R"("kname": "vda1", "mountpoint": "/boot")" << false << false << qint64(-1)
            << QStringList{QStringLiteral("/boot")};
        QTest::newRow("old single mountpoint null")
            << R"("kname": "vda1", "mountpoint": null)" << false << false << qint64(-1)
            << QStringList{};
        QTest::newRow("mountpoints with null") << R"("kname": "vda1", "mountpoints": [null])"
                                               << false << false << qint64(-1) << QStringList{};
        QTest::newRow("mountpoints wins over mountpoint")
            << R"("kname": "vda1", "mountpoint": "/srv", "mountpoints": ["/srv", "/mnt/x"])"
            << false << false << qint64(-1)
            << QStringList{QStringLiteral("/srv"), QStringLiteral("/mnt/x")};
    }

    void lsblkValueForms() {
        QFETCH(QString, fields);
        QFETCH(bool, readOnly);
        QFETCH(bool, removable);
        QFETCH(qint64, size);
        QFETCH(QStringList, mountpoints);

        const auto result = parseLsblk(lsblkOf(fields));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        const BlockDevice& device = result.value().front();
        QCOMPARE(device.readOnly, readOnly);
        QCOMPARE(device.removable, removable);
        QCOMPARE(device.sizeBytes.value_or(-1), size);
        QCOMPARE(device.mountpoints, mountpoints);
        QCOMPARE(device.inUse(), !mountpoints.isEmpty());
    }

    void lsblkIscsiDiskPaddedStrings() {
        // The testbed's LIO disk: lsblk pads VENDOR to 8 and MODEL to 16 characters.
        const auto result = parseLsblk(lsblkOf(QStringLiteral(
            R"("name": "sda", "kname": "sda", "path": "/dev/sda", "type": "disk",
         "size": 1073741824, "ro": false, "rm": false,
         "wwn": "0x6001405c00efcc8cf564a2998eedf675",
         "serial": "c00efcc8-cf56-4a29-98ee-df6755ca218d", "vendor": "LIO-ORG ",
         "model": "elem0           ", "tran": "iscsi", "fstype": null, "uuid": null,
         "label": null, "pttype": null, "mountpoints": [null], "pkname": null)")));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        const BlockDevice& sda = result.value().front();
        QCOMPARE(sda.vendor, QStringLiteral("LIO-ORG"));
        QCOMPARE(sda.model, QStringLiteral("elem0"));
        QCOMPARE(sda.transport, QStringLiteral("iscsi"));
        QCOMPARE(sda.wwn, QStringLiteral("0x6001405c00efcc8cf564a2998eedf675"));
        QCOMPARE(sda.serial, QStringLiteral("c00efcc8-cf56-4a29-98ee-df6755ca218d"));
        QCOMPARE(sda.sizeBytes.value_or(-1), qint64(1073741824));
        QVERIFY(!sda.inUse());
    }

    void lsblkErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedContains");

        QTest::newRow("invalid JSON: unquoted value on line 4")
            << QStringLiteral("{\n   \"blockdevices\": [\n      {\"kname\": \"sda\"},\n"
                              "      {\"kname\": sdb}\n   ]\n}\n")
            << 4 << "valid JSON";
        QTest::newRow("invalid JSON: trailing comma on line 3")
            << QStringLiteral("{\n   \"blockdevices\": [\n      {\"kname\": \"sda\",}\n   ]\n}\n")
            << 3 << "valid JSON";
        QTest::newRow("blockdevices missing")
            << QStringLiteral("{\n   \"devices\": []\n}\n") << 0 << "blockdevices";
        QTest::newRow("blockdevices not a list")
            << QStringLiteral("{\"blockdevices\": {}}") << 0 << "'blockdevices' as a list";
        QTest::newRow("top level is a list") << QStringLiteral("[]") << 0 << "a JSON object";
        QTest::newRow("size huge") << lsblkOf(QStringLiteral(R"("kname": "sda", "size": "huge")"))
                                   << 0 << "blockdevices[0].size";
        QTest::newRow("size fraction") << lsblkOf(QStringLiteral(R"("kname": "sda", "size": 1.5)"))
                                       << 0 << "blockdevices[0].size";
        QTest::newRow("ro yes") << lsblkOf(QStringLiteral(R"("kname": "sda", "ro": "yes")")) << 0
                                << "blockdevices[0].ro";
        QTest::newRow("no name nor kname")
            << lsblkOf(QStringLiteral(R"("path": "/dev/sda", "size": 1)")) << 0
            << "blockdevices[0].name";
        QTest::newRow("child not an object")
            << lsblkOf(QStringLiteral(R"("kname": "sda", "children": ["sda1"])")) << 0
            << "blockdevices[0].children[0]";
        QTest::newRow("vendor a number")
            << lsblkOf(QStringLiteral(R"("kname": "sda", "vendor": 7)")) << 0
            << "blockdevices[0].vendor";
    }

    void lsblkErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedContains);

        const auto result = parseLsblk(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("lsblk --json"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedContains),
                 qPrintable(result.error().toString()));
    }

    void lsblkErrorNamesOffendingValue() {
        const auto result =
            parseLsblk(lsblkOf(QStringLiteral(R"("kname": "sda", "size": "huge")")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().found, QStringLiteral("huge"));
    }

    void lsblkInvalidJsonQuotesTheLine() {
        const auto result = parseLsblk(QStringLiteral(
            "{\n   \"blockdevices\": [\n      {\"kname\": \"sda\"},\n      {\"kname\": sdb}\n"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().line, 4);
        QCOMPARE(result.error().found, QStringLiteral("      {\"kname\": sdb}"));
    }

    void lsblkTextInsteadOfJson_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("found");
        QTest::newRow("empty stdout") << QString() << "";
        QTest::newRow("message on stdout")
            << QStringLiteral("lsblk: /dev/vdz: not a block device\nsecond line\n")
            << "lsblk: /dev/vdz: not a block device";
    }

    void lsblkTextInsteadOfJson() {
        QFETCH(QString, text);
        QFETCH(QString, found);
        const auto result = parseLsblk(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().line, 1);
        QCOMPARE(result.error().found, found);
    }

    // ---- BlockDevice::inUse ----------------------------------------------------------------

    void inUse_data() {
        QTest::addColumn<BlockDevice>("device");
        QTest::addColumn<bool>("inUse");

        QTest::newRow("blank disk") << deviceWithName(QStringLiteral("vdb")) << false;
        BlockDevice device = deviceWithName(QStringLiteral("vdb"));
        device.fsType = QStringLiteral("ext4");
        QTest::newRow("filesystem") << device << true;
        device = deviceWithName(QStringLiteral("vdb"));
        device.partitionTable = QStringLiteral("gpt");
        QTest::newRow("partition table") << device << true;
        device = deviceWithName(QStringLiteral("vdb"));
        device.holders = QStringList{QStringLiteral("dm-0")};
        QTest::newRow("holder") << device << true;
        device = deviceWithName(QStringLiteral("vdb"));
        device.mountpoints = QStringList{QStringLiteral("/mnt")};
        QTest::newRow("mounted") << device << true;
        device = deviceWithName(QStringLiteral("vdb"));
        device.signatures.push_back(Signature{
            QStringLiteral("vdb"), 4096, QStringLiteral("linux_raid_member"), {}, {}, {}});
        QTest::newRow("signature only") << device << true;
        device = deviceWithName(QStringLiteral("sda1"));
        device.parents = QStringList{QStringLiteral("sda")};
        device.byPath = QStringList{QStringLiteral("/dev/disk/by-path/x-part1")};
        device.byId = QStringList{QStringLiteral("/dev/disk/by-id/y-part1")};
        device.fsLabel = QStringLiteral("stale label");
        QTest::newRow("parents and links do not count") << device << false;
    }

    void inUse() {
        QFETCH(BlockDevice, device);
        QFETCH(bool, inUse);
        QCOMPARE(device.inUse(), inUse);
    }

    // ---- wipefs --json ---------------------------------------------------------------------

    void wipefsExt4Capture() {
        const auto result = parseWipefsJson(fixture(QStringLiteral("host/wipefs_json_ext4.json")));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        const Signature& signature = result.value().front();
        QCOMPARE(signature.device, QStringLiteral("loop0"));
        QVERIFY(signature.offset.has_value());
        QCOMPARE(*signature.offset, qint64(0x438)); // "0x438" = 1080
        QCOMPARE(*signature.offset, qint64(1080));
        QCOMPARE(signature.type, QStringLiteral("ext4"));
        QCOMPARE(signature.uuid, QStringLiteral("bdf5736a-74b4-4cfe-b990-64f511035277"));
        QCOMPARE(signature.label, QStringLiteral("testlabel"));
        QCOMPARE(signature.usage, QString());
        QVERIFY(result.warnings().empty());
    }

    void wipefsBlank_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("util-linux 2.38 capture")
            << fixture(QStringLiteral("host/wipefs_json_blank.json"));
        QTest::newRow("compact empty list") << QStringLiteral("{\"signatures\": []}");
        QTest::newRow("older wipefs prints nothing") << QString();
        QTest::newRow("only a newline") << QStringLiteral("\n");
    }

    void wipefsBlank() {
        QFETCH(QString, text);
        const auto result = parseWipefsJson(text);
        VERIFY_OK(result);
        QVERIFY(result.value().empty());
        QVERIFY(result.warnings().empty());
    }

    void wipefsOffsets_data() {
        QTest::addColumn<QString>("offset");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("ext4 0x438") << "0x438" << qint64(1080);
        QTest::newRow("zero") << "0x0" << qint64(0);
        QTest::newRow("PMBR 0x1fe") << "0x1fe" << qint64(510);
        QTest::newRow("LVM2 label 0x218") << "0x218" << qint64(536);
        QTest::newRow("md 1.2 superblock 0x1000") << "0x1000" << qint64(4096);
        QTest::newRow("backup gpt 0x3ffffe00") << "0x3ffffe00" << qint64(1073741312);
        QTest::newRow("upper-case hex digits") << "0xFFE00" << qint64(1048064);
        QTest::newRow("decimal") << "1080" << qint64(1080);
    }

    void wipefsOffsets() {
        QFETCH(QString, offset);
        QFETCH(qint64, bytes);
        const auto result = parseWipefsJson(
            QStringLiteral(
                R"({"signatures": [{"device": "vdb", "offset": "%1", "type": "gpt", "uuid": null, "label": null}]})")
                .arg(offset));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        QCOMPARE(result.value().front().offset.value_or(-1), bytes);
    }

    void wipefsSeveralSignatures() {
        const QString text = QStringLiteral(R"({
   "signatures": [
      {
         "device": "vdb",
         "offset": "0x200",
         "type": "gpt",
         "uuid": null,
         "label": null
      },{
         "device": "vdb",
         "offset": "0x3ffffe00",
         "type": "gpt",
         "uuid": null,
         "label": null
      },{
         "device": "vdb",
         "offset": "0x1fe",
         "type": "PMBR",
         "uuid": null,
         "label": null
      },{
         "device": "vdc",
         "offset": "0x1000",
         "type": "linux_raid_member",
         "uuid": "9f2d3c4b-1a2b-3c4d-5e6f-708192a3b4c5",
         "label": "primary:0",
         "usage": "raid"
      }
   ]
}
)");
        const auto result = parseWipefsJson(text);
        VERIFY_OK(result);
        const std::vector<Signature>& signatures = result.value();
        QCOMPARE(signatures.size(), std::size_t(4));
        QCOMPARE(signatures[0], (Signature{QStringLiteral("vdb"), 512, QStringLiteral("gpt"),
                                           QString(), QString(), QString()}));
        QCOMPARE(signatures[1].offset.value_or(-1), qint64(1073741312));
        QCOMPARE(signatures[2].type, QStringLiteral("PMBR"));
        QCOMPARE(signatures[2].offset.value_or(-1), qint64(510));
        QCOMPARE(signatures[3],
                 (Signature{QStringLiteral("vdc"), 4096, QStringLiteral("linux_raid_member"),
                            QStringLiteral("9f2d3c4b-1a2b-3c4d-5e6f-708192a3b4c5"),
                            QStringLiteral("primary:0"), QStringLiteral("raid")}));
    }

    void wipefsErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedContains");
        QTest::addColumn<QString>("found");

        QTest::newRow("offset zz")
            << QStringLiteral(
                   R"({"signatures": [{"device": "vdb", "offset": "zz", "type": "gpt"}]})")
            << 0 << "signatures[0].offset"
            << "zz";
        QTest::newRow("offset 0x")
            << QStringLiteral(
                   R"({"signatures": [{"device": "vdb", "offset": "0x", "type": "gpt"}]})")
            << 0 << "signatures[0].offset"
            << "0x";
        QTest::newRow("offset negative")
            << QStringLiteral(
                   R"({"signatures": [{"device": "vdb", "offset": "-5", "type": "gpt"}]})")
            << 0 << "signatures[0].offset"
            << "-5";
        QTest::newRow("second signature offset missing")
            << QStringLiteral(
                   R"({"signatures": [{"offset": "0x438", "type": "ext4"}, {"type": "gpt"}]})")
            << 0 << "signatures[1].offset"
            << "nothing";
        QTest::newRow("type missing")
            << QStringLiteral(R"({"signatures": [{"device": "vdb", "offset": "0x200"}]})") << 0
            << "signatures[0].type"
            << "nothing";
        QTest::newRow("signatures missing")
            << QStringLiteral(R"({"devices": []})") << 0 << "signatures"
            << "nothing";
        QTest::newRow("invalid JSON on line 3")
            << QStringLiteral("{\n   \"signatures\": [\n      {\"offset\": 0x438}\n   ]\n}\n") << 3
            << "valid JSON"
            << "      {\"offset\": 0x438}";
    }

    void wipefsErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedContains);
        QFETCH(QString, found);

        const auto result = parseWipefsJson(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("wipefs --json"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedContains),
                 qPrintable(result.error().toString()));
        QCOMPARE(result.error().found, found);
    }

    // ---- blkid -p -o export ----------------------------------------------------------------

    void blkidExt4Capture() {
        const auto result = parseBlkidExport(fixture(QStringLiteral("host/blkid_export_ext4.txt")));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        const Signature& signature = result.value().front();
        QCOMPARE(signature.device, QStringLiteral("/dev/loop0"));
        QCOMPARE(signature.type, QStringLiteral("ext4"));
        QCOMPARE(signature.uuid, QStringLiteral("bdf5736a-74b4-4cfe-b990-64f511035277"));
        QCOMPARE(signature.label, QStringLiteral("testlabel"));
        QCOMPARE(signature.usage, QStringLiteral("filesystem"));
        QVERIFY(!signature.offset.has_value()); // blkid does not print it by default
        QVERIFY(result.warnings().empty());     // VERSION, BLOCK_SIZE are known and unused
    }

    void blkidBlankCapture() {
        // blkid prints nothing for a blank device.
        const QString text = fixture(QStringLiteral("host/blkid_export_blank.txt"));
        QVERIFY(text.isEmpty());
        const auto result = parseBlkidExport(text);
        VERIFY_OK(result);
        QVERIFY(result.value().empty());
        QVERIFY(result.warnings().empty());
    }

    void blkidSeveralBlocks() {
        // Layout as blkid 2.38 prints two devices: blocks separated by one blank line.
        const QString text = QStringLiteral("DEVNAME=/dev/loop0\n"
                                            "LABEL=testlabel\n"
                                            "UUID=bdf5736a-74b4-4cfe-b990-64f511035277\n"
                                            "VERSION=1.0\n"
                                            "BLOCK_SIZE=1024\n"
                                            "TYPE=ext4\n"
                                            "USAGE=filesystem\n"
                                            "\n"
                                            "DEVNAME=/dev/vdb\n"
                                            "PTUUID=0b7c2a64-1c55-4c1d-9a8e-3f5e1d2c4b6a\n"
                                            "PTTYPE=gpt\n"
                                            "\n"
                                            "DEVNAME=/dev/vdc\n"
                                            "UUID=9f2d3c4b:1a2b3c4d:5e6f7081:92a3b4c5\n"
                                            "UUID_SUB=11111111:22222222:33333333:44444444\n"
                                            "LABEL=primary:0\n"
                                            "VERSION=1.2\n"
                                            "TYPE=linux_raid_member\n"
                                            "USAGE=raid\n"
                                            "SBMAGIC_OFFSET=4096\n");
        const auto result = parseBlkidExport(text);
        VERIFY_OK(result);
        const std::vector<Signature>& signatures = result.value();
        QCOMPARE(signatures.size(), std::size_t(3));
        QCOMPARE(signatures[0].device, QStringLiteral("/dev/loop0"));
        QCOMPARE(signatures[0].type, QStringLiteral("ext4"));
        QCOMPARE(signatures[1],
                 (Signature{QStringLiteral("/dev/vdb"), std::nullopt, QStringLiteral("gpt"),
                            QStringLiteral("0b7c2a64-1c55-4c1d-9a8e-3f5e1d2c4b6a"), QString(),
                            QString()}));
        QCOMPARE(signatures[2],
                 (Signature{QStringLiteral("/dev/vdc"), 4096, QStringLiteral("linux_raid_member"),
                            QStringLiteral("9f2d3c4b:1a2b3c4d:5e6f7081:92a3b4c5"),
                            QStringLiteral("primary:0"), QStringLiteral("raid")}));
        QVERIFY(result.warnings().empty());
    }

    void blkidSecondDevnameStartsABlock() {
        const auto result = parseBlkidExport(QStringLiteral(
            "DEVNAME=/dev/vdb\nPTTYPE=dos\nDEVNAME=/dev/vdc\nTYPE=LVM2_member\nUSAGE=raid\n"));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(2));
        QCOMPARE(result.value()[0].device, QStringLiteral("/dev/vdb"));
        QCOMPARE(result.value()[0].type, QStringLiteral("dos"));
        QCOMPARE(result.value()[1].device, QStringLiteral("/dev/vdc"));
        QCOMPARE(result.value()[1].type, QStringLiteral("LVM2_member"));
    }

    void blkidPartitionWithoutContentsHasNoSignature() {
        // `blkid -p` on an empty partition prints only its partition-table entry.
        const auto result = parseBlkidExport(QStringLiteral(
            "DEVNAME=/dev/vdb1\nPART_ENTRY_SCHEME=gpt\nPART_ENTRY_UUID=0a1b2c3d-01\n"
            "PART_ENTRY_TYPE=0fc63daf-8483-4772-8e79-3d69d8477de4\nPART_ENTRY_NUMBER=1\n"
            "PART_ENTRY_OFFSET=2048\nPART_ENTRY_SIZE=2097152\nPART_ENTRY_DISK=254:16\n\n"
            "DEVNAME=/dev/vdb2\nTYPE=ext4\nUSAGE=filesystem\nPART_ENTRY_NUMBER=2\n"));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        QCOMPARE(result.value()[0].device, QStringLiteral("/dev/vdb2"));
        QCOMPARE(result.value()[0].type, QStringLiteral("ext4"));
        // A block with neither a type nor a partition entry is still refused.
        QVERIFY(!parseBlkidExport(QStringLiteral("DEVNAME=/dev/vdc\nUUID=x\n")).ok());
    }

    void jsonErrorAtFirstCharacterNamesLineOne() {
        const auto result = parseLsblk(QStringLiteral("]\n{\"blockdevices\": []}\n"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().line, 1);
        QCOMPARE(result.error().found, QStringLiteral("]"));
    }

    void blkidEscapedValues_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("label");
        // blkid -o export puts a backslash before space, backslash, double and single quote,
        // dollar, backtick, less and greater (seen with blkid 2.38.1).
        QTest::newRow("space") << "LABEL=my\\ label"
                               << "my label";
        QTest::newRow("backslash, dollar, quote, less") << "LABEL=a\\\\b\\$c\\\"d\\<e"
                                                        << "a\\b$c\"d<e";
        QTest::newRow("equals sign is not escaped") << "LABEL=x=y"
                                                    << "x=y";
        QTest::newRow("plain") << "LABEL=data"
                               << "data";
    }

    void blkidEscapedValues() {
        QFETCH(QString, line);
        QFETCH(QString, label);
        const auto result = parseBlkidExport(
            QStringLiteral("DEVNAME=/dev/vdb\n%1\nTYPE=ext4\nUSAGE=filesystem\n").arg(line));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        QCOMPARE(result.value().front().label, label);
    }

    void blkidWarnsAboutNonKeyValueLines() {
        const auto result = parseBlkidExport(
            QStringLiteral("DEVNAME=/dev/vdb\nthis is not a pair\nTYPE=ext4\n=orphan\n"));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        QCOMPARE(result.value().front().type, QStringLiteral("ext4"));
        QCOMPARE(result.warnings().size(), std::size_t(2));
        QCOMPARE(result.warnings()[0].line, 2);
        QCOMPARE(result.warnings()[0].text, QStringLiteral("this is not a pair"));
        QCOMPARE(result.warnings()[0].source, QStringLiteral("blkid -o export"));
        QCOMPARE(result.warnings()[1].line, 4);
        QCOMPARE(result.warnings()[1].text, QStringLiteral("=orphan"));
    }

    void blkidBlockWithoutTypeIsAnError() {
        const auto result = parseBlkidExport(
            QStringLiteral("DEVNAME=/dev/vdb\nTYPE=ext4\n\nDEVNAME=/dev/vdc\nUUID=1234\n"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().line, 0);
        QVERIFY2(result.error().expected.contains(QStringLiteral("/dev/vdc")),
                 qPrintable(result.error().toString()));
    }

    // ---- /dev/disk links -------------------------------------------------------------------

    void diskLinks_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("target");

        QTest::newRow("iscsi by-path")
            << 0
            << "/dev/disk/by-path/"
               "ip-10.99.0.2:3260-iscsi-iqn.2024-01.test.testbed:secondary.elem0-lun-0"
            << "sda";
        QTest::newRow("iscsi by-path partition")
            << 1
            << "/dev/disk/by-path/"
               "ip-10.99.0.2:3260-iscsi-iqn.2024-01.test.testbed:secondary.elem0-lun-0-part1"
            << "sda1";
        QTest::newRow("virtio by-path") << 2 << "/dev/disk/by-path/pci-0000:00:05.0"
                                        << "vdb";
        QTest::newRow("virtio by-path 2") << 3 << "/dev/disk/by-path/virtio-pci-0000:00:06.0"
                                          << "vdc";
        QTest::newRow("wwn by-id") << 4 << "/dev/disk/by-id/wwn-0x6001405c00efcc8cf564a2998eedf675"
                                   << "sda";
        QTest::newRow("scsi by-id") << 5 << "/dev/disk/by-id/scsi-36001405c00efcc8cf564a2998eedf675"
                                    << "sda";
        QTest::newRow("dm-name") << 6 << "/dev/disk/by-id/dm-name-vg_loc-elem0"
                                 << "dm-0";
        QTest::newRow("dm-uuid") << 7 << "/dev/disk/by-id/dm-uuid-LVM-Zx3Yq9"
                                 << "dm-0";
        QTest::newRow("md-name") << 8 << "/dev/disk/by-id/md-name-primary:0"
                                 << "md0";
    }

    static QString diskLinksText() {
        return QStringLiteral(
            "/dev/disk/by-path/"
            "ip-10.99.0.2:3260-iscsi-iqn.2024-01.test.testbed:secondary.elem0-lun-0\t../../sda\n"
            "/dev/disk/by-path/"
            "ip-10.99.0.2:3260-iscsi-iqn.2024-01.test.testbed:secondary.elem0-lun-0-part1\t"
            "../../sda1\n"
            "/dev/disk/by-path/pci-0000:00:05.0\t../../vdb\n"
            "/dev/disk/by-path/virtio-pci-0000:00:06.0\t../../vdc\n"
            "/dev/disk/by-id/wwn-0x6001405c00efcc8cf564a2998eedf675\t../../sda\n"
            "/dev/disk/by-id/scsi-36001405c00efcc8cf564a2998eedf675\t../../sda\n"
            "/dev/disk/by-id/dm-name-vg_loc-elem0\t../../dm-0\n"
            "/dev/disk/by-id/dm-uuid-LVM-Zx3Yq9\t../../dm-0\n"
            "/dev/disk/by-id/md-name-primary:0\t../../md0\n");
    }

    void diskLinks() {
        QFETCH(int, index);
        QFETCH(QString, link);
        QFETCH(QString, target);
        const auto result = parseDiskLinks(diskLinksText());
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(9));
        QVERIFY(result.warnings().empty());
        QCOMPARE(result.value()[std::size_t(index)], (DiskLink{link, target}));
    }

    void attachDiskLinks_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("byPath");
        QTest::addColumn<QStringList>("byId");

        QTest::newRow("sda")
            << "sda"
            << QStringList{QStringLiteral("/dev/disk/by-path/ip-10.99.0.2:3260-iscsi-iqn.2024-01."
                                          "test.testbed:secondary.elem0-lun-0")}
            << QStringList{
                   QStringLiteral("/dev/disk/by-id/wwn-0x6001405c00efcc8cf564a2998eedf675"),
                   QStringLiteral("/dev/disk/by-id/scsi-36001405c00efcc8cf564a2998eedf675")};
        QTest::newRow("vdb") << "vdb"
                             << QStringList{QStringLiteral("/dev/disk/by-path/pci-0000:00:05.0")}
                             << QStringList{};
        QTest::newRow("vdc") << "vdc"
                             << QStringList{QStringLiteral(
                                    "/dev/disk/by-path/virtio-pci-0000:00:06.0")}
                             << QStringList{};
        QTest::newRow("dm-0") << "dm-0" << QStringList{}
                              << QStringList{QStringLiteral("/dev/disk/by-id/dm-name-vg_loc-elem0"),
                                             QStringLiteral("/dev/disk/by-id/dm-uuid-LVM-Zx3Yq9")};
        QTest::newRow("md0") << "md0" << QStringList{}
                             << QStringList{QStringLiteral("/dev/disk/by-id/md-name-primary:0")};
        QTest::newRow("vda has no links") << "vda" << QStringList{} << QStringList{};
    }

    void attachDiskLinks() {
        QFETCH(QString, name);
        QFETCH(QStringList, byPath);
        QFETCH(QStringList, byId);

        const auto links = parseDiskLinks(diskLinksText());
        VERIFY_OK(links);
        std::vector<BlockDevice> devices;
        for (const QString& device :
             {QStringLiteral("vda"), QStringLiteral("vdb"), QStringLiteral("vdc"),
              QStringLiteral("dm-0"), QStringLiteral("md0"), QStringLiteral("sda")})
            devices.push_back(deviceWithName(device));
        // sda1 is not in the list: its link is dropped, nothing is invented
        nr1::attachDiskLinks(devices, links.value());
        QCOMPARE(devices.size(), std::size_t(6));
        QVERIFY(!findDevice(devices, QStringLiteral("sda1")));
        const BlockDevice* device = findDevice(devices, name);
        QVERIFY(device);
        QCOMPARE(device->byPath, byPath);
        QCOMPARE(device->byId, byId);
    }

    void attachDiskLinksOntoLsblk() {
        const auto lsblk =
            parseLsblk(fixture(QStringLiteral("host/lsblk_json_host_loop_virtio.json")));
        VERIFY_OK(lsblk);
        const auto links = parseDiskLinks(
            QStringLiteral("/dev/disk/by-path/pci-0000:00:04.0\t../../vda\n"
                           "/dev/disk/by-id/virtio-root\t../../vda\n"
                           "/dev/disk/by-uuid/f4c40183-0a2d-4d97-b71e-25a4043ce01f\t../../vda\n"));
        VERIFY_OK(links);
        std::vector<BlockDevice> devices = lsblk.value();
        nr1::attachDiskLinks(devices, links.value());
        const BlockDevice* vda = findDevice(devices, QStringLiteral("vda"));
        QVERIFY(vda);
        QCOMPARE(vda->byPath, QStringList{QStringLiteral("/dev/disk/by-path/pci-0000:00:04.0")});
        // by-uuid is neither by-path nor by-id: not attached
        QCOMPARE(vda->byId, QStringList{QStringLiteral("/dev/disk/by-id/virtio-root")});
        QVERIFY(findDevice(devices, QStringLiteral("loop0"))->byPath.isEmpty());
    }

    void diskLinksWarnings_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("links");
        QTest::addColumn<QList<int>>("warningLines");

        QTest::newRow("empty") << QString() << 0 << QList<int>{};
        QTest::newRow("blank lines skipped silently")
            << QStringLiteral("\n/dev/disk/by-id/wwn-0x1\t../../sda\n\n") << 1 << QList<int>{};
        QTest::newRow("CRLF") << QStringLiteral("/dev/disk/by-id/wwn-0x1\t../../sda\r\n") << 1
                              << QList<int>{};
        QTest::newRow("find error text")
            << QStringLiteral("/dev/disk/by-id/wwn-0x1\t../../sda\n"
                              "find: '/dev/disk/by-path': No such file or directory\n")
            << 1 << QList<int>{2};
        QTest::newRow("space instead of tab")
            << QStringLiteral(
                   "/dev/disk/by-id/wwn-0x1 ../../sda\n/dev/disk/by-id/wwn-0x2\t../../sdb\n")
            << 1 << QList<int>{1};
        QTest::newRow("not under /dev/disk")
            << QStringLiteral("/dev/mapper/vg-lv\t../dm-0\n") << 0 << QList<int>{1};
        QTest::newRow("empty target")
            << QStringLiteral("/dev/disk/by-id/wwn-0x1\t\n") << 0 << QList<int>{1};
        QTest::newRow("target a directory")
            << QStringLiteral("/dev/disk/by-id/wwn-0x1\t../../\n") << 0 << QList<int>{1};
        QTest::newRow("three fields")
            << QStringLiteral("/dev/disk/by-id/a\t../../sda\textra\n") << 0 << QList<int>{1};
    }

    void diskLinksWarnings() {
        QFETCH(QString, text);
        QFETCH(int, links);
        QFETCH(QList<int>, warningLines);

        const auto result = parseDiskLinks(text);
        VERIFY_OK(result);
        QCOMPARE(int(result.value().size()), links);
        QList<int> lines;
        for (const ParseWarning& warning : result.warnings()) {
            lines.append(warning.line);
            QCOMPARE(warning.source, QStringLiteral("/dev/disk links"));
            QCOMPARE(warning.text, text.split(QLatin1Char('\n')).at(warning.line - 1));
        }
        QCOMPARE(lines, warningLines);
    }

    void diskLinkTargetIsTheKernelName() {
        const auto result = parseDiskLinks(QStringLiteral("/dev/disk/by-id/a\t/dev/sdq\n"
                                                          "/dev/disk/by-id/b\tsdr\n"));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(2));
        QCOMPARE(result.value()[0].target, QStringLiteral("sdq"));
        QCOMPARE(result.value()[1].target, QStringLiteral("sdr"));
    }
};

QTEST_GUILESS_MAIN(TestBlockDevices)
#include "tst_block_devices.moc"
