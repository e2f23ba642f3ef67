// Tests of the md sysfs parsers. The dumps are written in the form `grep -r -H . /sys/block/mdX/md`
// prints (one PATH:VALUE line per non-empty attribute file, in directory order), with values in
// the kernel's formats (formats.md §2, md.c *_show functions). Expected values were written by
// reading the dumps, not by running the parser.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "probe/MdSysfsParser.h"

#include <initializer_list>

using namespace nr1;

Q_DECLARE_METATYPE(std::vector<nr1::MdSysfs>)
Q_DECLARE_METATYPE(std::optional<nr1::MdSyncAction>)
Q_DECLARE_METATYPE(nr1::MdSyncAction)
Q_DECLARE_METATYPE(std::optional<nr1::MdSyncCompleted>)

namespace {

QStringList names(std::initializer_list<const char*> list) {
    QStringList result;
    for (const char* name : list)
        result << QString::fromLatin1(name);
    return result;
}

MdSysfsMember member(const char* device, std::initializer_list<const char*> flags,
                     std::optional<int> slot) {
    MdSysfsMember m;
    m.device = QString::fromLatin1(device);
    m.stateFlags = names(flags);
    m.slot = slot;
    return m;
}

MdSyncCompleted completed(MdSyncCompleted::State state, qint64 done = 0, qint64 total = 0) {
    MdSyncCompleted c;
    c.state = state;
    c.doneSectors = done;
    c.totalSectors = total;
    return c;
}

const auto None = MdSyncCompleted::State::None;
const auto Delayed = MdSyncCompleted::State::Delayed;
const auto Running = MdSyncCompleted::State::Running;

/// The attributes of one array; unset ones stay nullopt/empty.
struct Array {
    MdSysfs value;
    explicit Array(const char* name) { value.array = QString::fromLatin1(name); }
    Array& state(const char* s) {
        value.arrayState = QString::fromLatin1(s);
        return *this;
    }
    Array& level(const char* l) {
        value.level = QString::fromLatin1(l);
        return *this;
    }
    Array& action(MdSyncAction a) {
        value.syncAction = a;
        return *this;
    }
    Array& completedAs(MdSyncCompleted c) {
        value.syncCompleted = c;
        return *this;
    }
    Array& speed(std::optional<qint64> s) {
        value.syncSpeedKiBps = s;
        return *this;
    }
    Array& degraded(int d) {
        value.degraded = d;
        return *this;
    }
    Array& componentSize(qint64 kib) {
        value.componentSizeKiB = kib;
        return *this;
    }
    Array& mismatch(qint64 sectors) {
        value.mismatchSectors = sectors;
        return *this;
    }
    Array& raidDisks(int n) {
        value.raidDisks = n;
        return *this;
    }
    Array& members(std::initializer_list<MdSysfsMember> list) {
        value.members.assign(list.begin(), list.end());
        return *this;
    }
    operator MdSysfs() const { return value; }
};

#define COMPARE_OPTIONAL(actual, expected)                                                         \
    do {                                                                                           \
        QCOMPARE((actual).has_value(), (expected).has_value());                                    \
        if ((expected).has_value())                                                                \
            QCOMPARE(*(actual), *(expected));                                                      \
    } while (false)

void compareCompleted(const std::optional<MdSyncCompleted>& actual,
                      const std::optional<MdSyncCompleted>& expected) {
    QCOMPARE(actual.has_value(), expected.has_value());
    if (!expected)
        return;
    QCOMPARE(int(actual->state), int(expected->state));
    QCOMPARE(actual->doneSectors, expected->doneSectors);
    QCOMPARE(actual->totalSectors, expected->totalSectors);
}

void compareArray(const MdSysfs& actual, const MdSysfs& expected) {
    QCOMPARE(actual.array, expected.array);
    QCOMPARE(actual.arrayState, expected.arrayState);
    QCOMPARE(actual.level, expected.level);
    QCOMPARE(actual.syncAction.has_value(), expected.syncAction.has_value());
    if (expected.syncAction)
        QCOMPARE(int(*actual.syncAction), int(*expected.syncAction));
    compareCompleted(actual.syncCompleted, expected.syncCompleted);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(actual.syncSpeedKiBps.has_value(), expected.syncSpeedKiBps.has_value());
    if (expected.syncSpeedKiBps)
        QCOMPARE(*actual.syncSpeedKiBps, *expected.syncSpeedKiBps);
    COMPARE_OPTIONAL(actual.degraded, expected.degraded);
    COMPARE_OPTIONAL(actual.componentSizeKiB, expected.componentSizeKiB);
    COMPARE_OPTIONAL(actual.mismatchSectors, expected.mismatchSectors);
    COMPARE_OPTIONAL(actual.raidDisks, expected.raidDisks);
    QCOMPARE(actual.members.size(), expected.members.size());
    for (size_t i = 0; i < expected.members.size(); ++i) {
        const MdSysfsMember& a = actual.members[i];
        const MdSysfsMember& e = expected.members[i];
        QCOMPARE(a.device, e.device);
        QCOMPARE(a.stateFlags, e.stateFlags);
        COMPARE_OPTIONAL(a.slot, e.slot);
    }
}

void compareArrays(const std::vector<MdSysfs>& actual, const std::vector<MdSysfs>& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        compareArray(actual[i], expected[i]);
        if (QTest::currentTestFailed()) {
            qWarning("in array %zu (%s)", i, qPrintable(expected[i].array));
            return;
        }
    }
    QVERIFY(actual == expected);
}

} // namespace

