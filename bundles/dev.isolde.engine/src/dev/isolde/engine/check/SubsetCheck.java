// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import java.util.List;
import java.util.Map;

/** RFC: every mapping of a restricted address space is a subset of the full kernel address space. */
public final class SubsetCheck implements Check {
    /** This check's id. */
    public static final String ID = "subset";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "every restricted address space maps only what the full kernel address space maps";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        AddressSpace full = in.spaces().full();
        for (Map.Entry<AddressSpace, List<AsiInstance>> e : SharedComponents.of(in.spaces().instances()).entrySet()) {
            e.getKey().difference(full).forEach((s, end, attr, phys) -> out.report(new Finding(ID, Severity.ERROR,
                    SharedComponents.names(e.getValue()) + " map " + Describe.range(s, end) + " of "
                            + Describe.source(in.kernel(), attr) + ", which the full kernel address space does not map",
                    Describe.objects(in.kernel(), attr), s & ~0xfffL)));
        }
    }
}
