// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.Hook;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {
    @Test
    void namedItemsReplaceDefaultsAndUnknownNamesAreRejected() {
        CostModel m = CostModel.defaults().with(Map.of("pt_switch_pcid", 150L, "ipi", 2_000L));
        assertEquals(150, m.switchCost());
        assertEquals(2_000, m.hook(Hook.SIBLING_STUN, null));
        assertEquals(CostModel.defaults().l1dFlush(), m.l1dFlush());
        assertThrows(IllegalArgumentException.class, () -> m.with(Map.of("cr3", 1L)));
    }

    @Test
    void policyNamesOfHooksReadTheirPrimitivesCost() {
        CostModel m = CostModel.defaults().with(Map.of("verw", 450L));
        assertEquals(450, m.cycles(CostModel.itemOf("mds_clear")));
        assertEquals(m.ipi(), m.cycles(CostModel.itemOf("sibling_stun")));
        assertEquals(m.unstun(), m.cycles(CostModel.itemOf("sibling_unstun")));
        assertEquals(m.pageFault(), m.cycles(CostModel.itemOf("page_fault")));
        for (String item : CostModel.ITEMS) {
            assertEquals(item, CostModel.itemOf(item));
        }
        assertThrows(IllegalArgumentException.class, () -> m.cycles("cr3"));
    }

    @Test
    void aClassOverrideWinsForItsHookOnly() {
        AsiClassSpec k = RfcMachine.kvmClass();
        AsiClassSpec cheap = new AsiClassSpec(k.name(), k.per(), k.maps(), k.onEnter(), k.onExit(),
                Map.of(Hook.L1D_FLUSH, 1_200L), k.loc());
        CostModel m = CostModel.defaults();
        assertEquals(1_200, m.hook(Hook.L1D_FLUSH, cheap));
        assertEquals(m.verw(), m.hook(Hook.MDS_CLEAR, cheap));
        assertEquals(m.l1dFlush(), m.hook(Hook.L1D_FLUSH, k));
    }
}
