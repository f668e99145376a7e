// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * The engine's immutable, columnar view of one kernel: memory objects in parallel arrays sorted by start address
 * (unsigned), named layout regions, untrusted contexts and machine facts.
 */
public final class KernelImage {
    private final String[] strings;
    private final Map<String, Integer> stringIndex;
    private final long[] start;
    private final long[] size;
    private final long[] phys;
    private final byte[] kind;
    private final int[] name;
    private final int[] placement;
    private final int[] placementSection;
    private final int[] placementModule;
    private final int[] owner;
    /**
     * Objects that overlap a later object (aliases such as jiffies/jiffies_64, containers), in address order, with the
     * running unsigned maximum of their ends; real images have few, so this stays small where a per-object reach
     * array would cost eight bytes per object.
     */
    private final int[] outer;
    private final long[] outerReach;
    private final int[] byNameOffset;
    private final int[] byName;
    private final int[] kindCount;
    /** String-table indices of all object names, sorted by name, so a glob's literal prefix selects a range. */
    private final int[] namesSorted;
    private final List<Region> regions;
    private final Map<String, Region> regionsByName;
    private final List<Context> contexts;
    private final Map<String, Integer> contextIndex;
    private final MachineFacts facts;
    private final Layout layout;

    private KernelImage(Builder b, int[] order) {
        int n = b.count;
        strings = b.strings.toArray(String[]::new);
        stringIndex = b.stringIndex; // the builder is single-use, so its map is handed over, not copied
        start = new long[n];
        size = new long[n];
        kind = new byte[n];
        name = new int[n];
        placement = new int[n];
        owner = new int[n];
        phys = b.anyPhys ? new long[n] : null;
        for (int i = 0; i < n; i++) {
            int o = order == null ? i : order[i];
            start[i] = b.start[o];
            size[i] = b.size[o];
            kind[i] = b.kind[o];
            name[i] = b.name[o];
            placement[i] = b.placement[o];
            owner[i] = b.owner[o];
            if (phys != null) {
                phys[i] = b.phys[o];
            }
        }
        placementSection = new int[b.placements.size()];
        placementModule = new int[b.placements.size()];
        for (int p = 0; p < placementSection.length; p++) {
            long key = b.placements.get(p);
            placementSection[p] = (int) (key >>> 32) - 1;
            placementModule[p] = (int) key - 1;
        }
        outer = computeOuter();
        outerReach = new long[outer.length];
        for (int k = 0; k < outer.length; k++) {
            outerReach[k] = k == 0 ? end(outer[0]) : UnsignedOrder.max(outerReach[k - 1], end(outer[k]));
        }
        byNameOffset = new int[strings.length + 1];
        byName = bucket(name, strings.length, byNameOffset);
        kindCount = new int[ObjectKind.values().length];
        for (int i = 0; i < n; i++) {
            kindCount[kind[i]]++;
        }
        namesSorted = sortNames();
        List<Region> sortedRegions = new ArrayList<>(b.regions);
        sortedRegions.sort((x, y) -> {
            int c = Long.compareUnsigned(x.start(), y.start());
            return c != 0 ? c : Long.compareUnsigned(y.end(), x.end());
        });
        regions = List.copyOf(sortedRegions);
        Map<String, Region> byRegionName = new HashMap<>();
        for (Region r : regions) {
            if (byRegionName.put(r.name(), r) != null) {
                throw new IllegalArgumentException("duplicate region " + r.name());
            }
        }
        regionsByName = Map.copyOf(byRegionName);
        contexts = List.copyOf(b.contexts);
        contextIndex = Map.copyOf(b.contextIndex);
        facts = b.facts;
        layout = b.layout != null ? b.layout : inferLayout(regionsByName.get("direct_map"));
    }

    private static Layout inferLayout(Region directMap) {
        // Without an explicit layout only the direct map's PA is derivable; phys_base stays unknown under KASLR.
        return directMap == null ? null
                : new Layout(directMap.start(), directMap.end(), Layout.START_KERNEL_MAP, Layout.KERNEL_MAP_END, -1);
    }

