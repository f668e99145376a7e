// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.check.CheckInput;
import dev.isolde.engine.check.CheckSuite;
import dev.isolde.engine.check.Finding;
import dev.isolde.engine.check.Rfc2022LayoutCheck;
import dev.isolde.engine.check.Severity;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.explain.Explainer;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.MachineFacts;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 2022 RFC's ASI local map and vmalloc split, with figures worked out from the RFC's arch/x86/mm code. */
class Rfc2022LayoutTest {
    /** RfcMachine's physmap without KASLR: __ASI_LOCAL_MAP_BASE = __PAGE_OFFSET + 32 TB (MAX_PHYSMEM_BITS 46). */
    private static final long LOCAL_MAP = 0xffffa88000000000L;

    private static PolicySpec withPercent(PolicySpec p, int percent) {
        return new PolicySpec(p.name(), p.file(), p.model(), p.pagingLevels(), p.defaultClass(), p.rules(),
                p.classes(), p.contexts(), percent);
    }

    @Test
    void withoutKaslrTheLocalMapStartsHalfwayThroughTheDirectMapWindow() {
        Rfc2022Layout layout = Rfc2022Layout.of(RfcMachine.kernel(), 50);
        assertEquals(LOCAL_MAP, layout.localMapStart());
        assertEquals(LOCAL_MAP + (1L << 30), layout.localMapEnd(), "a mirror of the machine's 1 GiB of RAM");
        assertEquals(32L << 40, layout.maxRam());
        assertFalse(layout.ramExceedsHalvedDirectMap());
    }

    @Test
    void underKaslrTheLocalMapFollowsTheRandomisedDirectMapOnePgdEntryPastItsFirstHalf() {
        long pageOffset = 0xffff9a4f80000000L; // a page_offset_base KASLR could pick (PUD aligned)
        KernelImage kernel = KernelImage.builder().addRegion("direct_map", pageOffset, pageOffset + (24L << 30))
                .build();
        // 24 GiB rounds up to 1 TB, plus CONFIG_RANDOMIZE_MEMORY_PHYSICAL_PADDING's 10 TB; then PGDIR_SIZE (512 GiB)
        assertEquals(pageOffset + (512L << 30) + (11L << 40), Rfc2022Layout.of(kernel, 50).localMapStart());
    }

    @Test
    void theVmallocSplitFollowsAsiVmallocInitAtPgdGranularity() {
        KernelImage kernel = RfcMachine.kernel();
        // vmalloc 0xffffc90000000000 + 32 TB: PGD indices 402..465
        assertEquals(0xffffd88000000000L, Rfc2022Layout.of(kernel, 50).vmallocGlobalStart(), "402 + 63 * 50 / 100");
        assertEquals(0xffffc98000000000L, Rfc2022Layout.of(kernel, 0).vmallocGlobalStart(),
                "0 is taken as 1, and the local half keeps at least one PGD entry");
        assertEquals(0xffffe80000000000L, Rfc2022Layout.of(kernel, 100).vmallocGlobalStart(), "100 is taken as 99");
        assertEquals(99, Rfc2022Layout.of(kernel, 100).localPercent());
    }

    @Test
    void aVmsLocalSlabIsMappedThroughItsAliasOnlyInItsOwnInstance() {
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(new Classifier(RfcMachine.kernel())
                .classify(RfcMachine.policy())).build();
        long alias = LOCAL_MAP + (RfcMachine.VCPU_VM1 - RfcMachine.DIRECT_MAP);
        AsiInstance vm1 = spaces.instance("vm1/KVM");
        AsiInstance vm2 = spaces.instance("vm2/KVM");
        assertTrue(vm1.space().contains(alias), "vm1's kvm_vcpu through the local map");
        assertFalse(vm1.space().contains(RfcMachine.VCPU_VM1), "its direct-map address is not in the restricted PGD");
        assertTrue(vm1.reach().contains(RfcMachine.VCPU_VM1), "but code in vm1 reaches it without a fault");
        assertFalse(vm2.space().contains(alias));
        assertFalse(vm2.reach().contains(RfcMachine.VCPU_VM1));
        assertTrue(spaces.full().contains(alias), "the full page tables mirror the direct map into the local map");
        assertTrue(spaces.full().contains(RfcMachine.VCPU_VM1));
        assertEquals(RfcMachine.VCPU_VM1 - RfcMachine.DIRECT_MAP, spaces.full().lookup(alias).phys());
        assertEquals(vm1.space().lookup(alias).attr(), spaces.full().lookup(RfcMachine.VCPU_VM1).attr());
        assertTrue(vm1.space().contains(RfcMachine.GUEST_VM1), "guest memory is reached through user page tables");
        assertTrue(vm1.space().contains(RfcMachine.JIFFIES), "global memory stays where it is");
        assertEquals(vm1.reach().bytesMapped(), vm1.space().bytesMapped() + 0x1000, "the alias and its original");
        assertEquals(List.of("vm1/KVM"), new Explainer(classificationOf(), spaces).explain(RfcMachine.VCPU_VM1)
                .mappedBy());
    }

