#pragma once
// Contract: the ONE place where nr1 turns argv into a command line for the remote POSIX shell.
// Every argument is single-quoted (so $, `, ;, *, newlines and quotes stay literal), LC_ALL=C is
// set so tools print untranslated, parseable text, and a non-root login runs it through
// `sudo -n` (never prompting). Nothing else in nr1 builds a command string.
// A command may carry a step tag: NR1_STEP=TAG in its environment (set after sudo, so the command
// and all it starts inherit it, sudo itself not). The tag is transport detail added by the SSH
// layer (ChannelPool); argv, previews and journals never show it. remoteStopCommandLine() stops
// every process of given tags, and their process groups, on the node (core/scripts/stop-step.sh).

#include <QByteArray>
#include <QStringList>
#include <chrono>
#include <optional>

namespace nr1 {

enum class Elevation { None, Sudo };

/// The command line, or nullopt when argv cannot be passed (empty, or an argument holding NUL)
/// or the tag is not a plain word of letters, digits and '-'. An empty tag adds nothing.
std::optional<QByteArray> remoteCommandLine(const QStringList& argv, Elevation elevation,
                                            const QString& stepTag = {});

/// The command line that stops the commands run with these tags: SIGTERM to their processes and
/// process groups, SIGKILL after `grace`; it exits 0 once none of them runs (also when none
/// did), 1 when some still run. nullopt when a tag is not plain or there is none.
std::optional<QByteArray> remoteStopCommandLine(const QStringList& stepTags, Elevation elevation,
                                                std::chrono::milliseconds grace);

/// The argv as an administrator would type it (quotes only where the shell needs them), for
/// previews, journals and messages. Pasted into a shell it runs exactly this argv.
QString displayCommandLine(const QStringList& argv);

/// True when stderr and exit code show that `sudo -n` refused because it wants a password.
bool sudoWantsPassword(int exitCode, const QByteArray& stderrData);

} // namespace nr1
