// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/** A replayable stream of events: each call to {@link #replay} sends the same events again. */
@FunctionalInterface
public interface EventSource {
    /** Sends every event to {@code sink}, in order. */
    void replay(EventSink sink);
}
