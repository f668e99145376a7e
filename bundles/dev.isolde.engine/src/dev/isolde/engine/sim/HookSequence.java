// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.Hook;
import java.util.List;

/**
 * The hooks one class runs at one transition, folded into what running them adds up to: their cycles (the cost
 * model's or the class's override), how often they run each flush primitive, the taints they clear and whether they
 * stun the sibling. Hooks commute (costs add up, flushes clear taint bits), so the simulator's returns and exits run
 * one of these instead of a list, with no cost lookup per hook.
 */
final class HookSequence {
    static final HookSequence NONE = new HookSequence(List.of(), null, CostModel.defaults());
    final long cycles;
    final int l1dFlush;
    final int verw;
    final int ibpb;
    final int rsbFill;
    final int stuns;
    /** Taint bits the hooks clear. */
    final int clears;

    HookSequence(Iterable<Hook> hooks, AsiClassSpec cls, CostModel costs) {
        long c = 0;
        int l1d = 0;
        int v = 0;
        int ib = 0;
        int rsb = 0;
        int st = 0;
        int cl = 0;
        for (Hook h : hooks) {
            c += costs.hook(h, cls);
            switch (h) {
                case L1D_FLUSH -> {
                    l1d++;
                    cl |= Taint.DATA;
                }
                case MDS_CLEAR -> v++;
                case IBPB -> {
                    ib++;
                    cl |= Taint.CONTROL;
                }
                case RSB_FILL -> rsb++;
                case SIBLING_STUN -> st++;
                case SIBLING_UNSTUN, NONE -> {
                }
            }
        }
        this.cycles = c;
        this.l1dFlush = l1d;
        this.verw = v;
        this.ibpb = ib;
        this.rsbFill = rsb;
        this.stuns = st;
        this.clears = cl;
    }
}
