// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The smallest set of reclassifications (objects or regions to make non-sensitive) that removes a share of a
 * strategy's fault exits, chosen from every object that caused one. Taking the objects by descending exit count is
 * optimal for the fewest objects reaching a sum. Each costs its bytes, newly mapped in every restricted space of the
 * class: that is its leak cost, and its provenance says which rule (or the default) made it sensitive.
 *
 * @param exitsRemoved the exits the picked objects caused (an estimate: the first fault of a kernel entry is
 *     counted, a later one in the same entry may fault instead; {@link Simulator#reclassified} measures it)
 * @param totalExits the fault exits of the result
 */
public record Suggestions(double share, long exitsRemoved, List<ObjectExits> reclassify, long totalExits) {
    public Suggestions {
        reclassify = List.copyOf(reclassify);
    }

    /** Suggestions of the first version's fields. */
    public Suggestions(double share, long exitsRemoved, List<ObjectExits> reclassify) {
        this(share, exitsRemoved, reclassify, exitsRemoved);
    }

    /** Suggestions that remove at least {@code share} (0–1) of {@code result}'s fault exits. */
    public static Suggestions of(StrategyResult result, double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be between 0 and 1: " + share);
        }
        long goal = (long) Math.ceil(result.faultExits() * share);
        long removed = 0;
        List<ObjectExits> pick = new ArrayList<>();
        for (ObjectExits o : result.exitObjects()) {
            if (removed >= goal) {
                break;
            }
            pick.add(o);
            removed += o.count();
        }
        return new Suggestions(share, removed, pick, result.faultExits());
    }

    /** Bytes the reclassifications would expose. */
    public long bytesExposed() {
        return reclassify.stream().mapToLong(ObjectExits::bytes).sum();
    }
}
