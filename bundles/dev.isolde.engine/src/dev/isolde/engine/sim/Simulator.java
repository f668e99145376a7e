// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiClassSpec.MapItem.Target;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays events against the restricted spaces of a policy under each {@link Strategy}, tracking per CPU whether it
 * runs untrusted code, restricted kernel or unrestricted kernel, its taints (DESIGN §2b) and its cycle clock, and
 * per SMT core the leak windows between siblings. Events run in blocks of primitive arrays ({@link EventBlock});
 * the mapped test of an access indexes one table by the access's page number and space ({@link MappedPages}),
 * filled from a binary search of the flattened space on the first access to each page. Mitigation hooks are folded
 * per class into {@link HookSequence}s once per run, so no event walks a hook list.
 */
public final class Simulator {
    private final KernelImage kernel;
    private final Classification classification;
    private final AsiInstance[] byContext;
    /** Per context + 1 (slot 0: the host, which maps nothing restricted). */
    private final SpaceIndex[] index;
    private final TaintPolicy[] taintPolicy;
    private final CostModel costs;
    private final int cpus;
    private final boolean asi2025;

    /** A simulator of {@code cpus} logical CPUs (two SMT siblings per core: cpu and cpu^1). */
    public Simulator(Classification classification, RestrictedSpaces spaces, CostModel costs, int cpus) {
        this(classification, spaces, costs, cpus, Map.of());
    }

    /**
     * A simulator whose ASI classes have the given taint policies (by class name); classes not listed get the
     * 2025 series' policy for their context kind ({@link TaintPolicy#of}).
     */
    public Simulator(Classification classification, RestrictedSpaces spaces, CostModel costs, int cpus,
            Map<String, TaintPolicy> taintPolicies) {
        if (cpus < 1) {
            throw new IllegalArgumentException("need at least one CPU");
        }
        this.kernel = classification.kernel();
        this.classification = classification;
        this.costs = costs;
        this.cpus = cpus;
        this.asi2025 = classification.policy().model() == AsiModel.ASI2025;
        int contexts = kernel.contexts().size();
        this.byContext = new AsiInstance[contexts];
        this.index = new SpaceIndex[contexts + 1];
        this.taintPolicy = new TaintPolicy[contexts + 1];
        index[0] = new SpaceIndex(AddressSpace.empty(), new boolean[kernel.objectCount()]);
        taintPolicy[0] = TaintPolicy.USERSPACE;
        for (int c = 0; c < contexts; c++) {
            List<AsiInstance> inst = spaces.instancesOf(kernel.context(c).name());
            byContext[c] = inst.isEmpty() ? null : inst.get(0);
            AsiInstance i = byContext[c];
            index[c + 1] = i == null ? index[0] : new SpaceIndex(i.reach(), unplacedMapped(i.cls(), c));
            TaintPolicy p = i == null ? null : taintPolicies.get(i.cls().name());
            taintPolicy[c + 1] = p != null ? p : TaintPolicy.of(i != null ? i.cls().per() : kernel.context(c).kind());
        }
    }

    private Simulator(Simulator base, SpaceIndex[] index) {
        this.kernel = base.kernel;
        this.classification = base.classification;
        this.byContext = base.byContext;
        this.index = index;
        this.taintPolicy = base.taintPolicy;
        this.costs = base.costs;
        this.cpus = base.cpus;
        this.asi2025 = base.asi2025;
    }

    /**
     * Which objects without a known address context {@code c}'s space maps, from their class: global ones when the
     * class maps global memory, local ones of the class's context kind when it maps local memory (the running
     * context's own, since a slab cache holds every context's objects).
     */
    private boolean[] unplacedMapped(AsiClassSpec cls, int c) {
        boolean[] m = new boolean[kernel.objectCount()];
        boolean global = cls.maps(Target.GLOBAL);
        boolean local = cls.maps(Target.LOCAL);
        for (int o = 0; o < m.length; o++) {
            if (Workload.placed(kernel, o)) {
                continue;
            }
            int key = classification.classKey(o);
            int owner = kernel.ownerContext(o);
            m[o] = key == ClassKey.GLOBAL ? global
                    : ClassKey.isLocal(key) && local && ClassKey.localKind(key) == cls.per() && (owner < 0 || owner == c);
        }
        return m;
    }

