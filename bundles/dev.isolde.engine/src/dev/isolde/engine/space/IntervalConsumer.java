// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

/** Receives the intervals of an address space in ascending address order. */
@FunctionalInterface
public interface IntervalConsumer {
    /**
     * Accepts one interval {@code [start, end)}.
     *
     * @param phys the physical address of {@code start} if the space records one, else -1 (derive it from the source)
     */
    void accept(long start, long end, int attr, long phys);
}
