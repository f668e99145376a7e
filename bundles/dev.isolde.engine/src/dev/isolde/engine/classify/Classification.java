// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import java.util.List;

/** The class and provenance of every memory object and region of one kernel image under one policy. */
public final class Classification {
    private final KernelImage kernel;
    private final PolicySpec policy;
    private final byte[] objectKey;
    private final byte[] objectSource;
    private final int[] objectRef;
    private final byte[] regionKey;
    private final byte[] regionSource;
    private final int[] regionRule;
    private final int[] regionVia;
    private final List<Conflict> conflicts;
    private final List<RuleUsage> usage;

    Classification(KernelImage kernel, PolicySpec policy, byte[] objectKey, byte[] objectSource, int[] objectRef,
            byte[] regionKey, byte[] regionSource, int[] regionRule, int[] regionVia, List<Conflict> conflicts,
            List<RuleUsage> usage) {
        this.kernel = kernel;
        this.policy = policy;
        this.objectKey = objectKey;
        this.objectSource = objectSource;
        this.objectRef = objectRef;
        this.regionKey = regionKey;
        this.regionSource = regionSource;
        this.regionRule = regionRule;
        this.regionVia = regionVia;
        this.conflicts = List.copyOf(conflicts);
        this.usage = List.copyOf(usage);
    }

    /** The classified kernel. */
    public KernelImage kernel() {
        return kernel;
    }

    /** The policy applied. */
    public PolicySpec policy() {
        return policy;
    }

    /** The {@link ClassKey} of object {@code i}. */
    public int classKey(int i) {
        return objectKey[i];
    }

    /** The memory class of object {@code i}. */
    public MemoryClass memoryClass(int i) {
        return ClassKey.memoryClass(objectKey[i]);
    }

    /** The context kind of object {@code i} if it is locally non-sensitive, else null. */
    public ContextKind localKind(int i) {
        return ClassKey.localKind(objectKey[i]);
    }

    /** Why object {@code i} has its class. */
    public Provenance provenance(int i) {
        Provenance.Source source = Provenance.Source.values()[objectSource[i]];
        return switch (source) {
            case DEFAULT -> defaultProvenance();
            case MODEL -> new Provenance(source, objectRef[i] < 0 ? null : policy.rules().get(objectRef[i]), null,
                    AsiModel.ASI2025_KERNEL_IMAGE);
            case RULE, CONFLICT -> new Provenance(source, policy.rules().get(objectRef[i]), null);
            case REGION -> new Provenance(source, policy.rules().get(regionRule[objectRef[i]]),
                    kernel.regions().get(objectRef[i]).name());
        };
    }

    /** The provenance of memory no rule matched: the policy default, which asi2025 fixes to non-sensitive. */
    public Provenance defaultProvenance() {
        return new Provenance(Provenance.Source.DEFAULT, null, null,
                policy.model() == AsiModel.ASI2025 ? AsiModel.ASI2025_DEFAULT : null);
    }

    /** The {@link ClassKey} of region {@code r} (index into {@link KernelImage#regions()}). */
    public int regionClassKey(int r) {
        return regionKey[r];
    }

    /** Why region {@code r} has its class. */
    public Provenance regionProvenance(int r) {
        Provenance.Source source = Provenance.Source.values()[regionSource[r]];
        return switch (source) {
            case DEFAULT -> defaultProvenance();
            case MODEL -> new Provenance(source, policy.rules().get(regionRule[r]), null, AsiModel.ASI2025_KERNEL_IMAGE);
            case REGION -> new Provenance(source, policy.rules().get(regionRule[r]),
                    kernel.regions().get(regionVia[r]).name());
            case RULE, CONFLICT -> new Provenance(source, policy.rules().get(regionRule[r]), null);
        };
    }

    /** Objects and regions that rules claimed for different non-sensitive classes. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Usage of every rule, in policy order. */
    public List<RuleUsage> ruleUsage() {
        return usage;
    }

    /** Rules that matched only what earlier rules of their class had already claimed. */
    public List<RuleSpec> shadowedRules() {
        return usage.stream().filter(RuleUsage::shadowed).map(RuleUsage::rule).toList();
    }

    /** Rules whose selector matched nothing in this kernel. */
    public List<RuleSpec> unmatchedRules() {
        return usage.stream().filter(RuleUsage::unmatched).map(RuleUsage::rule).toList();
    }
}
