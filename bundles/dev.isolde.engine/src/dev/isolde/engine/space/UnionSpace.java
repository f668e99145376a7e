// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.List;

/** The union of disjoint indexed parts, read without copying them (the global part is shared by all instances). */
final class UnionSpace extends AddressSpace {
    private final IndexedSpace[] parts;

    UnionSpace(List<? extends IndexedSpace> parts) {
        this.parts = parts.toArray(IndexedSpace[]::new);
    }

    @Override
    public int intervalCount() {
        int n = 0;
        for (IndexedSpace p : parts) {
            n += p.intervalCount();
        }
        return n;
    }

    @Override
    public long bytesMapped() {
        long n = 0;
        for (IndexedSpace p : parts) {
            n += p.bytesMapped();
        }
        return n;
    }

    @Override
    public int attrAt(long va) {
        for (IndexedSpace p : parts) {
            int a = p.attrAt(va);
            if (a >= 0) {
                return a;
            }
        }
        return -1;
    }

    @Override
    public Mapping lookup(long va) {
        for (IndexedSpace p : parts) {
            Mapping m = p.lookup(va);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void forEach(IntervalConsumer action) {
        int[] cursor = new int[parts.length];
        while (true) {
            int best = -1;
            for (int k = 0; k < parts.length; k++) {
                if (cursor[k] < parts[k].intervalCount() && (best < 0
                        || UnsignedOrder.lt(parts[k].start(cursor[k]), parts[best].start(cursor[best])))) {
                    best = k;
                }
            }
            if (best < 0) {
                return;
            }
            int i = cursor[best]++;
            IndexedSpace p = parts[best];
            action.accept(p.start(i), p.end(i), p.attr(i), p.phys(i));
        }
    }

    @Override
    public List<AddressSpace> components() {
        return List.of(parts);
    }
}
