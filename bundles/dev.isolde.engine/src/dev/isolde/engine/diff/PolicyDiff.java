// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.diff;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The difference two policies make on one kernel image: objects that change class, instance bytes, rules. */
public final class PolicyDiff {
    private final Classification before;
    private final Classification after;
    private final int[] changed;
    private final List<SpaceDelta> deltas;

    private PolicyDiff(Classification before, Classification after, int[] changed, List<SpaceDelta> deltas) {
        this.before = before;
        this.after = after;
        this.changed = changed;
        this.deltas = List.copyOf(deltas);
    }

    /** Classifies {@code kernel} under both policies, builds both sets of spaces and compares them. */
    public static PolicyDiff compute(KernelImage kernel, PolicySpec before, PolicySpec after) {
        Classifier classifier = new Classifier(kernel);
        Classification a = classifier.classify(before);
        Classification b = classifier.classify(after);
        return of(a, new RestrictedSpaceBuilder(a).build(), b, new RestrictedSpaceBuilder(b).build());
    }

    /** Compares two classifications of the same kernel image and the spaces built from them. */
    public static PolicyDiff of(Classification before, RestrictedSpaces beforeSpaces, Classification after,
            RestrictedSpaces afterSpaces) {
        if (before.kernel() != after.kernel()) {
            throw new IllegalArgumentException("a policy diff compares two policies on the same kernel image");
        }
        int n = before.kernel().objectCount();
        int[] changed = new int[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (before.classKey(i) != after.classKey(i)) {
                if (count == changed.length) {
                    changed = Arrays.copyOf(changed, count * 2);
                }
                changed[count++] = i;
            }
        }
        Map<String, AddressSpace> a = spacesByName(beforeSpaces);
        Map<String, AddressSpace> b = spacesByName(afterSpaces);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<SpaceDelta> deltas = new ArrayList<>();
        for (String name : names) {
            AddressSpace x = a.getOrDefault(name, AddressSpace.empty());
            AddressSpace y = b.getOrDefault(name, AddressSpace.empty());
            deltas.add(new SpaceDelta(name, x.bytesMapped(), y.bytesMapped(), y.difference(x).bytesMapped(),
                    x.difference(y).bytesMapped()));
        }
        return new PolicyDiff(before, after, Arrays.copyOf(changed, count), deltas);
    }

    private static Map<String, AddressSpace> spacesByName(RestrictedSpaces spaces) {
        Map<String, AddressSpace> out = new LinkedHashMap<>();
        for (AsiInstance i : spaces.instances()) {
            out.put(i.name(), i.space());
        }
        return out;
    }

    /** Number of objects whose class changed. */
    public int changedObjectCount() {
        return changed.length;
    }

    /** The objects whose class changed, in address order. */
    public List<ClassChange> classChanges() {
        List<ClassChange> out = new ArrayList<>(changed.length);
        for (int i : changed) {
            out.add(new ClassChange(ObjectRef.of(before.kernel(), i), before.classKey(i), after.classKey(i),
                    before.provenance(i), after.provenance(i)));
        }
        return out;
    }

    /** Bytes gained and lost per instance. */
    public List<SpaceDelta> spaceDeltas() {
        return deltas;
    }

    /** Rules of the new policy that the old one did not have (compared by {@link RuleSpec#signature()}). */
    public List<RuleSpec> rulesAdded() {
        return missingFrom(after.policy().rules(), before.policy().rules());
    }

    /** Rules of the old policy that the new one dropped. */
    public List<RuleSpec> rulesRemoved() {
        return missingFrom(before.policy().rules(), after.policy().rules());
    }

    /** Rules shadowed under the new policy that were not shadowed (or did not exist) under the old one. */
    public List<RuleSpec> newlyShadowed() {
        Set<String> old = new LinkedHashSet<>();
        for (RuleSpec r : before.shadowedRules()) {
            old.add(r.signature());
        }
        return after.shadowedRules().stream().filter(r -> !old.contains(r.signature())).toList();
    }

    /** Rules shadowed under the new policy. */
    public List<RuleSpec> shadowedAfter() {
        return after.shadowedRules();
    }

    private static List<RuleSpec> missingFrom(List<RuleSpec> rules, List<RuleSpec> other) {
        Set<String> signatures = new LinkedHashSet<>();
        for (RuleSpec r : other) {
            signatures.add(r.signature());
        }
        return rules.stream().filter(r -> !signatures.contains(r.signature())).toList();
    }
}
