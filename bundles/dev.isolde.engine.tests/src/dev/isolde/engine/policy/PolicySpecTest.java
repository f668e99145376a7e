// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.policy.AsiClassSpec.MapItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySpecTest {

    @Test
    void localRulesNeedAContextKindAndOthersMustNotHaveOne() {
        assertThrows(IllegalArgumentException.class,
                () -> RuleSpec.of("r", MemoryClass.LOCAL_NONSENSITIVE, null, SelectorKind.SLAB, "kvm_vcpu"));
        assertThrows(IllegalArgumentException.class,
                () -> RuleSpec.of("r", MemoryClass.GLOBAL_NONSENSITIVE, ContextKind.VM, SelectorKind.SLAB, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> RuleSpec.of("r", MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SLAB));
    }

    @Test
    void policyRejectsDuplicateRuleIdsAndALocalDefault() {
        RuleSpec r = RuleSpec.of("r", MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SYMBOL, "jiffies");
        assertThrows(IllegalArgumentException.class, () -> RfcMachine.policy(List.of(r, r)));
        assertThrows(IllegalArgumentException.class, () -> new PolicySpec("p", null, AsiModel.RFC2022, 4,
                MemoryClass.LOCAL_NONSENSITIVE, List.of(), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PolicySpec("p", null, AsiModel.RFC2022, 3,
                MemoryClass.SENSITIVE, List.of(), List.of(), List.of()));
    }

    @Test
    void theLaterSeriesHasNoLocalClass() {
        RuleSpec local = RuleSpec.of("g", MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM, SelectorKind.MEMORY, "guest");
        assertThrows(IllegalArgumentException.class, () -> new PolicySpec("p", null, AsiModel.ASI2025, 4,
                MemoryClass.GLOBAL_NONSENSITIVE, List.of(local), List.of(), List.of()));
        assertEquals(1, new PolicySpec("p", null, AsiModel.RFC2022, 4, MemoryClass.SENSITIVE, List.of(local),
                List.of(), List.of()).rules().size());
    }

    @Test
    void classMapsParseRegionsWithOrWithoutTheKeyword() {
        List<MapItem> items = RfcMachine.kptiClass().mapItems();
        assertEquals(new MapItem(MapItem.Target.USER, null), items.get(0));
        assertEquals(new MapItem(MapItem.Target.REGION, "entry_text"), items.get(1));
        assertEquals(new MapItem(MapItem.Target.REGION, "cpu_entry_area"), items.get(2));
    }

    @Test
    void classWithoutMapsMapsTheStandardNonSensitiveMemory() {
        // ASI_MAP_STANDARD_NONSENSITIVE: global and the context's local memory.
        AsiClassSpec c = new AsiClassSpec("KVM", ContextKind.VM, List.of(), null, null, Map.of(), null);
        assertTrue(c.maps(MapItem.Target.GLOBAL));
        assertTrue(c.maps(MapItem.Target.LOCAL));
    }

    @Test
    void ruleSignatureIgnoresIdAndLocation() {
        RuleSpec a = RuleSpec.of("a", MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SLAB, "kmalloc-*");
        RuleSpec b = RuleSpec.of("b", MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SLAB, "kmalloc-*");
        assertEquals(a.signature(), b.signature());
        assertNotEquals(a.signature(), b.withExcepts("kmalloc-cg-*").signature());
    }
}
