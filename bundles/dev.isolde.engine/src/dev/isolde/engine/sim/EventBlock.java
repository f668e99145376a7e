// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * Events as parallel primitive arrays (struct of arrays): sources fill a block through {@link #event}, the simulator
 * runs a whole block in one tight loop, so no event becomes an object and the loop has no call per event. Each
 * access gets the number of its page when it is added ({@link PageIds}), so the simulator's mapped test is an array
 * index; the numbering outlives {@link #clear}, so a streamed trace keeps its numbers from block to block.
 */
public final class EventBlock implements EventSink {
    /** The block size the simulator streams with: bounded memory for traces of any length. */
    public static final int STREAM = 4096;
    /**
     * Distinct pages a numbering holds before {@link #clear} restarts it: bounds the memory of the numbering and of
     * the simulator's per-page tables (1 GiB of touched memory) on traces of any length.
     */
    static final int PAGE_LIMIT = 1 << 18;
    private static final int READ = EventKind.READ.ordinal();
    private static final int WRITE = EventKind.WRITE.ordinal();
    final long[] seq;
    final int[] cpu;
    final int[] context;
    final byte[] kind;
    final long[] arg;
    /** The page number of each access (other events: unused). */
    final int[] page;
    final PageIds pages = new PageIds();
    int size;

    /** An empty block of {@code capacity} events. */
    public EventBlock(int capacity) {
        seq = new long[capacity];
        cpu = new int[capacity];
        context = new int[capacity];
        kind = new byte[capacity];
        arg = new long[capacity];
        page = new int[capacity];
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
        int o = k.ordinal();
        kind[i] = (byte) o;
        arg[i] = a;
        if (o == READ || o == WRITE) {
            page[i] = pages.intern(a >>> 12);
        }
    }

    /** Number of events held. */
    public int size() {
        return size;
    }

    /** Number of distinct pages the accesses touch, counted since the page numbering last restarted. */
    public int pageCount() {
        return pages.count();
    }

    /** True when no more events fit. */
    public boolean full() {
        return size == seq.length;
    }

    /** Forgets the events, keeping the arrays and, below {@link #PAGE_LIMIT} pages, the page numbers. */
    public void clear() {
        size = 0;
        if (pages.count() > PAGE_LIMIT) {
            pages.restart();
        }
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
