// Tests of parseMdstat. Every expected value below was written by reading the fixture text or
// the string literal of the case, following the kernel's format (formats.md §1): none was
// produced by running the parser.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "probe/MdstatParser.h"

#include <QDir>
#include <functional>
#include <initializer_list>

using namespace nr1;

Q_DECLARE_METATYPE(nr1::Mdstat)
Q_DECLARE_METATYPE(nr1::MdstatMember)
Q_DECLARE_METATYPE(nr1::MdSyncProgress)
Q_DECLARE_METATYPE(nr1::MdBitmap)
Q_DECLARE_METATYPE(nr1::MdSyncWait)
Q_DECLARE_METATYPE(nr1::MdSyncKind)

namespace {

constexpr qint64 KB = 1024;

/// A member as mdstat lists it; `flags` holds the letters of its (X) markers.
MdstatMember member(const char* device, int slot, const char* flags = "") {
    MdstatMember m;
    m.device = QString::fromLatin1(device);
    m.slot = slot;
    const QByteArray letters(flags);
    m.writeMostly = letters.contains('W');
    m.journal = letters.contains('J');
    m.faulty = letters.contains('F');
    m.spare = letters.contains('S');
    m.replacement = letters.contains('R');
    return m;
}

MdSyncProgress progress(MdSyncKind kind, double percent, qint64 done, qint64 total, double finish,
                        qint64 speed) {
    MdSyncProgress p;
    p.kind = kind;
    p.percent = percent;
    p.doneKiB = done;
    p.totalKiB = total;
    p.finishMinutes = finish;
    p.speedKiBps = speed;
    return p;
}

MdBitmap bitmap(qint64 used, qint64 total, qint64 sizeKiB, qint64 chunkBytes,
                const char* file = "") {
    MdBitmap b;
    b.pagesUsed = used;
    b.pagesTotal = total;
    b.sizeKiB = sizeKiB;
    b.chunkBytes = chunkBytes;
    b.file = QString::fromUtf8(file);
    return b;
}

/// Builds the expected value of one array block.
class Array {
public:
    /// An active array running `level`.
    Array(const char* name, const char* level) {
        m_array.name = QString::fromLatin1(name);
        m_array.active = true;
        m_array.level = QString::fromLatin1(level);
    }
    static Array inactive(const char* name) {
        Array a(name, "");
        a.m_array.active = false;
        return a;
    }
    Array& readOnly(MdReadOnly value) {
        m_array.readOnly = value;
        return *this;
    }
    Array& level(const char* value) {
        m_array.level = QString::fromLatin1(value);
        return *this;
    }
    Array& members(std::initializer_list<MdstatMember> list) {
        m_array.members.assign(list.begin(), list.end());
        return *this;
    }
    Array& blocks(qint64 kib, const char* superblock) {
        m_array.blocksKiB = kib;
        m_array.superblock = QString::fromLatin1(superblock);
        return *this;
    }
    Array& superblock(const char* value) {
        m_array.superblock = QString::fromLatin1(value);
        return *this;
    }
    Array& layout(const char* value) {
        m_array.layout = QString::fromLatin1(value);
        return *this;
    }
    Array& disks(int raid, int working, const char* pattern) {
        m_array.raidDisks = raid;
        m_array.workingDisks = working;
        m_array.pattern = QString::fromLatin1(pattern);
        return *this;
    }
    Array& sync(MdSyncKind kind, double percent, qint64 done, qint64 total, double finish,
                qint64 speed) {
        m_array.sync = progress(kind, percent, done, total, finish, speed);
        return *this;
    }
    Array& wait(MdSyncWait wait, const char* action) {
        m_array.syncWait = wait;
        m_array.syncWaitAction = QString::fromLatin1(action);
        return *this;
    }
    Array& bitmap(qint64 used, qint64 total, qint64 sizeKiB, qint64 chunkBytes,
                  const char* file = "") {
        m_array.bitmap = ::bitmap(used, total, sizeKiB, chunkBytes, file);
        return *this;
    }
    operator MdstatArray() const { return m_array; }

private:
    MdstatArray m_array;
};

QStringList names(std::initializer_list<const char*> list) {
    QStringList result;
    for (const char* name : list)
        result << QString::fromLatin1(name);
    return result;
}

Mdstat mdstat(const QStringList& personalities, std::vector<MdstatArray> arrays,
              const QStringList& unused = {}) {
    Mdstat m;
    m.personalities = personalities;
    m.arrays = std::move(arrays);
    m.unusedDevices = unused;
    return m;
}

/// The mdstat_fragment_* files are array blocks only.
QString wrapFragment(const QString& block) {
    return QStringLiteral("Personalities : [raid1] \n") + block +
           QStringLiteral("unused devices: <none>\n");
}

/// A whole /proc/mdstat holding one raid1 array whose block is `lines` (each ending in \n).
QString raid1Doc(const QString& lines) {
    return QStringLiteral("Personalities : [raid1] \n"
                          "md0 : active raid1 sdb[1] sda[0]\n"
                          "      1046528 blocks super 1.2 [2/2] [UU]\n") +
           lines + QStringLiteral("unused devices: <none>\n");
}

#define COMPARE_OPTIONAL(actual, expected)                                                         \
    do {                                                                                           \
        QCOMPARE((actual).has_value(), (expected).has_value());                                    \
        if ((expected).has_value())                                                                \
            QCOMPARE(*(actual), *(expected));                                                      \
    } while (false)

void compareMember(const MdstatMember& actual, const MdstatMember& expected) {
    QCOMPARE(actual.device, expected.device);
    QCOMPARE(actual.slot, expected.slot);
    QCOMPARE(actual.writeMostly, expected.writeMostly);
    QCOMPARE(actual.journal, expected.journal);
    QCOMPARE(actual.faulty, expected.faulty);
    QCOMPARE(actual.spare, expected.spare);
    QCOMPARE(actual.replacement, expected.replacement);
}

void compareProgress(const MdSyncProgress& actual, const MdSyncProgress& expected) {
    QCOMPARE(int(actual.kind), int(expected.kind));
    QCOMPARE(actual.percent, expected.percent);
    QCOMPARE(actual.doneKiB, expected.doneKiB);
    QCOMPARE(actual.totalKiB, expected.totalKiB);
    QCOMPARE(actual.finishMinutes, expected.finishMinutes);
    QCOMPARE(actual.speedKiBps, expected.speedKiBps);
}

void compareBitmap(const MdBitmap& actual, const MdBitmap& expected) {
    QCOMPARE(actual.pagesUsed, expected.pagesUsed);
    QCOMPARE(actual.pagesTotal, expected.pagesTotal);
    QCOMPARE(actual.sizeKiB, expected.sizeKiB);
    QCOMPARE(actual.chunkBytes, expected.chunkBytes);
    QCOMPARE(actual.file, expected.file);
}

void compareArray(const MdstatArray& actual, const MdstatArray& expected) {
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.active, expected.active);
    QCOMPARE(int(actual.readOnly), int(expected.readOnly));
    QCOMPARE(actual.level, expected.level);
    COMPARE_OPTIONAL(actual.blocksKiB, expected.blocksKiB);
    QCOMPARE(actual.superblock, expected.superblock);
    QCOMPARE(actual.layout, expected.layout);
    COMPARE_OPTIONAL(actual.raidDisks, expected.raidDisks);
    COMPARE_OPTIONAL(actual.workingDisks, expected.workingDisks);
    QCOMPARE(actual.pattern, expected.pattern);
    QCOMPARE(actual.members.size(), expected.members.size());
    for (size_t i = 0; i < expected.members.size(); ++i) {
        compareMember(actual.members[i], expected.members[i]);
        if (QTest::currentTestFailed()) {
            qWarning("member %zu (%s)", i, qPrintable(expected.members[i].device));
            return;
        }
    }
    QCOMPARE(actual.sync.has_value(), expected.sync.has_value());
    if (expected.sync)
        compareProgress(*actual.sync, *expected.sync);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(int(actual.syncWait), int(expected.syncWait));
    QCOMPARE(actual.syncWaitAction, expected.syncWaitAction);
    QCOMPARE(actual.bitmap.has_value(), expected.bitmap.has_value());
    if (expected.bitmap)
        compareBitmap(*actual.bitmap, *expected.bitmap);
}

void compareMdstat(const Mdstat& actual, const Mdstat& expected) {
    QCOMPARE(actual.personalities, expected.personalities);
    QCOMPARE(actual.arrays.size(), expected.arrays.size());
    for (size_t i = 0; i < expected.arrays.size(); ++i) {
        compareArray(actual.arrays[i], expected.arrays[i]);
        if (QTest::currentTestFailed()) {
            qWarning("in array %zu (%s)", i, qPrintable(expected.arrays[i].name));
            return;
        }
    }
    QCOMPARE(actual.unusedDevices, expected.unusedDevices);
    // The field-by-field checks above must agree with the model's own equality.
    QVERIFY(actual == expected);
}

