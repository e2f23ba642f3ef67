#include "ssh/SshTarget.h"

namespace nr1 {

QString SshTarget::label() const {
    QString text = host;
    if (!user.isEmpty())
        text = user + QLatin1Char('@') + text;
    if (port)
        text += QStringLiteral(":%1").arg(*port);
    return text;
}

} // namespace nr1
