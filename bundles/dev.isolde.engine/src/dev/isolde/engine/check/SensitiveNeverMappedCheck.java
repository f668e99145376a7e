// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.policy.AsiClassSpec.MapItem;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.Mapping;
import dev.isolde.engine.space.MappingAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC: sensitive memory is only in the unrestricted page tables. A sensitive interval brought in by a region the class
 * maps explicitly (KPTI's cpu_entry_area) is a warning, since the author asked for it; anything else is an error.
 */
public final class SensitiveNeverMappedCheck implements Check {
    /** This check's id. */
    public static final String ID = "sensitive-never-mapped";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "no sensitive memory is mapped in any restricted address space";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        KernelImage kernel = in.kernel();
        for (Map.Entry<AddressSpace, List<AsiInstance>> e : SharedComponents.of(in.spaces().instances()).entrySet()) {
            List<Mapping> sensitive = new ArrayList<>();
            e.getKey().forEach((s, end, attr, phys) -> {
                if (MappingAttr.classKey(attr) == ClassKey.SENSITIVE) {
                    sensitive.add(new Mapping(s, end, attr, phys));
                }
            });
            for (AsiInstance instance : e.getValue()) {
                for (Mapping m : sensitive) {
                    Region asked = explicitRegion(kernel, instance, m);
                    Severity severity = asked == null ? Severity.ERROR : Severity.WARNING;
                    out.report(new Finding(ID, severity, "instance " + instance.name() + " maps sensitive "
                            + Describe.source(kernel, m.attr()) + " at " + Describe.range(m.start(), m.end())
                            + (asked == null ? "" : " because class " + instance.cls().name() + " maps region "
                                    + asked.name()), Describe.objects(kernel, m.attr()), m.start() & ~0xfffL));
                }
            }
        }
    }

    private static Region explicitRegion(KernelImage kernel, AsiInstance instance, Mapping m) {
        for (MapItem item : instance.cls().mapItems()) {
            Region r = item.target() == MapItem.Target.REGION ? kernel.region(item.region()) : null;
            if (r != null && r.encloses(m.start(), m.end())) {
                return r;
            }
        }
        return null;
    }
}