    private static Classification classificationOf() {
        return new Classifier(RfcMachine.kernel()).classify(RfcMachine.policy());
    }

    @Test
    void theStandardChecksAcceptTheAliases() {
        Classification c = classificationOf();
        List<Finding> findings = CheckSuite.standard().run(CheckInput.of(c)).findings();
        assertTrue(findings.stream().noneMatch(f -> f.severity() == Severity.ERROR), findings::toString);
    }

    @Test
    void asi2025HasNoLocalMap() {
        List<RuleSpec> globalOnly = RfcMachine.rules().stream()
                .filter(r -> r.target() != MemoryClass.LOCAL_NONSENSITIVE).toList();
        PolicySpec asi2025 = RfcMachine.asi2025(RfcMachine.policy(globalOnly));
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(new Classifier(RfcMachine.kernel()).classify(asi2025))
                .build();
        assertNull(spaces.rfc2022());
        assertFalse(spaces.full().contains(LOCAL_MAP + (RfcMachine.VCPU_VM1 - RfcMachine.DIRECT_MAP)));
    }

    @Test
    void nonSensitiveVmallocAreasOutsideTheirHalfAreReportedAsMoves() {
        long globalHalf = 0xffffd88000000000L;
        KernelImage kernel = RfcMachine.kernel(b -> {
            b.addOwnedObject("vhost_dev_init", ObjectKind.VMALLOC, globalHalf + 0x10000, 0x4000, 0);
            b.addObject("irq_stack", ObjectKind.VMALLOC, RfcMachine.VMALLOC + 0x80000, 0x4000);
        });
        List<RuleSpec> rules = new ArrayList<>();
        rules.add(RfcMachine.rule("vhost", 20, MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM, SelectorKind.VMALLOC,
                List.of("vhost_dev_init"), List.of(), null));
        rules.add(RfcMachine.rule("irq-stacks", 21, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.VMALLOC,
                List.of("irq_stack"), List.of(), null));
        PolicySpec policy = RfcMachine.policyWith(rules.toArray(RuleSpec[]::new));
        List<Finding> findings = layoutFindings(kernel, policy);
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().startsWith("1 locally non-sensitive vmalloc areas (16384 bytes) lie "
                + "outside the per-process half 0xffffc90000000000-0xffffd88000000000"), findings.get(0).message());
        assertEquals("vhost_dev_init", findings.get(0).objects().get(0).name());
        assertTrue(findings.get(1).message().startsWith("1 globally non-sensitive vmalloc areas"));
        assertEquals("irq_stack", findings.get(1).objects().get(0).name());
        // with 90% per process, the area at the old global start is in the local half
        List<Finding> wide = layoutFindings(kernel, withPercent(policy, 90));
        assertEquals(1, wide.size(), wide::toString);
        assertTrue(wide.get(0).message().contains("vmalloc_local_nonsensitive_percent=90"));
    }

    @Test
    void ramBeyondTheHalvedDirectMapIsAnError() {
        long pageOffset = RfcMachine.DIRECT_MAP;
        KernelImage kernel = KernelImage.builder().facts(new MachineFacts(4, 1, false, Set.of()))
                .addRegion("direct_map", pageOffset, pageOffset + (40L << 40)).build();
        PolicySpec p = RfcMachine.policy();
        List<Finding> findings = layoutFindings(kernel, new PolicySpec(p.name(), p.file(), p.model(), 4,
                p.defaultClass(), List.of(), p.classes(), List.of()));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("halves the direct map to 32 TB, less than this machine's "
                + "40960 GiB"), findings.get(0).message());
    }

    private static List<Finding> layoutFindings(KernelImage kernel, PolicySpec policy) {
        Classification c = new Classifier(kernel).classify(policy);
        return CheckSuite.standard().run(CheckInput.of(c)).findings().stream()
                .filter(f -> f.checkId().equals(Rfc2022LayoutCheck.ID)).toList();
    }
}
