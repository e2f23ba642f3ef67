#include "ctl/WatchCommand.h"

#include "ctl/ExitCodes.h"
#include "ctl/PairConnection.h"
#include "ctl/Terminal.h"
#include "monitor/MonitorJson.h"
#include "monitor/MonitorText.h"
#include "monitor/PairMonitor.h"
#include "session/JournalFences.h"

#include <QCoreApplication>
#include <QTime>
#include <QTimer>

namespace nr1::ctl {

QString watchCommandHelp() {
    return QStringLiteral(
               "Usage: nr1ctl watch [OPTIONS]\n\n"
               "Watches the pair live: both nodes (with what their boot left undone, and a\n"
               "node this machine's journal shows fenced and not rejoined), the replication\n"
               "session, every md array (state, members with their roles, resync/recovery\n"
               "progress, speed and time left), the exports, which node serves the LUN and\n"
               "holds the front-end address, and when both legs were last in sync; and\n"
               "reports events (degraded, member faulty, sync started/finished, node\n"
               "unreachable/back/fenced, boot notes, session lost/back, the LUN or the\n"
               "address moved, on both nodes, a health check that changed: see nr1ctl\n"
               "check). One round trip\n"
               "per node per refresh; every --interval while all is still, every\n"
               "--busy-interval while something moves. On a terminal the lines are redrawn\n"
               "in place; otherwise a line per change; --json: one object per change.\n\n"
               "  --interval SECONDS       refresh while all is still (default 5)\n"
               "  --busy-interval SECONDS  refresh while a sync runs or something changed\n"
               "                           (default 1)\n"
               "  --for SECONDS            stop after this long (default: until interrupted)\n"
               "  --once                   stop after the first view in which both nodes have\n"
               "                           answered (or failed to)\n") +
           pairOptionsHelp() +
           QStringLiteral("Layout names (as for plan/apply): --primary-vg, --primary-lv, "
                          "--secondary-vg,\n--secondary-lv, --element-iqn, --md, --volume-vg, "
                          "--volume-lv, --lun-iqn.\n");
}

namespace {

QString now() {
    return QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
}

QString sessionLine(const SessionView& session) {
    if (!session.present)
        return QStringLiteral("replication %1 at %2: no session")
            .arg(session.targetIqn, session.portal);
    return QStringLiteral("replication %1 at %2: %3%4")
        .arg(session.targetIqn, session.portal,
             session.loggedIn ? QStringLiteral("logged in")
                              : QStringLiteral("%1 (%2)").arg(session.state, session.connection),
             session.disk.isEmpty() ? QString() : QStringLiteral(", disk ") + session.disk);
}

QString exportLine(const ExportView& exported) {
    return QStringLiteral("%1 export %2%3: %4 on %5 to %6")
        .arg(exported.node, exported.targetIqn,
             exported.enabled ? QString() : QStringLiteral(" (disabled)"),
             exported.backstores.isEmpty() ? QStringLiteral("no LUN")
                                           : exported.backstores.join(QStringLiteral(", ")),
             exported.portals.isEmpty() ? QStringLiteral("no portal")
                                        : exported.portals.join(QStringLiteral(", ")),
             exported.initiators.isEmpty() ? QStringLiteral("no initiator")
                                           : exported.initiators.join(QStringLiteral(", ")));
}

QStringList linesOf(const PairSnapshot& snapshot) {
    QStringList lines;
    lines << QStringLiteral("pair %1: %2").arg(snapshot.pair, healthName(snapshot.overallHealth()));
    lines << nodeLine(snapshot.primary) << nodeLine(snapshot.secondary);
    if (snapshot.primary.answered)
        lines << sessionLine(snapshot.replication);
    if (snapshot.arrays.empty() && snapshot.primary.answered)
        lines << QStringLiteral("no md array");
    for (const ArrayView& array : snapshot.arrays)
        lines << arrayLine(array);
    for (const ExportView& exported : snapshot.exports)
        lines << exportLine(exported);
    if (snapshot.primary.answered || snapshot.secondary.answered)
        lines << servingLine(snapshot);
    if (const QString line = inSyncLine(snapshot); !line.isEmpty())
        lines << line;
    return lines;
}

/// Prints what the monitor reports in the chosen form.
class WatchPrinter {
public:
    enum class Form { InPlace, Lines, Json };
    explicit WatchPrinter(Form form)
        : m_form(form) {}

    void snapshot(const PairSnapshot& snapshot) {
        if (m_form == Form::Json) {
            printJsonLine(toJson(snapshot));
            return;
        }
        const QStringList lines = linesOf(snapshot);
        if (m_form == Form::InPlace) {
            redraw(lines);
        } else {
            for (const QString& line : lines)
                if (!m_lines.contains(line))
                    print(now() + QLatin1Char(' ') + line + QLatin1Char('\n'));
        }
        m_lines = lines;
    }

