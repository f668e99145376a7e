// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.Mapping;
import java.util.List;
import java.util.Map;

/**
 * RFC: a restricted mapping is identical to the corresponding full mapping: the same physical frame and the same
 * attributes (here: the same source object and class).
 */
public final class IdenticalMappingCheck implements Check {
    /** This check's id. */
    public static final String ID = "identical-mapping";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "restricted mappings have the same physical address and attributes as the full mapping";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        AddressSpace full = in.spaces().full();
        KernelImage kernel = in.kernel();
        for (Map.Entry<AddressSpace, List<AsiInstance>> e : SharedComponents.of(in.spaces().instances()).entrySet()) {
            String who = SharedComponents.names(e.getValue());
            e.getKey().forEach((s, end, attr, phys) -> {
                long pos = s;
                while (UnsignedOrder.lt(pos, end)) {
                    Mapping m = full.lookup(pos);
                    if (m == null) {
                        return; // not in the full space at all: the subset check reports that
                    }
                    if (m.attr() != attr) {
                        out.report(new Finding(ID, Severity.ERROR, who + " map " + Describe.range(pos, end) + " as "
                                + Describe.source(kernel, attr) + " but the full space maps "
                                + Describe.source(kernel, m.attr()), Describe.objects(kernel, attr), pos & ~0xfffL));
                        return;
                    }
                    long restricted = Mapping.physAt(s, attr, phys, pos, kernel);
                    long unrestricted = m.physAt(pos, kernel);
                    if (restricted >= 0 && unrestricted >= 0 && restricted != unrestricted) {
                        out.report(new Finding(ID, Severity.ERROR, who + " map " + UnsignedOrder.hex(pos) + " ("
                                + Describe.source(kernel, attr) + ") to physical " + UnsignedOrder.hex(restricted)
                                + " but the full space maps it to " + UnsignedOrder.hex(unrestricted),
                                Describe.objects(kernel, attr), restricted & ~0xfffL));
                        return;
                    }
                    pos = UnsignedOrder.min(end, m.end());
                }
            });
        }
    }
}
