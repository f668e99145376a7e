// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Flattens the objects and regions of a kernel image into disjoint intervals with one sweep over both in address
 * order. Objects own their bytes over regions (regions are the layout, objects the content); among objects, and
 * among regions, the most recently opened one (the innermost) wins.
 */
final class FullSpaceSweep {
    private final KernelImage kernel;
    private final Classification classification;
    private final IntervalSink sink;
    private final Stack objects = new Stack();
    private final Stack regions = new Stack();
    private long pos;

    FullSpaceSweep(KernelImage kernel, Classification classification) {
        this.kernel = kernel;
        this.classification = classification;
        this.sink = new IntervalSink(kernel.objectCount() + 2 * kernel.regions().size() + 16);
    }

    FlatSpace run() {
        List<Region> layout = kernel.regions();
        int count = kernel.objectCount();
        int o = 0;
        int r = 0;
        while (o < count || r < layout.size()) {
            boolean takeRegion = o >= count
                    || (r < layout.size() && UnsignedOrder.le(layout.get(r).start(), kernel.start(o)));
            if (takeRegion) {
                Region region = layout.get(r);
                open(regions, region.start(), region.end(), MappingAttr.ofRegion(classification.regionClassKey(r), r));
                r++;
            } else {
                if (kernel.size(o) > 0) {
                    open(objects, kernel.start(o), kernel.end(o), MappingAttr.ofObject(classification.classKey(o), o));
                }
                o++;
            }
        }
        emit(0, true);
        return sink.toSpace();
    }

    private void open(Stack stack, long start, long end, int attr) {
        emit(start, false);
        if (objects.depth == 0 && regions.depth == 0) {
            pos = start;
        }
        stack.push(end, attr);
    }

    /** Emits the owner of each byte from pos up to {@code limit}, or until both stacks are empty if {@code all}. */
    private void emit(long limit, boolean all) {
        while (true) {
            objects.popEnded(pos);
            regions.popEnded(pos);
            Stack owner = objects.depth > 0 ? objects : regions.depth > 0 ? regions : null;
            if (owner == null) {
                return;
            }
            long ownerEnd = owner.end[owner.depth - 1];
            long segEnd = all ? ownerEnd : UnsignedOrder.min(ownerEnd, limit);
            if (UnsignedOrder.lt(pos, segEnd)) {
                sink.accept(pos, segEnd, owner.attr[owner.depth - 1], -1);
                pos = segEnd;
            }
            if (!all && !UnsignedOrder.lt(pos, limit)) {
                return;
            }
        }
    }

    /** Open items: their ends and attributes, innermost on top. */
    private static final class Stack {
        long[] end = new long[16];
        int[] attr = new int[16];
        int depth;

        void push(long e, int a) {
            if (depth == end.length) {
                end = Arrays.copyOf(end, depth * 2);
                attr = Arrays.copyOf(attr, depth * 2);
            }
            end[depth] = e;
            attr[depth] = a;
            depth++;
        }

        void popEnded(long pos) {
            while (depth > 0 && UnsignedOrder.le(end[depth - 1], pos)) {
                depth--;
            }
        }
    }
}
