#pragma once
// Contract: the ONE place where nr1 turns argv into a command line for the remote POSIX shell.
// Every argument is single-quoted (so $, `, ;, *, newlines and quotes stay literal), LC_ALL=C is
// set so tools print untranslated, parseable text, and a non-root login runs it through
// `sudo -n` (never prompting). Nothing else in nr1 builds a command string.

#include <QByteArray>
#include <QStringList>
#include <optional>

namespace nr1 {

enum class Elevation { None, Sudo };

/// The command line, or nullopt when argv cannot be passed (empty, or an argument holding NUL).
std::optional<QByteArray> remoteCommandLine(const QStringList& argv, Elevation elevation);

/// The argv as an administrator would type it (quotes only where the shell needs them), for
/// previews, journals and messages. Pasted into a shell it runs exactly this argv.
QString displayCommandLine(const QStringList& argv);

/// True when stderr and exit code show that `sudo -n` refused because it wants a password.
bool sudoWantsPassword(int exitCode, const QByteArray& stderrData);

} // namespace nr1
