#include "model/Md.h"

namespace nr1 {

const MdstatArray* Mdstat::find(const QString& name) const {
    for (const MdstatArray& array : arrays)
        if (array.name == name)
            return &array;
    return nullptr;
}

} // namespace nr1
