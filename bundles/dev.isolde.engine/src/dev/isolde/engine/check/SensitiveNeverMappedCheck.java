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
import dev.isolde.engine.kernel.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
                // what the class maps on purpose is one warning per region, not one per object in it
                Map<Region, List<Mapping>> asked = new LinkedHashMap<>();
                for (Mapping m : sensitive) {
                    Region region = explicitRegion(kernel, instance, m);
                    if (region != null) {
                        asked.computeIfAbsent(region, r -> new ArrayList<>()).add(m);
                        continue;
                    }
                    out.report(new Finding(ID, Severity.ERROR, "instance " + instance.name() + " maps sensitive "
                            + Describe.source(kernel, m.attr()) + " at " + Describe.range(m.start(), m.end()),
                            Describe.objects(kernel, m.attr()), m.start() & ~0xfffL));
                }
                asked.forEach((region, mappings) -> {
                    Mapping first = mappings.get(0);
                    List<ObjectRef> objects = new ArrayList<>();
                    long bytes = 0;
                    for (Mapping m : mappings) {
                        objects.addAll(Describe.objects(kernel, m.attr()));
                        bytes += m.end() - m.start();
                    }
                    out.report(new Finding(ID, Severity.WARNING, "instance " + instance.name() + " maps " + bytes
                            + " bytes of sensitive memory in " + mappings.size() + " pieces because class "
                            + instance.cls().name() + " maps region " + region.name() + " (first: "
                            + Describe.source(kernel, first.attr()) + " at " + Describe.range(first.start(), first.end())
                            + ")", objects, first.start() & ~0xfffL));
                });
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
