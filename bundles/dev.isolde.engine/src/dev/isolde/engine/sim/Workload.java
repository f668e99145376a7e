// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A named synthetic workload, generated deterministically from a seed and streamed: kernel accesses hit real objects
 * of the image, mostly per-cpu, slab and static data, with a workload-specific share of sensitive objects.
 */
public final class Workload implements EventSource {
    /** The workload names. */
    public static final List<String> NAMES = List.of("vmexit-storm", "io-heavy-vm", "syscall-heavy-process", "idle");

    private record Shape(double sensitiveShare, int accessesPerEntry, boolean vm) {
    }

    private final String name;
    private final KernelImage kernel;
    private final int[] common;
    private final int[] sensitive;
    private final int[] contexts;
    private final int cpus;
    private final long events;
    private final long seed;
    private final double sensitiveShare;
    private final int accessesPerEntry;
    private final boolean vm;

    /** The workload {@code name} (one of {@link #NAMES}) of {@code events} events on {@code cpus} CPUs. */
    public Workload(String name, Classification classification, int cpus, long events, long seed) {
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
            case "idle" -> new Shape(0, 2, false);
            default -> throw new IllegalArgumentException("unknown workload " + name + ", known: " + NAMES);
        };
        this.sensitiveShare = shape.sensitiveShare();
        this.accessesPerEntry = shape.accessesPerEntry();
        this.vm = shape.vm();
        List<Integer> c = new ArrayList<>();
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < kernel.objectCount(); i++) {
            ObjectKind k = kernel.kind(i);
            boolean data = k == ObjectKind.PERCPU || k == ObjectKind.SLAB_CACHE || k == ObjectKind.STATIC_DATA;
            if (classification.classKey(i) == ClassKey.SENSITIVE && kernel.ownerContext(i) < 0
                    && k != ObjectKind.TEXT) {
                s.add(i);
            } else if (data && kernel.ownerContext(i) < 0) {
                // per-cpu and slab twice as likely as static data: the entry paths live on them
                int w = k == ObjectKind.STATIC_DATA ? 1 : 2;
                for (int r = 0; r < w; r++) {
                    c.add(i);
                }
            }
        }
        this.common = c.stream().mapToInt(Integer::intValue).toArray();
        this.sensitive = s.stream().mapToInt(Integer::intValue).toArray();
        ContextKind want = vm ? ContextKind.VM : ContextKind.PROCESS;
        List<Integer> ctx = new ArrayList<>();
        for (int i = 0; i < kernel.contexts().size(); i++) {
            if (kernel.context(i).kind() == want) {
                ctx.add(i);
            }
        }
        this.contexts = ctx.stream().mapToInt(Integer::intValue).toArray();
        if (common.length == 0) {
            throw new IllegalArgumentException("no per-cpu, slab or static data objects to access");
        }
    }

    /** The workload's name. */
    public String name() {
        return name;
    }

    @Override
    public void replay(EventSink sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ctx = new int[cpus];
        int[] left = new int[cpus];
        for (int c = 0; c < cpus; c++) {
            ctx[c] = name.equals("idle") || contexts.length == 0 ? -1 : contexts[c % contexts.length];
            left[c] = -1; // -1: running untrusted code
        }
        EventKind entry = vm ? EventKind.VMEXIT : EventKind.SYSCALL;
        EventKind ret = vm ? EventKind.VMENTER : EventKind.SYSRET;
        for (long seq = 0; seq < events; seq++) {
            int cpu = rnd.nextInt(cpus);
            if (ctx[cpu] < 0) {
                // idle: timer ticks touching per-cpu and static data
                if (left[cpu] <= 0) {
                    sink.event(seq, cpu, -1, EventKind.IRQ, 236);
                    left[cpu] = accessesPerEntry;
                } else {
                    left[cpu]--;
                    sink.event(seq, cpu, -1, EventKind.READ, address(rnd, common));
                }
            } else if (left[cpu] < 0) {
                left[cpu] = 1 + rnd.nextInt(accessesPerEntry * 2);
                sink.event(seq, cpu, ctx[cpu], entry, 0);
            } else if (left[cpu] == 0) {
                left[cpu] = -1;
                sink.event(seq, cpu, ctx[cpu], ret, 0);
            } else {
                left[cpu]--;
                boolean sens = sensitive.length > 0 && rnd.nextDouble() < sensitiveShare;
                long va = address(rnd, sens ? sensitive : common);
                sink.event(seq, cpu, ctx[cpu], rnd.nextInt(4) == 0 ? EventKind.WRITE : EventKind.READ, va);
            }
        }
    }

    private long address(SplittableRandom rnd, int[] pool) {
        int o = pool[rnd.nextInt(pool.length)];
        long size = kernel.size(o);
        return kernel.start(o) + (size > 1 ? rnd.nextLong(Math.min(size, 1 << 16)) : 0);
    }
}
