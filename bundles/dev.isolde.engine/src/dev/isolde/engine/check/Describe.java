// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.engine.space.MappingAttr;
import java.util.List;

/** Wording shared by the checks' messages. */
final class Describe {
    private Describe() {
    }

    static String source(KernelImage kernel, int attr) {
        int obj = MappingAttr.objectIndex(attr);
        String what = obj >= 0 ? kernel.name(obj) : "region " + kernel.regions().get(MappingAttr.index(attr)).name();
        return what + " (" + ClassKey.describe(MappingAttr.classKey(attr)) + ")";
    }

    static List<ObjectRef> objects(KernelImage kernel, int attr) {
        int obj = MappingAttr.objectIndex(attr);
        return obj < 0 ? List.of() : List.of(ObjectRef.of(kernel, obj));
    }

    static String range(long start, long end) {
        return UnsignedOrder.hex(start) + "-" + UnsignedOrder.hex(end);
    }
}