class TestMdSysfs : public QObject {
    Q_OBJECT
private slots:
    void dumps_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<MdSysfs>>("expected");

        QTest::newRow("idle clean array")
            << QStringLiteral("/sys/block/md0/md/reshape_position:none\n"
                              "/sys/block/md0/md/layout:0\n"
                              "/sys/block/md0/md/array_state:clean\n"
                              "/sys/block/md0/md/level:raid1\n"
                              "/sys/block/md0/md/raid_disks:2\n"
                              "/sys/block/md0/md/component_size:1046528\n"
                              "/sys/block/md0/md/metadata_version:1.2\n"
                              "/sys/block/md0/md/dev-dm-0/state:in_sync\n"
                              "/sys/block/md0/md/dev-dm-0/slot:0\n"
                              "/sys/block/md0/md/dev-dm-0/offset:2048\n"
                              "/sys/block/md0/md/dev-dm-0/size:1046528\n"
                              "/sys/block/md0/md/dev-dm-0/errors:0\n"
                              "/sys/block/md0/md/dev-dm-0/recovery_start:none\n"
                              "/sys/block/md0/md/dev-sda/state:in_sync,write_mostly\n"
                              "/sys/block/md0/md/dev-sda/slot:1\n"
                              "/sys/block/md0/md/dev-sda/errors:0\n"
                              "/sys/block/md0/md/degraded:0\n"
                              "/sys/block/md0/md/mismatch_cnt:0\n"
                              "/sys/block/md0/md/sync_action:idle\n"
                              "/sys/block/md0/md/sync_completed:none\n"
                              "/sys/block/md0/md/sync_speed:none\n"
                              "/sys/block/md0/md/sync_speed_min:1000 (system)\n"
                              "/sys/block/md0/md/sync_speed_max:200000 (system)\n"
                              "/sys/block/md0/md/safe_mode_delay:0.204\n"
                              "/sys/block/md0/md/consistency_policy:bitmap\n"
                              "/sys/block/md0/md/bitmap/location:+8\n"
                              "/sys/block/md0/md/bitmap/chunksize:67108864\n"
                              "/sys/block/md0/md/bitmap/metadata:internal\n"
                              "/sys/block/md0/md/bitmap/backlog:0\n"
                              "/sys/block/md0/md/bitmap/can_clear:false\n")
            << std::vector<MdSysfs>{Array("md0")
                                        .state("clean")
                                        .level("raid1")
                                        .raidDisks(2)
                                        .componentSize(1046528)
                                        .degraded(0)
                                        .mismatch(0)
                                        .action(MdSyncAction::Idle)
                                        .completedAs(completed(None))
                                        .speed(std::nullopt)
                                        .members({member("dm-0", {"in_sync"}, 0),
                                                  member("sda", {"in_sync", "write_mostly"}, 1)})};
        QTest::newRow("resync running")
            << QStringLiteral("/sys/block/md0/md/array_state:active\n"
                              "/sys/block/md0/md/level:raid1\n"
                              "/sys/block/md0/md/raid_disks:2\n"
                              "/sys/block/md0/md/component_size:1046528\n"
                              "/sys/block/md0/md/degraded:0\n"
                              "/sys/block/md0/md/mismatch_cnt:0\n"
                              "/sys/block/md0/md/sync_action:resync\n"
                              "/sys/block/md0/md/sync_completed:12345 / 2093056\n"
                              "/sys/block/md0/md/sync_speed:25389\n"
                              "/sys/block/md0/md/dev-dm-0/state:in_sync\n"
                              "/sys/block/md0/md/dev-dm-0/slot:0\n"
                              "/sys/block/md0/md/dev-sda/state:in_sync,write_mostly\n"
                              "/sys/block/md0/md/dev-sda/slot:1\n")
            << std::vector<MdSysfs>{Array("md0")
                                        .state("active")
                                        .level("raid1")
                                        .raidDisks(2)
                                        .componentSize(1046528)
                                        .degraded(0)
                                        .mismatch(0)
                                        .action(MdSyncAction::Resync)
                                        .completedAs(completed(Running, 12345, 2093056))
                                        .speed(25389)
                                        .members({member("dm-0", {"in_sync"}, 0),
                                                  member("sda", {"in_sync", "write_mostly"}, 1)})};
        QTest::newRow("recovery with a faulty member")
            << QStringLiteral("/sys/block/md0/md/array_state:clean\n"
                              "/sys/block/md0/md/level:raid1\n"
                              "/sys/block/md0/md/raid_disks:2\n"
                              "/sys/block/md0/md/degraded:1\n"
                              "/sys/block/md0/md/sync_action:recover\n"
                              "/sys/block/md0/md/sync_completed:524288 / 2093056\n"
                              "/sys/block/md0/md/sync_speed:98304\n"
                              "/sys/block/md0/md/dev-dm-0/state:in_sync\n"
                              "/sys/block/md0/md/dev-dm-0/slot:0\n"
                              "/sys/block/md0/md/dev-sda/state:faulty,write_mostly\n"
                              "/sys/block/md0/md/dev-sda/slot:none\n"
                              "/sys/block/md0/md/dev-sdc/state:spare\n"
                              "/sys/block/md0/md/dev-sdc/slot:1\n"
                              "/sys/block/md0/md/dev-sdc/recovery_start:524288\n")
            << std::vector<MdSysfs>{
                   Array("md0")
                       .state("clean")
                       .level("raid1")
                       .raidDisks(2)
                       .degraded(1)
                       .action(MdSyncAction::Recover)
                       .completedAs(completed(Running, 524288, 2093056))
                       .speed(98304)
                       .members({member("dm-0", {"in_sync"}, 0),
                                 member("sda", {"faulty", "write_mostly"}, std::nullopt),
                                 member("sdc", {"spare"}, 1)})};
        QTest::newRow("resync delayed")
            << QStringLiteral("/sys/block/md1/md/array_state:active\n"
                              "/sys/block/md1/md/sync_action:resync\n"
                              "/sys/block/md1/md/sync_completed:delayed\n"
                              "/sys/block/md1/md/sync_speed:0\n")
            << std::vector<MdSysfs>{Array("md1")
                                        .state("active")
                                        .action(MdSyncAction::Resync)
                                        .completedAs(completed(Delayed))
                                        .speed(0)};
        QTest::newRow("two arrays, interleaved")
            << QStringLiteral("/sys/block/md0/md/array_state:clean\n"
                              "/sys/block/md0/md/dev-sda/state:in_sync\n"
                              "/sys/block/md1/md/array_state:active\n"
                              "/sys/block/md1/md/level:raid5\n"
                              "/sys/block/md0/md/dev-sda/slot:0\n"
                              "/sys/block/md1/md/dev-sdb/slot:2\n"
                              "/sys/block/md0/md/level:raid1\n"
                              "/sys/block/md1/md/sync_action:check\n"
                              "/sys/block/md1/md/mismatch_cnt:128\n"
                              "/sys/block/md1/md/dev-sdb/state:in_sync\n")
            << std::vector<MdSysfs>{Array("md0").state("clean").level("raid1").members(
                                        {member("sda", {"in_sync"}, 0)}),
                                    Array("md1")
                                        .state("active")
                                        .level("raid5")
                                        .action(MdSyncAction::Check)
                                        .mismatch(128)
                                        .members({member("sdb", {"in_sync"}, 2)})};
        QTest::newRow("devices/virtual path, two arrays")
            << QStringLiteral("/sys/devices/virtual/block/md127/md/array_state:read-auto\n"
                              "/sys/devices/virtual/block/md127/md/sync_action:idle\n"
                              "/sys/block/md126/md/array_state:inactive\n")
            << std::vector<MdSysfs>{Array("md127").state("read-auto").action(MdSyncAction::Idle),
                                    Array("md126").state("inactive")};
        QTest::newRow("reshape changing the disk count")
            << QStringLiteral("/sys/block/md0/md/level:raid5\n"
                              "/sys/block/md0/md/raid_disks:5 (4)\n"
                              "/sys/block/md0/md/sync_action:reshape\n"
                              "/sys/block/md0/md/reshape_position:1234944\n"
                              "/sys/block/md0/md/sync_completed:409600 / 2093056\n"
                              "/sys/block/md0/md/sync_speed:12000\n")
            << std::vector<MdSysfs>{Array("md0")
                                        .level("raid5")
                                        .raidDisks(5)
                                        .action(MdSyncAction::Reshape)
                                        .completedAs(completed(Running, 409600, 2093056))
                                        .speed(12000)};
        QTest::newRow("journal and replacement members")
            << QStringLiteral("/sys/block/md0/md/level:raid5\n"
                              "/sys/block/md0/md/dev-sde/state:journal\n"
                              "/sys/block/md0/md/dev-sde/slot:journal\n"
                              "/sys/block/md0/md/dev-sdd/state:spare,replacement\n"
                              "/sys/block/md0/md/dev-sdd/slot:1\n"
                              "/sys/block/md0/md/dev-sdb/state:in_sync,want_replacement\n"
                              "/sys/block/md0/md/dev-sdb/slot:1\n")
            << std::vector<MdSysfs>{Array("md0").level("raid5").members(
                   {member("sde", {"journal"}, std::nullopt),
                    member("sdd", {"spare", "replacement"}, 1),
                    member("sdb", {"in_sync", "want_replacement"}, 1)})};
        QTest::newRow("member without state line")
            << QStringLiteral("/sys/block/md0/md/dev-sdb/slot:none\n"
                              "/sys/block/md0/md/dev-sdb/offset:2048\n")
            << std::vector<MdSysfs>{Array("md0").members({member("sdb", {}, std::nullopt)})};
        QTest::newRow("frozen, repair and other actions")
            << QStringLiteral("/sys/block/md0/md/sync_action:frozen\n"
                              "/sys/block/md1/md/sync_action:repair\n"
                              "/sys/block/md2/md/sync_action:reshape\n")
            << std::vector<MdSysfs>{Array("md0").action(MdSyncAction::Frozen),
                                    Array("md1").action(MdSyncAction::Repair),
                                    Array("md2").action(MdSyncAction::Reshape)};
        QTest::newRow("Windows line endings and blank lines")
            << QStringLiteral("/sys/block/md0/md/array_state:clean\r\n"
                              "\r\n"
                              "/sys/block/md0/md/sync_completed:1 / 2\r\n"
                              "   \n"
                              "/sys/block/md0/md/degraded:0\r\n")
            << std::vector<MdSysfs>{
                   Array("md0").state("clean").completedAs(completed(Running, 1, 2)).degraded(0)};
        QTest::newRow("value with colons and slashes")
            << QStringLiteral("/sys/block/md126/md/metadata_version:external:/md127/0\n"
                              "/sys/block/md126/md/array_state:clean\n")
            << std::vector<MdSysfs>{Array("md126").state("clean")};
        QTest::newRow("later value wins")
            << QStringLiteral("/sys/block/md0/md/sync_action:idle\n"
                              "/sys/block/md0/md/sync_action:resync\n")
            << std::vector<MdSysfs>{Array("md0").action(MdSyncAction::Resync)};
    }

    void dumps() {
        QFETCH(QString, text);
        QFETCH(std::vector<MdSysfs>, expected);
        const auto result = parseMdSysfsDump(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result)));
        compareArrays(result.value(), expected);
    }

    void memberQuery() {
        const MdSysfsMember m = member("sda", {"faulty", "write_mostly"}, std::nullopt);
        QVERIFY(m.has(QStringLiteral("faulty")));
        QVERIFY(m.has(QStringLiteral("write_mostly")));
        QVERIFY(!m.has(QStringLiteral("in_sync")));
        QVERIFY(!m.has(QStringLiteral("writemostly")));
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected"); // a part of error().expected
        QTest::addColumn<QString>("found");    // a part of error().found
        const QString first = QStringLiteral("/sys/block/md0/md/array_state:clean\n");

        QTest::newRow("sync_action bogus")
            << first + QStringLiteral("/sys/block/md0/md/sync_action:bogus\n") << 2 << "sync_action"
            << "bogus";
        QTest::newRow("sync_action mdstat spelling")
            << first + QStringLiteral("/sys/block/md0/md/sync_action:recovery\n") << 2
            << "sync_action"
            << "recovery";
        QTest::newRow("sync_completed without spaces")
            << first + QStringLiteral("/sys/block/md0/md/sync_completed:1/2\n") << 2
            << "sync_completed"
            << "1/2";
        QTest::newRow("sync_completed not numbers")
            << first + first + QStringLiteral("/sys/block/md0/md/sync_completed:a / b\n") << 3
            << "sync_completed"
            << "a / b";
        QTest::newRow("degraded x")
            << first + QStringLiteral("/sys/block/md0/md/degraded:x\n") << 2 << "degraded"
            << "degraded:x";
        QTest::newRow("sync_speed text")
            << first + QStringLiteral("/sys/block/md0/md/sync_speed:fast\n") << 2 << "sync_speed"
            << "fast";
        QTest::newRow("component_size text")
            << first + QStringLiteral("/sys/block/md0/md/component_size:1G\n") << 2
            << "component_size"
            << "1G";
        QTest::newRow("mismatch_cnt text")
            << first + QStringLiteral("/sys/block/md0/md/mismatch_cnt:many\n") << 2
            << "mismatch_cnt"
            << "many";
        QTest::newRow("raid_disks text")
            << first + QStringLiteral("/sys/block/md0/md/raid_disks:two\n") << 2 << "raid_disks"
            << "two";
        QTest::newRow("raid_disks half reshape form")
            << first + QStringLiteral("/sys/block/md0/md/raid_disks:5 (\n") << 2 << "raid_disks"
            << "5 (";
        QTest::newRow("slot text")
            << first + QStringLiteral("/sys/block/md0/md/dev-sda/slot:first\n") << 2 << "slot"
            << "first";
        QTest::newRow("degraded too large")
            << first + QStringLiteral("/sys/block/md0/md/degraded:99999999999\n") << 2 << "degraded"
            << "99999999999";
        QTest::newRow("empty dump") << QString() << 0 << "/sys/block/mdX/md/"
                                    << "";
        QTest::newRow("only unrelated lines")
            << QStringLiteral("hello\n/sys/block/sda/queue/rotational:1\n") << 0
            << "/sys/block/mdX/md/"
            << "";
    }

    void errors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expected);
        QFETCH(QString, found);
        const auto result = parseMdSysfsDump(text);
        QVERIFY2(!result.ok(), "the parser accepted the dump");
        const ParseError& error = result.error();
        QCOMPARE(error.source, QStringLiteral("md sysfs"));
        QCOMPARE(error.line, line);
        QVERIFY2(error.expected.contains(expected), qPrintable(error.toString()));
        if (!found.isEmpty())
            QVERIFY2(error.found.contains(found), qPrintable(error.toString()));
    }

    void warnings_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<std::vector<MdSysfs>>("expected");
        QTest::newRow("grep error merged into the dump")
            << QStringLiteral("/sys/block/md0/md/array_state:clean\n"
                              "grep: /sys/block/md0/md/new_dev: Permission denied\n"
                              "/sys/block/md0/md/degraded:0\n")
            << QList<int>{2} << std::vector<MdSysfs>{Array("md0").state("clean").degraded(0)};
        QTest::newRow("not an md device")
            << QStringLiteral("/sys/block/sda/queue/rotational:1\n"
                              "/sys/block/md0/md/level:raid1\n"
                              "/sys/block/md0/queue/rotational:0\n")
            << QList<int>{1, 3} << std::vector<MdSysfs>{Array("md0").level("raid1")};
        QTest::newRow("line without a colon")
            << QStringLiteral("/sys/block/md0/md/level:raid1\n"
                              "/sys/block/md0/md/sync_action\n")
            << QList<int>{2} << std::vector<MdSysfs>{Array("md0").level("raid1")};
    }

    void warnings() {
        QFETCH(QString, text);
        QFETCH(QList<int>, lines);
        QFETCH(std::vector<MdSysfs>, expected);
        const auto result = parseMdSysfsDump(text);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.warnings().size(), size_t(lines.size()));
        const QStringList textLines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const ParseWarning& warning = result.warnings()[size_t(i)];
            QCOMPARE(warning.source, QStringLiteral("md sysfs"));
            QCOMPARE(warning.line, lines[i]);
            QCOMPARE(warning.text, textLines.at(lines[i] - 1));
            QVERIFY(!warning.reason.isEmpty());
        }
        compareArrays(result.value(), expected);
    }

    // ---- single attributes ------------------------------------------------------------------

    void syncAction_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<std::optional<MdSyncAction>>("expected");
        using A = MdSyncAction;
        QTest::newRow("idle") << "idle" << std::optional<A>(A::Idle);
        QTest::newRow("frozen") << "frozen" << std::optional<A>(A::Frozen);
        QTest::newRow("resync") << "resync" << std::optional<A>(A::Resync);
        QTest::newRow("recover") << "recover" << std::optional<A>(A::Recover);
        QTest::newRow("check") << "check" << std::optional<A>(A::Check);
        QTest::newRow("repair") << "repair" << std::optional<A>(A::Repair);
        QTest::newRow("reshape") << "reshape" << std::optional<A>(A::Reshape);
        QTest::newRow("mdstat's recovery") << "recovery" << std::optional<A>();
        QTest::newRow("upper case") << "Idle" << std::optional<A>();
        QTest::newRow("leading space") << " idle" << std::optional<A>();
        QTest::newRow("trailing newline") << "idle\n" << std::optional<A>();
        QTest::newRow("empty") << "" << std::optional<A>();
        QTest::newRow("bogus") << "bogus" << std::optional<A>();
        QTest::newRow("prefix") << "res" << std::optional<A>();
    }

    void syncAction() {
        QFETCH(QString, value);
        QFETCH(std::optional<MdSyncAction>, expected);
        const auto actual = parseSyncAction(value);
        QCOMPARE(actual.has_value(), expected.has_value());
        if (expected)
            QCOMPARE(int(*actual), int(*expected));
    }

    void syncActionNames_data() {
        QTest::addColumn<MdSyncAction>("action");
        QTest::addColumn<QString>("name");
        QTest::newRow("idle") << MdSyncAction::Idle << "idle";
        QTest::newRow("frozen") << MdSyncAction::Frozen << "frozen";
        QTest::newRow("resync") << MdSyncAction::Resync << "resync";
        QTest::newRow("recover") << MdSyncAction::Recover << "recover";
        QTest::newRow("check") << MdSyncAction::Check << "check";
        QTest::newRow("repair") << MdSyncAction::Repair << "repair";
        QTest::newRow("reshape") << MdSyncAction::Reshape << "reshape";
    }

    void syncActionNames() {
        QFETCH(MdSyncAction, action);
        QFETCH(QString, name);
        QCOMPARE(mdSyncActionName(action), name);
        const auto back = parseSyncAction(name);
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), int(action));
    }

    void syncCompleted_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<std::optional<MdSyncCompleted>>("expected");
        using O = std::optional<MdSyncCompleted>;
        QTest::newRow("none") << "none" << O(completed(None));
        QTest::newRow("delayed") << "delayed" << O(completed(Delayed));
        QTest::newRow("running") << "12345 / 2093056" << O(completed(Running, 12345, 2093056));
        QTest::newRow("start") << "0 / 2093056" << O(completed(Running, 0, 2093056));
        QTest::newRow("end") << "2093056 / 2093056" << O(completed(Running, 2093056, 2093056));
        QTest::newRow("zero total") << "0 / 0" << O(completed(Running, 0, 0));
        QTest::newRow("16 TiB in sectors")
            << "34359738368 / 34359738368" << O(completed(Running, 34359738368, 34359738368));
        QTest::newRow("no spaces") << "1/2" << O();
        QTest::newRow("space before only") << "1 /2" << O();
        QTest::newRow("space after only") << "1/ 2" << O();
        QTest::newRow("space after only, two digits") << "12/ 34" << O();
        QTest::newRow("two spaces") << "1  /  2" << O();
        QTest::newRow("no total") << "1 / " << O();
        QTest::newRow("no done") << " / 2" << O();
        QTest::newRow("negative") << "-1 / 2" << O();
        QTest::newRow("negative total") << "1 / -2" << O();
        QTest::newRow("plus sign") << "+1 / 2" << O();
        QTest::newRow("letters") << "a / b" << O();
        QTest::newRow("three parts") << "1 / 2 / 3" << O();
        QTest::newRow("too large") << "99999999999999999999 / 1" << O();
        QTest::newRow("upper case NONE") << "NONE" << O();
        QTest::newRow("Delayed") << "Delayed" << O();
        QTest::newRow("empty") << "" << O();
        QTest::newRow("just a number") << "12345" << O();
    }

    void syncCompleted() {
        QFETCH(QString, value);
        QFETCH(std::optional<MdSyncCompleted>, expected);
        compareCompleted(parseSyncCompleted(value), expected);
    }

    void syncSpeed_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("hasSpeed");
        QTest::addColumn<qint64>("speed");
        QTest::newRow("none") << "none" << true << false << qint64(0);
        QTest::newRow("zero") << "0" << true << true << qint64(0);
        QTest::newRow("running") << "25389" << true << true << qint64(25389);
        QTest::newRow("fast nvme") << "3406386" << true << true << qint64(3406386);
        QTest::newRow("negative") << "-1" << false << false << qint64(0);
        QTest::newRow("unit") << "25389K" << false << false << qint64(0);
        QTest::newRow("leading space") << " 5" << false << false << qint64(0);
        QTest::newRow("empty") << "" << false << false << qint64(0);
        QTest::newRow("None") << "None" << false << false << qint64(0);
        QTest::newRow("too large") << "99999999999999999999" << false << false << qint64(0);
        QTest::newRow("sync_speed_min form") << "1000 (system)" << false << false << qint64(0);
    }

    void syncSpeed() {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QFETCH(bool, hasSpeed);
        QFETCH(qint64, speed);
        const auto actual = parseSyncSpeed(value);
        QCOMPARE(actual.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(actual->has_value(), hasSpeed);
        if (hasSpeed)
            QCOMPARE(**actual, speed);
    }
};

QTEST_GUILESS_MAIN(TestMdSysfs)
#include "tst_md_sysfs.moc"