    private int[] computeOuter() {
        int n = start.length;
        int[] out = new int[8];
        int count = 0;
        for (int i = 0; i < n; i++) {
            // i overlaps a later object iff the next start lies below i's end (starts are sorted).
            if (i + 1 < n && UnsignedOrder.lt(start[i + 1], end(i))) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private int[] sortNames() {
        int distinct = 0;
        for (int s = 0; s < strings.length; s++) {
            if (byNameOffset[s + 1] > byNameOffset[s]) {
                distinct++;
            }
        }
        String[] names = new String[distinct];
        int k = 0;
        for (int s = 0; s < strings.length; s++) {
            if (byNameOffset[s + 1] > byNameOffset[s]) {
                names[k++] = strings[s];
            }
        }
        Arrays.sort(names);
        int[] out = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            out[i] = stringIndex.get(names[i]);
        }
        return out;
    }

    private static int[] bucket(int[] keys, int buckets, int[] offset) {
        for (int key : keys) {
            offset[key + 1]++;
        }
        for (int k = 0; k < buckets; k++) {
            offset[k + 1] += offset[k];
        }
        int[] fill = Arrays.copyOf(offset, buckets);
        int[] out = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[fill[keys[i]]++] = i;
        }
        return out;
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of memory objects. */
    public int objectCount() {
        return start.length;
    }

    /** Name of object {@code i}: symbol, slab cache, allocation call site or vmalloc caller. */
    public String name(int i) {
        return strings[name[i]];
    }

    /** Index of object {@code i}'s name in the string table. */
    public int nameIndex(int i) {
        return name[i];
    }

    /** Kind of object {@code i}. */
    public ObjectKind kind(int i) {
        return ObjectKind.ofOrdinal(kind[i]);
    }

    /** Start address of object {@code i}. */
    public long start(int i) {
        return start[i];
    }

    /** Size in bytes of object {@code i}; 0 when the importer could not tell. */
    public long size(int i) {
        return size[i];
    }

    /** Exclusive end address of object {@code i}. */
    public long end(int i) {
        return start[i] + size[i];
    }

    /** ELF section of object {@code i}, or null. */
    public String section(int i) {
        int s = placementSection[placement[i]];
        return s < 0 ? null : strings[s];
    }

    /** String-table index of object {@code i}'s section, or -1. */
    public int sectionIndex(int i) {
        return placementSection[placement[i]];
    }

    /** Module of object {@code i}, or null for vmlinux. */
    public String module(int i) {
        int m = placementModule[placement[i]];
        return m < 0 ? null : strings[m];
    }

    /** The physical start address of object {@code i}: as imported, else derived from the layout, else -1. */
    public long physStart(int i) {
        if (phys != null && phys[i] >= 0) {
            return phys[i];
        }
        return layout == null ? -1 : layout.physOf(start[i]);
    }

    /** Index of the context owning object {@code i}, or -1. */
    public int ownerContext(int i) {
        return owner[i];
    }

    /** Number of entries in the string table (names, sections and modules). */
    public int stringCount() {
        return strings.length;
    }

    /** Entry {@code s} of the string table. */
    public String string(int s) {
        return strings[s];
    }

    /** Index of {@code text} in the string table, or -1. */
    public int stringIndexOf(String text) {
        Integer s = stringIndex.get(text);
        return s == null ? -1 : s;
    }

    /** Calls {@code action} with every object whose name is string {@code s}, in address order. */
    public void forEachNamed(int s, IntConsumer action) {
        if (s < 0) {
            return;
        }
        for (int k = byNameOffset[s]; k < byNameOffset[s + 1]; k++) {
            action.accept(byName[k]);
        }
    }

    /** Calls {@code action} with the string index of every distinct object name, in name order. */
    public void forEachName(IntConsumer action) {
        for (int s : namesSorted) {
            action.accept(s);
        }
    }

    /** Calls {@code action} with the string index of every distinct object name starting with {@code prefix}. */
    public void forEachNameWithPrefix(String prefix, IntConsumer action) {
        int lo = 0;
        int hi = namesSorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (strings[namesSorted[mid]].compareTo(prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < namesSorted.length && strings[namesSorted[k]].startsWith(prefix); k++) {
            action.accept(namesSorted[k]);
        }
    }

    /** All objects named {@code name} (static symbols may repeat across files), in address order. */
    public int[] objectsNamed(String name) {
        int s = stringIndexOf(name);
        return s < 0 ? new int[0] : Arrays.copyOfRange(byName, byNameOffset[s], byNameOffset[s + 1]);
    }

    /**
     * Calls {@code action} with every object of {@code k}, in address order. A scan of one byte per object: cheaper
     * in memory than an index by kind, and selectors by kind (memory, stack) are few.
     */
    public void forEachOfKind(ObjectKind k, IntConsumer action) {
        if (kindCount[k.ordinal()] == 0) {
            return;
        }
        byte wanted = (byte) k.ordinal();
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == wanted) {
                action.accept(i);
            }
        }
    }

