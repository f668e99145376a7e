// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.explain;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.MappingAttr;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one ASI instance maps: bytes and objects, by region (innermost region of each interval's start; "(none)" outside
 * all regions) and by object kind; bytes of regions no object covers count under {@code regionFillBytes}.
 */
public record Coverage(String instance, long bytes, int objects, long regionFillBytes, Map<String, Long> bytesByRegion,
        Map<ObjectKind, Long> bytesByKind, Map<ObjectKind, Integer> objectsByKind) {

    /** Label of bytes outside every layout region. */
    public static final String NO_REGION = "(none)";

    public Coverage {
        bytesByRegion = Map.copyOf(bytesByRegion);
        bytesByKind = Map.copyOf(bytesByKind);
        objectsByKind = Map.copyOf(objectsByKind);
    }

    /** The coverage of {@code instance}. */
    public static Coverage of(AsiInstance instance, KernelImage kernel) {
        RegionSegments segments = new RegionSegments(kernel.regions());
        long[] bytes = new long[1];
        long[] fill = new long[1];
        Map<String, Long> byRegion = new LinkedHashMap<>();
        Map<ObjectKind, Long> byKind = new EnumMap<>(ObjectKind.class);
        Map<ObjectKind, Integer> objectsByKind = new EnumMap<>(ObjectKind.class);
        BitSet seen = new BitSet(kernel.objectCount());
        instance.space().forEach((s, e, attr, phys) -> {
            long size = e - s;
            bytes[0] += size;
            int r = segments.regionAt(s);
            byRegion.merge(r < 0 ? NO_REGION : kernel.regions().get(r).name(), size, Long::sum);
            int obj = MappingAttr.objectIndex(attr);
            if (obj < 0) {
                fill[0] += size;
                return;
            }
            byKind.merge(kernel.kind(obj), size, Long::sum);
            if (!seen.get(obj)) {
                seen.set(obj);
                objectsByKind.merge(kernel.kind(obj), 1, Integer::sum);
            }
        });
        return new Coverage(instance.name(), bytes[0], seen.cardinality(), fill[0], byRegion, byKind, objectsByKind);
    }

    /** The coverage of every instance of {@code spaces}. */
    public static List<Coverage> of(RestrictedSpaces spaces, KernelImage kernel) {
        List<Coverage> out = new ArrayList<>();
        for (AsiInstance instance : spaces.instances()) {
            out.add(of(instance, kernel));
        }
        return out;
    }
}
