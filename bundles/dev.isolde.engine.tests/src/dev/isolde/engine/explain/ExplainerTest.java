// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static Explainer explainer(KernelImage kernel) {
        Classification c = new Classifier(kernel).classify(RfcMachine.policy());
        return new Explainer(c, new RestrictedSpaceBuilder(c).build());
    }

    @Test
    void explainingASymbolGivesItsClassRuleLocationRationaleAndInstances() {
        List<Explanation> all = explainer(RfcMachine.kernel()).explain("jiffies");
        assertEquals(1, all.size());
        Explanation e = all.get(0);
        assertEquals(ClassKey.GLOBAL, e.classKey());
        assertEquals("kvm_host.isolde", e.provenance().rule().loc().file());
        assertEquals(4, e.provenance().rule().loc().line());
        assertEquals(List.of("vm1/KVM", "vm2/KVM"), e.mappedBy());
        assertEquals(0x2000000L, e.physPage());
        assertTrue(e.toText().contains("read on every timer tick"), e.toText());
    }

    @Test
    void explainingAnAddressInsideLocalMemoryNamesOnlyTheOwnersInstance() {
        Explanation e = explainer(RfcMachine.kernel()).explain(RfcMachine.GUEST_VM2 + 0x1234);
        assertEquals("guest_memory", e.object().name());
        assertEquals("vm2", e.object().context());
        assertEquals("direct_map", e.region());
        assertEquals(List.of("vm2/KVM"), e.mappedBy());
        assertEquals(0x211000L, e.physPage(), "direct map: PA = VA - page_offset_base");
    }

    @Test
    void explainingRegionFillUsesTheRegionsClass() {
        Explanation e = explainer(RfcMachine.kernel()).explain(RfcMachine.CPU_ENTRY_AREA + 0x10);
        assertNull(e.object());
        assertEquals("cpu_entry_area", e.region());
        assertEquals(ClassKey.GLOBAL, e.classKey());
        assertEquals(List.of("vm1/KVM", "vm2/KVM", "p1/KPTI"), e.mappedBy());
    }

    @Test
    void explainingAnUnknownAddressSaysNothingMapsIt() {
        Explanation e = explainer(RfcMachine.kernel()).explain(0xffffffff90000000L);
        assertNull(e.object());
        assertNull(e.region());
        assertEquals(Provenance.Source.DEFAULT, e.provenance().source());
        assertEquals(List.of(), e.mappedBy());
        assertEquals(-1, e.physPage());
        assertTrue(e.toText().contains("no restricted space"));
    }

    @Test
    void explanationListsTheNeighboursOnTheSamePage() {
        KernelImage kernel = RfcMachine.kernel(b -> b.addObject("secret_key", ObjectKind.STATIC_DATA,
                RfcMachine.JIFFIES + 0x40, 0x20, ".data", null, -1, -1));
        Explanation e = explainer(kernel).explain("secret_key").get(0);
        assertEquals(List.of("jiffies"), e.pageNeighbours().stream().map(ObjectRef::name).toList());
        assertEquals(List.of(), e.mappedBy());
    }
}
