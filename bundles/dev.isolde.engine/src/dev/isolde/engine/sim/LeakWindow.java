// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.List;

/**
 * An interval during which one SMT sibling ran untrusted code of {@code context} while the other was outside that
 * context's restricted space, so the untrusted code could sample what the other touched (L1TF, MDS).
 *
 * @param startSeq trace sequence number at which the window opened
 * @param endSeq trace sequence number at which it closed
 * @param cycles length in cycles of the core's time base: the larger of the two siblings' cycle clocks' advance
 *     (each CPU's clock advances by its events' base costs and the mitigation cycles it spends)
 * @param exposed names of objects the other sibling touched during the window that the untrusted context's
 *     restricted space does not map, capped
 */
public record LeakWindow(int cpu, int sibling, String context, long startSeq, long endSeq, long cycles,
        List<String> exposed) {
    public LeakWindow {
        exposed = List.copyOf(exposed);
    }

    /** A window without a cycle length (kept for callers of the first version). */
    public LeakWindow(int cpu, int sibling, String context, long startSeq, long endSeq, List<String> exposed) {
        this(cpu, sibling, context, startSeq, endSeq, 0, exposed);
    }

    /** Length in trace events. */
    public long length() {
        return endSeq - startSeq;
    }
}
