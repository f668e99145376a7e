// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one strategy cost and leaked on a workload.
 *
 * @param faultExits asi_exits caused by an access outside the restricted space
 * @param explicitExits asi_exits the trace asked for
 * @param switchExits asi_exits caused by a context switch (or going idle) while restricted
 * @param mitigationCycles cycles spent on mitigations (page-table switches, faults taken for ASI, flushes, IPIs)
 * @param windowTotalLength total length of the leak windows in trace events
 * @param worstWindow the longest leak window in cycles, or null
 * @param windows the first leak windows, capped
 * @param topObjects objects causing the most fault exits, most first
 * @param model the ASI model the policy declares ({@code rfc2022} or {@code asi2025})
 * @param accesses access events among {@code events}
 * @param cycles simulated time: the sum of every CPU's cycle clock (event base costs plus mitigations)
 * @param windowTotalCycles total length of the leak windows in cycles
 * @param exitObjects every object (or region) that caused a fault exit, most first
 * @param exposedObjects objects touched beside untrusted code that its restricted space does not map, most first
 * @param flushes how often each mitigation primitive ran
 * @param returns returns to untrusted code (vmenter, sysret)
 * @param unflushedData returns to untrusted code with a data taint its class's taint policy protects, unflushed
 * @param unflushedControl returns with a control taint its class's policy prevents, unflushed
 */
public record StrategyResult(Strategy strategy, long events, long faultExits, long explicitExits, long switchExits,
        long mitigationCycles, long windowCount, long windowTotalLength, LeakWindow worstWindow,
        List<LeakWindow> windows, List<ObjectExits> topObjects, String model, long accesses, long cycles,
        long windowTotalCycles, List<ObjectExits> exitObjects, List<ObjectExits> exposedObjects, Flushes flushes,
        long returns, long unflushedData, long unflushedControl) {
    public StrategyResult {
        windows = List.copyOf(windows);
        topObjects = List.copyOf(topObjects);
        exitObjects = List.copyOf(exitObjects);
        exposedObjects = List.copyOf(exposedObjects);
    }

    /** A result of the first version's fields. */
    public StrategyResult(Strategy strategy, long events, long faultExits, long explicitExits, long switchExits,
            long mitigationCycles, long windowCount, long windowTotalLength, LeakWindow worstWindow,
            List<LeakWindow> windows, List<ObjectExits> topObjects) {
        this(strategy, events, faultExits, explicitExits, switchExits, mitigationCycles, windowCount,
                windowTotalLength, worstWindow, windows, topObjects, "rfc2022", 0, 0, 0, topObjects, List.of(),
                Flushes.NONE, 0, 0, 0);
    }

    /** All asi_exits. */
    public long exits() {
        return faultExits + explicitExits + switchExits;
    }

    /** asi_exits by cause: fault, explicit, switch. */
    public Map<String, Long> exitsByCause() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("fault", faultExits);
        m.put("explicit", explicitExits);
        m.put("switch", switchExits);
        return m;
    }

    /** Mitigation cycles per thousand events. */
    public double cyclesPerKiloEvent() {
        return events == 0 ? 0 : mitigationCycles * 1000.0 / events;
    }

    /** Length in cycles of the worst leak window, 0 if none. */
    public long worstWindowCycles() {
        return worstWindow == null ? 0 : worstWindow.cycles();
    }
}