    /**
     * This simulator with {@code objects} (objects or regions, as results list them) made non-sensitive in every
     * restricted space: what a reclassification would save, measured instead of estimated.
     */
    public Simulator reclassified(List<ObjectExits> objects) {
        List<long[]> ranges = new ArrayList<>();
        List<Integer> handles = new ArrayList<>();
        for (ObjectExits o : objects) {
            if (o.object() >= 0) {
                // results merge the objects of one name, so the reclassification takes all of them
                for (int i : kernel.objectsNamed(kernel.name(o.object()))) {
                    if (Workload.placed(kernel, i)) {
                        ranges.add(new long[] { kernel.start(i), kernel.start(i) + Math.max(1, kernel.size(i)) });
                    } else {
                        handles.add(i);
                    }
                }
            } else if ("region".equals(o.kind()) && kernel.region(o.name()) != null) {
                Region r = kernel.region(o.name());
                ranges.add(new long[] { r.start(), r.end() });
            }
        }
        long[] from = ranges.stream().mapToLong(r -> r[0]).toArray();
        long[] to = ranges.stream().mapToLong(r -> r[1]).toArray();
        int[] objs = handles.stream().mapToInt(Integer::intValue).toArray();
        SpaceIndex[] idx = index.clone();
        for (int c = 1; c < idx.length; c++) {
            if (byContext[c - 1] != null) {
                idx[c] = index[c].with(from, to, objs);
            }
        }
        return new Simulator(this, idx);
    }

