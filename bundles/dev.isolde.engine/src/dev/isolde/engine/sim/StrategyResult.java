// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.List;

/**
 * What one strategy cost and leaked on a workload.
 *
 * @param faultExits asi_exits caused by an access outside the restricted space
 * @param explicitExits asi_exits the trace asked for
 * @param switchExits asi_exits caused by a context switch while restricted
 * @param mitigationCycles cycles spent on mitigations (page-table switches, faults taken for ASI, flushes, IPIs)
 * @param worstWindow the longest leak window, or null
 * @param windows the first leak windows, capped
 * @param topObjects objects causing the most fault exits, most first
 */
public record StrategyResult(Strategy strategy, long events, long faultExits, long explicitExits, long switchExits,
        long mitigationCycles, long windowCount, long windowTotalLength, LeakWindow worstWindow,
        List<LeakWindow> windows, List<ObjectExits> topObjects) {
    public StrategyResult {
        windows = List.copyOf(windows);
        topObjects = List.copyOf(topObjects);
    }

    /** All asi_exits. */
    public long exits() {
        return faultExits + explicitExits + switchExits;
    }

    /** Mitigation cycles per thousand events. */
    public double cyclesPerKiloEvent() {
        return events == 0 ? 0 : mitigationCycles * 1000.0 / events;
    }
}
