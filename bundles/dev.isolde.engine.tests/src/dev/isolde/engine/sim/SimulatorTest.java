// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final KernelImage KERNEL = RfcMachine.kernel();
    private static final CostModel COSTS = CostModel.defaults();

    private static Simulator simulator(PolicySpec policy, int cpus) {
        Classification c = new Classifier(KERNEL).classify(policy);
        return new Simulator(c, new RestrictedSpaceBuilder(c).build(), COSTS, cpus);
    }

    private static EventSource trace(String text) {
        return sink -> new TraceReader(KERNEL, "t.trace").read(new StringReader(text), sink);
    }

    private static StrategyResult run(Strategy s, int cpus, String text) {
        return simulator(RfcMachine.policy(), cpus).run(s, trace(text));
    }

    /** KVM's enter hooks: page-table switch, L1D flush, VERW, unstun. */
    private static long enterCost() {
        return COSTS.switchCost() + COSTS.l1dFlush() + COSTS.verw() + COSTS.unstun();
    }

    @Test
    void faultOnSensitiveDataExitsAsiRunsExitHooksAndEnterHooksBeforeTheGuest() {
        StrategyResult r = run(Strategy.ASI, 2, """
                0 0 vm1 vmexit EPT_VIOLATION
                1 0 vm1 access random_pool+0x10 r
                2 0 vm1 vmenter
                """);
        assertEquals(1, r.faultExits());
        long exit = COSTS.pageFault() + COSTS.switchCost() + COSTS.ipi();
        assertEquals(exit + enterCost(), r.mitigationCycles());
        assertEquals("random_pool", r.topObjects().get(0).name());
        assertEquals(1, r.topObjects().get(0).count());
    }

    @Test
    void nonSensitiveAccessAndInterruptsStayInsideAsi() {
        StrategyResult r = run(Strategy.ASI, 2, """
                0 0 vm1 vmexit HLT
                1 0 vm1 irq 236
                2 0 vm1 nmi
                3 0 vm1 access jiffies r
                4 0 vm1 access current_task w
                5 0 vm1 vmenter
                """);
        assertEquals(0, r.exits());
        assertEquals(0, r.mitigationCycles());
    }

    @Test
    void explicitAsiExitIsHonouredAndCountedApartFromFaults() {
        StrategyResult r = run(Strategy.ASI, 2, """
                0 0 vm1 vmexit IO
                1 0 vm1 asi_exit
                2 0 vm1 asi_exit   # already out: not counted twice
                3 0 vm1 vmenter
                """);
        assertEquals(1, r.explicitExits());
        assertEquals(0, r.faultExits());
    }

    @Test
    void leakWindowOpensWhenTheSiblingLeavesTheRestrictedSpaceAndClosesOnReturn() {
        String t = """
                0 1 vm1 vmenter
                1 0 vm1 vmexit IO
                2 0 vm1 access random_pool r
                3 0 vm1 vmenter
                """;
        StrategyResult none = run(Strategy.NONE, 2, t);
        assertEquals(1, none.windowCount());
        LeakWindow w = none.worstWindow();
        assertNotNull(w);
        assertEquals(1, w.cpu());
        assertEquals(1, w.startSeq());
        assertEquals(3, w.endSeq());
        assertEquals(List.of("random_pool"), w.exposed());
        assertEquals(0, none.mitigationCycles());
        // ASI stays in vm1's space until the fault, whose exit hook stuns the sibling
        assertEquals(0, run(Strategy.ASI, 2, t).windowCount());
    }

    @Test
    void aSiblingInAnotherVmsRestrictedSpaceIsALeakWindow() {
        StrategyResult r = run(Strategy.ASI, 2, """
                0 1 vm1 vmenter
                1 0 vm2 vmexit IO
                2 0 vm2 access kmalloc-64 r
                3 0 vm2 vmenter
                """);
        // vm2's kernel work beside vm1's guest, then vm2's guest beside vm1's guest: both are cross-VM windows
        assertEquals(2, r.windowCount());
        assertEquals(1, r.worstWindow().cpu());
        assertEquals(List.of("kmalloc-64"), r.worstWindow().exposed());
    }

    @Test
    void alwaysFlushNeverLeaksAndFlushesOnEveryEntry() {
        StrategyResult r = run(Strategy.ALWAYS_FLUSH, 2, """
                0 1 vm1 vmenter
                1 0 vm1 vmexit IO
                2 0 vm1 access jiffies r
                3 0 vm1 vmenter
                """);
        assertEquals(0, r.windowCount());
        assertEquals(2 * (COSTS.l1dFlush() + COSTS.verw()), r.mitigationCycles());
    }

    @Test
    void kernelCoreSchedulingStunsOnlyAtTheFirstSensitiveAccess() {
        String t = """
                0 1 vm1 vmenter
                1 0 vm1 vmexit IO
                2 0 vm1 access jiffies r
                3 0 vm1 access random_pool r
                4 0 vm1 access task_struct r
                5 0 vm1 vmenter
                """;
        StrategyResult kcs = run(Strategy.KERNEL_CORE_SCHEDULING, 2, t);
        assertEquals(0, kcs.windowCount());
        assertEquals(1, kcs.faultExits());
        assertEquals(COSTS.ipi() + COSTS.l1dFlush() + COSTS.unstun(), kcs.mitigationCycles());
    }

    @Test
    void asi2025TaintsFlushOnlyWhatTheReturningContextMustNotSee() {
        // the 2025 series has no local class: compare both models on the global rules alone
        PolicySpec p = RfcMachine.policy(RfcMachine.rules().stream()
                .filter(r -> r.target() != MemoryClass.LOCAL_NONSENSITIVE).toList());
        PolicySpec p2025 = RfcMachine.asi2025(p); // KPTI is off under asi2025: userspace replaces it
        String own = """
                0 0 vm1 vmexit IO
                1 0 vm1 access jiffies r
                2 0 vm1 vmenter
                """;
        // the guest's own taints do not need flushing on the way back to it
        assertEquals(0, simulator(p2025, 2).run(Strategy.ASI, trace(own)).mitigationCycles());
        String crossing = """
                0 0 p1 syscall 0
                1 0 p1 sysret
                2 0 p1 syscall 1
                3 0 p1 ctxswitch vm1
                4 0 vm1 vmenter
                """;
        long rfc = simulator(p, 2).run(Strategy.ASI, trace(crossing)).mitigationCycles();
        long taint = simulator(p2025, 2).run(Strategy.ASI, trace(crossing)).mitigationCycles();
        // p1's user data and control become other-mm taints at the switch: IBPB + RSB fill and an L1D flush
        assertEquals(COSTS.ibpb() + COSTS.rsbFill() + COSTS.l1dFlush(), taint - rfc);
        String sensitive = """
                0 0 vm1 vmexit IO
                1 0 vm1 access random_pool r
                2 0 vm1 vmenter
                """;
        long rfcSensitive = simulator(p, 2).run(Strategy.ASI, trace(sensitive)).mitigationCycles();
        long taintSensitive = simulator(p2025, 2).run(Strategy.ASI, trace(sensitive)).mitigationCycles();
        assertEquals(COSTS.l1dFlush(), taintSensitive - rfcSensitive);
    }

    @Test
    void taintPolicyOfAVmPreventsUserControlButNotItsOwn() {
        assertTrue(TaintPolicy.VM.needsControlFlush(Taint.USER_CONTROL.bit()));
        assertTrue(!TaintPolicy.VM.needsControlFlush(Taint.GUEST_CONTROL.bit()));
        assertTrue(TaintPolicy.VM.needsDataFlush(Taint.KERNEL_DATA.bit()));
        assertTrue(!TaintPolicy.VM.needsDataFlush(Taint.GUEST_DATA.bit()));
        assertEquals(Taint.OTHER_MM_DATA.bit() | Taint.OTHER_MM_CONTROL.bit() | Taint.KERNEL_DATA.bit(),
                Simulator.otherMm(Taint.GUEST_DATA.bit() | Taint.GUEST_CONTROL.bit() | Taint.KERNEL_DATA.bit()));
    }

    @Test
    void vmexitStormOrdersStrategiesByCostAndByLeakWindows() {
        Classification c = new Classifier(KERNEL).classify(RfcMachine.policy());
        Simulator sim = new Simulator(c, new RestrictedSpaceBuilder(c).build(), COSTS, 4);
        SimulationResult r = sim.runAll("vmexit-storm", new Workload("vmexit-storm", c, 4, 50_000, 1));
        StrategyResult asi = r.of(Strategy.ASI);
        StrategyResult flush = r.of(Strategy.ALWAYS_FLUSH);
        StrategyResult none = r.of(Strategy.NONE);
        StrategyResult cs = r.of(Strategy.CORE_SCHEDULING);
        StrategyResult kcs = r.of(Strategy.KERNEL_CORE_SCHEDULING);
        assertEquals(0, none.mitigationCycles());
        for (StrategyResult s : r.strategies()) {
            assertTrue(s.mitigationCycles() <= flush.mitigationCycles(), s.strategy() + " costs more than flushing");
            assertTrue(s.windowTotalLength() <= none.windowTotalLength(), s.strategy() + " leaks more than nothing");
        }
        assertTrue(none.mitigationCycles() < kcs.mitigationCycles());
        assertTrue(kcs.mitigationCycles() < asi.mitigationCycles());
        assertTrue(asi.mitigationCycles() < flush.mitigationCycles());
        assertEquals(0, flush.windowCount());
        assertEquals(0, cs.windowCount());
        assertEquals(0, kcs.windowCount());
        assertTrue(asi.windowTotalLength() < none.windowTotalLength());
        assertTrue(asi.windowCount() > 0);
        assertTrue(asi.faultExits() > 0);
        assertEquals(asi.faultExits(), asi.topObjects().stream().mapToLong(ObjectExits::count).sum());
        Suggestions s = Suggestions.of(asi, 0.5);
        assertTrue(s.exitsRemoved() * 2 >= asi.faultExits());
        assertTrue(s.reclassify().size() < asi.topObjects().size());
        assertTrue(s.bytesExposed() > 0);
    }

    @Test
    void workloadsAreDeterministicForASeed() {
        Classification c = new Classifier(KERNEL).classify(RfcMachine.policy());
        long[] a = new long[2];
        new Workload("io-heavy-vm", c, 4, 1_000, 9).replay((s, cpu, x, k, arg) -> a[0] = a[0] * 31 + arg + k.ordinal());
        new Workload("io-heavy-vm", c, 4, 1_000, 9).replay((s, cpu, x, k, arg) -> a[1] = a[1] * 31 + arg + k.ordinal());
        assertEquals(a[0], a[1]);
    }
}
