// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * Events as parallel primitive arrays (struct of arrays): sources fill a block through {@link #event}, the simulator
 * runs a whole block in one tight loop, so no event becomes an object and the loop has no call per event.
 */
public final class EventBlock implements EventSink {
    /** The block size the simulator streams with: bounded memory for traces of any length. */
    public static final int STREAM = 4096;
    final long[] seq;
    final int[] cpu;
    final int[] context;
    final byte[] kind;
    final long[] arg;
    int size;

    /** An empty block of {@code capacity} events. */
    public EventBlock(int capacity) {
        seq = new long[capacity];
        cpu = new int[capacity];
        context = new int[capacity];
        kind = new byte[capacity];
        arg = new long[capacity];
    }

    /** Records {@code source} once into a block of exactly its events, at most {@code max} (benchmarks, tests). */
    public static EventBlock record(EventSource source, int max) {
        EventBlock b = new EventBlock(max);
        source.replay((s, c, x, k, a) -> {
            if (b.size == max) {
                throw new IllegalArgumentException("more than " + max + " events");
            }
            b.event(s, c, x, k, a);
        });
        return b;
    }

    @Override
    public void event(long s, int c, int x, EventKind k, long a) {
        int i = size++;
        seq[i] = s;
        cpu[i] = c;
        context[i] = x;
        kind[i] = (byte) k.ordinal();
        arg[i] = a;
    }

    /** Number of events held. */
    public int size() {
        return size;
    }

    /** True when no more events fit. */
    public boolean full() {
        return size == seq.length;
    }

    /** Forgets the events, keeping the arrays. */
    public void clear() {
        size = 0;
    }

    /** The kind of event {@code i}. */
    public EventKind kind(int i) {
        return EventKind.ofOrdinal(kind[i]);
    }

    /** The CPU of event {@code i}. */
    public int cpu(int i) {
        return cpu[i];
    }

    /** The context of event {@code i} (-1: the host). */
    public int context(int i) {
        return context[i];
    }

    /** The address or argument of event {@code i}. */
    public long arg(int i) {
        return arg[i];
    }
}
