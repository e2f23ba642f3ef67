#pragma once
// Contract: the identity of a pair's front-end LUN, what initiators compare to recognise the
// disk whichever node serves it: the unit serial (SCSI VPD page 0x80; LIO derives the NAA
// designator of page 0x83 from it), the target IQN and LUN number, the backstore, the portals,
// the initiators allowed in (one ACL each) and the CHAP user (never a secret). nr1 records it
// as one JSON line in /etc/nr1/PAIR.identity on both nodes (and the serial in the inventory),
// so the node that serves next recreates it exactly. toJson writes that line's object;
// probe/LunIdentityParser reads it back (lunIdentityFromJson(toJson(i)) == i).

#include "model/Iscsi.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace nr1 {

struct LunIdentity {
    QString pair;       ///< the inventory's pair name
    QString unitSerial; ///< LIO's vpd_unit_serial (the backstore's wwn)
    QString targetIqn;
    int lun = 0;
    QString backstore; ///< "block/NAME" or "fileio/NAME"
    std::vector<IscsiPortal> portals;
    QStringList initiators;
    QString chapUser; ///< empty: no CHAP
    bool operator==(const LunIdentity&) const = default;

    QJsonObject toJson() const;
    /// The NAA designator LIO reports in VPD page 0x83 for this serial: "6001405" and the
    /// serial's first 25 hex digits (kernel spc_emulate_evpd_83); empty without 25 of them.
    QString naa() const;
};

} // namespace nr1
