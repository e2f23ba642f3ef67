#pragma once
// Contract: the exit statuses of nr1ctl, shared by all its commands (see `nr1ctl --help`).

namespace nr1::ctl {

constexpr int kExitOk = 0;
constexpr int kExitParseError = 2; ///< input understood as not parseable
constexpr int kExitUsage = 64;     ///< EX_USAGE
constexpr int kExitNoInput = 66;   ///< EX_NOINPUT

} // namespace nr1::ctl
