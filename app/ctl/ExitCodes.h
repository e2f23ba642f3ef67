#pragma once
// Contract: the exit statuses of nr1ctl, shared by all its commands (see `nr1ctl --help`).

namespace nr1::ctl {

constexpr int kExitOk = 0;
constexpr int kExitApplyFailed = 1;  ///< a plan ran and failed (rolled back or not)
constexpr int kExitParseError = 2;   ///< input understood as not parseable
constexpr int kExitRefused = 3;      ///< the planner refused: nothing was changed
constexpr int kExitUsage = 64;       ///< EX_USAGE
constexpr int kExitNoInput = 66;     ///< EX_NOINPUT
constexpr int kExitLocked = 75;      ///< EX_TEMPFAIL: another nr1 holds the pair's lock
constexpr int kExitTimeout = 124;    ///< as timeout(1)
constexpr int kExitConnection = 255; ///< as ssh(1): not reached, not trusted, not logged in

} // namespace nr1::ctl
