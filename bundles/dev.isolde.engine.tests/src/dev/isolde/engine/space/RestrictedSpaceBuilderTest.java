// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import static dev.isolde.engine.fixtures.RfcMachine.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.PolicySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestrictedSpaceBuilderTest {
    /** CPU time, not wall time: the budget is the engine's work, not the load of whatever else runs. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final KernelImage kernel = RfcMachine.kernel();

    private RestrictedSpaces build(PolicySpec policy) {
        return new RestrictedSpaceBuilder(new Classifier(kernel).classify(policy)).build();
    }

    @Test
    void fullSpaceMapsEveryObjectAndTheRestOfEveryRegion() {
        RestrictedSpaces spaces = build(RfcMachine.policy());
        AddressSpace full = spaces.full();
        for (int i = 0; i < kernel.objectCount(); i++) {
            assertTrue(full.covers(kernel.start(i), kernel.end(i)), kernel.name(i));
        }
        // Inside a region, an object owns its bytes; the rest is region fill.
        Mapping jiffiesPage = full.lookup(RfcMachine.GUEST_VM1);
        assertEquals(object(kernel, "guest_memory", RfcMachine.GUEST_VM1), jiffiesPage.objectIndex());
        Mapping fill = full.lookup(RfcMachine.DIRECT_MAP);
        assertTrue(MappingAttr.isRegion(fill.attr()));
        assertEquals(kernel.regionIndex("direct_map"), MappingAttr.index(fill.attr()));
        // entry_text nests in kernel_text: the inner region owns its uncovered bytes.
        Mapping entry = full.lookup(RfcMachine.TEXT + 0x800);
        assertEquals(kernel.regionIndex("entry_text"), MappingAttr.index(entry.attr()));
        assertEquals(kernel.regionIndex("kernel_text"), MappingAttr.index(full.attrAt(RfcMachine.TEXT + 0x1800)));
        long mapped = 0;
        for (var r : kernel.regions()) {
            if (!r.name().equals("entry_text")) {
                mapped += r.size();
            }
        }
        // Objects outside every region: the user stack and the kernel data page objects.
        long outside = 0x21000 + 8 + 0x80 + 0x40 + 0x40 + 8;
        // rfc2022: the ASI local map mirrors the two VMs' locally non-sensitive kvm_vcpu slabs
        long aliases = 2 * 0x1000;
        assertEquals(mapped + outside + aliases, full.bytesMapped(),
                "regions once each, plus objects outside them, plus local-map aliases");
    }

    @Test
    void restrictedSpaceNeverMapsAnotherVmsLocalMemory() {
        RestrictedSpaces spaces = build(RfcMachine.policy());
        // reach: the direct-map addresses the kernel model gives, local slabs included (rfc2022 maps their aliases)
        AddressSpace vm1 = spaces.instance("vm1/KVM").reach();
        assertTrue(vm1.covers(RfcMachine.GUEST_VM1, RfcMachine.GUEST_VM1 + 0x10000));
        assertTrue(vm1.contains(RfcMachine.VCPU_VM1));
        assertFalse(vm1.contains(RfcMachine.GUEST_VM2));
        assertFalse(vm1.contains(RfcMachine.VCPU_VM2));
        assertFalse(vm1.contains(RfcMachine.USER_STACK), "a process's user memory is not the VM's");
    }

    @Test
    void kvmInstanceMapsGlobalAndOwnLocalMemoryButNothingSensitive() {
        RestrictedSpaces spaces = build(RfcMachine.policy());
        AddressSpace vm2 = spaces.instance("vm2/KVM").space();
        assertTrue(vm2.contains(RfcMachine.JIFFIES));
        assertTrue(vm2.contains(RfcMachine.KMALLOC_64));
        assertTrue(vm2.contains(RfcMachine.TEXT + 0x1000));
        assertTrue(vm2.contains(RfcMachine.CPU_ENTRY_AREA + 0x100), "a globally non-sensitive region is mapped");
        assertFalse(vm2.contains(RfcMachine.RANDOM_POOL));
        assertFalse(vm2.contains(RfcMachine.TASK_STRUCT));
        assertFalse(vm2.contains(RfcMachine.KMALLOC_64 + 0x1000), "kmalloc-cg-64 is excepted");
        vm2.forEach((s, e, attr, phys) -> assertTrue(MappingAttr.classKey(attr) != ClassKey.SENSITIVE));
        long global = spaces.globalNonSensitive().bytesMapped();
        assertEquals(global + 0x10000 + 0x1000, vm2.bytesMapped());
    }

    @Test
    void kptiInstanceMapsUserMemoryAndEntryRegionsButNotGlobalData() {
        RestrictedSpaces spaces = build(RfcMachine.policy());
        AddressSpace p1 = spaces.instance("p1/KPTI").space();
        assertTrue(p1.covers(RfcMachine.USER_STACK, RfcMachine.USER_STACK + 0x21000));
        assertTrue(p1.covers(RfcMachine.TEXT, RfcMachine.TEXT + 0x1000));
        assertTrue(p1.contains(RfcMachine.CPU_ENTRY_AREA));
        assertFalse(p1.contains(RfcMachine.TEXT + 0x1000), "only entry_text of kernel_text");
        assertFalse(p1.contains(RfcMachine.JIFFIES));
        assertFalse(p1.contains(RfcMachine.KERNEL_STACK), "KPTI maps user memory, not the local kernel stack");
        assertEquals(0x21000 + 0x1000 + 0x40000, p1.bytesMapped());
    }

    @Test
    void instancesShareTheGlobalPartInsteadOfCopyingIt() {
        RestrictedSpaces spaces = build(RfcMachine.policy());
        List<AddressSpace> vm1 = spaces.instance("vm1/KVM").space().components();
        List<AddressSpace> vm2 = spaces.instance("vm2/KVM").space().components();
        assertSame(spaces.globalNonSensitive(), vm1.get(0));
        assertSame(vm1.get(0), vm2.get(0));
    }

    @Test
    void contextsWithoutAnApplicableClassGetNoInstanceButAProblem() {
        PolicySpec base = RfcMachine.policy();
        PolicySpec policy = new PolicySpec(base.name(), base.file(), base.model(), 4, base.defaultClass(),
                base.rules(), base.classes(), List.of(new ContextSpec("p1", ContextKind.PROCESS, "KVM"),
                        new ContextSpec("vm1", ContextKind.VM, "NOPE"), new ContextSpec("vm7", ContextKind.VM,
                                "KVM")));
        RestrictedSpaces spaces = build(policy);
        assertNull(spaces.instance("p1/KVM"));
        assertNull(spaces.instance("vm1/NOPE"));
        assertEquals(3, spaces.problems().size());
        assertEquals(spaces.globalNonSensitive().bytesMapped(), spaces.instance("vm7/KVM").space().bytesMapped(),
                "a context missing from the image still gets the global part");
    }

    @Test
    void regionPartiallyCoveringAnObjectMapsOnlyTheRegionsPart() {
        KernelImage k = RfcMachine.kernel(b -> {
            b.addRegion("half", RfcMachine.TASK_STRUCT + 0x1000, RfcMachine.TASK_STRUCT + 0x1800);
        });
        PolicySpec base = RfcMachine.policy();
        var cls = new AsiClassSpec("HALF", ContextKind.PROCESS, List.of("region half"),
                List.of(), List.of(), Map.of(), null);
        PolicySpec policy = new PolicySpec("p", null, base.model(), 4, base.defaultClass(), base.rules(),
                List.of(cls), List.of(new ContextSpec("p1", ContextKind.PROCESS, "HALF")));
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(new Classifier(k).classify(policy)).build();
        AddressSpace half = spaces.instances().get(0).space();
        assertEquals(0x800, half.bytesMapped());
        assertEquals(object(k, "task_struct"), half.lookup(RfcMachine.TASK_STRUCT + 0x1000).objectIndex());
    }

    @Test
    void buildsThousandVmsWithTwoThousandLocalObjectsEachInUnderASecond() {
        KernelImage big = SyntheticMachine.build(120_000, 1_000, 2_000, 64L << 30, 3);
        Classification c = new Classifier(big).classify(SyntheticMachine.kvmPolicy(big));
        long best = Long.MAX_VALUE;
        RestrictedSpaces spaces = null;
        for (int round = 0; round < 3; round++) {
            long t = CPU.getCurrentThreadCpuTime();
            spaces = new RestrictedSpaceBuilder(c).build();
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - t);
        }
        assertEquals(1_000, spaces.instances().size());
        AddressSpace vm7 = spaces.instance("vm7/KVM").space();
        int ctx = big.contextIndex("vm7");
        int[] local = {0};
        vm7.forEach((s, e, attr, phys) -> {
            int obj = MappingAttr.objectIndex(attr);
            if (obj >= 0 && big.ownerContext(obj) >= 0) {
                assertEquals(ctx, big.ownerContext(obj));
                local[0]++;
            }
        });
        assertEquals(2_000, local[0]);
        assertTrue(best < 1_000_000_000L, "best build took (CPU) " + best / 1_000_000 + " ms");
    }
}
