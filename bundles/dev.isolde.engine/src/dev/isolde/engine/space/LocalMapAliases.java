// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.List;

/**
 * The full space with the ASI local map of the 2022 RFC added: every locally non-sensitive kernel allocation in the
 * direct map (slab, page allocator, task stacks) also appears at its alias, {@code asi_va()} of its physical address,
 * which is how the RFC's kernel reaches such pages. User and guest memory are not aliased: restricted spaces reach
 * them through the user page tables.
 *
 * @param full the full space, aliases included
 * @param replaced per interval of {@code full}: true for the direct-map interval of an aliased allocation, which its
 *        instance reaches through the alias instead
 */
record LocalMapAliases(IndexedSpace full, boolean[] replaced) {

    /** {@code full} with the aliases of {@code layout}'s local map; unchanged when {@code layout} is null (asi2025). */
    static LocalMapAliases add(IndexedSpace full, KernelImage kernel, Rfc2022Layout layout, List<String> problems) {
        Region directMap = kernel.region("direct_map");
        int n = full.intervalCount();
        if (layout == null || directMap == null) {
            return new LocalMapAliases(full, new boolean[n]);
        }
        IntervalSink aliases = new IntervalSink(16);
        boolean[] aliased = new boolean[n];
        for (int i = full.firstEndingAfter(directMap.start()); i < n
                && UnsignedOrder.lt(full.start(i), directMap.end()); i++) {
            int attr = full.attr(i);
            int obj = MappingAttr.objectIndex(attr);
            if (obj < 0 || !ClassKey.isLocal(MappingAttr.classKey(attr)) || !isKernelAllocation(kernel.kind(obj))
                    || !directMap.encloses(full.start(i), full.end(i))) {
                continue;
            }
            long pa = full.start(i) - directMap.start();
            aliases.accept(layout.alias(pa), layout.alias(pa) + (full.end(i) - full.start(i)), attr, pa);
            aliased[i] = true;
        }
        if (aliases.count == 0) {
            return new LocalMapAliases(full, aliased);
        }
        if (layout.ramExceedsHalvedDirectMap() || overlapsExisting(full, layout)) {
            problems.add("the ASI local map at " + UnsignedOrder.hex(layout.localMapStart()) + " overlaps memory the "
                    + "kernel maps there: the RFC halves the direct map to " + (layout.maxRam() >>> 40)
                    + " TB; locally non-sensitive allocations stay at their direct-map addresses");
            return new LocalMapAliases(full, new boolean[n]);
        }
        return merge(full, aliased, aliases);
    }

    private static boolean isKernelAllocation(ObjectKind kind) {
        return kind == ObjectKind.SLAB_CACHE || kind == ObjectKind.PAGE_ALLOC || kind == ObjectKind.STACK;
    }

    private static boolean overlapsExisting(IndexedSpace full, Rfc2022Layout layout) {
        int i = full.firstEndingAfter(layout.localMapStart());
        return i < full.intervalCount() && UnsignedOrder.lt(full.start(i), layout.localMapEnd());
    }

    /** Both inputs are sorted and disjoint, and no alias overlaps {@code full}: a merge keeps them so. */
    private static LocalMapAliases merge(IndexedSpace full, boolean[] aliased, IntervalSink aliases) {
        int n = full.intervalCount();
        IntervalSink out = new IntervalSink(n + aliases.count);
        boolean[] replaced = new boolean[n + aliases.count];
        int a = 0;
        for (int i = 0; i <= n; i++) {
            while (a < aliases.count && (i == n || UnsignedOrder.lt(aliases.start[a], full.start(i)))) {
                out.accept(aliases.start[a], aliases.end[a], aliases.attr[a], aliases.phys(a));
                a++;
            }
            if (i < n) {
                replaced[out.count] = aliased[i];
                out.accept(full.start(i), full.end(i), full.attr(i), full.phys(i));
            }
        }
        return new LocalMapAliases(out.toSpace(), replaced);
    }
}
