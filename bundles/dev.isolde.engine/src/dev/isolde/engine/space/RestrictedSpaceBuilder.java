// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiClassSpec.MapItem;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.PolicySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Builds the full kernel address space of a classified kernel and, for each context of the policy, the restricted
 * space of its ASI class: globally non-sensitive ∪ the context's locally non-sensitive ∪ what the class always maps.
 * Under asi2025 the global part also loses the physmap aliases of vmalloc'd pages ({@link PhysmapAliases}), and KPTI
 * classes get no instance: PTI is off when ASI is on, the {@code userspace} class replaces it (DESIGN §2b). Under
 * rfc2022 locally non-sensitive kernel allocations in the direct map are reached through their alias in the ASI local
 * map ({@link Rfc2022Layout}): their instance maps the alias, not the direct-map address, and the full space maps both.
 */
public final class RestrictedSpaceBuilder {
    private final Classification classification;
    private final KernelImage kernel;
    private final PolicySpec policy;

    /** A builder for the spaces of {@code classification}'s kernel under its policy. */
    public RestrictedSpaceBuilder(Classification classification) {
        this.classification = classification;
        this.kernel = classification.kernel();
        this.policy = classification.policy();
    }

    /**
     * The full (unrestricted) kernel address space: every object and every region; where objects nest, the innermost
     * one owns the bytes, and region ranges no object covers map the region itself.
     */
    public AddressSpace buildFull() {
        return new FullSpaceSweep(kernel, classification).run();
    }

    /** Builds the full space, the shared global part and one instance per context whose class applies to it. */
    public RestrictedSpaces build() {
        List<String> problems = new ArrayList<>();
        Rfc2022Layout rfc2022 = policy.model() == AsiModel.RFC2022
                ? Rfc2022Layout.of(kernel, policy.vmallocLocalPercent()) : null;
        LocalMapAliases local = LocalMapAliases.add((IndexedSpace) buildFull(), kernel, rfc2022, problems);
        IndexedSpace full = local.full();
        boolean[] viaAlias = local.replaced();
        int n = full.intervalCount();
        int[] globalIndex = new int[n];
        int globals = 0;
        for (int i = 0; i < n; i++) {
            if (MappingAttr.classKey(full.attr(i)) == ClassKey.GLOBAL) {
                globalIndex[globals++] = i;
            }
        }
        int contexts = kernel.contexts().size();
        int[][] owned = byOwner(full, contexts, i -> !viaAlias[i]);
        int[][] replaced = byOwner(full, contexts, i -> viaAlias[i]);
        IndexedSpace global = new SubSpace(full, Arrays.copyOf(globalIndex, globals));
        boolean asi2025 = policy.model() == AsiModel.ASI2025;
        if (asi2025) {
            AddressSpace aliases = PhysmapAliases.of(kernel).known();
            if (aliases.intervalCount() > 0) {
                global = (IndexedSpace) global.difference(aliases);
            }
        }
        List<AsiInstance> instances = new ArrayList<>();
        for (ContextSpec cs : policy.contexts()) {
            AsiClassSpec cls = policy.asiClass(cs.asiClass());
            if (cls == null) {
                problems.add("context " + cs.name() + " names unknown ASI class " + cs.asiClass());
                continue;
            }
            if (asi2025 && cls.isKpti()) {
                problems.add("class " + cls.name() + " is KPTI, which is off under asi2025: the userspace class"
                        + " replaces it; context " + cs.name() + " gets no instance of it");
                continue;
            }
            if (cls.per() != cs.kind()) {
                problems.add("class " + cls.name() + " isolates " + cls.per() + " contexts, not " + cs.kind()
                        + " context " + cs.name());
                continue;
            }
            int ctx = kernel.contextIndex(cs.name());
            if (ctx < 0) {
                problems.add("context " + cs.name() + " is not in the kernel image; its instance maps no local memory");
            }
            int[] mine = ctx < 0 ? new int[0] : Arrays.copyOfRange(owned[1], owned[0][ctx], owned[0][ctx + 1]);
            AddressSpace space = instanceSpace(full, global, cls, mine, problems);
            int[] aliased = ctx < 0 || !cls.maps(MapItem.Target.LOCAL) ? new int[0]
                    : Arrays.copyOfRange(replaced[1], replaced[0][ctx], replaced[0][ctx + 1]);
            AddressSpace reach = aliased.length == 0 ? space : withAliasedOriginals(space, full, aliased);
            instances.add(new AsiInstance(cs.name() + "/" + cls.name(), cls, cs, space, reach));
        }
        return new RestrictedSpaces(full, global, instances, problems, rfc2022);
    }

    /** {@code space} and the direct-map intervals it reaches through aliases, sharing the parts rather than copying. */
    private static AddressSpace withAliasedOriginals(AddressSpace space, IndexedSpace full, int[] aliased) {
        int[] missing = Arrays.stream(aliased).filter(i -> !space.contains(full.start(i))).toArray();
        if (missing.length == 0) {
            return space;
        }
        List<IndexedSpace> parts = new ArrayList<>();
        for (AddressSpace part : space.components()) {
            parts.add((IndexedSpace) part);
        }
        parts.add(new SubSpace(full, missing));
        return new UnionSpace(parts);
    }

