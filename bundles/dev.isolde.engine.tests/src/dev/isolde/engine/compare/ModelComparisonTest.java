// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.compare.ModelComparison.ClassFigures;
import dev.isolde.engine.compare.ModelComparison.SideChange;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {
    private final KernelImage kernel = RfcMachine.kernel();
    private final Classifier classifier = new Classifier(kernel);

    private static PolicySpec asi2025() {
        PolicySpec p = RfcMachine.asi2025(RfcMachine.policy(List.of(RfcMachine.rule("user", 3,
                MemoryClass.SENSITIVE, null, SelectorKind.MEMORY, List.of("user", "guest"), List.of(), null))));
        return new PolicySpec("p2025", p.file(), AsiModel.ASI2025, 4, MemoryClass.GLOBAL_NONSENSITIVE, p.rules(),
                p.classes(), p.contexts());
    }

    private ModelComparison compare(PolicySpec a, PolicySpec b) {
        Classification ca = classifier.classify(a);
        Classification cb = classifier.classify(b);
        return ModelComparison.of(ca, new RestrictedSpaceBuilder(ca).build(), cb,
                new RestrictedSpaceBuilder(cb).build());
    }

    @Test
    void objectsChangingSideAccountForTheChangeOfEveryClassTotal() {
        ModelComparison c = compare(RfcMachine.policy(), asi2025());
        long mappedA = 0;
        long mappedB = 0;
        int objectsA = 0;
        int objectsB = 0;
        for (ClassFigures f : c.classes()) {
            if (f.classKey() != ClassKey.SENSITIVE) {
                mappedA += f.bytesA();
                mappedB += f.bytesB();
                objectsA += f.objectsA();
                objectsB += f.objectsB();
            }
        }
        assertEquals(mappedB - mappedA, c.changedBytes(true) - c.changedBytes(false));
        assertEquals(objectsB - objectsA, c.changedSides(true) - c.changedSides(false));
        assertEquals(kernel.objectCount(), c.classes().stream().mapToInt(ClassFigures::objectsA).sum());
    }

    @Test
    void denylistMapsWhatTheAllowlistKeptAndUnmapsLocalMemoryMarkedSensitive() {
        ModelComparison c = compare(RfcMachine.policy(), asi2025());
        SideChange data = c.sideChanges().stream().filter(s -> s.kind() == ObjectKind.STATIC_DATA && s.toMapped())
                .findFirst().orElseThrow();
        assertEquals(List.of("random_pool"), data.first());
        SideChange guest = c.sideChanges().stream().filter(s -> s.kind() == ObjectKind.GUEST).findFirst()
                .orElseThrow();
        assertEquals(false, guest.toMapped());
        assertEquals(2, guest.count());
        assertEquals(0x20000, guest.bytes());
        assertEquals(AsiModel.RFC2022, c.modelA());
        assertNull(c.aliasesA());
        assertNotNull(c.aliasesB());
    }

    @Test
    void instancesOfEitherSideAreListedWithMinusOneWhereThePolicyHasNone() {
        ModelComparison c = compare(RfcMachine.policy(), asi2025());
        assertEquals(-1, c.instance("p1/KPTI").bytesB());
        assertEquals(-1, c.instance("p1/userspace").bytesA());
        var vm1 = c.instance("vm1/KVM");
        assertTrue(vm1.bytesB() > vm1.bytesA(), "the denylist maps more: " + vm1);
        assertTrue(vm1.objectsB() > vm1.objectsA());
        assertTrue(c.global().bytesB() > c.global().bytesA());
    }

    @Test
    void aPolicyComparedWithItselfChangesNothing() {
        ModelComparison c = compare(asi2025(), asi2025());
        assertTrue(c.sideChanges().isEmpty());
        c.classes().forEach(f -> assertEquals(f.bytesA(), f.bytesB()));
    }

    @Test
    void bothPoliciesMustBeClassifiedOnOneImage() {
        Classification a = classifier.classify(RfcMachine.policy());
        Classification b = new Classifier(RfcMachine.kernel()).classify(RfcMachine.policy());
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(a,
                new RestrictedSpaceBuilder(a).build(), b, new RestrictedSpaceBuilder(b).build()));
    }
}
