// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * How often each mitigation primitive ran under one strategy.
 *
 * @param ptSwitches page-table (CR3) switches into or out of a restricted space
 * @param stuns sibling stuns (IPI and rendezvous)
 */
public record Flushes(long ibpb, long rsbFill, long l1dFlush, long verw, long ptSwitches, long stuns, long unstuns) {
    /** No flushes at all. */
    public static final Flushes NONE = new Flushes(0, 0, 0, 0, 0, 0, 0);
}