    /**
     * The intervals that {@code keep} accepts, grouped by owning context as {@code {offsets, indices}}: context c's
     * indices, ascending, are {@code indices[offsets[c]..offsets[c + 1]]}.
     */
    private int[][] byOwner(IndexedSpace full, int contexts, IntPredicate keep) {
        int n = full.intervalCount();
        int[] offset = new int[contexts + 1];
        for (int i = 0; i < n; i++) {
            int owner = keep.test(i) ? ownerOf(full.attr(i)) : -1;
            if (owner >= 0) {
                offset[owner + 1]++;
            }
        }
        for (int c = 0; c < contexts; c++) {
            offset[c + 1] += offset[c];
        }
        int[] fill = Arrays.copyOf(offset, contexts);
        int[] index = new int[offset[contexts]];
        for (int i = 0; i < n; i++) {
            int owner = keep.test(i) ? ownerOf(full.attr(i)) : -1;
            if (owner >= 0) {
                index[fill[owner]++] = i;
            }
        }
        return new int[][] {offset, index};
    }

    private int ownerOf(int attr) {
        int obj = MappingAttr.objectIndex(attr);
        return obj < 0 ? -1 : kernel.ownerContext(obj);
    }

    private AddressSpace instanceSpace(IndexedSpace full, IndexedSpace global, AsiClassSpec cls, int[] owned,
            List<String> problems) {
        boolean withGlobal = cls.maps(MapItem.Target.GLOBAL);
        boolean local = cls.maps(MapItem.Target.LOCAL);
        boolean user = cls.maps(MapItem.Target.USER);
        boolean guest = cls.maps(MapItem.Target.GUEST);
        int[] index = new int[owned.length + 8];
        int count = 0;
        for (int i : owned) {
            int attr = full.attr(i);
            int key = MappingAttr.classKey(attr);
            ObjectKind kind = kernel.kind(MappingAttr.objectIndex(attr));
            boolean wanted = (local && ClassKey.isLocal(key)) || (user && kind == ObjectKind.USER)
                    || (guest && kind == ObjectKind.GUEST);
            if (wanted && !(withGlobal && key == ClassKey.GLOBAL)) {
                index[count++] = i;
            }
        }
        List<long[]> clipped = new ArrayList<>();
        for (MapItem item : cls.mapItems()) {
            if (item.target() != MapItem.Target.REGION) {
                continue;
            }
            Region r = kernel.region(item.region());
            if (r == null) {
                problems.add("class " + cls.name() + " maps region " + item.region() + ", which the kernel lacks");
                continue;
            }
            for (int i = full.firstEndingAfter(r.start()); i < full.intervalCount()
                    && UnsignedOrder.lt(full.start(i), r.end()); i++) {
                if (withGlobal && MappingAttr.classKey(full.attr(i)) == ClassKey.GLOBAL) {
                    continue;
                }
                if (r.encloses(full.start(i), full.end(i))) {
                    if (count == index.length) {
                        index = Arrays.copyOf(index, count * 2);
                    }
                    index[count++] = i;
                } else {
                    // A region boundary inside an interval: the class maps only the region's part of it.
                    clipped.add(new long[] {UnsignedOrder.max(full.start(i), r.start()),
                        UnsignedOrder.min(full.end(i), r.end()), i});
                }
            }
        }
        int[] sorted = distinctSorted(index, count);
        List<IndexedSpace> parts = new ArrayList<>(3);
        if (withGlobal) {
            parts.add(global);
        }
        if (sorted.length > 0) {
            parts.add(new SubSpace(full, sorted));
        }
        FlatSpace pieces = clippedPieces(full, clipped, sorted);
        if (pieces.intervalCount() > 0) {
            parts.add(pieces);
        }
        return parts.isEmpty() ? AddressSpace.empty() : parts.size() == 1 ? parts.get(0) : new UnionSpace(parts);
    }

    private static int[] distinctSorted(int[] index, int count) {
        Arrays.sort(index, 0, count);
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (n == 0 || index[n - 1] != index[k]) {
                index[n++] = index[k];
            }
        }
        return Arrays.copyOf(index, n);
    }

    private static FlatSpace clippedPieces(IndexedSpace full, List<long[]> clipped, int[] whole) {
        clipped.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        IntervalSink sink = new IntervalSink(clipped.size());
        for (long[] piece : clipped) {
            int i = (int) piece[2];
            if (Arrays.binarySearch(whole, i) >= 0) {
                continue; // another map item already brings the whole interval
            }
            long phys = full.phys(i) < 0 ? -1 : full.phys(i) + (piece[0] - full.start(i));
            if (sink.count > 0 && UnsignedOrder.le(piece[0], sink.end[sink.count - 1])) {
                // Two mapped regions overlapping the same interval: extend the earlier piece.
                sink.end[sink.count - 1] = UnsignedOrder.max(sink.end[sink.count - 1], piece[1]);
            } else {
                sink.accept(piece[0], piece[1], full.attr(i), phys);
            }
        }
        return sink.toSpace();
    }
}
