// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC: sensitive, globally non-sensitive and each context's locally non-sensitive memory never share a 4 KiB page,
 * because page tables map whole pages: a non-sensitive variable next to a sensitive one either exposes its neighbour
 * or is not mapped. This is why the RFC puts {@code __asi_not_sensitive} data in its own section,
 * {@code .data..asi_non_sensitive}, instead of annotating variables in place.
 *
 * <p>Objects with a known physical address are compared by physical page (which also catches two aliases of one
 * frame); the rest by virtual page.
 */
public final class PageSeparationCheck implements Check {
    /** This check's id. */
    public static final String ID = "page-separation";
    private static final int PAGE_SHIFT = 12;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "no 4 KiB page holds memory of two classes, or local memory of two contexts";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        KernelImage kernel = in.kernel();
        int n = kernel.objectCount();
        int[] physObjects = new int[n];
        long[] physAddr = new long[n];
        int[] virtObjects = new int[n];
        long[] virtAddr = new long[n];
        int p = 0;
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (kernel.size(i) == 0) {
                continue;
            }
            long pa = kernel.physStart(i);
            if (pa >= 0) {
                physObjects[p] = i;
                physAddr[p++] = pa;
            } else {
                virtObjects[v] = i;
                virtAddr[v++] = kernel.start(i);
            }
        }
        sweep(in, physObjects, physAddr, p, true, out);
        sweep(in, virtObjects, virtAddr, v, false, out);
    }

    private void sweep(CheckInput in, int[] objects, long[] addr, int count, boolean physical, FindingSink out) {
        KernelImage kernel = in.kernel();
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        if (!UnsignedOrder.isSorted(addr, null, count)) {
            UnsignedOrder.sortIndices(order, Arrays.copyOf(addr, count), null);
        }
        List<Integer> active = new ArrayList<>();
        long reportedPage = -1;
        List<Long> reportedPairs = new ArrayList<>();
        for (int k : order) {
            int obj = objects[k];
            long first = addr[k] >>> PAGE_SHIFT;
            long last = (addr[k] + kernel.size(obj) - 1) >>> PAGE_SHIFT;
            active.removeIf(a -> Long.compareUnsigned(lastPage(kernel, objects, addr, a), first) < 0);
            long owner = ownerKey(in.classification(), obj);
            for (int a : active) {
                int other = objects[a];
                long otherOwner = ownerKey(in.classification(), other);
                if (otherOwner == owner) {
                    continue;
                }
                if (first != reportedPage) {
                    reportedPage = first;
                    reportedPairs.clear();
                }
                long pair = (Math.min(owner, otherOwner) << 32) + Math.max(owner, otherOwner);
                if (reportedPairs.contains(pair)) {
                    continue;
                }
                reportedPairs.add(pair);
                long page = first << PAGE_SHIFT;
                out.report(new Finding(ID, Severity.ERROR, (physical ? "physical" : "virtual") + " page "
                        + UnsignedOrder.hex(page) + " holds " + describe(in, other) + " and " + describe(in, obj),
                        List.of(ObjectRef.of(kernel, other), ObjectRef.of(kernel, obj)), page));
            }
            if (Long.compareUnsigned(last, first) >= 0) {
                active.add(k);
            }
        }
    }

    private static long lastPage(KernelImage kernel, int[] objects, long[] addr, int k) {
        return (addr[k] + kernel.size(objects[k]) - 1) >>> PAGE_SHIFT;
    }

    /** Class key, and for local memory also the owning context: memory of two owners must not share a page. */
    private static long ownerKey(Classification c, int obj) {
        int key = c.classKey(obj);
        return ClassKey.isLocal(key) ? key + (c.kernel().ownerContext(obj) + 1L) * ClassKey.COUNT : key;
    }

    private static String describe(CheckInput in, int obj) {
        KernelImage kernel = in.kernel();
        int owner = kernel.ownerContext(obj);
        int key = in.classification().classKey(obj);
        return kernel.name(obj) + " (" + ClassKey.describe(key)
                + (ClassKey.isLocal(key) && owner >= 0 ? " of " + kernel.context(owner).name() : "") + ", "
                + in.classification().provenance(obj).describe() + ")";
    }
}
