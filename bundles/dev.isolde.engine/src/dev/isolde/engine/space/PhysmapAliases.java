// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Layout;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The direct-map (physmap) aliases of vmalloc'd pages. The 2024/2025 ASI series maps a vmalloc area non-sensitive
 * at its vmalloc address but allocates its pages sensitive, so the second mapping of those pages in the physmap is
 * absent from every restricted space (DESIGN §2b). Only areas whose physical pages the kernel model knows can be
 * placed; the others are counted.
 *
 * @param known the alias ranges in the direct map, one interval per placed area
 * @param unknownAreas vmalloc areas whose physical pages are unknown (hashed addresses, no {@code phys=})
 */
public record PhysmapAliases(AddressSpace known, int unknownAreas) {

    /** The aliases of {@code kernel}'s vmalloc areas. */
    public static PhysmapAliases of(KernelImage kernel) {
        Region directMap = kernel.region("direct_map");
        Layout layout = kernel.layout();
        List<long[]> aliases = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < kernel.objectCount(); i++) {
            if (kernel.kind(i) != ObjectKind.VMALLOC) {
                continue;
            }
            long phys = kernel.physStart(i);
            long size = kernel.size(i);
            long alias = layout == null || phys < 0 ? 0 : layout.directMapStart() + phys;
            if (size == 0 || alias == 0 || directMap == null || !directMap.encloses(alias, alias + size)) {
                unknown++; // includes ioremap areas: device memory has no physmap alias at all
                continue;
            }
            aliases.add(new long[] {alias, alias + size, i, phys});
        }
        // areas come in vmalloc address order, their aliases need not; overlapping aliases merge
        aliases.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        IntervalSink sink = new IntervalSink(aliases.size());
        for (long[] a : aliases) {
            if (sink.count > 0 && UnsignedOrder.le(a[0], sink.end[sink.count - 1])) {
                sink.end[sink.count - 1] = UnsignedOrder.max(sink.end[sink.count - 1], a[1]);
            } else {
                sink.accept(a[0], a[1], MappingAttr.ofObject(ClassKey.SENSITIVE, (int) a[2]), a[3]);
            }
        }
        return new PhysmapAliases(sink.toSpace(), unknown);
    }

    /** Bytes of the physmap that the aliases take out of every restricted space. */
    public long bytes() {
        return known.bytesMapped();
    }
}
