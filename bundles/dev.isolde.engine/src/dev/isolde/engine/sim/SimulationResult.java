// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.List;

/** The results of every strategy run on one workload. */
public record SimulationResult(String workload, List<StrategyResult> strategies) {
    public SimulationResult {
        strategies = List.copyOf(strategies);
    }

    /** The result of {@code s}, or null if it was not run. */
    public StrategyResult of(Strategy s) {
        for (StrategyResult r : strategies) {
            if (r.strategy() == s) {
                return r;
            }
        }
        return null;
    }
}