    void event(const MonitorEvent& event) {
        if (m_form == Form::Json) {
            printJsonLine(toJson(event));
            return;
        }
        const QString line =
            QStringLiteral("%1 %2 %3: %4\n")
                .arg(event.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                     healthName(event.severity).toUpper(), eventKindName(event.kind), event.text);
        if (m_form == Form::InPlace) {
            // Events stay in the scrollback, above the live lines.
            clearLive();
            print(line);
            printLive();
        } else {
            print(line);
        }
    }

private:
    void clearLive() {
        if (m_drawn > 0)
            print(QStringLiteral("\x1b[%1A\x1b[J").arg(m_drawn));
        m_drawn = 0;
    }
    void printLive() {
        // One row per line, or moving the cursor back up would miss the wrapped rows.
        const int columns = terminalColumns();
        for (const QString& line : m_lines)
            print((columns > 1 && line.size() >= columns ? line.left(columns - 2) + QChar(0x2026)
                                                         : line) +
                  QStringLiteral("\x1b[K\n"));
        m_drawn = int(m_lines.size());
    }
    void redraw(const QStringList& lines) {
        clearLive();
        m_lines = lines;
        printLive();
    }

    Form m_form;
    QStringList m_lines;
    int m_drawn = 0;
};

bool takeSeconds(QStringList& arguments, const QString& name, double& seconds, QString& error) {
    QString value;
    if (!takeValue(arguments, name, value, error) || value.isEmpty())
        return error.isEmpty();
    bool ok = false;
    seconds = value.toDouble(&ok);
    if (!ok || seconds <= 0) {
        error = QStringLiteral("%1 wants a number of seconds above 0, not '%2'").arg(name, value);
        return false;
    }
    return true;
}

} // namespace

int runWatchCommand(const QStringList& input) {
    QStringList arguments = input;
    PairOptions options;
    if (const auto end = options.takeOrEnd(arguments, QStringLiteral("watch"), watchCommandHelp()))
        return *end;
    QString error;
    double interval = 5;
    double busyInterval = 1;
    double duration = 0;
    const bool once = takeFlag(arguments, QStringLiteral("--once"));
    takeSeconds(arguments, QStringLiteral("--interval"), interval, error) &&
        takeSeconds(arguments, QStringLiteral("--busy-interval"), busyInterval, error) &&
        takeSeconds(arguments, QStringLiteral("--for"), duration, error);
    std::unique_ptr<PairConnection> connection;
    if (error.isEmpty()) {
        auto connected = connect(options);
        if (connected.ok())
            connection = std::move(connected).value();
        else
            error = connected.why();
    }
    PairIntent intent;
    QStringList rest;
    if (connection)
        error = buildIntent(*connection, PairProbe{}, arguments, intent, &rest);
    if (error.isEmpty() && !rest.isEmpty())
        error = QStringLiteral("unknown argument %1").arg(rest.first());
    if (!error.isEmpty()) {
        printError(QStringLiteral("watch"), error);
        return kExitUsage;
    }
    MonitorTiming timing;
    timing.idleInterval = std::chrono::milliseconds(qint64(interval * 1000));
    timing.busyInterval = std::chrono::milliseconds(qint64(busyInterval * 1000));
    PairMonitor monitor(intent.layout, connection->session->primary(),
                        connection->session->secondary(), timing);
    monitor.setFrontEndAddress(intent.frontEndAddress);
    monitor.setFenceSource(journalFenceSource(connection->session->journal().path()));
    monitor.setHealthIntent(intent);
    WatchPrinter printer(options.json         ? WatchPrinter::Form::Json
                         : stdoutIsTerminal() ? WatchPrinter::Form::InPlace
                                              : WatchPrinter::Form::Lines);
    QObject::connect(&monitor, &PairMonitor::snapshotChanged, &monitor,
                     [&printer, once](const PairSnapshot& snapshot) {
                         printer.snapshot(snapshot);
                         auto settled = [](const NodeView& node) {
                             return node.reachable || !node.error.isEmpty();
                         };
                         if (once && settled(snapshot.primary) && settled(snapshot.secondary))
                             QCoreApplication::exit(kExitOk);
                     });
    QObject::connect(&monitor, &PairMonitor::eventRaised, &monitor,
                     [&printer](const MonitorEvent& event) { printer.event(event); });
    if (duration > 0)
        QTimer::singleShot(qint64(duration * 1000), &monitor,
                           [] { QCoreApplication::exit(kExitOk); });
    monitor.start();
    return QCoreApplication::exec();
}

} // namespace nr1::ctl