    /** Runs every strategy on {@code source}. */
    public SimulationResult runAll(String workload, EventSource source) {
        List<StrategyResult> results = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            results.add(run(s, source));
        }
        return new SimulationResult(workload, results);
    }

    /** Runs {@code strategy} on {@code source}, streaming it through one block of {@link EventBlock#STREAM} events. */
    public StrategyResult run(Strategy strategy, EventSource source) {
        Run run = new Run(strategy);
        EventBlock block = new EventBlock(EventBlock.STREAM);
        source.replay((s, c, x, k, a) -> {
            block.event(s, c, x, k, a);
            if (block.full()) {
                run.process(block);
                block.clear();
            }
        });
        run.process(block);
        return run.finish();
    }

    /** Runs {@code strategy} on recorded events. */
    public StrategyResult run(Strategy strategy, EventBlock events) {
        Run run = new Run(strategy);
        run.process(events);
        return run.finish();
    }

    /** The kernel this simulator runs on. */
    public KernelImage kernel() {
        return kernel;
    }

    /** The number of logical CPUs. */
    public int cpus() {
        return cpus;
    }

    /** The taint policy the simulator applies to context {@code context} (kernel context index). */
    public TaintPolicy taintPolicy(int context) {
        return taintPolicy[context + 1];
    }

    static final int IDLE = 0;
    static final int UNTRUSTED = 1;
    static final int RESTRICTED = 2;
    static final int UNRESTRICTED = 3;

    /** The event kinds' ordinals as constants a switch takes, checked against {@link EventKind} when loaded. */
    private static final class Kind {
        static final int VMENTER = 0;
        static final int VMEXIT = 1;
        static final int SYSCALL = 2;
        static final int SYSRET = 3;
        static final int READ = 4;
        static final int WRITE = 5;
        static final int IRQ = 6;
        static final int NMI = 7;
        static final int CTXSWITCH = 8;
        static final int ASI_EXIT = 9;
        static final int IDLE = 10;

        static {
            Map<EventKind, Integer> m = Map.ofEntries(Map.entry(EventKind.VMENTER, VMENTER),
                    Map.entry(EventKind.VMEXIT, VMEXIT), Map.entry(EventKind.SYSCALL, SYSCALL),
                    Map.entry(EventKind.SYSRET, SYSRET), Map.entry(EventKind.READ, READ),
                    Map.entry(EventKind.WRITE, WRITE), Map.entry(EventKind.IRQ, IRQ), Map.entry(EventKind.NMI, NMI),
                    Map.entry(EventKind.CTXSWITCH, CTXSWITCH), Map.entry(EventKind.ASI_EXIT, ASI_EXIT),
                    Map.entry(EventKind.IDLE, IDLE));
            for (EventKind k : EventKind.values()) {
                if (m.get(k) != k.ordinal()) {
                    throw new IllegalStateException("EventKind " + k + " moved: update Simulator.Kind");
                }
            }
        }
    }
    private static final int EXPOSED_CAP = 8;
    private static final int WINDOW_CAP = 256;
    private static final int TOP = 20;

    /** One strategy's pass; all per-event state is in primitive arrays. */
    private final class Run {
        private final Strategy strategy;
        private final boolean restricts;
        private final boolean smt;
        private final boolean stunsOnKernelEntry;
        private final int slots;
        private final int[] state;
        private final int[] ctx;
        private final boolean[] stunned;
        private final int[] taint;
        private final long[] clock;
        private final long[] windowStart;
        private final long[] openClockU;
        private final long[] openClockO;
        private final int[][] exposed;
        private final int[] exposedCount;
        /** The mapped test by space slot (as {@link #index}) and page number. */
        private final MappedPages mappedPages;
        /** Per space slot: the class's exit and enter hooks, its control and data flushes ({@link HookSequence}). */
        private final HookSequence[] exitHooks;
        private final HookSequence[] enterHooks;
        private final HookSequence[] controlFlush;
        private final HookSequence[] dataFlush;
        /** Per space slot: the class stuns the sibling on exit, so a return waits for an unrestricted sibling. */
        private final boolean[] stunsOnExit;
        private final HookSequence alwaysFlush;
        private final HookSequence untagFlush;
        private final long vmexitCost = costs.vmexit();
        private final long syscallCost = costs.syscall();
        private final long irqCost = costs.irq();
        private PageIds numbering;
        private int generation;
        private final int objects = kernel.objectCount();
        private final int regions = kernel.regions().size();
        private final long[] exitsByKey;
        private final long[] exposedByKey;
        private final List<LeakWindow> windows = new ArrayList<>();
        private long events;
        private long accesses;
        private long faultExits;
        private long explicitExits;
        private long switchExits;
        private long cycles;
        private long windowCount;
        private long windowTotal;
        private long windowCycles;
        private LeakWindow worst;
        /** The worst window's cycles, -1 before the first window. */
        private long worstCycles = -1;
        private long lastSeq;
        private long ibpb;
        private long rsbFill;
        private long l1dFlush;
        private long verw;
        private long ptSwitches;
        private long stuns;
        private long unstuns;
        private long returns;
        private long unflushedData;
        private long unflushedControl;

        Run(Strategy strategy) {
            this.strategy = strategy;
            this.restricts = strategy == Strategy.ASI || strategy == Strategy.KERNEL_CORE_SCHEDULING;
            // always_flush runs with SMT off: no sibling, no window
            this.smt = strategy != Strategy.ALWAYS_FLUSH && cpus > 1;
            this.stunsOnKernelEntry = strategy == Strategy.CORE_SCHEDULING
                    || strategy == Strategy.KERNEL_CORE_SCHEDULING;
            // an odd last CPU gets an idle sibling slot, so cpu ^ 1 is always a valid index
            this.slots = (cpus + 1) & ~1;
            state = new int[slots];
            ctx = new int[slots];
            stunned = new boolean[slots];
            taint = new int[slots];
            clock = new long[slots];
            windowStart = new long[slots];
            openClockU = new long[slots];
            openClockO = new long[slots];
            exposed = new int[slots][EXPOSED_CAP];
            exposedCount = new int[slots];
            mappedPages = new MappedPages(index);
            exitHooks = new HookSequence[index.length];
            enterHooks = new HookSequence[index.length];
            controlFlush = new HookSequence[index.length];
            dataFlush = new HookSequence[index.length];
            stunsOnExit = new boolean[index.length];
            for (int c = 0; c < index.length; c++) {
                AsiClassSpec cls = c > 0 && byContext[c - 1] != null ? byContext[c - 1].cls() : null;
                // under asi2025 the taint policy decides the flushes: the class's flush hooks do not run
                exitHooks[c] = cls == null ? HookSequence.NONE : hooks(cls.onExit(), cls);
                enterHooks[c] = cls == null ? HookSequence.NONE : hooks(cls.onEnter(), cls);
                controlFlush[c] = new HookSequence(taintPolicy[c].controlFlush(), cls, costs);
                dataFlush[c] = new HookSequence(taintPolicy[c].dataFlush(), cls, costs);
                stunsOnExit[c] = cls != null && cls.onExit().contains(Hook.SIBLING_STUN);
            }
            alwaysFlush = new HookSequence(TaintPolicy.DATA_FLUSH, null, costs);
            untagFlush = new HookSequence(List.of(Hook.L1D_FLUSH), null, costs);
            exitsByKey = new long[objects + regions + 1];
            exposedByKey = new long[objects + regions + 1];
            Arrays.fill(ctx, -1);
            Arrays.fill(windowStart, -1);
        }

        private HookSequence hooks(List<Hook> hooks, AsiClassSpec cls) {
            return new HookSequence(hooks.stream().filter(h -> !(asi2025 && isFlush(h))).toList(), cls, costs);
        }

        void process(EventBlock b) {
            final long[] seqs = b.seq;
            final int[] cpuOf = b.cpu;
            final byte[] kinds = b.kind;
            final long[] args = b.arg;
            final int[] pageOf = b.page;
            final PageIds pages = number(b);
            final MappedPages mapped = mappedPages;
            final int n = b.size;
            final long accessCost = costs.access();
            long acc = 0;
            for (int i = 0; i < n; i++) {
                int k = kinds[i];
                int cpu = cpuOf[i];
                if (cpu < 0 || cpu >= cpus) {
                    throw new IllegalArgumentException("event " + seqs[i] + ": cpu " + cpu + " is not one of the "
                            + cpus + " simulated CPUs");
                }
                if (k == Kind.READ || k == Kind.WRITE) {
                    acc++;
                    clock[cpu] += accessCost;
                    long va = args[i];
                    int page = pageOf[i];
                    int st = state[cpu];
                    if (st == RESTRICTED) {
                        if (!mapped.mapped(ctx[cpu] + 1, page, va, pages)) {
                            fault(seqs[i], cpu, va);
                        }
                    } else if (st == IDLE) {
                        state[cpu] = UNRESTRICTED;
                        taint[cpu] |= Taint.KERNEL_DATA.bit();
                        track(seqs[i], cpu);
                    }
                    int sib = cpu ^ 1;
                    if (windowStart[sib] >= 0 && !mapped.mapped(ctx[sib] + 1, page, va, pages)) {
                        expose(sib, va);
                    }
                } else {
                    event(seqs[i], cpu, b.context[i], k, args[i]);
                }
            }
            accesses += acc;
            events += n;
            if (n > 0) {
                lastSeq = seqs[n - 1];
            }
        }

        /** The block's page numbering; the spaces' table forgets its pages when the numbering restarted. */
        private PageIds number(EventBlock b) {
            PageIds pages = b.pages;
            if (pages != numbering || pages.generation() != generation) {
                mappedPages.forget();
            }
            numbering = pages;
            generation = pages.generation();
            return pages;
        }

        private void event(long seq, int cpu, int context, int kind, long arg) {
            // an entry's own time is spent after the state change, inside any window it opens
            long base = 0;
            switch (kind) {
                case Kind.VMEXIT -> {
                    base = vmexitCost;
                    enterKernel(cpu, context);
                }
                case Kind.SYSCALL -> {
                    base = syscallCost;
                    enterKernel(cpu, context);
                }
                case Kind.VMENTER, Kind.SYSRET -> returnToUntrusted(cpu, context);
                case Kind.CTXSWITCH -> {
                    if (state[cpu] == RESTRICTED) {
                        exit(cpu);
                        switchExits++;
                    }
                    taint[cpu] = otherMm(taint[cpu]) | Taint.KERNEL_DATA.bit();
                    ctx[cpu] = (int) arg;
                    state[cpu] = UNRESTRICTED;
                }
                case Kind.ASI_EXIT -> {
                    if (state[cpu] == RESTRICTED) {
                        exit(cpu);
                        explicitExits++;
                    }
                }
                case Kind.IRQ, Kind.NMI -> {
                    base = irqCost;
                    // An interrupt runs on the restricted space; only a fault in its handler exits (RFC patch 04:
                    // "asi_exit is not needed on interrupt entry"). One that wakes an idle CPU runs in the host kernel.
                    if (state[cpu] == IDLE) {
                        ctx[cpu] = -1;
                        state[cpu] = UNRESTRICTED;
                        taint[cpu] |= Taint.KERNEL_DATA.bit();
                        if (stunsOnKernelEntry) {
                            stun(cpu);
                        }
                    } else if (state[cpu] == UNTRUSTED) {
                        enterKernel(cpu, ctx[cpu]);
                    }
                }
                case Kind.IDLE -> {
                    if (state[cpu] == RESTRICTED) {
                        exit(cpu);
                        switchExits++;
                    }
                    state[cpu] = IDLE;
                    ctx[cpu] = -1;
                    resumeSibling(cpu);
                }
                default -> throw new IllegalStateException("event kind " + kind + " does not change state");
            }
            if (smt) {
                track(seq, cpu);
            }
            clock[cpu] += base;
        }

        private void enterKernel(int cpu, int context) {
            if (ctx[cpu] >= 0 && ctx[cpu] != context) {
                taint[cpu] = otherMm(taint[cpu]);
            }
            ctx[cpu] = context;
            AsiInstance inst = context >= 0 ? byContext[context] : null;
            if (restricts && inst != null) {
                state[cpu] = RESTRICTED;
            } else {
                state[cpu] = UNRESTRICTED;
                taint[cpu] |= Taint.KERNEL_DATA.bit();
            }
            if (strategy == Strategy.CORE_SCHEDULING) {
                stun(cpu);
            }
        }

        private void fault(long seq, int cpu, long va) {
            exitsByKey[key(va)]++;
            faultExits++;
            // kernel core scheduling untags before the access instead of taking a fault on it
            if (strategy != Strategy.KERNEL_CORE_SCHEDULING) {
                charge(cpu, costs.pageFault());
            }
            exit(cpu);
            if (smt) {
                track(seq, cpu);
            }
        }

        /** Leaves the restricted space: under kernel core scheduling that is an untag, which stuns the sibling. */
        private void exit(int cpu) {
            state[cpu] = UNRESTRICTED;
            if (strategy == Strategy.KERNEL_CORE_SCHEDULING) {
                stun(cpu);
                taint[cpu] |= Taint.KERNEL_DATA.bit();
                return;
            }
            int slot = ctx[cpu] + 1;
            if (asi2025 && (taint[cpu] & Taint.CONTROL) != 0) {
                // asi_exit: maybe_flush_control(NULL), the unrestricted space trusts no control taint
                runHooks(cpu, controlFlush[slot]);
            }
            charge(cpu, costs.switchCost());
            ptSwitches++;
            runHooks(cpu, exitHooks[slot]);
            taint[cpu] |= Taint.KERNEL_DATA.bit();
        }

        private void runHooks(int cpu, HookSequence h) {
            charge(cpu, h.cycles);
            l1dFlush += h.l1dFlush;
            verw += h.verw;
            ibpb += h.ibpb;
            rsbFill += h.rsbFill;
            taint[cpu] &= ~h.clears;
            if (h.stuns > 0) {
                stuns += h.stuns;
                if (state[cpu ^ 1] == UNTRUSTED) {
                    stunned[cpu ^ 1] = true;
                }
            }
        }

        private void stun(int cpu) {
            int sib = cpu ^ 1;
            if (state[sib] == UNTRUSTED && !stunned[sib]) {
                charge(cpu, costs.ipi());
                stuns++;
                stunned[sib] = true;
            }
        }

        private void resumeSibling(int cpu) {
            int sib = cpu ^ 1;
            if (stunned[sib]) {
                stunned[sib] = false;
                unstuns++;
                charge(cpu, costs.unstun());
            }
        }

        private void returnToUntrusted(int cpu, int context) {
            if (ctx[cpu] >= 0 && ctx[cpu] != context) {
                taint[cpu] = otherMm(taint[cpu]);
            }
            ctx[cpu] = context;
            int slot = context + 1;
            boolean asi = context >= 0 && byContext[context] != null;
            TaintPolicy p = taintPolicy[slot];
            switch (strategy) {
                case ASI -> {
                    // asi_enter: only when the CPU left the restricted space (__asi_enter returns early otherwise)
                    if (state[cpu] != RESTRICTED && asi) {
                        if (asi2025 && p.needsControlFlush(taint[cpu])) {
                            runHooks(cpu, controlFlush[slot]);
                        }
                        charge(cpu, costs.switchCost());
                        ptSwitches++;
                        if (asi2025 && p.needsDataFlush(taint[cpu])) {
                            runHooks(cpu, dataFlush[slot]);
                        }
                        runHooks(cpu, enterHooks[slot]);
                    }
                }
                case ALWAYS_FLUSH -> runHooks(cpu, alwaysFlush);
                case KERNEL_CORE_SCHEDULING -> {
                    // a CPU that touched sensitive data flushes before the guest runs
                    if (state[cpu] == UNRESTRICTED) {
                        runHooks(cpu, untagFlush);
                    }
                }
                case CORE_SCHEDULING, NONE -> {
                }
            }
            returns++;
            if (p.needsDataFlush(taint[cpu])) {
                unflushedData++;
            }
            if (p.needsControlFlush(taint[cpu])) {
                unflushedControl++;
            }
            taint[cpu] |= p.set();
            resumeSibling(cpu);
            state[cpu] = UNTRUSTED;
            // a stunning strategy does not let untrusted code start beside an unrestricted sibling: the entry waits
            // at the rendezvous until the sibling is back (RFC patch "asi: sibling stun"; Chartre's reply)
            boolean stuns = stunsOnKernelEntry || strategy == Strategy.ASI && stunsOnExit[slot];
            if (stuns && state[cpu ^ 1] == UNRESTRICTED) {
                stunned[cpu] = true;
            }
        }

        private void charge(int cpu, long c) {
            cycles += c;
            clock[cpu] += c;
        }

        private void track(long seq, int cpu) {
            trackWindow(seq, cpu, cpu ^ 1);
            trackWindow(seq, cpu ^ 1, cpu);
        }

        /** Opens or closes the window in which {@code u} runs untrusted code beside {@code o}. */
        private void trackWindow(long seq, int u, int o) {
            boolean open = state[u] == UNTRUSTED && !stunned[u] && outside(o, ctx[u]);
            if (open && windowStart[u] < 0) {
                windowStart[u] = seq;
                openClockU[u] = clock[u];
                openClockO[u] = clock[o];
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
                default -> ctx[o] != a && !stunsOnKernelEntry;
            };
        }

        private void expose(int u, long va) {
            int key = key(va);
            exposedByKey[key]++;
            int n = exposedCount[u];
            if (n < EXPOSED_CAP) {
                int[] list = exposed[u];
                for (int k = 0; k < n; k++) {
                    if (list[k] == key) {
                        return;
                    }
                }
                list[n] = key;
                exposedCount[u] = n + 1;
            }
        }

        private void close(int u, int o, long seq) {
            long start = windowStart[u];
            windowStart[u] = -1;
            long cyc = Math.max(clock[u] - openClockU[u], clock[o] - openClockO[u]);
            windowCount++;
            windowTotal += seq - start;
            windowCycles += cyc;
            boolean worse = cyc > worstCycles;
            if (!worse && windows.size() >= WINDOW_CAP) {
                return;
            }
            List<String> names = new ArrayList<>(exposedCount[u]);
            for (int k = 0; k < exposedCount[u]; k++) {
                names.add(keyName(exposed[u][k]));
            }
            String cname = ctx[u] >= 0 ? kernel.context(ctx[u]).name() : "host";
            LeakWindow w = new LeakWindow(u, o, cname, start, seq, cyc, names);
            if (windows.size() < WINDOW_CAP) {
                windows.add(w);
            }
            if (worse) {
                worst = w;
                worstCycles = cyc;
            }
        }

        /** The object holding {@code va}, else the region it falls in, else the "unknown" key. */
        private int key(long va) {
            if (Workload.isHandle(va)) {
                return Workload.handleObject(va);
            }
            int o = kernel.objectAt(va);
            if (o >= 0) {
                return o;
            }
            int best = -1;
            List<Region> rs = kernel.regions();
            for (int r = 0; r < rs.size(); r++) {
                if (rs.get(r).contains(va) && (best < 0 || Long.compareUnsigned(rs.get(r).size(),
                        rs.get(best).size()) < 0)) {
                    best = r;
                }
            }
            return best >= 0 ? objects + best : objects + regions;
        }

        StrategyResult finish() {
            for (int u = 0; u < slots; u++) {
                if (windowStart[u] >= 0) {
                    close(u, u ^ 1, lastSeq + 1);
                }
            }
            long time = 0;
            for (long c : clock) {
                time += c;
            }
            List<ObjectExits> exitObjects = ranked(exitsByKey, Integer.MAX_VALUE);
            return new StrategyResult(strategy, events, faultExits, explicitExits, switchExits, cycles, windowCount,
                    windowTotal, worst, windows, exitObjects.subList(0, Math.min(TOP, exitObjects.size())),
                    classification.policy().model().name().toLowerCase(Locale.ROOT), accesses, time, windowCycles,
                    exitObjects, ranked(exposedByKey, TOP),
                    new Flushes(ibpb, rsbFill, l1dFlush, verw, ptSwitches, stuns, unstuns), returns, unflushedData,
                    unflushedControl);
        }

        /** Entries by count, objects of one name and kind merged: a rule selects them together. */
        private List<ObjectExits> ranked(long[] counts, int cap) {
            Map<String, ObjectExits> byName = new java.util.LinkedHashMap<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    ObjectExits e = entry(k, counts[k]);
                    byName.merge(e.kind() + " " + e.name(), e, (a, b) -> new ObjectExits(a.object(), a.name(),
                            a.count() + b.count(), a.provenance(), a.bytes() + b.bytes(), a.kind()));
                }
            }
            List<ObjectExits> all = new ArrayList<>(byName.values());
            all.sort((a, b) -> Long.compare(b.count(), a.count()));
            return all.size() > cap ? all.subList(0, cap) : all;
        }

        private String keyName(int k) {
            return k < objects ? kernel.name(k) : k < objects + regions ? kernel.regions().get(k - objects).name()
                    : "unknown";
        }

        private ObjectExits entry(int k, long count) {
            if (k < objects) {
                return new ObjectExits(k, kernel.name(k), count, classification.provenance(k).describe(),
                        kernel.size(k), kernel.kind(k).name().toLowerCase(Locale.ROOT));
            }
            if (k < objects + regions) {
                int r = k - objects;
                return new ObjectExits(-1, kernel.regions().get(r).name(), count,
                        classification.regionProvenance(r).describe(), kernel.regions().get(r).size(), "region");
            }
            return new ObjectExits(-1, "unknown", count, "no object or region of the kernel model", 0, "unknown");
        }
    }

    private static boolean isFlush(Hook h) {
        return h == Hook.L1D_FLUSH || h == Hook.MDS_CLEAR || h == Hook.IBPB || h == Hook.RSB_FILL;
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
}
