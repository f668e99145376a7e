// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gives every memory object and region of a kernel image exactly one class under a policy.
 *
 * <p>Precedence: a {@code sensitive} rule beats any non-sensitive claim (the "optional explicit sensitive
 * blocks that override"); among non-sensitive rules the first in source order is the provenance, and a claim for a
 * <em>different</em> non-sensitive class is a {@link Conflict}: the object stays sensitive, the safe reading, and both
 * rules are reported. Objects no rule matched inherit the class of the innermost classified region enclosing them,
 * else the policy default.
 *
 * <p>Under {@link AsiModel#ASI2025} the model has the last word on the kernel image: its whole image, the fixmap and
 * static per-cpu data are mapped non-sensitive in every restricted space (only page allocations can be
 * {@code __GFP_SENSITIVE}), so a sensitive claim on them is overridden with a {@link Provenance.Source#MODEL}
 * provenance that still names the rule.
 */
public final class Classifier {
    private final KernelImage kernel;

    /** A classifier for {@code kernel}; reusable across policies. */
    public Classifier(KernelImage kernel) {
        this.kernel = kernel;
    }

    /** Classifies every object and region of the kernel under {@code policy}. */
    public Classification classify(PolicySpec policy) {
        int objects = kernel.objectCount();
        int subjects = objects + kernel.regions().size();
        List<RuleSpec> rules = policy.rules();
        int[] ruleKey = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            ruleKey[r] = ClassKey.of(rules.get(r).target(), rules.get(r).perKind());
        }
        Claims claims = new Claims(subjects, ruleKey, rules, this);
        SelectorScan scan = new SelectorScan(kernel);
        for (int r = 0; r < rules.size(); r++) {
            int rule = r;
            scan.scan(rules.get(r), s -> claims.claim(rule, s));
        }
        int defaultKey = ClassKey.of(policy.defaultClass(), null);
        byte[] regionKey = new byte[kernel.regions().size()];
        byte[] regionSource = new byte[regionKey.length];
        int[] regionRule = new int[regionKey.length];
        for (int r = 0; r < regionKey.length; r++) {
            regionRule[r] = claims.resolve(objects + r, defaultKey, regionKey, regionSource, r);
        }
        int[] regionVia = inheritRegionsFromRegions(regionKey, regionSource, regionRule);
        byte[] objectKey = new byte[objects];
        byte[] objectSource = new byte[objects];
        int[] objectRef = new int[objects];
        for (int i = 0; i < objects; i++) {
            objectRef[i] = claims.resolve(i, defaultKey, objectKey, objectSource, i);
        }
        inheritFromRegions(regionKey, regionSource, objectKey, objectSource, objectRef);
        if (policy.model() == AsiModel.ASI2025) {
            keepKernelImageMapped(regionKey, regionSource, regionRule, objectKey, objectSource, objectRef);
        }
        List<RuleUsage> usage = new ArrayList<>(rules.size());
        for (int r = 0; r < rules.size(); r++) {
            usage.add(new RuleUsage(rules.get(r), claims.matched[r], claims.claimed[r]));
        }
        return new Classification(kernel, policy, objectKey, objectSource, objectRef, regionKey, regionSource,
                regionRule, regionVia, claims.conflicts, usage);
    }

    /**
     * A region no rule matched takes the class of the smallest classified region enclosing it: {@code region
     * kernel_text} covers entry_text too unless a rule says otherwise. Returns, per region, the enclosing region it
     * inherited from, or -1.
     */
    private int[] inheritRegionsFromRegions(byte[] regionKey, byte[] regionSource, int[] regionRule) {
        List<Region> regions = kernel.regions();
        int[] via = new int[regions.size()];
        Arrays.fill(via, -1);
        for (int r = 0; r < regions.size(); r++) {
            if (regionSource[r] != Provenance.Source.DEFAULT.ordinal()) {
                continue;
            }
            Region inner = regions.get(r);
            int best = -1;
            for (int o = 0; o < regions.size(); o++) {
                Region outer = regions.get(o);
                boolean classified = regionSource[o] == Provenance.Source.RULE.ordinal();
                if (o != r && classified && outer.encloses(inner.start(), inner.end())
                        && (best < 0 || Long.compareUnsigned(outer.size(), regions.get(best).size()) < 0)) {
                    best = o;
                }
            }
            if (best >= 0) {
                regionKey[r] = regionKey[best];
                regionSource[r] = (byte) Provenance.Source.REGION.ordinal();
                regionRule[r] = regionRule[best];
                via[r] = best;
            }
        }
        return via;
    }

    private void inheritFromRegions(byte[] regionKey, byte[] regionSource, byte[] objectKey, byte[] objectSource,
            int[] objectRef) {
        List<Region> regions = kernel.regions();
        List<Integer> classified = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (regionSource[r] == Provenance.Source.RULE.ordinal()) {
                classified.add(r);
            }
        }
        // Outer regions first, so an inner region (entry_text inside kernel_text) overrides its enclosing one.
        classified.sort(Comparator.comparingLong((Integer r) -> regions.get(r).size()).reversed());
        for (int r : classified) {
            Region region = regions.get(r);
            for (int i = kernel.firstAtOrAfter(region.start()); i < kernel.objectCount()
                    && region.contains(kernel.start(i)); i++) {
                boolean unclaimed = objectSource[i] == Provenance.Source.DEFAULT.ordinal()
                        || objectSource[i] == Provenance.Source.REGION.ordinal();
                if (unclaimed && region.encloses(kernel.start(i), kernel.end(i))) {
                    objectKey[i] = regionKey[r];
                    objectSource[i] = (byte) Provenance.Source.REGION.ordinal();
                    objectRef[i] = r;
                }
            }
        }
    }

    /** Regions the 2024/2025 series always maps non-sensitive besides the kernel image's symbols. */
    private static final List<String> ASI2025_ALWAYS_MAPPED = List.of("kernel_text", "fixmap");

    private void keepKernelImageMapped(byte[] regionKey, byte[] regionSource, int[] regionRule, byte[] objectKey,
            byte[] objectSource, int[] objectRef) {
        List<Region> regions = kernel.regions();
        for (int r = 0; r < regions.size(); r++) {
            if (regionKey[r] == ClassKey.SENSITIVE && regionSource[r] != Provenance.Source.DEFAULT.ordinal()
                    && alwaysMapped(regions.get(r).start(), regions.get(r).end())) {
                regionKey[r] = ClassKey.GLOBAL;
                regionSource[r] = (byte) Provenance.Source.MODEL.ordinal();
            }
        }
        for (int i = 0; i < objectKey.length; i++) {
            boolean bySelector = objectSource[i] == Provenance.Source.RULE.ordinal()
                    || objectSource[i] == Provenance.Source.REGION.ordinal();
            if (objectKey[i] == ClassKey.SENSITIVE && bySelector
                    && (kernel.kind(i).isSymbol() || alwaysMapped(kernel.start(i), kernel.end(i)))) {
                int rule = objectSource[i] == Provenance.Source.REGION.ordinal() ? regionRule[objectRef[i]]
                        : objectRef[i];
                objectKey[i] = ClassKey.GLOBAL;
                objectSource[i] = (byte) Provenance.Source.MODEL.ordinal();
                objectRef[i] = rule;
            }
        }
    }

    private boolean alwaysMapped(long from, long to) {
        for (String name : ASI2025_ALWAYS_MAPPED) {
            Region r = kernel.region(name);
            if (r != null && r.encloses(from, to)) {
                return true;
            }
        }
        return false;
    }

    private String subjectName(int s) {
        int objects = kernel.objectCount();
        return s < objects ? kernel.name(s) : "region " + kernel.regions().get(s - objects).name();
    }

    /** The claims of all rules on all subjects, recorded in rule order. */
    private static final class Claims {
        private final int[] firstNonSensitive;
        private final int[] firstSensitive;
        private final int[] lastRule;
        private final boolean[] conflicted;
        private final int[] ruleKey;
        private final List<RuleSpec> rules;
        private final Classifier owner;
        final int[] matched;
        final int[] claimed;
        final List<Conflict> conflicts = new ArrayList<>();

        Claims(int subjects, int[] ruleKey, List<RuleSpec> rules, Classifier owner) {
            firstNonSensitive = new int[subjects];
            firstSensitive = new int[subjects];
            lastRule = new int[subjects];
            Arrays.fill(firstNonSensitive, -1);
            Arrays.fill(firstSensitive, -1);
            Arrays.fill(lastRule, -1);
            conflicted = new boolean[subjects];
            this.ruleKey = ruleKey;
            this.rules = rules;
            this.owner = owner;
            matched = new int[ruleKey.length];
            claimed = new int[ruleKey.length];
        }

        void claim(int rule, int s) {
            if (lastRule[s] == rule) {
                return; // two patterns of one rule matched the same subject
            }
            lastRule[s] = rule;
            matched[rule]++;
            if (ruleKey[rule] == ClassKey.SENSITIVE) {
                if (firstSensitive[s] < 0) {
                    firstSensitive[s] = rule;
                    claimed[rule]++;
                }
                return;
            }
            int first = firstNonSensitive[s];
            if (first < 0) {
                firstNonSensitive[s] = rule;
                claimed[rule]++;
            } else if (ruleKey[first] != ruleKey[rule]) {
                conflicted[s] = true;
                int objectIndex = s < owner.kernel.objectCount() ? s : -1;
                conflicts.add(new Conflict(owner.subjectName(s), objectIndex, rules.get(first), rules.get(rule)));
            }
        }

        /** Writes the subject's class and source into {@code key[at]}, {@code source[at]}; returns the rule or -1. */
        int resolve(int s, int defaultKey, byte[] key, byte[] source, int at) {
            if (firstSensitive[s] >= 0) {
                key[at] = ClassKey.SENSITIVE;
                source[at] = (byte) Provenance.Source.RULE.ordinal();
                return firstSensitive[s];
            }
            if (conflicted[s]) {
                key[at] = ClassKey.SENSITIVE;
                source[at] = (byte) Provenance.Source.CONFLICT.ordinal();
                return firstNonSensitive[s];
            }
            if (firstNonSensitive[s] >= 0) {
                key[at] = (byte) ruleKey[firstNonSensitive[s]];
                source[at] = (byte) Provenance.Source.RULE.ordinal();
                return firstNonSensitive[s];
            }
            key[at] = (byte) defaultKey;
            source[at] = (byte) Provenance.Source.DEFAULT.ordinal();
            return -1;
        }
    }
}
