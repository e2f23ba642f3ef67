#include "model/Md.h"

namespace nr1 {

namespace {

struct ActionName {
    MdSyncAction action;
    const char* name;
};
constexpr ActionName kActions[] = {
    {MdSyncAction::Idle, "idle"},       {MdSyncAction::Frozen, "frozen"},
    {MdSyncAction::Resync, "resync"},   {MdSyncAction::Recover, "recover"},
    {MdSyncAction::Check, "check"},     {MdSyncAction::Repair, "repair"},
    {MdSyncAction::Reshape, "reshape"},
};

} // namespace

QString mdSyncActionName(MdSyncAction action) {
    for (const ActionName& entry : kActions)
        if (entry.action == action)
            return QLatin1String(entry.name);
    return {};
}

std::optional<MdSyncAction> mdSyncActionFromName(QStringView name) {
    for (const ActionName& entry : kActions)
        if (name == QLatin1String(entry.name))
            return entry.action;
    return std::nullopt;
}

const MdstatArray* Mdstat::find(const QString& name) const {
    for (const MdstatArray& array : arrays)
        if (array.name == name)
            return &array;
    return nullptr;
}

} // namespace nr1
