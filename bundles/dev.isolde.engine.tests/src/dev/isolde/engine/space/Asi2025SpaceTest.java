// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restricted spaces under model asi2025: what is mapped, what is not, and KPTI switched off (DESIGN §2b). */
class Asi2025SpaceTest {
    /** A vmalloc area whose pages sit at physical 0x400000, so its physmap alias is DIRECT_MAP + 0x400000. */
    private static final long VMALLOC_PHYS = 0x400000;
    private final KernelImage kernel = RfcMachine.kernel(b -> b.addObject("vmalloc_with_pages", ObjectKind.VMALLOC,
            RfcMachine.VMALLOC + 0x20000, 0x3000, null, null, VMALLOC_PHYS, -1));

    private static PolicySpec asi2025(List<RuleSpec> rules) {
        PolicySpec p = RfcMachine.asi2025(RfcMachine.policy(rules));
        return new PolicySpec(p.name(), p.file(), AsiModel.ASI2025, 4, MemoryClass.GLOBAL_NONSENSITIVE, p.rules(),
                p.classes(), p.contexts());
    }

    private RestrictedSpaces build(PolicySpec p) {
        return new RestrictedSpaceBuilder(new Classifier(kernel).classify(p)).build();
    }

    private static final RuleSpec USER_PAGES = RfcMachine.rule("user", 3, MemoryClass.SENSITIVE, null,
            SelectorKind.MEMORY, List.of("user", "guest"), List.of(), null);

    @Test
    void everyInstanceMapsTheKernelImageThePhysmapAndTheVmallocArea() {
        RestrictedSpaces spaces = build(asi2025(List.of(USER_PAGES)));
        AddressSpace vm1 = spaces.instance("vm1/KVM").space();
        assertTrue(vm1.covers(RfcMachine.TEXT, RfcMachine.TEXT + 0x200000), "whole kernel text");
        assertTrue(vm1.contains(RfcMachine.RANDOM_POOL), "static data the RFC kept sensitive");
        assertTrue(vm1.contains(RfcMachine.TASK_STRUCT), "non-sensitive physmap");
        assertTrue(vm1.contains(RfcMachine.KERNEL_STACK), "vmalloc'd stacks at their vmalloc address");
        assertTrue(vm1.contains(RfcMachine.VMALLOC + 0x20000));
    }

    @Test
    void userPagesGuestMemoryAndVmallocAliasesAreUnmapped() {
        RestrictedSpaces spaces = build(asi2025(List.of(USER_PAGES)));
        AddressSpace vm1 = spaces.instance("vm1/KVM").space();
        assertFalse(vm1.contains(RfcMachine.GUEST_VM1), "guest memory is __GFP_SENSITIVE user memory of the VMM");
        long alias = RfcMachine.DIRECT_MAP + VMALLOC_PHYS;
        assertFalse(vm1.contains(alias), "physmap alias of a vmalloc'd page");
        assertFalse(vm1.contains(alias + 0x2fff));
        assertTrue(vm1.contains(alias + 0x3000), "the page after the alias is ordinary physmap");
        assertFalse(spaces.globalNonSensitive().contains(alias));
        assertTrue(spaces.full().contains(alias), "the full space keeps every mapping");
        PhysmapAliases aliases = PhysmapAliases.of(kernel);
        assertEquals(0x3000, aliases.bytes());
        assertEquals(1, aliases.unknownAreas(), "bpf_prog_alloc's pages are unknown");
    }

    @Test
    void theUserspaceInstanceMapsItsOwnUserPagesAtTheirUserAddresses() {
        RestrictedSpaces spaces = build(asi2025(List.of(USER_PAGES)));
        AddressSpace p1 = spaces.instance("p1/userspace").space();
        assertTrue(p1.contains(RfcMachine.USER_STACK));
        assertFalse(spaces.instance("vm1/KVM").space().contains(RfcMachine.USER_STACK));
    }

    @Test
    void kptiGetsNoInstanceUnderAsi2025() {
        PolicySpec rfc = RfcMachine.policy();
        PolicySpec withKpti = new PolicySpec(rfc.name(), rfc.file(), AsiModel.ASI2025, 4,
                MemoryClass.GLOBAL_NONSENSITIVE, List.of(USER_PAGES), rfc.classes(), rfc.contexts());
        RestrictedSpaces spaces = build(withKpti);
        assertNull(spaces.instance("p1/KPTI"));
        assertNotNull(spaces.instance("vm1/KVM"));
        assertTrue(spaces.problems().stream().anyMatch(p -> p.startsWith("class KPTI is KPTI, which is off under "
                + "asi2025: the userspace class replaces it")), spaces.problems()::toString);
        assertNotNull(build(rfc).instance("p1/KPTI"), "under the 2022 RFC KPTI is an ASI class like any other");
    }

    @Test
    void theRfc2022KeepsAliasesOfMemoryItMapsGlobally() {
        RuleSpec physmap = RfcMachine.rule("physmap", 9, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.REGION,
                List.of("direct_map"), List.of(), null);
        RestrictedSpaces spaces = build(RfcMachine.policyWith(physmap));
        assertTrue(spaces.globalNonSensitive().contains(RfcMachine.DIRECT_MAP + VMALLOC_PHYS),
                "only asi2025 takes vmalloc aliases out of the physmap");
    }
}
