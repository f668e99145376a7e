// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.Hook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cycle costs of the mitigation primitives and of the traced events themselves (the simulator's time base); the
 * defaults are explicit picks from published measurements (sources beside each), overridable by name or per class
 * hook.
 *
 * @param access kernel work per traced access (the code between two data accesses), the time base of leak windows
 * @param irq interrupt entry, handler and exit
 */
public record CostModel(long ptSwitch, long ptSwitchPcid, boolean pcid, long pageFault, long l1dFlush, long verw,
        long ipi, long unstun, long ibpb, long rsbFill, long vmexit, long syscall, long access, long irq) {

    /** The names {@link #with(Map)} accepts. */
    public static final List<String> ITEMS = List.of("pt_switch", "pt_switch_pcid", "page_fault", "l1d_flush", "verw",
            "ipi", "unstun", "ibpb", "rsb_fill", "vmexit", "syscall", "access", "irq");

    /** A model with the default time base (kept for callers of the first version). */
    public CostModel(long ptSwitch, long ptSwitchPcid, boolean pcid, long pageFault, long l1dFlush, long verw,
            long ipi, long unstun, long ibpb, long rsbFill, long vmexit, long syscall) {
        this(ptSwitch, ptSwitchPcid, pcid, pageFault, l1dFlush, verw, ipi, unstun, ibpb, rsbFill, vmexit, syscall, 50,
                1_500);
    }

    /**
     * The defaults. CR3 write: ~200 cycles with PCID and no flush, 400+ without (the KPTI measurements in
     * Documentation/arch/x86/pti.rst and Gregg's KPTI analysis); page fault entry/exit ~1,000; L1D flush through
     * MSR_IA32_FLUSH_CMD 3,000 (1,000–5,000 depending on dirty lines; Documentation/admin-guide/hw-vuln/l1tf.rst
     * warns that flushing can cost "up to 50%" on vmexit-heavy loads); VERW buffer clear ~500 (mds.rst); IPI plus
     * sibling rendezvous 2,500 (2,000–3,000, Chartre's kernel core scheduling reply); IBPB ~4,000 (spectre.rst
     * calls it expensive; measured 3,000–5,000 on Skylake); RSB fill ~100 (32 calls); VM exit ~1,200 round trip
     * (KVM forum vmexit measurements); syscall ~100. Time base (picks, not measurements): 50 cycles of kernel code
     * per traced access, 1,500 per interrupt.
     */
    public static CostModel defaults() {
        return new CostModel(400, 200, true, 1_000, 3_000, 500, 2_500, 300, 4_000, 100, 1_200, 100, 50, 1_500);
    }

    /** The cost of one page-table switch, with or without PCID. */
    public long switchCost() {
        return pcid ? ptSwitchPcid : ptSwitch;
    }

    /**
     * The item of {@link #ITEMS} that a policy's cost item or hook names: the DSL names hooks as classes run them
     * ({@code mds_clear}, {@code sibling_stun}, {@code sibling_unstun}), the model by the primitive they cost.
     */
    public static String itemOf(String dslName) {
        return switch (dslName) {
            case "mds_clear" -> "verw";
            case "sibling_stun" -> "ipi";
            case "sibling_unstun" -> "unstun";
            default -> dslName;
        };
    }

    /** The cycles of the item {@code name} (one of {@link #ITEMS}). */
    public long cycles(String name) {
        Long c = values().get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown cost item " + name + ", known: " + ITEMS);
        }
        return c;
    }

    /** The cost of {@code hook} in cycles, or the class's override when it has one. */
    public long hook(Hook hook, AsiClassSpec cls) {
        if (cls != null) {
            Long o = cls.costOverrides().get(hook);
            if (o != null) {
                return o;
            }
        }
        return switch (hook) {
            case L1D_FLUSH -> l1dFlush;
            case MDS_CLEAR -> verw;
            case SIBLING_STUN -> ipi;
            case SIBLING_UNSTUN -> unstun;
            case IBPB -> ibpb;
            case RSB_FILL -> rsbFill;
            case NONE -> 0;
        };
    }

    private Map<String, Long> values() {
        Map<String, Long> v = new HashMap<>();
        long[] now = { ptSwitch, ptSwitchPcid, pageFault, l1dFlush, verw, ipi, unstun, ibpb, rsbFill, vmexit, syscall,
                access, irq };
        for (int i = 0; i < now.length; i++) {
            v.put(ITEMS.get(i), now[i]);
        }
        return v;
    }

    /** This model with the named items of {@code items} (see {@link #ITEMS}) replaced. */
    public CostModel with(Map<String, Long> items) {
        Map<String, Long> v = values();
        for (var e : items.entrySet()) {
            if (!v.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown cost item " + e.getKey() + ", known: " + ITEMS);
            }
            v.put(e.getKey(), e.getValue());
        }
        return new CostModel(v.get("pt_switch"), v.get("pt_switch_pcid"), pcid, v.get("page_fault"),
                v.get("l1d_flush"), v.get("verw"), v.get("ipi"), v.get("unstun"), v.get("ibpb"), v.get("rsb_fill"),
                v.get("vmexit"), v.get("syscall"), v.get("access"), v.get("irq"));
    }
}
