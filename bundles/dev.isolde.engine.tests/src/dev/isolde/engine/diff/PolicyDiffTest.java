// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.diff;

import static dev.isolde.engine.fixtures.RfcMachine.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {
    private final KernelImage kernel = RfcMachine.kernel();

    @Test
    void makingAnObjectGlobalGainsItsBytesInEveryKvmInstance() {
        RuleSpec pool = rule("pool", 30, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SYMBOL,
                List.of("random_pool"), List.of(), "not actually secret here");
        PolicyDiff diff = PolicyDiff.compute(kernel, RfcMachine.policy(), RfcMachine.policyWith(pool));
        assertEquals(1, diff.changedObjectCount());
        ClassChange change = diff.classChanges().get(0);
        assertEquals("random_pool", change.object().name());
        assertEquals(ClassKey.SENSITIVE, change.beforeKey());
        assertEquals(ClassKey.GLOBAL, change.afterKey());
        assertEquals("pool", change.after().rule().id());
        SpaceDelta vm1 = diff.spaceDeltas().get(0);
        assertEquals("vm1/KVM", vm1.instance());
        assertEquals(0x80, vm1.bytesGained());
        assertEquals(0, vm1.bytesLost());
        assertEquals(vm1.bytesBefore() + 0x80, vm1.bytesAfter());
        SpaceDelta p1 = diff.spaceDeltas().get(2);
        assertEquals(0, p1.bytesGained(), "KPTI does not map global data");
        assertEquals(List.of(pool), diff.rulesAdded());
        assertEquals(List.of(), diff.rulesRemoved());
    }

    @Test
    void droppingARuleLosesBytesAndIsReportedRemoved() {
        List<RuleSpec> fewer = new ArrayList<>(RfcMachine.rules());
        RuleSpec guest = fewer.remove(6);
        PolicyDiff diff = PolicyDiff.compute(kernel, RfcMachine.policy(), RfcMachine.policy(fewer));
        assertEquals(List.of(guest), diff.rulesRemoved());
        assertEquals(2, diff.changedObjectCount());
        assertEquals(0x10000, diff.spaceDeltas().get(1).bytesLost());
    }

    @Test
    void aRuleShadowedOnlyInTheNewPolicyIsReported() {
        RuleSpec dup = rule("dup", 32, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SYMBOL, List.of("jiffies"),
                List.of(), null);
        PolicyDiff diff = PolicyDiff.compute(kernel, RfcMachine.policy(), RfcMachine.policyWith(dup));
        assertEquals(List.of(dup), diff.newlyShadowed());
        assertEquals(0, diff.changedObjectCount());
        diff.spaceDeltas().forEach(d -> assertEquals(0, d.bytesGained() + d.bytesLost()));
    }

    @Test
    void policiesAreComparedOnOneKernelImage() {
        PolicySpec p = RfcMachine.policy();
        var a = new Classifier(kernel).classify(p);
        var b = new Classifier(RfcMachine.kernel()).classify(p);
        assertThrows(IllegalArgumentException.class, () -> PolicyDiff.of(a, null, b, null));
    }
}
