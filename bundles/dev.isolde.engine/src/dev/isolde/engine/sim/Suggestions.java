// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The smallest set of reclassifications (objects to make non-sensitive) that removes a share of a strategy's fault
 * exits, picked greedily by exit count; each costs the object's bytes newly exposed to the untrusted context.
 */
public record Suggestions(double share, long exitsRemoved, List<ObjectExits> reclassify) {
    public Suggestions {
        reclassify = List.copyOf(reclassify);
    }

    /** Suggestions that remove at least {@code share} (0–1) of {@code result}'s fault exits. */
    public static Suggestions of(StrategyResult result, double share) {
        long goal = (long) Math.ceil(result.faultExits() * share);
        long removed = 0;
        List<ObjectExits> pick = new ArrayList<>();
        for (ObjectExits o : result.topObjects()) {
            if (removed >= goal) {
                break;
            }
            pick.add(o);
            removed += o.count();
        }
        return new Suggestions(share, removed, pick);
    }

    /** Bytes the reclassifications would expose. */
    public long bytesExposed() {
        return reclassify.stream().mapToLong(ObjectExits::bytes).sum();
    }
}
