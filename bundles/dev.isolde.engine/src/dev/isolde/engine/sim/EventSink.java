// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * Receives events one at a time, as primitives, so traces of any length stream without an object per event.
 */
@FunctionalInterface
public interface EventSink {
    /**
     * One event: {@code context} is a kernel context index or -1 for the host; {@code arg} is the address of an
     * access, the exit reason's index, the vector, the syscall number or the new context of a switch.
     */
    void event(long seq, int cpu, int context, EventKind kind, long arg);
}
