// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import static dev.isolde.engine.fixtures.RfcMachine.object;
import static dev.isolde.engine.fixtures.RfcMachine.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    /** CPU time, not wall time: the budget is the engine's work, not the load of whatever else runs. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final MemoryClass GLOBAL = MemoryClass.GLOBAL_NONSENSITIVE;
    private static final MemoryClass LOCAL = MemoryClass.LOCAL_NONSENSITIVE;
    private final KernelImage kernel = RfcMachine.kernel();

    private Classification classify(PolicySpec policy) {
        return new Classifier(kernel).classify(policy);
    }

    @Test
    void everyObjectGetsOneClassWithTheRuleThatDecidedIt() {
        Classification c = classify(RfcMachine.policy());
        int jiffies = object(kernel, "jiffies");
        assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, c.memoryClass(jiffies));
        Provenance p = c.provenance(jiffies);
        assertEquals(Provenance.Source.RULE, p.source());
        assertEquals("jiffies", p.rule().id());
        assertEquals(4, p.rule().loc().line());
        assertTrue(p.describe().contains("kvm_host.isolde:4:5"));
        assertTrue(p.describe().contains("timer tick"));

        int pool = object(kernel, "random_pool");
        assertEquals(MemoryClass.SENSITIVE, c.memoryClass(pool));
        assertEquals(Provenance.Source.DEFAULT, c.provenance(pool).source());

        int vcpu = object(kernel, "kvm_vcpu", RfcMachine.VCPU_VM2);
        assertEquals(MemoryClass.LOCAL_NONSENSITIVE, c.memoryClass(vcpu));
        assertEquals(ContextKind.VM, c.localKind(vcpu));
        assertNull(c.localKind(jiffies));
    }

    @Test
    void objectsInsideAClassifiedRegionInheritItsClass() {
        Classification c = classify(RfcMachine.policy());
        int syscall = object(kernel, "do_syscall_64");
        assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, c.memoryClass(syscall));
        assertEquals(Provenance.Source.REGION, c.provenance(syscall).source());
        assertEquals("kernel_text", c.provenance(syscall).region());
        // entry_text nests in kernel_text and no rule names it: it inherits kernel_text's class too.
        int entryText = kernel.regionIndex("entry_text");
        assertEquals(ClassKey.GLOBAL, c.regionClassKey(entryText));
        assertEquals("kernel_text", c.regionProvenance(entryText).region());
        assertEquals(ClassKey.SENSITIVE, c.regionClassKey(kernel.regionIndex("vmalloc")));
    }

    @Test
    void explicitSensitiveRuleOverridesAnEarlierNonSensitiveClaim() {
        RuleSpec secret = rule("secret", 20, MemoryClass.SENSITIVE, null, SelectorKind.SYMBOL, List.of("jiffies"),
                List.of(), "holds a key in this kernel");
        Classification c = classify(RfcMachine.policyWith(secret));
        int jiffies = object(kernel, "jiffies");
        assertEquals(MemoryClass.SENSITIVE, c.memoryClass(jiffies));
        assertEquals("secret", c.provenance(jiffies).rule().id());
        assertTrue(c.conflicts().isEmpty());
    }

    @Test
    void twoRulesClaimingAnObjectForDifferentNonSensitiveClassesConflictAndBothAreNamed() {
        RuleSpec local = rule("vcpu-global", 21, GLOBAL, null, SelectorKind.SLAB, List.of("kvm_*"), List.of(), null);
        Classification c = classify(RfcMachine.policyWith(local));
        assertEquals(2, c.conflicts().size());
        Conflict conflict = c.conflicts().get(0);
        assertEquals("vm-slabs", conflict.first().id());
        assertEquals("vcpu-global", conflict.second().id());
        assertEquals("kvm_vcpu", conflict.subject());
        assertTrue(conflict.toString().contains("kvm_host.isolde:11:5"));
        assertTrue(conflict.toString().contains("kvm_host.isolde:21:5"));
        // Never silently resolved: the object stays sensitive and its provenance says why.
        int vcpu = conflict.objectIndex();
        assertEquals(MemoryClass.SENSITIVE, c.memoryClass(vcpu));
        assertEquals(Provenance.Source.CONFLICT, c.provenance(vcpu).source());
    }

    @Test
    void localClaimsForDifferentContextKindsAlsoConflict() {
        RuleSpec perProcess = rule("guest-per-process", 22, LOCAL, ContextKind.PROCESS, SelectorKind.MEMORY,
                List.of("guest"), List.of(), null);
        Classification c = classify(RfcMachine.policyWith(perProcess));
        assertEquals(2, c.conflicts().size());
        assertEquals("vm-guest", c.conflicts().get(0).first().id());
    }

    @Test
    void ruleMatchingOnlyWhatEarlierRulesClaimedIsShadowed() {
        RuleSpec again = rule("again", 23, GLOBAL, null, SelectorKind.SLAB, List.of("kmalloc-64"), List.of(), null);
        RuleSpec useful = rule("useful", 24, GLOBAL, null, SelectorKind.SYMBOL, List.of("jiffies", "random_pool"),
                List.of(), null);
        Classification c = classify(RfcMachine.policyWith(again, useful));
        assertEquals(List.of(again), c.shadowedRules());
        RuleUsage usage = c.ruleUsage().get(c.ruleUsage().size() - 1);
        assertEquals(2, usage.matched());
        assertEquals(1, usage.claimed());
        assertTrue(c.conflicts().isEmpty(), "same-class overlaps are not conflicts");
    }

    @Test
    void ruleMatchingNothingIsReportedUnmatched() {
        RuleSpec typo = rule("typo", 25, GLOBAL, null, SelectorKind.SYMBOL, List.of("jiffes"), List.of(), null);
        assertEquals(List.of(typo), classify(RfcMachine.policyWith(typo)).unmatchedRules());
    }

    @Test
    void exceptRemovesMatchesOfTheRule() {
        Classification c = classify(RfcMachine.policy());
        assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, c.memoryClass(object(kernel, "kmalloc-64")));
        assertEquals(MemoryClass.SENSITIVE, c.memoryClass(object(kernel, "kmalloc-cg-64")));
    }

    @Test
    void selectorsMatchOnlyTheirKindOfMemory() {
        KernelImage k = KernelImage.builder()
                .addObject("dentry", ObjectKind.SLAB_CACHE, 0xffff888000000000L, 0x1000)
                .addObject("dentry", ObjectKind.STATIC_DATA, 0xffffffff82000000L, 0x10)
                .addObject("irq_stat", ObjectKind.PERCPU, 0xffffffff82001000L, 0x40)
                .addObject("irq_stat_x", ObjectKind.STATIC_DATA, 0xffffffff82002000L, 0x40)
                .build();
        PolicySpec policy = RfcMachine.policy(List.of(
                RuleSpec.of("slab", GLOBAL, null, SelectorKind.SLAB, "dentry"),
                RuleSpec.of("percpu", GLOBAL, null, SelectorKind.PERCPU, "irq_stat*")));
        Classification c = new Classifier(k).classify(policy);
        assertEquals(ClassKey.GLOBAL, c.classKey(0));
        assertEquals(ClassKey.SENSITIVE, c.classKey(1), "a slab rule must not match a symbol of the same name");
        assertEquals(ClassKey.GLOBAL, c.classKey(2));
        assertEquals(ClassKey.SENSITIVE, c.classKey(3), "a percpu rule matches only per-cpu variables");
    }

    @Test
    void sectionStackAndMemorySelectorsMatchTheirAttributes() {
        Classification c = classify(RfcMachine.policy());
        assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, c.memoryClass(object(kernel, "asi_counter")));
        assertEquals("asi-section", c.provenance(object(kernel, "asi_counter")).rule().id());
        int stack = object(kernel, "kernel_stack");
        assertEquals(ClassKey.of(LOCAL, ContextKind.PROCESS), c.classKey(stack));
        assertEquals(ClassKey.of(LOCAL, ContextKind.PROCESS), c.classKey(object(kernel, "user_stack")));
        assertEquals(ClassKey.of(LOCAL, ContextKind.VM), c.classKey(object(kernel, "guest_memory")));
        assertEquals(MemoryClass.SENSITIVE, c.memoryClass(object(kernel, "bpf_prog_alloc")));
    }

    @Test
    void denylistPolicyMakesEverythingNonSensitiveExceptWhatItMarks() {
        // ASI 2025: non-sensitive unless __GFP_SENSITIVE; user pages get it.
        PolicySpec denylist = new PolicySpec("asi2025", null, AsiModel.ASI2025, 4, GLOBAL,
                List.of(RuleSpec.of("user", MemoryClass.SENSITIVE, null, SelectorKind.MEMORY, "user")), List.of(),
                List.of());
        Classification c = classify(denylist);
        assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, c.memoryClass(object(kernel, "random_pool")));
        assertEquals(MemoryClass.SENSITIVE, c.memoryClass(object(kernel, "user_stack")));
    }

    @Test
    void classifies120kSymbolsWithDozensOfRulesInWellUnder100Ms() {
        KernelImage big = SyntheticMachine.build(120_000, 0, 0, 64L << 30, 1);
        PolicySpec policy = SyntheticMachine.kvmPolicy(big);
        assertTrue(policy.rules().size() >= 24);
        long best = Long.MAX_VALUE;
        Classification c = null;
        for (int round = 0; round < 7; round++) {
            long t = CPU.getCurrentThreadCpuTime();
            c = new Classifier(big).classify(policy);
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - t);
        }
        assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, c.memoryClass(object(big, "jiffies")));
        assertTrue(best < 100_000_000L, "best classification took (CPU) " + best / 1_000_000 + " ms");
    }
}