    /** Number of objects of kind {@code k}. */
    public int countOfKind(ObjectKind k) {
        return kindCount[k.ordinal()];
    }

    /** The first object index whose start is at or above {@code va} (unsigned); objectCount() if none. */
    public int firstAtOrAfter(long va) {
        int lo = 0;
        int hi = start.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (UnsignedOrder.lt(start[mid], va)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The innermost object containing {@code va}, or -1. */
    public int objectAt(long va) {
        int i = lastStartingAtOrBelow(va);
        if (i >= 0 && UnsignedOrder.lt(va, end(i))) {
            return i; // the latest-starting object holding va is the innermost one
        }
        for (int k = lastOuterStartingAtOrBelow(va); k >= 0 && UnsignedOrder.lt(va, outerReach[k]); k--) {
            if (UnsignedOrder.lt(va, end(outer[k]))) {
                return outer[k];
            }
        }
        return -1;
    }

    private int lastStartingAtOrBelow(long va) {
        int lo = 0;
        int hi = start.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (UnsignedOrder.le(start[mid], va)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private int lastOuterStartingAtOrBelow(long va) {
        int lo = 0;
        int hi = outer.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (UnsignedOrder.le(start[outer[mid]], va)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** All objects of non-zero size intersecting {@code [from, to)}, in address order. */
    public int[] objectsOverlapping(long from, long to) {
        int first = firstAtOrAfter(from);
        TreeSet<Integer> before = new TreeSet<>();
        if (first > 0 && UnsignedOrder.lt(from, end(first - 1))) {
            before.add(first - 1);
        }
        for (int k = lastOuterStartingAtOrBelow(from); k >= 0 && UnsignedOrder.lt(from, outerReach[k]); k--) {
            if (outer[k] < first && UnsignedOrder.lt(from, end(outer[k]))) {
                before.add(outer[k]);
            }
        }
        int[] out = new int[before.size() + 16];
        int n = 0;
        for (int j : before) {
            out[n++] = j;
        }
        for (int j = first; j < start.length && UnsignedOrder.lt(start[j], to); j++) {
            if (size[j] == 0) {
                continue;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = j;
        }
        return Arrays.copyOf(out, n);
    }

    /** Layout regions sorted by start (outer before inner on ties). */
    public List<Region> regions() {
        return regions;
    }

    /** The region named {@code name}, or null. */
    public Region region(String name) {
        return regionsByName.get(name);
    }

    /** Index of {@code region} in {@link #regions()}. */
    public int regionIndex(String name) {
        Region r = regionsByName.get(name);
        return r == null ? -1 : regions.indexOf(r);
    }

    /** The untrusted contexts, indexed as in {@link #ownerContext(int)}. */
    public List<Context> contexts() {
        return contexts;
    }

    /** Context number {@code i}. */
    public Context context(int i) {
        return contexts.get(i);
    }

    /** Index of the context named {@code name}, or -1. */
    public int contextIndex(String name) {
        Integer i = contextIndex.get(name);
        return i == null ? -1 : i;
    }

    /** Machine facts. */
    public MachineFacts facts() {
        return facts;
    }

    /** Layout of the linear mappings, or null if unknown. */
    public Layout layout() {
        return layout;
    }

    /** Collects objects, regions and contexts; objects may arrive in any order. */
    public static final class Builder {
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Integer> stringIndex = new HashMap<>();
        private final List<Long> placements = new ArrayList<>(List.of(0L));
        private final Map<Long, Integer> placementIndex = new HashMap<>(Map.of(0L, 0));
        private long lastPlacementKey;
        private int lastPlacement;
        private long[] start = new long[1024];
        private long[] size = new long[1024];
        private long[] phys = new long[1024];
        private byte[] kind = new byte[1024];
        private int[] name = new int[1024];
        private int[] placement = new int[1024];
        private int[] owner = new int[1024];
        private int count;
        private boolean anyPhys;
        private boolean built;
        private final List<Region> regions = new ArrayList<>();
        private final List<Context> contexts = new ArrayList<>();
        private final Map<String, Integer> contextIndex = new HashMap<>();
        private MachineFacts facts = MachineFacts.UNKNOWN;
        private Layout layout;

        private Builder() {
        }

        /** Adds a vmlinux object with no section, unknown physical address and no owner. */
        public Builder addObject(String name, ObjectKind kind, long start, long size) {
            return addObject(name, kind, start, size, null, null, -1, -1);
        }

        /** Adds an object owned by context {@code ownerContext} (an index returned by {@link #addContext}). */
        public Builder addOwnedObject(String name, ObjectKind kind, long start, long size, int ownerContext) {
            return addObject(name, kind, start, size, null, null, -1, ownerContext);
        }

        /**
         * Adds a memory object.
         *
         * @param section ELF section such as {@code .data..percpu}, or null
         * @param module owning module, or null for vmlinux
         * @param physStart physical start address, or -1 if unknown
         * @param ownerContext index of the owning context, or -1
         */
        public Builder addObject(String name, ObjectKind kind, long start, long size, String section, String module,
                long physStart, int ownerContext) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            checkNotBuilt();
            if (size < 0 || (size > 0 && !UnsignedOrder.lt(start, start + size))) {
                // The top 2 MiB of the address space is an unused hole (mm.rst), so no object ends at 2^64.
                throw new IllegalArgumentException("object " + name + " at " + UnsignedOrder.hex(start)
                        + " has a bad size " + size);
            }
            if (ownerContext < -1) {
                throw new IllegalArgumentException("owner context must be -1 or an index: " + ownerContext);
            }
            if (count == this.start.length) {
                grow();
            }
            this.start[count] = start;
            this.size[count] = size;
            this.phys[count] = physStart;
            this.kind[count] = (byte) kind.ordinal();
            this.name[count] = intern(name);
            this.placement[count] = placementOf(section, module);
            this.owner[count] = ownerContext;
            anyPhys |= physStart >= 0;
            count++;
            return this;
        }

        private void grow() {
            int n = start.length * 2;
            start = Arrays.copyOf(start, n);
            size = Arrays.copyOf(size, n);
            phys = Arrays.copyOf(phys, n);
            kind = Arrays.copyOf(kind, n);
            name = Arrays.copyOf(name, n);
            placement = Arrays.copyOf(placement, n);
            owner = Arrays.copyOf(owner, n);
        }

        private int intern(String s) {
            Integer i = stringIndex.get(s);
            if (i != null) {
                return i;
            }
            strings.add(s);
            stringIndex.put(s, strings.size() - 1);
            return strings.size() - 1;
        }

        private int placementOf(String section, String module) {
            long key = ((long) (section == null ? 0 : intern(section) + 1) << 32)
                    | (module == null ? 0 : intern(module) + 1);
            if (key == lastPlacementKey) {
                return lastPlacement;
            }
            Integer p = placementIndex.get(key);
            if (p == null) {
                placements.add(key);
                p = placements.size() - 1;
                placementIndex.put(key, p);
            }
            lastPlacementKey = key;
            lastPlacement = p;
            return p;
        }

        /** Adds a named layout region {@code [start, end)}. */
        public Builder addRegion(String name, long start, long end) {
            checkNotBuilt();
            regions.add(new Region(name, start, end));
            return this;
        }

        /** Adds an untrusted context and returns its index, for use as an object's owner. */
        public int addContext(String name, ContextKind kind) {
            Context c = new Context(name, kind);
            if (contextIndex.putIfAbsent(name, contexts.size()) != null) {
                throw new IllegalArgumentException("duplicate context " + name);
            }
            contexts.add(c);
            return contexts.size() - 1;
        }

        /** Sets the machine facts. */
        public Builder facts(MachineFacts facts) {
            this.facts = Objects.requireNonNull(facts);
            return this;
        }

        /** Sets the layout used to derive physical addresses. */
        public Builder layout(Layout layout) {
            this.layout = layout;
            return this;
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("a KernelImage.Builder builds one image");
            }
        }

        /** Sorts the objects by address and builds the immutable image; the builder cannot be used afterwards. */
        public KernelImage build() {
            checkNotBuilt();
            built = true;
            for (int i = 0; i < count; i++) {
                if (owner[i] >= contexts.size()) {
                    throw new IllegalArgumentException("object " + strings.get(name[i]) + " names unknown context "
                            + owner[i]);
                }
            }
            int[] order = null;
            if (!UnsignedOrder.isSorted(start, size, count)) {
                order = new int[count];
                for (int i = 0; i < count; i++) {
                    order[i] = i;
                }
                long[] s = Arrays.copyOf(start, count);
                long[] z = Arrays.copyOf(size, count);
                UnsignedOrder.sortIndices(order, s, z);
            }
            return new KernelImage(this, order);
        }
    }
}
