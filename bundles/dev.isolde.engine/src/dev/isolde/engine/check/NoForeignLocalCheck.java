// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.Mapping;
import dev.isolde.engine.space.MappingAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC: locally non-sensitive memory is mapped only in the restricted space of its own context; an instance must
 * never map another context's local memory, user memory or guest memory.
 */
public final class NoForeignLocalCheck implements Check {
    /** This check's id. */
    public static final String ID = "no-foreign-local";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "no instance maps the local, user or guest memory of another context";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        KernelImage kernel = in.kernel();
        Map<AddressSpace, List<AsiInstance>> components = SharedComponents.of(in.spaces().instances());
        for (Map.Entry<AddressSpace, List<AsiInstance>> e : components.entrySet()) {
            List<Mapping> owned = new ArrayList<>();
            e.getKey().forEach((s, end, attr, phys) -> {
                int obj = MappingAttr.objectIndex(attr);
                if (obj >= 0 && kernel.ownerContext(obj) >= 0 && contextMemory(kernel, obj, attr)) {
                    owned.add(new Mapping(s, end, attr, phys));
                }
            });
            for (AsiInstance instance : e.getValue()) {
                int ctx = kernel.contextIndex(instance.ctx().name());
                for (Mapping m : owned) {
                    int owner = kernel.ownerContext(m.objectIndex());
                    if (owner != ctx) {
                        out.report(new Finding(ID, Severity.ERROR, "instance " + instance.name() + " maps "
                                + Describe.source(kernel, m.attr()) + " of context " + kernel.context(owner).name()
                                + " at " + Describe.range(m.start(), m.end()), Describe.objects(kernel, m.attr()),
                                m.start() & ~0xfffL));
                    }
                }
            }
        }
    }

    private static boolean contextMemory(KernelImage kernel, int obj, int attr) {
        ObjectKind kind = kernel.kind(obj);
        return ClassKey.isLocal(MappingAttr.classKey(attr)) || kind == ObjectKind.USER || kind == ObjectKind.GUEST;
    }
}