/// Splits the resync log into its samples: the text after each "--- HH:MM:SS" line.
QStringList resyncSamples() {
    const QString log = fixture(QStringLiteral("testbed/mdstat_resyncing_samples.txt"));
    QStringList samples;
    QString preamble;
    QString* current = &preamble;
    const QStringList lines = log.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.startsWith(QLatin1String("--- "))) {
            samples.append(QString());
            current = &samples.last();
            continue;
        }
        if (i == lines.size() - 1 && line.isEmpty())
            break; // the log's final newline
        current->append(line + QLatin1Char('\n'));
    }
    if (!preamble.startsWith(QLatin1String("resync wait: ")))
        qFatal("unexpected first line of the resync log");
    return samples;
}

/// One row per capture: tag, file, whether it is an array block only, expected value.
void captureRows(const std::function<void(const char*, const char*, bool, const Mdstat&)>& add) {
    const QStringList raid1{QStringLiteral("raid1")};
    const auto R = MdSyncKind::Resync;
    const auto Rec = MdSyncKind::Recovery;

    // testbed (Debian 12, kernel 6.1)
    add("testbed clean", "testbed/mdstat_clean.txt", false,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sda", 1, "W"), member("dm-0", 0)})
                           .blocks(1046528, "1.2")
                           .disks(2, 2, "UU")
                           .bitmap(0, 1, 0, 65536 * KB)}));
    add("testbed after grow", "testbed/mdstat_after_grow.txt", false,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sda", 1, "W"), member("dm-0", 0)})
                           .blocks(1570816, "1.2")
                           .disks(2, 2, "UU")
                           .bitmap(0, 1, 0, 65536 * KB)}));
    add("testbed degraded", "testbed/mdstat_degraded.txt", false,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sda", 1, "WF"), member("dm-0", 0)})
                           .blocks(1570816, "1.2")
                           .disks(2, 1, "U_")
                           .bitmap(1, 1, 4, 65536 * KB)}));
    add("testbed final clean", "testbed/mdstat_final_clean.txt", false,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sda", 1, "W"), member("dm-0", 0)})
                           .blocks(1832960, "1.2")
                           .disks(2, 2, "UU")
                           .bitmap(0, 1, 0, 65536 * KB)}));

    // generated from the kernel's format strings
    add("generated w clean", "generated/mdstat_w_clean.txt", false,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sdb", 1, "W"), member("nvme0n1p2", 0)})
                           .blocks(976629760, "1.2")
                           .disks(2, 2, "UU")
                           .bitmap(0, 8, 0, 65536 * KB)}));
    add("fragment auto-read-only pending", "generated/mdstat_fragment_auto_read_only_pending.txt",
        true,
        mdstat(raid1, {Array("md0", "raid1")
                           .readOnly(MdReadOnly::AutoReadOnly)
                           .members({member("sdb", 1), member("nvme0n1p2", 0)})
                           .blocks(976629760, "1.2")
                           .disks(2, 2, "UU")
                           .wait(MdSyncWait::Pending, "resync")
                           .bitmap(3, 8, 12, 65536 * KB)}));
    add("fragment inactive", "generated/mdstat_fragment_inactive.txt", true,
        mdstat(raid1, {Array::inactive("md127")
                           .members({member("sdb", 1, "S"), member("nvme0n1p2", 0, "S")})
                           .blocks(1953259520, "1.2")}));
    add("fragment raid5 reshape", "generated/mdstat_fragment_raid5_reshape.txt", true,
        mdstat(raid1, {Array("md1", "raid5")
                           .members({member("sde1", 4), member("sdd1", 2), member("sdc1", 1),
                                     member("sdb1", 0)})
                           .blocks(1953259520, "1.2")
                           .layout("level 5, 512k chunk, algorithm 2")
                           .disks(4, 4, "UUUU")
                           .sync(MdSyncKind::Reshape, 0.1, 1464832, 976629760, 1110.4, 21972)
                           .bitmap(0, 8, 0, 65536 * KB)}));
    add("fragment recovery replacement", "generated/mdstat_fragment_recovery_replacement.txt", true,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sdc", 2, "W"), member("nvme0n1p2", 0)})
                           .blocks(976629760, "1.2")
                           .disks(2, 1, "U_")
                           .sync(Rec, 12.3, 120188544, 976629760, 72.3, 197400)
                           .bitmap(3, 8, 12, 65536 * KB)}));
    add("fragment w faulty", "generated/mdstat_fragment_w_faulty.txt", true,
        mdstat(raid1, {Array("md0", "raid1")
                           .members({member("sdb", 1, "WF"), member("nvme0n1p2", 0)})
                           .blocks(976629760, "1.2")
                           .disks(2, 1, "U_")
                           .bitmap(3, 8, 12, 65536 * KB)}));

    // public captures
    const QStringList six = names({"raid0", "raid1", "raid10", "raid6", "raid5", "raid4"});
    const QStringList eight =
        names({"linear", "multipath", "raid0", "raid1", "raid6", "raid5", "raid4", "raid10"});
    add("blog pending auto-ro check", "public/proc_mdstat_blog_pending_autoro_check.txt", false,
        mdstat(six, {Array("md126", "raid1")
                         .readOnly(MdReadOnly::AutoReadOnly)
                         .members({member("vdb1", 1), member("vda1", 0)})
                         .blocks(471726080, "1.2")
                         .disks(2, 2, "UU")
                         .wait(MdSyncWait::Pending, "resync")
                         .bitmap(2, 4, 8, 65536 * KB),
                     Array("md127", "raid1")
                         .members({member("vda2", 0), member("vdb2", 1)})
                         .blocks(1100871680, "1.2")
                         .disks(2, 2, "UU")
                         .sync(MdSyncKind::Check, 7.1, 78346880, 1100871680, 4.9, 3406386)
                         .bitmap(0, 9, 0, 65536 * KB)}));
    add("check_raid issue164 faulty extra",
        "public/proc_mdstat_check_raid_issue164_faulty_extra.txt", false,
        mdstat(raid1, {Array("md1", "raid1")
                           .members({member("sdc1", 0), member("sdh1", 5, "F"), member("sdg1", 4),
                                     member("sdf1", 3), member("sde1", 2), member("sdd1", 1)})
                           .blocks(1953382400, "1.2")
                           .disks(5, 5, "UUUUU")
                           .bitmap(2, 15, 8, 65536 * KB),
                       Array("md0", "raid1")
                           .members({member("sda1", 0), member("sdb1", 1)})
                           .blocks(124967936, "1.2")
                           .disks(2, 2, "UU")
                           .bitmap(1, 1, 4, 65536 * KB)}));
    add("check_raid issue34 imsm inactive",
        "public/proc_mdstat_check_raid_issue34_imsm_inactive.txt", false,
        mdstat(raid1, {Array("md127", "raid1")
                           .members({member("sda", 1), member("sdb", 0)})
                           .blocks(976759808, "external:/md0/0")
                           .disks(2, 2, "UU"),
                       Array::inactive("md0")
                           .members({member("sda", 1, "S"), member("sdb", 0, "S")})
                           .blocks(5288, "external:imsm")}));
    add("check_raid issue43 reshape raid6",
        "public/proc_mdstat_check_raid_issue43_reshape_raid6.txt", false,
        mdstat(names({"raid6", "raid5", "raid4"}),
               {Array("md0", "raid6")
                    .members({member("sde1", 6, "S"), member("sdf1", 7, "S"), member("sdb1", 0),
                              member("sdg1", 3), member("sdd1", 2), member("sdc", 1)})
                    .blocks(5860543744, "0.91")
                    .layout("level 6, 4k chunk, algorithm 18")
                    .disks(6, 4, "UUUU__")
                    .sync(MdSyncKind::Reshape, 48.4, 709745748, 1465135936, 1271.8, 9898)}));
    add("check_raid issue64 auto-read-only",
        "public/proc_mdstat_check_raid_issue64_auto_read_only.txt", false,
        mdstat(raid1, {Array("md2", "raid1")
                           .readOnly(MdReadOnly::AutoReadOnly)
                           .members({member("sdc3", 0), member("sdd3", 1)})
                           .blocks(1757700984, "1.2")
                           .disks(2, 2, "UU"),
                       Array("md1", "raid1")
                           .members({member("sdc2", 0), member("sdd2", 1)})
                           .blocks(195311544, "1.2")
                           .disks(2, 2, "UU"),
                       Array("md0", "raid1")
                           .readOnly(MdReadOnly::AutoReadOnly)
                           .members({member("sdc1", 0), member("sdd1", 1)})
                           .blocks(498676, "1.2")
                           .disks(2, 2, "UU")}));
    add("check_raid pr185_0 raid5 spare bitmap",
        "public/proc_mdstat_check_raid_pr185_0_raid5_spare_bitmap.txt", false,
        mdstat(eight, {Array("md1", "raid5")
                           .members({member("sdh", 3), member("sdg", 2), member("sdj", 6),
                                     member("sde", 1), member("sdk", 5, "S"), member("sdd", 0)})
                           .blocks(3750244352, "1.2")
                           .layout("level 5, 512k chunk, algorithm 2")
                           .disks(5, 5, "UUUUU")
                           .bitmap(4, 7, 16, 65536 * KB)}));
    add("check_raid pr28_2 recovery delayed 0.90",
        "public/proc_mdstat_check_raid_pr28_2_recovery_delayed_090.txt", false,
        mdstat(raid1, {Array("md1", "raid1")
                           .members({member("sda2", 2), member("sdb2", 1)})
                           .blocks(972574976, "0.90")
                           .disks(2, 1, "_U")
                           .wait(MdSyncWait::Delayed, "resync"),
                       Array("md0", "raid1")
                           .members({member("sda1", 2), member("sdb1", 1)})
                           .blocks(208704, "0.90")
                           .disks(2, 1, "_U")
                           .sync(Rec, 3.9, 8448, 208704, 267.0, 12)}));
    add("check_raid pr77 check and delayed",
        "public/proc_mdstat_check_raid_pr77_check_and_delayed.txt", false,
        mdstat(raid1, {Array("md1", "raid1")
                           .members({member("sda2", 0), member("sdb2", 1)})
                           .blocks(467282752, "1.1")
                           .disks(2, 2, "UU")
                           .wait(MdSyncWait::Delayed, "resync")
                           .bitmap(0, 4, 0, 65536 * KB),
                       Array("md0", "raid1")
                           .members({member("sda1", 0), member("sdb1", 1)})
                           .blocks(20971392, "1.0")
                           .disks(2, 2, "UU")
                           .sync(MdSyncKind::Check, 6.4, 1362112, 20971392, 3.3, 97293)
                           .bitmap(1, 1, 4, 65536 * KB)}));
    add("libstorage parse1 resync bitmap", "public/proc_mdstat_libstorage_parse1_resync_bitmap.txt",
        false,
        mdstat(six, {Array("md0", "raid1")
                         .members({member("sdb1", 1), member("sda1", 0)})
                         .blocks(8387520, "1.0")
                         .disks(2, 2, "UU")
                         .sync(R, 23.4, 1963200, 8387520, 4.6, 23178)
                         .bitmap(1, 1, 4, 65536 * KB)}));
    add("libstorage parse2 imsm auto-ro inactive",
        "public/proc_mdstat_libstorage_parse2_imsm_autoreadonly_inactive.txt", false,
        mdstat(names({"raid1", "raid0"}),
               {Array("md125", "raid1")
                    .readOnly(MdReadOnly::AutoReadOnly)
                    .members({member("sda", 1), member("sdb", 0)})
                    .blocks(4194304, "external:/md127/0")
                    .disks(2, 2, "UU"),
                Array("md126", "raid0")
                    .members({member("sda", 1), member("sdb", 0)})
                    .blocks(8378790, "external:/md127/1")
                    .layout("128k chunks"),
                Array::inactive("md127")
                    .members({member("sdb", 1, "S"), member("sda", 0, "S")})
                    .blocks(5104, "external:imsm")}));
    add("libstorage parse3 ddf inactive", "public/proc_mdstat_libstorage_parse3_ddf_inactive.txt",
        false,
        mdstat(names({"raid1", "raid0"}),
               {Array("md125", "raid1")
                    .members({member("sda", 1), member("sdb", 0)})
                    .blocks(7355904, "external:/md127/1")
                    .disks(2, 2, "UU"),
                Array("md126", "raid0")
                    .members({member("sda", 1), member("sdb", 0)})
                    .blocks(1999872, "external:/md127/0")
                    .layout("512k chunks"),
                Array::inactive("md127")
                    .members({member("sdb", 1, "S"), member("sda", 0, "S")})
                    .blocks(65536, "external:ddf")}));
    add("libstorage parse4 raid5 faulty", "public/proc_mdstat_libstorage_parse4_raid5_faulty.txt",
        false,
        mdstat(names({"raid1", "raid0", "raid6", "raid5", "raid4", "raid10", "multipath"}),
               {Array("md0", "raid5")
                    .members({member("sdd", 4, "F"), member("sdc", 3), member("sdb", 1),
                              member("sda", 0)})
                    .blocks(33521664, "1.2")
                    .layout("level 5, 512k chunk, algorithm 2")
                    .disks(3, 3, "UUU")}));
    add("node_exporter composite", "public/proc_mdstat_node_exporter_composite.txt", false,
        mdstat(eight,
               {Array("md3", "raid6")
                    .members({member("sda1", 8), member("sdh1", 7), member("sdg1", 6),
                              member("sdf1", 5), member("sde1", 11), member("sdd1", 3),
                              member("sdc1", 10), member("sdb1", 9)})
                    .blocks(5853468288, "1.2")
                    .layout("level 6, 64k chunk, algorithm 2")
                    .disks(8, 8, "UUUUUUUU"),
                Array("md127", "raid1")
                    .members({member("sdi2", 0), member("sdj2", 1)})
                    .blocks(312319552, "0.90")
                    .disks(2, 2, "UU"),
                Array("md0", "raid1")
                    .members({member("sdi1", 0), member("sdj1", 1)})
                    .blocks(248896, "0.90")
                    .disks(2, 2, "UU"),
                // hand-edited by node_exporter: the kernel prints no personality for an
                // inactive array; the parser keeps the word it finds.
                Array::inactive("md4")
                    .level("raid1")
                    .members({member("sda3", 0), member("sdb3", 1)})
                    .blocks(4883648, "0.90")
                    .disks(2, 2, "UU"),
                Array("md6", "raid1")
                    .members({member("sdb2", 2), member("sda2", 0)})
                    .blocks(195310144, "0.90")
                    .disks(2, 1, "U_")
                    .sync(Rec, 8.5, 16775552, 195310144, 17.0, 259783),
                Array("md8", "raid1") // TAB-indented lines
                    .members({member("sdb1", 1), member("sda1", 0)})
                    .blocks(195310144, "0.90")
                    .disks(2, 2, "UU")
                    .sync(R, 8.5, 16775552, 195310144, 17.0, 259783),
                Array("md7", "raid6")
                    .members({member("sdb1", 0), member("sde1", 3), member("sdd1", 2),
                              member("sdc1", 1)})
                    .blocks(7813735424, "1.2")
                    .layout("level 6, 512k chunk, algorithm 2")
                    .disks(4, 3, "U_UU")
                    .bitmap(0, 30, 0, 65536 * KB),
                Array("md9", "raid1")
                    .members({member("sdc2", 2), member("sdd2", 3), member("sdb2", 1),
                              member("sda2", 0)})
                    .blocks(523968, "1.2")
                    .disks(4, 4, "UUUU")
                    .wait(MdSyncWait::Delayed, "resync"),
                Array("md10", "raid0")
                    .members({member("sda1", 0), member("sdb1", 1)})
                    .blocks(314159265, "0.90")
                    .layout("64k chunks"),
                Array("md11", "raid1")
                    .readOnly(MdReadOnly::AutoReadOnly)
                    .members({member("sdb2", 0), member("sdc2", 1)})
                    .blocks(4190208, "1.2")
                    .disks(2, 2, "UU")
                    .wait(MdSyncWait::Pending, "resync"),
                Array("md12", "raid0")
                    .members({member("sdc2", 0), member("sdd2", 1)})
                    .blocks(3886394368, "1.2")
                    .layout("512k chunks"),
                Array::inactive("md219")
                    .members({member("sdb", 2, "S"), member("sdc", 1, "S"), member("sda", 0, "S")})
                    .blocks(7932, "external:imsm")}));
    add("raid0 over raid6 degraded", "public/proc_mdstat_raid0_over_raid6_degraded.txt", false,
        mdstat(names({"raid6", "raid5", "raid4", "raid0"}),
               {Array("md2", "raid0")
                    .members({member("md1", 1), member("md0", 0)})
                    .blocks(1527808, "1.2")
                    .layout("512k chunks"),
                Array("md1", "raid6")
                    .members({member("sdk", 4), member("sdj", 3), member("sdi", 2),
                              member("sdh", 1), member("sdg", 0)})
                    .blocks(764928, "1.2")
                    .layout("level 6, 512k chunk, algorithm 2")
                    .disks(5, 5, "UUUUU"),
                Array("md0", "raid6")
                    .members({member("sdf", 4), member("sde", 3), member("sdd", 2),
                              member("sdc", 1, "F"), member("sdb", 0)})
                    .blocks(764928, "1.2")
                    .layout("level 6, 512k chunk, algorithm 2")
                    .disks(5, 4, "U_UUU")}));
    add("raid10 near faulty", "public/proc_mdstat_raid10_near_faulty.txt", false,
        mdstat(
            names({"raid10"}),
            {Array("md0", "raid10")
                 .members({member("sdk", 9), member("sdj", 8), member("sdi", 7), member("sdh", 6),
                           member("sdg", 5), member("sdf", 4), member("sde", 3), member("sdd", 2),
                           member("sdc", 1, "F"), member("sdb", 0)})
                 .blocks(1274880, "1.2")
                 .layout("512K chunks 2 near-copies")
                 .disks(10, 9, "U_UUUUUUUU")}));
    add("reinelt write-mostly", "public/proc_mdstat_reinelt_writemostly_W.txt", false,
        mdstat(eight, {Array("md1", "raid1")
                           .members({member("sda2", 2, "W"), member("sdb2", 4)})
                           .blocks(1919826944, "1.2")
                           .disks(2, 2, "UU")
                           .bitmap(0, 15, 0, 65536 * KB),
                       Array("md0", "raid1")
                           .members({member("sda1", 5, "W"), member("nvme0n1p3", 3),
                                     member("sdb1", 4, "W")})
                           .blocks(33520640, "1.2")
                           .disks(3, 3, "UUU")
                           .bitmap(1, 1, 4, 65536 * KB)}));
}

} // namespace

