// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A named synthetic workload, generated deterministically from a seed and streamed. Kernel accesses are drawn from
 * the kernel model itself: data symbols, per-cpu variables, slab caches, vmalloc areas and the layout regions (an
 * address in a region that no object holds, such as a page of the direct map), with a workload-specific share of
 * sensitive targets. Objects whose address the model does not know (slab caches and vmalloc areas read from
 * slabinfo and a hashed vmallocinfo) are accessed through a {@link #handle}, so exits still name them.
 */
public final class Workload implements EventSource {
    /** The workload names. */
    public static final List<String> NAMES = List.of("vmexit-storm", "io-heavy-vm", "syscall-heavy-process", "idle");
    /**
     * Handles of objects without a known address: non-canonical addresses (bits 63..48 = 0x8001, never a kernel or
     * user address under 4- or 5-level paging) carrying the object index and an offset.
     */
    public static final long HANDLES = 0x8001_0000_0000_0000L;
    private static final long HANDLE_MASK = 0xffff_0000_0000_0000L;
    private static final int TIMER_VECTOR = 236;

    private record Shape(double sensitiveShare, int accessesPerEntry, boolean vm) {
    }

    private final String name;
    private final KernelImage kernel;
    private final int[] common;
    private final int[] sensitive;
    private final int[][] contextsOfCpu;
    private final int cpus;
    private final long events;
    private final long seed;
    private final double sensitiveShare;
    private final int accessesPerEntry;

    /** The workload {@code name} (one of {@link #NAMES}) of {@code events} events, its contexts spread over the CPUs. */
    public Workload(String name, Classification classification, int cpus, long events, long seed) {
        this(name, classification, cpus, events, seed, null);
    }

    /**
     * The workload {@code name} with the contexts each CPU runs ({@code contextsOfCpu[cpu]}: kernel context indices,
     * switched between when several; empty or missing: the CPU idles and takes timer interrupts), as a scenario's
     * {@code run CONTEXT on cpu N} says; null spreads the workload's contexts round-robin over all CPUs.
     */
    public Workload(String name, Classification classification, int cpus, long events, long seed,
            int[][] contextsOfCpu) {
        this.name = name;
        this.kernel = classification.kernel();
        this.cpus = cpus;
        this.events = events;
        this.seed = seed;
        // shares of sensitive accesses and kernel work per entry: picks, tuned so faults happen but stay the minority
        Shape shape = switch (name) {
            case "vmexit-storm" -> new Shape(0.02, 4, true);
            case "io-heavy-vm" -> new Shape(0.08, 20, true);
            case "syscall-heavy-process" -> new Shape(0.05, 8, false);
            case "idle" -> new Shape(0.01, 6, false);
            default -> throw new IllegalArgumentException("unknown workload " + name + ", known: " + NAMES);
        };
        this.sensitiveShare = shape.sensitiveShare();
        this.accessesPerEntry = shape.accessesPerEntry();
        List<Integer> c = new ArrayList<>();
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < kernel.objectCount(); i++) {
            int w = weight(kernel.kind(i));
            if (w == 0 || kernel.ownerContext(i) >= 0) {
                continue;
            }
            List<Integer> pool = classification.classKey(i) == ClassKey.SENSITIVE ? s : c;
            for (int r = 0; r < w; r++) {
                pool.add(i);
            }
        }
        List<Region> regions = kernel.regions();
        for (int r = 0; r < regions.size(); r++) {
            if (accessible(regions.get(r).name())) {
                (classification.regionClassKey(r) == ClassKey.SENSITIVE ? s : c).add(-1 - r);
            }
        }
        this.common = c.stream().mapToInt(Integer::intValue).toArray();
        this.sensitive = s.stream().mapToInt(Integer::intValue).toArray();
        if (common.length == 0 && sensitive.length == 0) {
            throw new IllegalArgumentException("the kernel model has no data objects or regions to access");
        }
        this.contextsOfCpu = contextsOfCpu != null ? contextsOfCpu.clone() : spread(name, shape.vm(), cpus);
    }

    private int[][] spread(String name, boolean vm, int cpus) {
        ContextKind want = vm ? ContextKind.VM : ContextKind.PROCESS;
        List<Integer> ctx = new ArrayList<>();
        for (int i = 0; i < kernel.contexts().size(); i++) {
            if (kernel.context(i).kind() == want) {
                ctx.add(i);
            }
        }
        int[][] out = new int[cpus][];
        for (int cpu = 0; cpu < cpus; cpu++) {
            out[cpu] = name.equals("idle") || ctx.isEmpty() ? new int[0] : new int[] { ctx.get(cpu % ctx.size()) };
        }
        return out;
    }

    /** How often objects of a kind are picked: the entry and exit paths live on per-cpu data and slab objects. */
    private static int weight(ObjectKind k) {
        return switch (k) {
            case PERCPU, SLAB_CACHE -> 3;
            case STATIC_DATA, BSS -> 2;
            case RODATA, VMALLOC, PAGE_ALLOC, STACK -> 1;
            case TEXT, USER, GUEST, REGION_FILL -> 0;
        };
    }

    /** Regions kernel code reads data from (not the KASAN shadow or firmware areas). */
    private static boolean accessible(String region) {
        return !region.startsWith("kasan") && !region.startsWith("efi") && !region.equals("entry_text");
    }

    /** True if {@code va} is an object handle. */
    public static boolean isHandle(long va) {
        return (va & HANDLE_MASK) == HANDLES;
    }

    /** The object a handle names. */
    public static int handleObject(long va) {
        return (int) ((va & ~HANDLE_MASK) >>> 20);
    }

    /** The handle of byte {@code offset} (below 1 MiB) of object {@code object}. */
    public static long handle(int object, long offset) {
        return HANDLES | (long) object << 20 | offset & 0xfffff;
    }

    /** True if the kernel model knows where object {@code i} lives. */
    public static boolean placed(KernelImage kernel, int i) {
        return kernel.start(i) != 0 || kernel.kind(i) == ObjectKind.PERCPU;
    }

    /** An address of byte {@code offset} of object {@code i}: its own, or its handle when it has none. */
    public static long addressOf(KernelImage kernel, int i, long offset) {
        return placed(kernel, i) ? kernel.start(i) + offset : handle(i, offset);
    }

    /** The workload's name. */
    public String name() {
        return name;
    }

    @Override
    public void replay(EventSink sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ctx = new int[cpus];
        int[] next = new int[cpus];
        int[] left = new int[cpus];
        boolean[] idle = new boolean[cpus];
        for (int c = 0; c < cpus; c++) {
            int[] own = c < contextsOfCpu.length && contextsOfCpu[c] != null ? contextsOfCpu[c] : new int[0];
            idle[c] = own.length == 0;
            ctx[c] = idle[c] ? -1 : own[0];
            left[c] = -1; // -1: running untrusted code (or idle)
        }
        long seq = 0;
        while (seq < events) {
            int cpu = rnd.nextInt(cpus);
            if (idle[cpu]) {
                if (left[cpu] < 0) {
                    // an idle CPU wakes for a timer tick now and then, and its handler runs in the host kernel
                    if (rnd.nextInt(8) == 0) {
                        sink.event(seq++, cpu, -1, EventKind.IRQ, TIMER_VECTOR);
                        left[cpu] = accessesPerEntry;
                    }
                } else if (left[cpu] == 0) {
                    left[cpu] = -1;
                    sink.event(seq++, cpu, -1, EventKind.IDLE, 0);
                } else {
                    left[cpu]--;
                    sink.event(seq++, cpu, -1, EventKind.READ, access(rnd));
                }
                continue;
            }
            boolean vm = kernel.context(ctx[cpu]).kind() != ContextKind.PROCESS;
            if (left[cpu] < 0) {
                left[cpu] = 1 + rnd.nextInt(accessesPerEntry * 2);
                sink.event(seq++, cpu, ctx[cpu], vm ? EventKind.VMEXIT : EventKind.SYSCALL, 0);
            } else if (left[cpu] == 0) {
                int[] own = contextsOfCpu[cpu];
                if (own.length > 1 && rnd.nextInt(32) == 0) {
                    // the scheduler runs the CPU's next context: switch, then return into that one
                    next[cpu] = (next[cpu] + 1) % own.length;
                    sink.event(seq++, cpu, ctx[cpu], EventKind.CTXSWITCH, own[next[cpu]]);
                    ctx[cpu] = own[next[cpu]];
                    continue;
                }
                left[cpu] = -1;
                sink.event(seq++, cpu, ctx[cpu], vm ? EventKind.VMENTER : EventKind.SYSRET, 0);
            } else {
                left[cpu]--;
                sink.event(seq++, cpu, ctx[cpu], rnd.nextInt(4) == 0 ? EventKind.WRITE : EventKind.READ,
                        access(rnd));
            }
        }
    }

    private long access(SplittableRandom rnd) {
        boolean sens = sensitive.length > 0 && (common.length == 0 || rnd.nextDouble() < sensitiveShare);
        int[] pool = sens ? sensitive : common;
        int t = pool[rnd.nextInt(pool.length)];
        if (t < 0) {
            Region r = kernel.regions().get(-1 - t);
            return r.start() + (rnd.nextLong(Math.min(r.size(), 1L << 32)) & ~7L);
        }
        long size = kernel.size(t);
        long off = size > 1 ? rnd.nextLong(Math.min(size, 1 << 16)) : 0;
        return addressOf(kernel, t, placed(kernel, t) ? off : rnd.nextLong(256) * 8);
    }
}
