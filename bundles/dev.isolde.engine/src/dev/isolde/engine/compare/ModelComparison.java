// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.compare;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.PhysmapAliases;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two policies on one kernel image, typically the 2022 RFC's allowlist beside the 2025 series' denylist: objects and
 * bytes per memory class and per ASI instance under each, and the objects that change side (sensitive, so absent
 * from every restricted space, versus non-sensitive).
 *
 * @param classes per memory class, in {@link ClassKey} order
 * @param global the shared non-sensitive part of every restricted space
 * @param instances per instance name, A's instances first
 * @param sideChanges per object kind and direction, kinds in declaration order, to-mapped first
 * @param aliasesB for a B under asi2025, the physmap aliases of vmalloc'd pages its spaces leave out, else null
 */
public record ModelComparison(String policyA, AsiModel modelA, String policyB, AsiModel modelB,
        List<ClassFigures> classes, InstanceFigures global, List<InstanceFigures> instances,
        List<SideChange> sideChanges, PhysmapAliases aliasesA, PhysmapAliases aliasesB, List<String> problemsA,
        List<String> problemsB) {

    /** How many names a {@link SideChange} keeps. */
    public static final int FIRST_NAMES = 5;

    /** Objects and their bytes of one memory class under A and under B (nested objects count once each). */
    public record ClassFigures(int classKey, int objectsA, long bytesA, int objectsB, long bytesB) {
        /** The class as the DSL writes it. */
        public String describe() {
            return ClassKey.describe(classKey);
        }
    }

    /**
     * One restricted space under A and B: bytes of virtual address space mapped and objects whose start it maps;
     * -1 where the policy has no such instance.
     */
    public record InstanceFigures(String name, long bytesA, long bytesB, int objectsA, int objectsB) {
    }

    /**
     * Objects of one kind that change side between A and B.
     *
     * @param toMapped true for sensitive under A and non-sensitive under B, false for the reverse
     * @param first the first {@link #FIRST_NAMES} names, in address order
     */
    public record SideChange(ObjectKind kind, boolean toMapped, int count, long bytes, List<String> first) {
        public SideChange {
            first = List.copyOf(first);
        }
    }

    public ModelComparison {
        classes = List.copyOf(classes);
        instances = List.copyOf(instances);
        sideChanges = List.copyOf(sideChanges);
        problemsA = List.copyOf(problemsA);
        problemsB = List.copyOf(problemsB);
    }

    /** Compares two classifications of the same kernel image and the spaces built from them. */
    public static ModelComparison of(Classification a, RestrictedSpaces spacesA, Classification b,
            RestrictedSpaces spacesB) {
        KernelImage kernel = a.kernel();
        if (b.kernel() != kernel) {
            throw new IllegalArgumentException("a comparison puts two policies on the same kernel image");
        }
        int[] objectsA = new int[ClassKey.COUNT];
        int[] objectsB = new int[ClassKey.COUNT];
        long[] bytesA = new long[ClassKey.COUNT];
        long[] bytesB = new long[ClassKey.COUNT];
        Map<ObjectKind, SideChangeBuilder> toMapped = new EnumMap<>(ObjectKind.class);
        Map<ObjectKind, SideChangeBuilder> toUnmapped = new EnumMap<>(ObjectKind.class);
        for (int i = 0; i < kernel.objectCount(); i++) {
            int ka = a.classKey(i);
            int kb = b.classKey(i);
            objectsA[ka]++;
            bytesA[ka] += kernel.size(i);
            objectsB[kb]++;
            bytesB[kb] += kernel.size(i);
            boolean mappedA = ka != ClassKey.SENSITIVE;
            boolean mappedB = kb != ClassKey.SENSITIVE;
            if (mappedA != mappedB) {
                (mappedB ? toMapped : toUnmapped).computeIfAbsent(kernel.kind(i), k -> new SideChangeBuilder())
                        .add(kernel, i);
            }
        }
        List<ClassFigures> classes = new ArrayList<>();
        for (int k = 0; k < ClassKey.COUNT; k++) {
            if (objectsA[k] > 0 || objectsB[k] > 0) {
                classes.add(new ClassFigures(k, objectsA[k], bytesA[k], objectsB[k], bytesB[k]));
            }
        }
        List<SideChange> changes = new ArrayList<>();
        for (ObjectKind k : ObjectKind.values()) {
            if (toMapped.containsKey(k)) {
                changes.add(toMapped.get(k).build(k, true));
            }
            if (toUnmapped.containsKey(k)) {
                changes.add(toUnmapped.get(k).build(k, false));
            }
        }
        InstanceFigures global = figures(kernel, "global nonsensitive", spacesA.globalNonSensitive(),
                spacesB.globalNonSensitive());
        Map<String, AsiInstance> byNameA = byName(spacesA);
        Map<String, AsiInstance> byNameB = byName(spacesB);
        Set<String> names = new LinkedHashSet<>(byNameA.keySet());
        names.addAll(byNameB.keySet());
        List<InstanceFigures> instances = new ArrayList<>();
        for (String n : names) {
            instances.add(figures(kernel, n, byNameA.get(n), byNameB.get(n)));
        }
        return new ModelComparison(a.policy().name(), a.policy().model(), b.policy().name(), b.policy().model(),
                classes, global, instances, changes, aliases(a), aliases(b), spacesA.problems(), spacesB.problems());
    }

    private static PhysmapAliases aliases(Classification c) {
        return c.policy().model() == AsiModel.ASI2025 ? PhysmapAliases.of(c.kernel()) : null;
    }

    private static Map<String, AsiInstance> byName(RestrictedSpaces spaces) {
        Map<String, AsiInstance> out = new LinkedHashMap<>();
        for (AsiInstance i : spaces.instances()) {
            out.put(i.name(), i);
        }
        return out;
    }

    /** Bytes from the page tables; objects counted where the kernel model places them (its direct map, not the local map). */
    private static InstanceFigures figures(KernelImage kernel, String name, AsiInstance a, AsiInstance b) {
        return new InstanceFigures(name, a == null ? -1 : a.space().bytesMapped(),
                b == null ? -1 : b.space().bytesMapped(), a == null ? -1 : objectsMapped(kernel, a.reach()),
                b == null ? -1 : objectsMapped(kernel, b.reach()));
    }

    private static InstanceFigures figures(KernelImage kernel, String name, AddressSpace a, AddressSpace b) {
        return new InstanceFigures(name, a == null ? -1 : a.bytesMapped(), b == null ? -1 : b.bytesMapped(),
                a == null ? -1 : objectsMapped(kernel, a), b == null ? -1 : objectsMapped(kernel, b));
    }

    /** Objects with an address whose first byte {@code space} maps. */
    static int objectsMapped(KernelImage kernel, AddressSpace space) {
        int n = 0;
        for (int i = 0; i < kernel.objectCount(); i++) {
            if (kernel.size(i) > 0 && space.contains(kernel.start(i))) {
                n++;
            }
        }
        return n;
    }

    /** Objects that change side, in either direction. */
    public int changedSides(boolean toMapped) {
        return sideChanges.stream().filter(c -> c.toMapped() == toMapped).mapToInt(SideChange::count).sum();
    }

    /** Bytes of the objects that change side in one direction. */
    public long changedBytes(boolean toMapped) {
        return sideChanges.stream().filter(c -> c.toMapped() == toMapped).mapToLong(SideChange::bytes).sum();
    }

    /** The figures of the instance named {@code name}, or null. */
    public InstanceFigures instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    private static final class SideChangeBuilder {
        private int count;
        private long bytes;
        private final List<String> first = new ArrayList<>(FIRST_NAMES);

        void add(KernelImage kernel, int i) {
            count++;
            bytes += kernel.size(i);
            if (first.size() < FIRST_NAMES) {
                first.add(kernel.name(i));
            }
        }

        SideChange build(ObjectKind kind, boolean toMapped) {
            return new SideChange(kind, toMapped, count, bytes, first);
        }
    }
}
