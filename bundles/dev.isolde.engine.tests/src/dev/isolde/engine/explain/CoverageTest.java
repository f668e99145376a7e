// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void coverageCountsBytesAndObjectsByRegionAndKind() {
        KernelImage kernel = RfcMachine.kernel();
        Classification c = new Classifier(kernel).classify(RfcMachine.policy());
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(c).build();
        List<Coverage> all = Coverage.of(spaces, kernel);
        assertEquals(3, all.size());

        Coverage p1 = all.get(2);
        assertEquals("p1/KPTI", p1.instance());
        assertEquals(0x21000L + 0x1000 + 0x40000, p1.bytes());
        assertEquals(2, p1.objects(), "the user stack and entry_SYSCALL_64");
        assertEquals(0x21000L, p1.bytesByRegion().get(Coverage.NO_REGION));
        assertEquals(0x1000L, p1.bytesByRegion().get("entry_text"));
        assertEquals(0x40000L, p1.bytesByRegion().get("cpu_entry_area"));
        assertEquals(0x100L, p1.bytesByKind().get(ObjectKind.TEXT));
        assertEquals(0xf00L + 0x40000, p1.regionFillBytes());

        Coverage vm1 = all.get(0);
        assertEquals(0x10000L, vm1.bytesByKind().get(ObjectKind.GUEST));
        assertEquals(2, vm1.objectsByKind().get(ObjectKind.SLAB_CACHE), "kmalloc-64 and its own kvm_vcpu");
        assertEquals(spaces.instance("vm1/KVM").space().bytesMapped(), vm1.bytes());
    }
}
