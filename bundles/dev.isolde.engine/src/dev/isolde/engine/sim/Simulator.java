// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays events against the restricted spaces of a policy under each {@link Strategy}, tracking per CPU whether it
 * runs untrusted code, restricted kernel or unrestricted kernel, and per SMT core the leak windows between siblings.
 */
public final class Simulator {
    private final KernelImage kernel;
    private final Classification classification;
    private final AsiInstance[] byContext;
    private final CostModel costs;
    private final int cpus;

    /** A simulator of {@code cpus} logical CPUs (two SMT siblings per core: cpu and cpu^1). */
    public Simulator(Classification classification, RestrictedSpaces spaces, CostModel costs, int cpus) {
        this.kernel = classification.kernel();
        this.classification = classification;
        this.costs = costs;
        this.cpus = cpus;
        this.byContext = new AsiInstance[kernel.contexts().size()];
        for (int c = 0; c < byContext.length; c++) {
            List<AsiInstance> inst = spaces.instancesOf(kernel.context(c).name());
            byContext[c] = inst.isEmpty() ? null : inst.get(0);
        }
    }

    /** Runs every strategy on {@code source}. */
    public SimulationResult runAll(String workload, EventSource source) {
        List<StrategyResult> results = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            results.add(run(s, source));
        }
        return new SimulationResult(workload, results);
    }

    /** Runs {@code strategy} on {@code source}. */
    public StrategyResult run(Strategy strategy, EventSource source) {
        Run run = new Run(strategy);
        source.replay(run);
        return run.finish();
    }

    /** The kernel this simulator runs on. */
    public KernelImage kernel() {
        return kernel;
    }

    static final int IDLE = 0;
    static final int UNTRUSTED = 1;
    static final int RESTRICTED = 2;
    static final int UNRESTRICTED = 3;
    private static final int EXPOSED_CAP = 8;
    private static final int WINDOW_CAP = 256;
    private static final int TOP = 20;

    /** One strategy's pass; all per-event state is in primitive arrays. */
    private final class Run implements EventSink {
        private final Strategy strategy;
        private final boolean restricts;
        private final boolean taints;
        private final int[] state = new int[cpus];
        private final int[] ctx = new int[cpus];
        private final boolean[] stunned = new boolean[cpus];
        private final int[] taint = new int[cpus];
        private final long[] windowStart = new long[cpus];
        private final int[][] exposed = new int[cpus][EXPOSED_CAP];
        private final int[] exposedCount = new int[cpus];
        private final long[] objectExits = new long[kernel.objectCount()];
        private final List<LeakWindow> windows = new ArrayList<>();
        private long events;
        private long faultExits;
        private long explicitExits;
        private long switchExits;
        private long cycles;
        private long windowCount;
        private long windowTotal;
        private LeakWindow worst;
        private long lastSeq;

        Run(Strategy strategy) {
            this.strategy = strategy;
            this.restricts = strategy == Strategy.ASI || strategy == Strategy.KERNEL_CORE_SCHEDULING;
            this.taints = strategy == Strategy.ASI && classification.policy().model() == AsiModel.ASI2025;
            Arrays.fill(ctx, -1);
            Arrays.fill(windowStart, -1);
        }

        @Override
        public void event(long seq, int cpu, int context, EventKind kind, long arg) {
            events++;
            lastSeq = seq;
            switch (kind) {
                case VMEXIT, SYSCALL -> enterKernel(cpu, context, kind);
                case READ, WRITE -> access(seq, cpu, arg);
                case VMENTER, SYSRET -> returnToUntrusted(cpu, context);
                case CTXSWITCH -> {
                    if (state[cpu] == RESTRICTED) {
                        exit(cpu);
                        switchExits++;
                    }
                    if (taints) {
                        taint[cpu] = otherMm(taint[cpu]);
                    }
                    ctx[cpu] = (int) arg;
                    state[cpu] = UNRESTRICTED;
                }
                case ASI_EXIT -> {
                    if (state[cpu] == RESTRICTED) {
                        exit(cpu);
                        explicitExits++;
                    }
                }
                case IRQ, NMI -> {
                    // An interrupt runs on the restricted space; only a fault in its handler exits (RFC patch 04:
                    // "asi_exit is not needed on interrupt entry")
                    if (state[cpu] == IDLE) {
                        state[cpu] = UNRESTRICTED;
                    }
                }
            }
            if (strategy != Strategy.ALWAYS_FLUSH && cpus > 1) {
                trackWindow(seq, cpu, cpu ^ 1);
                trackWindow(seq, cpu ^ 1, cpu);
            }
        }

        private void enterKernel(int cpu, int context, EventKind kind) {
            if (taints && ctx[cpu] != context) {
                taint[cpu] = otherMm(taint[cpu]);
            }
            ctx[cpu] = context;
            AsiInstance inst = context >= 0 ? byContext[context] : null;
            state[cpu] = restricts && inst != null ? RESTRICTED : UNRESTRICTED;
            if (strategy == Strategy.CORE_SCHEDULING) {
                stun(cpu);
            }
            if (taints) {
                taint[cpu] |= kind == EventKind.VMEXIT ? Taint.GUEST_DATA.bit() | Taint.GUEST_CONTROL.bit()
                        : Taint.USER_DATA.bit() | Taint.USER_CONTROL.bit();
            }
        }

        private void access(long seq, int cpu, long va) {
            if (state[cpu] == IDLE) {
                state[cpu] = UNRESTRICTED;
            }
            int c = ctx[cpu];
            AsiInstance inst = c >= 0 ? byContext[c] : null;
            if (state[cpu] == RESTRICTED && inst.space().attrAt(va) < 0) {
                int obj = kernel.objectAt(va);
                if (obj >= 0) {
                    objectExits[obj]++;
                }
                faultExits++;
                // kernel core scheduling untags before the access instead of taking a fault on it
                if (strategy != Strategy.KERNEL_CORE_SCHEDULING) {
                    cycles += costs.pageFault();
                }
                exit(cpu);
            }
            if (taints && inst != null && inst.space().attrAt(va) < 0) {
                taint[cpu] |= Taint.KERNEL_DATA.bit();
            }
            int sib = cpu ^ 1;
            if (sib < cpus && windowStart[sib] >= 0 && exposedCount[sib] < EXPOSED_CAP) {
                int obj = kernel.objectAt(va);
                if (obj >= 0 && !contains(exposed[sib], exposedCount[sib], obj)) {
                    exposed[sib][exposedCount[sib]++] = obj;
                }
            }
        }

        /** Leaves the restricted space: under kernel core scheduling that is an untag, which stuns the sibling. */
        private void exit(int cpu) {
            if (strategy == Strategy.KERNEL_CORE_SCHEDULING) {
                stun(cpu);
                state[cpu] = UNRESTRICTED;
                return;
            }
            AsiClassSpec cls = byContext[ctx[cpu]].cls();
            cycles += costs.switchCost();
            for (Hook h : cls.onExit()) {
                cycles += costs.hook(h, cls);
                int sib = cpu ^ 1;
                if (h == Hook.SIBLING_STUN && sib < cpus && state[sib] == UNTRUSTED) {
                    stunned[sib] = true;
                }
            }
            state[cpu] = UNRESTRICTED;
        }

        private void stun(int cpu) {
            int sib = cpu ^ 1;
            if (sib < cpus && state[sib] == UNTRUSTED && !stunned[sib]) {
                cycles += costs.ipi();
                stunned[sib] = true;
            }
        }

        private void returnToUntrusted(int cpu, int context) {
            ctx[cpu] = context;
            AsiInstance inst = context >= 0 ? byContext[context] : null;
            AsiClassSpec cls = inst == null ? null : inst.cls();
            switch (strategy) {
                case ASI -> {
                    if (state[cpu] == UNRESTRICTED && inst != null) {
                        cycles += costs.switchCost();
                        for (Hook h : cls.onEnter()) {
                            cycles += costs.hook(h, cls);
                        }
                    }
                    if (taints && cls != null) {
                        TaintPolicy p = cls.per() == ContextKind.VM ? TaintPolicy.VM : TaintPolicy.PROCESS;
                        if (p.needsControlFlush(taint[cpu])) {
                            cycles += costs.ibpb() + costs.rsbFill();
                            taint[cpu] &= ~Taint.CONTROL;
                        }
                        if (p.needsDataFlush(taint[cpu])) {
                            cycles += costs.l1dFlush();
                            taint[cpu] &= ~Taint.DATA;
                        }
                    }
                }
                case ALWAYS_FLUSH -> cycles += costs.l1dFlush() + costs.verw();
                case KERNEL_CORE_SCHEDULING, CORE_SCHEDULING -> {
                    // the stunned sibling resumes; a CPU that touched sensitive data flushes before the guest runs
                    if (state[cpu] == UNRESTRICTED && strategy == Strategy.KERNEL_CORE_SCHEDULING) {
                        cycles += costs.l1dFlush();
                    }
                }
                case NONE -> {
                }
            }
            int sib = cpu ^ 1;
            if (sib < cpus && stunned[sib]) {
                stunned[sib] = false;
                cycles += costs.unstun();
            }
            state[cpu] = UNTRUSTED;
            // a stunning strategy does not let untrusted code start beside an unrestricted sibling: the entry waits
            // at the rendezvous until the sibling is back (RFC patch "asi: sibling stun"; Chartre's reply)
            boolean stuns = strategy == Strategy.CORE_SCHEDULING || strategy == Strategy.KERNEL_CORE_SCHEDULING
                    || strategy == Strategy.ASI && cls != null && cls.onExit().contains(Hook.SIBLING_STUN);
            if (stuns && sib < cpus && state[sib] == UNRESTRICTED) {
                stunned[cpu] = true;
            }
        }

        /** Opens or closes the window in which {@code u} runs untrusted code beside {@code o}. */
        private void trackWindow(long seq, int u, int o) {
            if (o >= cpus || u >= cpus) {
                return;
            }
            boolean open = state[u] == UNTRUSTED && !stunned[u] && outside(o, ctx[u]);
            if (open && windowStart[u] < 0) {
                windowStart[u] = seq;
                exposedCount[u] = 0;
            } else if (!open && windowStart[u] >= 0) {
                close(u, o, seq);
            }
        }

        private boolean outside(int o, int a) {
            return switch (state[o]) {
                case IDLE -> false;
                case UNRESTRICTED -> true;
                // core scheduling (kernel or not) never co-runs another cookie's task: the sibling idles instead
                default -> ctx[o] != a && strategy != Strategy.CORE_SCHEDULING
                        && strategy != Strategy.KERNEL_CORE_SCHEDULING;
            };
        }

        private void close(int u, int o, long seq) {
            long start = windowStart[u];
            windowStart[u] = -1;
            windowCount++;
            windowTotal += seq - start;
            if (worst != null && seq - start <= worst.length() && windows.size() >= WINDOW_CAP) {
                return;
            }
            List<String> names = new ArrayList<>(exposedCount[u]);
            for (int k = 0; k < exposedCount[u]; k++) {
                names.add(kernel.name(exposed[u][k]));
            }
            String cname = ctx[u] >= 0 ? kernel.context(ctx[u]).name() : "host";
            LeakWindow w = new LeakWindow(u, o, cname, start, seq, names);
            if (windows.size() < WINDOW_CAP) {
                windows.add(w);
            }
            if (worst == null || w.length() > worst.length()) {
                worst = w;
            }
        }

        StrategyResult finish() {
            for (int u = 0; u < cpus; u++) {
                if (windowStart[u] >= 0) {
                    close(u, u ^ 1, lastSeq + 1);
                }
            }
            return new StrategyResult(strategy, events, faultExits, explicitExits, switchExits, cycles, windowCount,
                    windowTotal, worst, windows, top(objectExits));
        }
    }

    /** After a switch, what the previous guest or process left behind belongs to "another mm" (DESIGN §2b). */
    static int otherMm(int taints) {
        int data = Taint.GUEST_DATA.bit() | Taint.USER_DATA.bit();
        int control = Taint.GUEST_CONTROL.bit() | Taint.USER_CONTROL.bit();
        int out = taints & ~(data | control);
        if ((taints & data) != 0) {
            out |= Taint.OTHER_MM_DATA.bit();
        }
        if ((taints & control) != 0) {
            out |= Taint.OTHER_MM_CONTROL.bit();
        }
        return out;
    }

    private List<ObjectExits> top(long[] counts) {
        List<ObjectExits> all = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                all.add(new ObjectExits(i, kernel.name(i), counts[i], classification.provenance(i).describe(),
                        kernel.size(i)));
            }
        }
        all.sort((a, b) -> Long.compare(b.count(), a.count()));
        return all.size() > TOP ? all.subList(0, TOP) : all;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int k = 0; k < n; k++) {
            if (a[k] == v) {
                return true;
            }
        }
        return false;
    }
}
