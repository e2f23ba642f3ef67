// Prints how long parseLsblk takes for N generated devices (half disks, half partitions of one
// disk, as `lsblk --json --list` prints them). A figure to compare, not a timed test.
// Run: build/tests/bench/bench_lsblk [N] (default 200000)

#include "probe/LsblkParser.h"

#include <QElapsedTimer>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    const int devices = argc > 1 ? std::atoi(argv[1]) : 200000;
    QString text = QStringLiteral("{\"blockdevices\": [\n");
    for (int index = 0; index < devices; ++index) {
        if (index > 0)
            text += QStringLiteral(",\n");
        text +=
            index % 2 == 0
                ? QStringLiteral(R"({"kname": "d%1", "type": "disk", "pkname": null})").arg(index)
                : QStringLiteral(R"({"kname": "p%1", "type": "part", "pkname": "d0"})").arg(index);
    }
    text += QStringLiteral("]}\n");
    QElapsedTimer timer;
    timer.start();
    const auto result = nr1::parseLsblk(text);
    const qint64 elapsed = timer.elapsed();
    if (!result.ok()) {
        std::fprintf(stderr, "bench_lsblk: %s\n", qPrintable(result.why()));
        return 1;
    }
    std::printf("lsblk: %d devices (%lld bytes of JSON) parsed in %lld ms\n", devices,
                static_cast<long long>(text.toUtf8().size()), static_cast<long long>(elapsed));
    return 0;
}