class TestMdstat : public QObject {
    Q_OBJECT
private slots:
    // ---- verbatim captures ------------------------------------------------------------------

    void captures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("fragment");
        QTest::addColumn<Mdstat>("expected");
        captureRows([](const char* tag, const char* file, bool fragment, const Mdstat& expected) {
            QTest::newRow(tag) << file << fragment << expected;
        });
    }

    void captures() {
        QFETCH(QString, file);
        QFETCH(bool, fragment);
        QFETCH(Mdstat, expected);
        QString text = fixture(file);
        if (fragment)
            text = wrapFragment(text);
        const auto result = parseMdstat(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        compareMdstat(result.value(), expected);
    }

    void everyCaptureIsCovered() {
        // Guards against a new fixture file that no row above reads.
        QStringList files;
        for (const QString& folder :
             {QStringLiteral("testbed"), QStringLiteral("generated"), QStringLiteral("public")}) {
            const QDir dir(QStringLiteral(NR1_FIXTURES_DIR "/") + folder);
            const QString pattern = folder == QLatin1String("public")
                                        ? QStringLiteral("proc_mdstat_*.txt")
                                        : QStringLiteral("mdstat_*.txt");
            for (const QString& name : dir.entryList({pattern}, QDir::Files))
                files << folder + QLatin1Char('/') + name;
        }
        QStringList covered{
            QStringLiteral("testbed/mdstat_resyncing_samples.txt"),   // resyncLog()
            QStringLiteral("public/proc_mdstat_raid5_recovery.txt")}; // truncatedCapture()
        captureRows([&](const char*, const char* file, bool, const Mdstat&) {
            covered << QString::fromLatin1(file);
        });
        files.sort();
        covered.sort();
        QCOMPARE(files, covered);
    }

    void resyncLog_data() {
        QTest::addColumn<int>("sample");
        QTest::addColumn<double>("percent");
        QTest::addColumn<qint64>("done");
        QTest::addColumn<double>("finish");
        QTest::addColumn<qint64>("speed");
        QTest::newRow("16:00:34") << 0 << 16.9 << qint64(177728) << 0.5 << qint64(25389);
        QTest::newRow("16:00:40") << 1 << 31.2 << qint64(327552) << 0.4 << qint64(25196);
        QTest::newRow("16:00:46") << 2 << 45.0 << qint64(472320) << 0.3 << qint64(24858);
        QTest::newRow("16:00:52") << 3 << 57.7 << qint64(604416) << 0.3 << qint64(23246);
        QTest::newRow("16:00:59") << 4 << 69.7 << qint64(730560) << 0.2 << qint64(22830);
        QTest::newRow("16:01:05") << 5 << 80.3 << qint64(841472) << 0.1 << qint64(21856);
        QTest::newRow("16:01:12") << 6 << 91.3 << qint64(957184) << 0.0 << qint64(20346);
    }

    void resyncLog() {
        QFETCH(int, sample);
        QFETCH(double, percent);
        QFETCH(qint64, done);
        QFETCH(double, finish);
        QFETCH(qint64, speed);
        const QStringList samples = resyncSamples();
        QCOMPARE(samples.size(), 8);
        const auto result = parseMdstat(samples.at(sample));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY(result.warnings().empty());
        const Mdstat expected = mdstat(
            names({"raid1"}), {Array("md0", "raid1")
                                   .members({member("sda", 1, "W"), member("dm-0", 0)})
                                   .blocks(1046528, "1.2")
                                   .disks(2, 2, "UU")
                                   .sync(MdSyncKind::Resync, percent, done, 1046528, finish, speed)
                                   .bitmap(1, 1, 4, 65536 * KB)});
        compareMdstat(result.value(), expected);
    }

    void resyncLogLastSampleHasNoSync() {
        const QStringList samples = resyncSamples();
        QCOMPARE(samples.size(), 8);
        const auto result = parseMdstat(samples.last());
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY(result.warnings().empty());
        compareMdstat(
            result.value(),
            mdstat(names({"raid1"}), {Array("md0", "raid1")
                                          .members({member("sda", 1, "W"), member("dm-0", 0)})
                                          .blocks(1046528, "1.2")
                                          .disks(2, 2, "UU")
                                          .bitmap(1, 1, 4, 65536 * KB)}));
    }

    void truncatedCapture() {
        // The author cut the output after md2's blocks line: no "unused devices:" line.
        const auto result =
            parseMdstat(fixture(QStringLiteral("public/proc_mdstat_raid5_recovery.txt")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("/proc/mdstat"));
        QCOMPARE(result.error().line, 7);
        QVERIFY2(result.error().expected.contains(QLatin1String("unused devices:")),
                 qPrintable(result.error().toString()));
        QVERIFY2(result.error().found.contains(QLatin1String("1017856 blocks")),
                 qPrintable(result.error().toString()));
        QVERIFY(result.error().toString().contains(QLatin1String("line 7")));
    }

    // ---- constructed cases in the kernel's format -------------------------------------------

    void memberFlags_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<MdstatMember>("expected");
        QTest::newRow("no flag") << "sdb[1]" << member("sdb", 1);
        QTest::newRow("(W)") << "sdb[1](W)" << member("sdb", 1, "W");
        QTest::newRow("(J)") << "sde[4](J)" << member("sde", 4, "J");
        QTest::newRow("(F)") << "sdb[1](F)" << member("sdb", 1, "F");
        QTest::newRow("(S)") << "sdd[3](S)" << member("sdd", 3, "S");
        QTest::newRow("(R)") << "sdc[2](R)" << member("sdc", 2, "R");
        QTest::newRow("(W)(F)") << "sdb[1](W)(F)" << member("sdb", 1, "WF");
        QTest::newRow("(W)(S)") << "sdd[3](W)(S)" << member("sdd", 3, "WS");
        QTest::newRow("(W)(R)") << "sdc[2](W)(R)" << member("sdc", 2, "WR");
        QTest::newRow("(W)(J)") << "sde[4](W)(J)" << member("sde", 4, "WJ");
        QTest::newRow("(J)(F)") << "sde[4](J)(F)" << member("sde", 4, "JF");
        QTest::newRow("(S)(R)") << "sdf[5](S)(R)" << member("sdf", 5, "SR");
        QTest::newRow("(W)(J)(F)") << "sdg[6](W)(J)(F)" << member("sdg", 6, "WJF");
        QTest::newRow("two-digit slot") << "nvme0n1p2[12]" << member("nvme0n1p2", 12);
        QTest::newRow("dm device") << "dm-0[0](W)" << member("dm-0", 0, "W");
        QTest::newRow("md member") << "md1[1]" << member("md1", 1);
    }

    void memberFlags() {
        QFETCH(QString, token);
        QFETCH(MdstatMember, expected);
        const QString text = QStringLiteral("Personalities : [raid1] \n"
                                            "md0 : active raid1 ") +
                             token +
                             QStringLiteral(" sda[0]\n"
                                            "      1046528 blocks super 1.2 [2/2] [UU]\n"
                                            "      \n"
                                            "unused devices: <none>\n");
        const auto result = parseMdstat(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        QCOMPARE(result.value().arrays.size(), size_t(1));
        const auto& members = result.value().arrays.front().members;
        QCOMPARE(members.size(), size_t(2));
        compareMember(members[0], expected);
        if (QTest::currentTestFailed())
            return;
        compareMember(members[1], member("sda", 0));
    }

    void statusLines_data() {
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("blocksLine");
        QTest::addColumn<qint64>("blocks");
        QTest::addColumn<QString>("superblock");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("raidDisks"); // -1: none printed
        QTest::addColumn<int>("workingDisks");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("raid1") << "raid1"
                               << "      1046528 blocks super 1.2 [2/2] [UU]" << qint64(1046528)
                               << "1.2"
                               << "" << 2 << 2 << "UU";
        QTest::newRow("raid1 degraded first")
            << "raid1"
            << "      1046528 blocks super 1.2 [3/1] [__U]" << qint64(1046528) << "1.2"
            << "" << 3 << 1 << "__U";
        QTest::newRow("raid1 all missing")
            << "raid1"
            << "      1046528 blocks super 1.2 [2/0] [__]" << qint64(1046528) << "1.2"
            << "" << 2 << 0 << "__";
        QTest::newRow("raid0") << "raid0"
                               << "      2093056 blocks super 1.2 512k chunks" << qint64(2093056)
                               << "1.2"
                               << "512k chunks" << -1 << -1 << "";
        QTest::newRow("raid10 near")
            << "raid10"
            << "      2093056 blocks super 1.2 512K chunks 2 near-copies [4/4] [UUUU]"
            << qint64(2093056) << "1.2"
            << "512K chunks 2 near-copies" << 4 << 4 << "UUUU";
        QTest::newRow("raid10 near copies = disks")
            << "raid10"
            << "      1046528 blocks super 1.2 2 near-copies [2/2] [UU]" << qint64(1046528) << "1.2"
            << "2 near-copies" << 2 << 2 << "UU";
        QTest::newRow("raid10 far")
            << "raid10"
            << "      2093056 blocks super 1.2 512K chunks 2 far-copies [4/3] [UU_U]"
            << qint64(2093056) << "1.2"
            << "512K chunks 2 far-copies" << 4 << 3 << "UU_U";
        QTest::newRow("raid10 offset")
            << "raid10"
            << "      1569792 blocks super 1.2 512K chunks 2 offset-copies [3/3] [UUU]"
            << qint64(1569792) << "1.2"
            << "512K chunks 2 offset-copies" << 3 << 3 << "UUU";
        QTest::newRow("raid5")
            << "raid5"
            << "      2093056 blocks super 1.2 level 5, 512k chunk, algorithm 2 [3/3] [UUU]"
            << qint64(2093056) << "1.2"
            << "level 5, 512k chunk, algorithm 2" << 3 << 3 << "UUU";
        QTest::newRow("raid5 degraded")
            << "raid5"
            << "      2093056 blocks super 1.2 level 5, 64k chunk, algorithm 2 [3/2] [U_U]"
            << qint64(2093056) << "1.2"
            << "level 5, 64k chunk, algorithm 2" << 3 << 2 << "U_U";
        QTest::newRow("raid6")
            << "raid6"
            << "      2093056 blocks super 1.2 level 6, 512k chunk, algorithm 2 [4/4] [UUUU]"
            << qint64(2093056) << "1.2"
            << "level 6, 512k chunk, algorithm 2" << 4 << 4 << "UUUU";
        QTest::newRow("raid4")
            << "raid4"
            << "      2093056 blocks super 1.2 level 4, 512k chunk, algorithm 0 [3/3] [UUU]"
            << qint64(2093056) << "1.2"
            << "level 4, 512k chunk, algorithm 0" << 3 << 3 << "UUU";
        QTest::newRow("linear") << "linear"
                                << "      2093056 blocks super 1.2 0k rounding" << qint64(2093056)
                                << "1.2"
                                << "0k rounding" << -1 << -1 << "";
        QTest::newRow("linear 0.90")
            << "linear"
            << "      2093056 blocks 64k rounding" << qint64(2093056) << "0.90"
            << "64k rounding" << -1 << -1 << "";
        QTest::newRow("multipath 0.90")
            << "multipath"
            << "      1046528 blocks [2/2] [UU]" << qint64(1046528) << "0.90"
            << "" << 2 << 2 << "UU";
        QTest::newRow("multipath one path")
            << "multipath"
            << "      1046528 blocks super 1.2 [2/1] [_U]" << qint64(1046528) << "1.2"
            << "" << 2 << 1 << "_U";
        QTest::newRow("super 1.0")
            << "raid1"
            << "      1046528 blocks super 1.0 [2/2] [UU]" << qint64(1046528) << "1.0"
            << "" << 2 << 2 << "UU";
        QTest::newRow("super 1.1")
            << "raid1"
            << "      1046528 blocks super 1.1 [2/2] [UU]" << qint64(1046528) << "1.1"
            << "" << 2 << 2 << "UU";
        QTest::newRow("0.90: no super")
            << "raid1"
            << "      1046528 blocks [2/2] [UU]" << qint64(1046528) << "0.90"
            << "" << 2 << 2 << "UU";
        QTest::newRow("super external container member")
            << "raid1"
            << "      1046528 blocks super external:/md127/0 [2/2] [UU]" << qint64(1046528)
            << "external:/md127/0"
            << "" << 2 << 2 << "UU";
        QTest::newRow("super external blocked by mdmon")
            << "raid1"
            << "      1046528 blocks super external:-md127/0 [2/2] [UU]" << qint64(1046528)
            << "external:-md127/0"
            << "" << 2 << 2 << "UU";
        QTest::newRow("super non-persistent")
            << "raid1"
            << "      1046528 blocks super non-persistent [2/2] [UU]" << qint64(1046528)
            << "non-persistent"
            << "" << 2 << 2 << "UU";
        QTest::newRow("zero blocks") << "raid1"
                                     << "      0 blocks super 1.2 [2/2] [UU]" << qint64(0) << "1.2"
                                     << "" << 2 << 2 << "UU";
        QTest::newRow("16 TiB array")
            << "raid1"
            << "      17179869184 blocks super 1.2 [2/2] [UU]" << qint64(17179869184) << "1.2"
            << "" << 2 << 2 << "UU";
    }

    void statusLines() {
        QFETCH(QString, level);
        QFETCH(QString, blocksLine);
        QFETCH(qint64, blocks);
        QFETCH(QString, superblock);
        QFETCH(QString, layout);
        QFETCH(int, raidDisks);
        QFETCH(int, workingDisks);
        QFETCH(QString, pattern);
        const QString text = QStringLiteral("Personalities : [%1] \n"
                                            "md0 : active %1 sdb[1] sda[0]\n")
                                 .arg(level) +
                             blocksLine + QStringLiteral("\n      \nunused devices: <none>\n");
        const auto result = parseMdstat(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        QCOMPARE(result.value().personalities, QStringList{level});
        QCOMPARE(result.value().arrays.size(), size_t(1));
        const MdstatArray& array = result.value().arrays.front();
        QCOMPARE(array.level, level);
        QCOMPARE(array.blocksKiB, std::optional<qint64>(blocks));
        QCOMPARE(array.superblock, superblock);
        QCOMPARE(array.layout, layout);
        QCOMPARE(array.raidDisks.value_or(-1), raidDisks);
        QCOMPARE(array.workingDisks.value_or(-1), workingDisks);
        QCOMPARE(array.pattern, pattern);
        QVERIFY(!array.sync);
        QCOMPARE(int(array.syncWait), int(MdSyncWait::None));
        QVERIFY(!array.bitmap);
    }

    void progressLines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<MdSyncProgress>("expected");
        const auto R = MdSyncKind::Resync;
        QTest::newRow("resync 0.0%")
            << "[>....................]  resync =  0.0% (512/1046528) finish=10.2min "
               "speed=1706K/sec"
            << progress(R, 0.0, 512, 1046528, 10.2, 1706);
        QTest::newRow("resync 100.0%")
            << "[====================>]  resync =100.0% (1046528/1046528) finish=0.0min "
               "speed=25000K/sec"
            << progress(R, 100.0, 1046528, 1046528, 0.0, 25000);
        QTest::newRow("resync 99.9%")
            << "[===================>.]  resync = 99.9% (1045504/1046528) finish=0.0min "
               "speed=20480K/sec"
            << progress(R, 99.9, 1045504, 1046528, 0.0, 20480);
        QTest::newRow("recovery")
            << "[=========>...........]  recovery = 45.2% (473600/1046528) finish=0.3min "
               "speed=23680K/sec"
            << progress(MdSyncKind::Recovery, 45.2, 473600, 1046528, 0.3, 23680);
        QTest::newRow("reshape")
            << "[===>.................]  reshape = 15.0% (157184/1046528) finish=1.6min "
               "speed=9248K/sec"
            << progress(MdSyncKind::Reshape, 15.0, 157184, 1046528, 1.6, 9248);
        QTest::newRow("check")
            << "[==================>..]  check = 93.9% (983040/1046528) finish=0.0min "
               "speed=98304K/sec"
            << progress(MdSyncKind::Check, 93.9, 983040, 1046528, 0.0, 98304);
        QTest::newRow("large numbers")
            << "[>....................]  recovery =  2.5% (48828125/1953259520) "
               "finish=13005.9min speed=2502K/sec"
            << progress(MdSyncKind::Recovery, 2.5, 48828125, 1953259520, 13005.9, 2502);
        QTest::newRow("speed 0 (stalled)")
            << "[=>...................]  resync =  5.0% (52326/1046528) finish=99999.9min "
               "speed=0K/sec"
            << progress(R, 5.0, 52326, 1046528, 99999.9, 0);
    }

    void progressLines() {
        QFETCH(QString, line);
        QFETCH(MdSyncProgress, expected);
        const auto result =
            parseMdstat(raid1Doc(QStringLiteral("      ") + line + QStringLiteral("\n      \n")));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        const MdstatArray& array = result.value().arrays.front();
        QVERIFY(array.sync.has_value());
        compareProgress(*array.sync, expected);
        QCOMPARE(int(array.syncWait), int(MdSyncWait::None));
        QCOMPARE(array.syncWaitAction, QString());
        QCOMPARE(array.pattern, QStringLiteral("UU"));
    }

    void waitLines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<MdSyncWait>("wait");
        QTest::addColumn<QString>("action");
        QTest::newRow("resync=DELAYED")
            << "      \tresync=DELAYED" << MdSyncWait::Delayed << "resync";
        QTest::newRow("resync=PENDING")
            << "      \tresync=PENDING" << MdSyncWait::Pending << "resync";
        QTest::newRow("resync=REMOTE") << "      \tresync=REMOTE" << MdSyncWait::Remote << "resync";
        QTest::newRow("recover=REMOTE")
            << "      \trecover=REMOTE" << MdSyncWait::Remote << "recover";
        QTest::newRow("reshape=REMOTE")
            << "      \treshape=REMOTE" << MdSyncWait::Remote << "reshape";
        // As captures show it: the TAB expanded to spaces, or the 6 spaces dropped.
        QTest::newRow("tab expanded")
            << "        resync=DELAYED" << MdSyncWait::Delayed << "resync";
        QTest::newRow("tab only") << "\tresync=PENDING" << MdSyncWait::Pending << "resync";
    }

    void waitLines() {
        QFETCH(QString, line);
        QFETCH(MdSyncWait, wait);
        QFETCH(QString, action);
        const auto result = parseMdstat(raid1Doc(line + QStringLiteral("\n      \n")));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        const MdstatArray& array = result.value().arrays.front();
        QCOMPARE(int(array.syncWait), int(wait));
        QCOMPARE(array.syncWaitAction, action);
        QVERIFY(!array.sync);
    }

    void bitmapLines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<MdBitmap>("expected");
        QTest::newRow("internal 64M chunk")
            << "      bitmap: 0/8 pages [0KB], 65536KB chunk" << bitmap(0, 8, 0, 65536 * KB);
        QTest::newRow("512B chunk")
            << "      bitmap: 1/1 pages [4KB], 512B chunk" << bitmap(1, 1, 4, 512);
        QTest::newRow("1KB chunk")
            << "      bitmap: 1/1 pages [4KB], 1KB chunk" << bitmap(1, 1, 4, 1024);
        QTest::newRow("file bitmap")
            << "      bitmap: 2/3 pages [8KB], 4KB chunk, file: /var/lib/md/md0-bitmap"
            << bitmap(2, 3, 8, 4 * KB, "/var/lib/md/md0-bitmap");
        QTest::newRow("file bitmap, 512B chunk")
            << "      bitmap: 0/1 pages [0KB], 512B chunk, file: /path/to/bitmap"
            << bitmap(0, 1, 0, 512, "/path/to/bitmap");
        // seq_file_path() prints space, tab and newline of the path as \ooo.
        QTest::newRow("file path with escaped space")
            << "      bitmap: 0/1 pages [0KB], 65536KB chunk, file: /srv/md\\040bitmaps/md0"
            << bitmap(0, 1, 0, 65536 * KB, "/srv/md bitmaps/md0");
        QTest::newRow("file path with escaped tab and newline")
            << "      bitmap: 0/1 pages [0KB], 65536KB chunk, file: /a\\011b\\012c"
            << bitmap(0, 1, 0, 65536 * KB, "/a\tb\nc");
        QTest::newRow("file path with other backslash")
            << "      bitmap: 0/1 pages [0KB], 65536KB chunk, file: /a\\x\\12"
            << bitmap(0, 1, 0, 65536 * KB, "/a\\x\\12");
        QTest::newRow("many pages") << "      bitmap: 120/120 pages [480KB], 1024KB chunk"
                                    << bitmap(120, 120, 480, 1024 * KB);
        QTest::newRow("trailing space")
            << "      bitmap: 3/8 pages [12KB], 65536KB chunk " << bitmap(3, 8, 12, 65536 * KB);
    }

    void bitmapLines() {
        QFETCH(QString, line);
        QFETCH(MdBitmap, expected);
        const auto result = parseMdstat(raid1Doc(line + QStringLiteral("\n\n")));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        const MdstatArray& array = result.value().arrays.front();
        QVERIFY(array.bitmap.has_value());
        compareBitmap(*array.bitmap, expected);
    }

    void documents_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Mdstat>("expected");
        const QStringList raid1{QStringLiteral("raid1")};

        QTest::newRow("read-only")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active (read-only) raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << mdstat(raid1, {Array("md0", "raid1")
                                  .readOnly(MdReadOnly::ReadOnly)
                                  .members({member("sdb", 1), member("sda", 0)})
                                  .blocks(1046528, "1.2")
                                  .disks(2, 2, "UU")});
        QTest::newRow("auto-read-only pending")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active (auto-read-only) raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \tresync=PENDING\n"
                              "      \n"
                              "unused devices: <none>\n")
            << mdstat(raid1, {Array("md0", "raid1")
                                  .readOnly(MdReadOnly::AutoReadOnly)
                                  .members({member("sdb", 1), member("sda", 0)})
                                  .blocks(1046528, "1.2")
                                  .disks(2, 2, "UU")
                                  .wait(MdSyncWait::Pending, "resync")});
        QTest::newRow("inactive") << QStringLiteral("Personalities : [raid1] \n"
                                                    "md127 : inactive sdb[1](S) sda[0](S)\n"
                                                    "      2093056 blocks super 1.2\n"
                                                    "       \n"
                                                    "unused devices: <none>\n")
                                  << mdstat(raid1, {Array::inactive("md127")
                                                        .members({member("sdb", 1, "S"),
                                                                  member("sda", 0, "S")})
                                                        .blocks(2093056, "1.2")});
        QTest::newRow("inactive 0.90, write-mostly spare")
            << QStringLiteral("Personalities : \n"
                              "md1 : inactive sdc1[1](W)(S) sdb1[0](S)\n"
                              "      976759936 blocks\n"
                              "       \n"
                              "unused devices: <none>\n")
            << mdstat({}, {Array::inactive("md1")
                               .members({member("sdc1", 1, "WS"), member("sdb1", 0, "S")})
                               .blocks(976759936, "0.90")});
        QTest::newRow("inactive without members")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : inactive super 1.2\n"
                              "       \n"
                              "unused devices: <none>\n")
            << mdstat(raid1, {Array::inactive("md0").superblock("1.2")});
        QTest::newRow("inactive without members, non-persistent")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : inactive super non-persistent\n"
                              "       \n"
                              "unused devices: <none>\n")
            << mdstat(raid1, {Array::inactive("md0").superblock("non-persistent")});
        QTest::newRow("no arrays, no personalities") << QStringLiteral("Personalities : \n"
                                                                       "unused devices: <none>\n")
                                                     << mdstat({}, {});
        QTest::newRow("unused devices listed") << QStringLiteral("Personalities : [raid1] \n"
                                                                 "unused devices: sdc sdd1 dm-3 \n")
                                               << mdstat(raid1, {}, names({"sdc", "sdd1", "dm-3"}));
        QTest::newRow("progress, bitmap and separators")
            << QStringLiteral("Personalities : [raid1] [raid6] [raid5] [raid4] \n"
                              "md1 : active raid5 sdd[3] sdc[2] sdb[1]\n"
                              "      2093056 blocks super 1.2 level 5, 512k chunk, algorithm 2 "
                              "[3/2] [UU_]\n"
                              "      [=>...................]  recovery =  8.2% (86016/1046528) "
                              "finish=0.7min speed=21504K/sec\n"
                              "      \n"
                              "md0 : active raid1 sdb[1](W) sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \tresync=DELAYED\n"
                              "      bitmap: 1/1 pages [4KB], 65536KB chunk\n"
                              "\n"
                              "md2 : active raid1 sdf[1] sde[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << mdstat(names({"raid1", "raid6", "raid5", "raid4"}),
                      {Array("md1", "raid5")
                           .members({member("sdd", 3), member("sdc", 2), member("sdb", 1)})
                           .blocks(2093056, "1.2")
                           .layout("level 5, 512k chunk, algorithm 2")
                           .disks(3, 2, "UU_")
                           .sync(MdSyncKind::Recovery, 8.2, 86016, 1046528, 0.7, 21504),
                       Array("md0", "raid1")
                           .members({member("sdb", 1, "W"), member("sda", 0)})
                           .blocks(1046528, "1.2")
                           .disks(2, 2, "UU")
                           .wait(MdSyncWait::Delayed, "resync")
                           .bitmap(1, 1, 4, 65536 * KB),
                       Array("md2", "raid1")
                           .members({member("sdf", 1), member("sde", 0)})
                           .blocks(1046528, "1.2")
                           .disks(2, 2, "UU")});
        QTest::newRow("replacement during recovery")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdc[2](R) sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      [====>................]  recovery = 22.5% (235520/1046528) "
                              "finish=0.5min speed=23552K/sec\n"
                              "      bitmap: 1/1 pages [4KB], 65536KB chunk\n"
                              "\n"
                              "unused devices: <none>\n")
            << mdstat(raid1,
                      {Array("md0", "raid1")
                           .members({member("sdc", 2, "R"), member("sdb", 1), member("sda", 0)})
                           .blocks(1046528, "1.2")
                           .disks(2, 2, "UU")
                           .sync(MdSyncKind::Recovery, 22.5, 235520, 1046528, 0.5, 23552)
                           .bitmap(1, 1, 4, 65536 * KB)});
        QTest::newRow("raid5 with journal")
            << QStringLiteral("Personalities : [raid6] [raid5] [raid4] \n"
                              "md0 : active raid5 sde[3](J) sdd[2] sdc[1] sdb[0]\n"
                              "      2093056 blocks super 1.2 level 5, 512k chunk, algorithm 2 "
                              "[3/3] [UUU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << mdstat(names({"raid6", "raid5", "raid4"}),
                      {Array("md0", "raid5")
                           .members({member("sde", 3, "J"), member("sdd", 2), member("sdc", 1),
                                     member("sdb", 0)})
                           .blocks(2093056, "1.2")
                           .layout("level 5, 512k chunk, algorithm 2")
                           .disks(3, 3, "UUU")});

        const QString clean = fixture(QStringLiteral("testbed/mdstat_clean.txt"));
        const Mdstat cleanValue =
            mdstat(raid1, {Array("md0", "raid1")
                               .members({member("sda", 1, "W"), member("dm-0", 0)})
                               .blocks(1046528, "1.2")
                               .disks(2, 2, "UU")
                               .bitmap(0, 1, 0, 65536 * KB)});
        QString crlf = clean;
        crlf.replace(QLatin1String("\n"), QLatin1String("\r\n"));
        QTest::newRow("Windows line endings") << crlf << cleanValue;
        QString noFinalNewline = clean;
        noFinalNewline.chop(1);
        QTest::newRow("no final newline") << noFinalNewline << cleanValue;
    }

    void documents() {
        QFETCH(QString, text);
        QFETCH(Mdstat, expected);
        const auto result = parseMdstat(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        compareMdstat(result.value(), expected);
    }

    void find() {
        const auto result = parseMdstat(
            fixture(QStringLiteral("public/proc_mdstat_raid0_over_raid6_degraded.txt")));
        QVERIFY(result.ok());
        const Mdstat& value = result.value();
        QVERIFY(value.find(QStringLiteral("md1")) != nullptr);
        QCOMPARE(value.find(QStringLiteral("md1")), &value.arrays[1]);
        QCOMPARE(value.find(QStringLiteral("md2"))->level, QStringLiteral("raid0"));
        QVERIFY(value.find(QStringLiteral("md3")) == nullptr);
        QVERIFY(value.find(QString()) == nullptr);
    }

    void syncKindNames_data() {
        QTest::addColumn<MdSyncKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("resync") << MdSyncKind::Resync << "resync";
        QTest::newRow("recovery") << MdSyncKind::Recovery << "recovery";
        QTest::newRow("reshape") << MdSyncKind::Reshape << "reshape";
        QTest::newRow("check") << MdSyncKind::Check << "check";
    }

    void syncKindNames() {
        QFETCH(MdSyncKind, kind);
        QFETCH(QString, name);
        QCOMPARE(mdSyncKindName(kind), name);
    }

    // ---- errors and warnings ----------------------------------------------------------------

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected"); // a part of error().expected
        QTest::addColumn<QString>("found");    // a part of error().found
        const QString head = QStringLiteral("Personalities : [raid1] \n"
                                            "md0 : active raid1 sdb[1] sda[0]\n");
        const QString tail = QStringLiteral("unused devices: <none>\n");

        QTest::newRow("empty input") << QString() << 0 << "Personalities"
                                     << "";
        QTest::newRow("only a newline") << "\n"
                                        << 1 << "Personalities"
                                        << "";
        QTest::newRow("no Personalities line")
            << QStringLiteral("md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << 1 << "Personalities"
            << "md0 : active";
        QTest::newRow("personality not in brackets")
            << QStringLiteral("Personalities : raid1\nunused devices: <none>\n") << 1 << "[name]"
            << "raid1";
        QTest::newRow("no unused devices line")
            << head + QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                     "      \n")
            << 4 << "unused devices:"
            << "";
        QTest::newRow("only Personalities")
            << QStringLiteral("Personalities :") << 1 << "unused devices:"
            << "Personalities :";
        QTest::newRow("two unused devices lines") << QStringLiteral("Personalities : [raid1] \n"
                                                                    "unused devices: <none>\n"
                                                                    "unused devices: <none>\n")
                                                  << 3 << "one 'unused devices:'"
                                                  << "unused devices";
        QTest::newRow("malformed progress")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      [=>...................]  resync = abc\n"
                                  "      \n") +
                   tail
            << 4 << "resync ="
            << "abc";
        QTest::newRow("progress without speed")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      [=>...................]  recovery =  5.0% "
                                  "(52326/1046528) finish=1.0min\n"
                                  "      \n") +
                   tail
            << 4 << "recovery ="
            << "finish=1.0min";
        QTest::newRow("progress percent without tenth")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      [=>...................]  check =  5% "
                                  "(52326/1046528) finish=1.0min speed=1000K/sec\n"
                                  "      \n") +
                   tail
            << 4 << "check ="
            << "5%";
        QTest::newRow("progress number too large")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      [=>...................]  resync =  5.0% "
                                  "(99999999999999999999/1046528) finish=1.0min "
                                  "speed=1000K/sec\n"
                                  "      \n") +
                   tail
            << 4 << "numbers that fit"
            << "99999999999999999999";
        QTest::newRow("two progress lines")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      [=>...................]  resync =  5.0% "
                                  "(52326/1046528) finish=1.0min speed=1000K/sec\n"
                                  "      [=>...................]  check =  5.0% "
                                  "(52326/1046528) finish=1.0min speed=1000K/sec\n"
                                  "      \n") +
                   tail
            << 5 << "one progress line per array"
            << "check =";
        QTest::newRow("progress and wait line")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      [=>...................]  resync =  5.0% "
                                  "(52326/1046528) finish=1.0min speed=1000K/sec\n"
                                  "      \tresync=DELAYED\n"
                                  "      \n") +
                   tail
            << 5 << "one progress line per array"
            << "resync=DELAYED";
        QTest::newRow("two wait lines")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      \tresync=DELAYED\n"
                                  "      \tresync=PENDING\n"
                                  "      \n") +
                   tail
            << 5 << "one progress line per array"
            << "resync=PENDING";
        QTest::newRow("pattern longer than n")
            << head + QStringLiteral("      1046528 blocks super 1.2 [2/2] [UUU]\n      \n") + tail
            << 3 << "[n/m]"
            << "[UUU]";
        QTest::newRow("pattern shorter than n")
            << head + QStringLiteral("      1046528 blocks super 1.2 [3/2] [UU]\n      \n") + tail
            << 3 << "[n/m]"
            << "[3/2]";
        QTest::newRow("bad character in pattern")
            << head + QStringLiteral("      1046528 blocks super 1.2 [2/2] [UX]\n      \n") + tail
            << 3 << "[n/m] [U_]"
            << "[UX]";
        QTest::newRow("block count too large")
            << head +
                   QStringLiteral("      99999999999999999999 blocks super 1.2 [2/2] [UU]\n"
                                  "      \n") +
                   tail
            << 3 << "block count"
            << "99999999999999999999";
        QTest::newRow("malformed bitmap line")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      bitmap: 1/1 pages, 65536KB chunk\n"
                                  "\n") +
                   tail
            << 4 << "bitmap:"
            << "1/1 pages, 65536KB";
        QTest::newRow("bitmap chunk in MB")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      bitmap: 1/1 pages [4KB], 64MB chunk\n"
                                  "\n") +
                   tail
            << 4 << "bitmap:"
            << "64MB";
        QTest::newRow("two bitmap lines")
            << head +
                   QStringLiteral("      1046528 blocks super 1.2 [2/2] [UU]\n"
                                  "      bitmap: 1/1 pages [4KB], 65536KB chunk\n"
                                  "      bitmap: 1/1 pages [4KB], 65536KB chunk\n"
                                  "\n") +
                   tail
            << 5 << "one bitmap line"
            << "bitmap:";
        QTest::newRow("active without personality")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << 2 << "personality"
            << "md0 : active";
        QTest::newRow("unknown array state") << QStringLiteral("Personalities : [raid1] \n"
                                                               "md0 : running raid1 sdb[1] sda[0]\n"
                                                               "unused devices: <none>\n")
                                             << 2 << "active|inactive"
                                             << "running";
        QTest::newRow("malformed member") << QStringLiteral("Personalities : [raid1] \n"
                                                            "md0 : active raid1 sdb[x] sda[0]\n"
                                                            "unused devices: <none>\n")
                                          << 2 << "name[slot](flags)"
                                          << "sdb[x]";
        QTest::newRow("member slot too large")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[99999999999] sda[0]\n"
                              "unused devices: <none>\n")
            << 2 << "slot"
            << "sdb[99999999999]";
    }

    void errors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expected);
        QFETCH(QString, found);
        const auto result = parseMdstat(text);
        QVERIFY2(!result.ok(), "the parser accepted the input");
        const ParseError& error = result.error();
        QCOMPARE(error.source, QStringLiteral("/proc/mdstat"));
        QCOMPARE(error.line, line);
        QVERIFY2(error.expected.contains(expected), qPrintable(error.toString()));
        if (!found.isEmpty())
            QVERIFY2(error.found.contains(found), qPrintable(error.toString()));
    }

    void warnings_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QString>("reason"); // a part of each warning's reason
        QTest::addColumn<Mdstat>("expected");
        const QStringList raid1{QStringLiteral("raid1")};
        const Array md0 = Array("md0", "raid1")
                              .members({member("sdb", 1), member("sda", 0)})
                              .blocks(1046528, "1.2")
                              .disks(2, 2, "UU");

        QTest::newRow("unknown line inside a block")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      frobnication: 3/4 widgets\n"
                              "      bitmap: 1/1 pages [4KB], 65536KB chunk\n"
                              "\n"
                              "unused devices: <none>\n")
            << QList<int>{4} << "unknown line in the block of md0"
            << mdstat(raid1, {Array(md0).bitmap(1, 1, 4, 65536 * KB)});
        QTest::newRow("resync without spaces around =")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      resync=abc\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{4} << "unknown line" << mdstat(raid1, {md0});
        QTest::newRow("unknown member flag")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1](X) sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{2} << "(X)" << mdstat(raid1, {md0});
        QTest::newRow("unknown flag among known ones")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1](W)(Q)(F) sda[0]\n"
                              "      1046528 blocks super 1.2 [2/1] [_U]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{2} << "(Q)"
            << mdstat(raid1, {Array("md0", "raid1")
                                  .members({member("sdb", 1, "WF"), member("sda", 0)})
                                  .blocks(1046528, "1.2")
                                  .disks(2, 1, "_U")});
        QTest::newRow("stray top-level line")
            << QStringLiteral("Personalities : [raid1] \n"
                              "some text\n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{2} << "not an array" << mdstat(raid1, {md0});
        QTest::newRow("array after unused devices")
            << QStringLiteral("Personalities : [raid1] \n"
                              "unused devices: <none>\n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      \n")
            << QList<int>{3} << "after 'unused devices:'" << mdstat(raid1, {md0});
        QTest::newRow("two unknown lines")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [UU]\n"
                              "      first unknown\n"
                              "      second unknown\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{4, 5} << "unknown line" << mdstat(raid1, {md0});
        // The kernel can print these for a moment while it fails a member: kept and reported.
        QTest::newRow("U count above working")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/1] [UU]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{3} << "disagree" << mdstat(raid1, {Array(md0).disks(2, 1, "UU")});
        QTest::newRow("U count below working")
            << QStringLiteral("Personalities : [raid1] \n"
                              "md0 : active raid1 sdb[1] sda[0]\n"
                              "      1046528 blocks super 1.2 [2/2] [U_]\n"
                              "      \n"
                              "unused devices: <none>\n")
            << QList<int>{3} << "disagree" << mdstat(raid1, {Array(md0).disks(2, 2, "U_")});
    }

    void warnings() {
        QFETCH(QString, text);
        QFETCH(QList<int>, lines);
        QFETCH(QString, reason);
        QFETCH(Mdstat, expected);
        const auto result = parseMdstat(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.warnings().size(), size_t(lines.size()));
        const QStringList textLines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const ParseWarning& warning = result.warnings()[size_t(i)];
            QCOMPARE(warning.source, QStringLiteral("/proc/mdstat"));
            QCOMPARE(warning.line, lines[i]);
            QCOMPARE(warning.text, textLines.at(lines[i] - 1));
            QVERIFY2(warning.reason.contains(reason), qPrintable(warning.toString()));
        }
        compareMdstat(result.value(), expected);
    }

    // ---- robustness -------------------------------------------------------------------------

    void pathological_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("only Personalities") << "Personalities :" << false;
        QTest::newRow("only unused devices") << "unused devices: <none>\n" << false;
        QTest::newRow("spaces and tabs") << " \t  \n\t\t\n      \n" << false;
        QTest::newRow("blank lines between") << "Personalities : \n \t \n\t\t\n      \n"
                                                "unused devices: <none>\n"
                                             << true;
        QTest::newRow("CR only") << "\r\n\r\n" << false;
        QTest::newRow("huge block count")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[0]\n"
               "      99999999999999999999 blocks\nunused devices: <none>\n"
            << false;
        QTest::newRow("huge disk counts")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[0]\n"
               "      1 blocks super 1.2 [99999999999/99999999999] [U]\n"
               "unused devices: <none>\n"
            << false;
        QTest::newRow("huge bitmap numbers")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[0]\n"
               "      1 blocks super 1.2 [1/1] [U]\n"
               "      bitmap: 99999999999999999999/1 pages [4KB], 99999999999999999KB chunk\n"
               "unused devices: <none>\n"
            << false;
        QTest::newRow("huge bitmap chunk")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[0]\n"
               "      1 blocks super 1.2 [1/1] [U]\n"
               "      bitmap: 1/1 pages [4KB], 9999999999999999KB chunk\n"
               "unused devices: <none>\n"
            << false;
        QTest::newRow("header only array")
            << "Personalities : [raid1] \nmd0 : active raid1\nunused devices: <none>\n"
            << true;
        QTest::newRow("header without anything")
            << "Personalities : [raid1] \nmd0 : active\nunused devices: <none>\n"
            << false;
        QTest::newRow("colon line") << "Personalities : \n : \nunused devices: <none>\n" << true;
        QTest::newRow("empty brackets") << "Personalities : [] \nunused devices: <none>\n" << false;
        QTest::newRow("indented line before any array")
            << "Personalities : \n      1046528 blocks\nunused devices: <none>\n"
            << true;
        QTest::newRow("bar only")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[0]\n      [\n"
               "unused devices: <none>\n"
            << true;
        QTest::newRow("empty member name")
            << "Personalities : [raid1] \nmd0 : active raid1 [0]\nunused devices: <none>\n"
            << false;
        QTest::newRow("empty pattern")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[0]\n"
               "      1 blocks super 1.2 [0/0] []\nunused devices: <none>\n"
            << true;
        QTest::newRow("negative-looking numbers")
            << "Personalities : [raid1] \nmd0 : active raid1 sda[-1]\n"
               "      -5 blocks\nunused devices: <none>\n"
            << false;
        QTest::newRow("NUL characters")
            << QString::fromLatin1("Personalities : \0\nunused devices: \0\n", 36) << false;
        QTest::newRow("long line")
            << QStringLiteral("Personalities : ") + QString(100000, QLatin1Char('x')) << false;
        QString many = QStringLiteral("Personalities : [raid1] \n");
        for (int i = 0; i < 2000; ++i)
            many += QStringLiteral("md%1 : active raid1 sda[0]\n"
                                   "      1 blocks super 1.2 [1/1] [U]\n"
                                   "      \n")
                        .arg(i);
        QTest::newRow("2000 arrays") << many + QStringLiteral("unused devices: <none>\n") << true;
    }

    void pathological() {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        const auto result = parseMdstat(text);
        QVERIFY2(result.ok() == accepted, qPrintable(describe(result)));
        if (!result.ok()) {
            const int lineCount = int(text.split(QLatin1Char('\n')).size());
            QVERIFY(result.error().line >= 0);
            QVERIFY(result.error().line <= lineCount);
            QVERIFY(!result.error().expected.isEmpty());
            QVERIFY(result.error().found.size() <= 121);
        }
    }
};

QTEST_GUILESS_MAIN(TestMdstat)
#include "tst_mdstat.moc"
