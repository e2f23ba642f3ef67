#pragma once
// Contract: nr1ctl's terminal I/O for the pair commands: text to stdout (flushed at once, so
// progress shows while a plan runs), errors as "nr1ctl COMMAND: …" on stderr, one JSON object
// per line for --json streams, the terminal's width, and reading an answer line when stdin and
// stdout are a terminal.

#include <QJsonObject>
#include <QString>

namespace nr1::ctl {

void print(const QString& text);
void printError(const QString& command, const QString& text);
void printJsonLine(const QJsonObject& object);
bool isTerminal();
/// stdout is a terminal (stdin may not be): output may be redrawn in place.
bool stdoutIsTerminal();
/// The terminal's width in columns; 0 when unknown.
int terminalColumns();
QString readLine();

} // namespace nr1::ctl
