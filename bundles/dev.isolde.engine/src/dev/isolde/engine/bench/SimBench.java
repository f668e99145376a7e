// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.bench;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventBlock;
import dev.isolde.engine.sim.EventKind;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.Workload;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Simulator throughput: access events per second of the {@code asi} strategy on recorded workload events (so the
 * generator is not timed), next to two loops over the same addresses in the same run: a plain array lookup (each
 * access's page, numbered beforehand, indexes a byte array of mapped flags: the floor of any mapped test) and a
 * binary search of the restricted space's sorted interval starts (the plain interval lookup). Building an event
 * block numbers the pages of its accesses, work the simulator's loop relies on, so each round also times building a
 * fresh block of the same events, and the simulator's figure with that cost included is printed beside the loop's.
 * Warm-up rounds, then the median of the measured rounds.
 */
public final class SimBench {
    private SimBench() {
    }

    /** Runs the benchmark on a synthetic machine: {@code [symbols] [events] [rounds]}. */
    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 4_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        KernelImage kernel = SyntheticMachine.build(symbols, 8, 200, 4L << 30, 42);
        PolicySpec policy = SyntheticMachine.kvmPolicy(kernel);
        Classification classification = new Classifier(kernel).classify(policy);
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(classification).build();
        run(classification, spaces, 8, n, 3, rounds, System.out);
    }

    /** Runs the benchmark on {@code spaces}: {@code n} vmexit-storm events on {@code cpus} CPUs. */
    public static void run(Classification classification, RestrictedSpaces spaces, int cpus, int n, int warmup,
            int rounds, PrintStream out) {
        KernelImage kernel = classification.kernel();
        EventBlock events = EventBlock.record(new Workload("vmexit-storm", classification, cpus, n, 7), n);
        int accesses = 0;
        for (int i = 0; i < events.size(); i++) {
            accesses += events.kind(i).isAccess() ? 1 : 0;
        }
        // the baselines test each access against the space of the context that runs on its CPU, as the simulator does
        long[] va = new long[accesses];
        AddressSpace[] spaceOf = new AddressSpace[accesses];
        int[] ctxOfCpu = new int[cpus];
        Arrays.fill(ctxOfCpu, -1);
        int a = 0;
        for (int i = 0; i < events.size(); i++) {
            EventKind k = events.kind(i);
            if (k == EventKind.VMEXIT || k == EventKind.SYSCALL) {
                ctxOfCpu[events.cpu(i)] = events.context(i);
            } else if (k.isAccess()) {
                int c = ctxOfCpu[events.cpu(i)];
                List<AsiInstance> inst = c < 0 ? List.of() : spaces.instancesOf(kernel.context(c).name());
                spaceOf[a] = inst.isEmpty() ? AddressSpace.empty() : inst.get(0).space();
                va[a++] = events.arg(i);
            }
        }
        // plain array lookup: every distinct (space, page) numbered beforehand, its flag in a byte array
        Map<AddressSpace, Map<Long, Integer>> ids = new HashMap<>();
        int[] pageId = new int[accesses];
        byte[] flag = new byte[accesses + 1];
        int pages = 0;
        for (int i = 0; i < accesses; i++) {
            Map<Long, Integer> m = ids.computeIfAbsent(spaceOf[i], s -> new HashMap<>());
            Integer id = m.get(va[i] >>> 12);
            if (id == null) {
                id = pages++;
                m.put(va[i] >>> 12, id);
                flag[id] = (byte) (spaceOf[i].contains(va[i]) ? 1 : 0);
            }
            pageId[i] = id;
        }
        // binary search: the sorted starts of the first instance's space, sign-flipped for unsigned order
        AddressSpace first = spaces.instances().isEmpty() ? spaces.full() : spaces.instances().get(0).space();
        long[] starts = new long[first.intervalCount()];
        int[] fill = new int[1];
        first.forEach((s, e, at, p) -> starts[fill[0]++] = s ^ Long.MIN_VALUE);
        Simulator simulator = new Simulator(classification, spaces, CostModel.defaults(), cpus);
        out.printf(Locale.ROOT, "isolde sim bench: %,d objects, %,d intervals in %d restricted spaces, %,d events "
                + "(%,d accesses, %,d distinct pages, %,d distinct (space, page) pairs), %d CPUs, load average %.2f on "
                + "%d cores%n", kernel.objectCount(), spaces.full().intervalCount(), spaces.instances().size(),
                events.size(), accesses, events.pageCount(), pages, cpus,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        var threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        double[] buildCpu = new double[rounds];
        double[] build = new double[rounds];
        double[] withBuildCpu = new double[rounds];
        double[] withBuild = new double[rounds];
        double[] simCpu = new double[rounds];
        double[] plainCpu = new double[rounds];
        double[] searchCpu = new double[rounds];
        double[] sim = new double[rounds];
        double[] all = new double[rounds];
        double[] plain = new double[rounds];
        double[] search = new double[rounds];
        long sink = 0;
        StrategyResult res = null;
        for (int r = -warmup; r < rounds; r++) {
            long c0 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            res = simulator.run(Strategy.ASI, events);
            long t1 = System.nanoTime();
            long c1 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long sum = 0;
            for (int i = 0; i < accesses; i++) {
                sum += flag[pageId[i]];
            }
            long t2 = System.nanoTime();
            long c2 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            for (int i = 0; i < accesses; i++) {
                sum += Arrays.binarySearch(starts, va[i] ^ Long.MIN_VALUE);
            }
            long t3 = System.nanoTime();
            long c3 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            // a fresh block numbers every page anew, as a streamed trace's first pass does
            EventBlock fresh = new EventBlock(events.size());
            long c4 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long t4 = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                fresh.event(i, events.cpu(i), events.context(i), events.kind(i), events.arg(i));
            }
            long t5 = System.nanoTime();
            long c5 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            sink += sum + fresh.pageCount();
            if (r >= 0) {
                build[r] = events.size() / ((t5 - t4) / 1e9);
                buildCpu[r] = events.size() / (Math.max(1, c5 - c4) / 1e9);
                withBuild[r] = accesses / ((t5 - t4 + t1 - t0) / 1e9);
                withBuildCpu[r] = accesses / (Math.max(1, c5 - c4 + c1 - c0) / 1e9);
                sim[r] = accesses / ((t1 - t0) / 1e9);
                all[r] = events.size() / ((t1 - t0) / 1e9);
                plain[r] = accesses / ((t2 - t1) / 1e9);
                search[r] = accesses / ((t3 - t2) / 1e9);
                simCpu[r] = accesses / (Math.max(1, c1 - c0) / 1e9);
                plainCpu[r] = accesses / (Math.max(1, c2 - c1) / 1e9);
                searchCpu[r] = accesses / (Math.max(1, c3 - c2) / 1e9);
                out.printf(Locale.ROOT, "round %d: simulator %.1f M accesses/s (%.1f M events/s; with block build "
                        + "%.1f M accesses/s), block build %.1f M events/s, array lookup %.1f M/s, binary search "
                        + "%.1f M/s%n", r + 1, sim[r] / 1e6, all[r] / 1e6, withBuild[r] / 1e6, build[r] / 1e6,
                        plain[r] / 1e6, search[r] / 1e6);
            }
        }
        double s = median(sim);
        double p = median(plain);
        double b = median(search);
        out.printf(Locale.ROOT, "median of %d rounds after %d warm-up: simulator %.1f M accesses/s (%.1f M events/s, "
                + "%,d exits, %,d leak windows); array lookup %.1f M/s, ratio %.2fx; binary search %.1f M/s, "
                + "ratio %.2fx [%d]%n", rounds, warmup, s / 1e6, median(all) / 1e6, res.exits(), res.windowCount(),
                p / 1e6, p / s, b / 1e6, b / s, sink & 1);
        out.printf(Locale.ROOT, "block build (page numbering) %.1f M events/s; simulator with block build %.1f M "
                + "accesses/s, ratio to array lookup %.2fx%n", median(build) / 1e6, median(withBuild) / 1e6,
                p / median(withBuild));
        if (cpuTime) {
            // on a shared machine wall time counts the time other processes held the core; thread CPU time does not
            double sc = median(simCpu);
            out.printf(Locale.ROOT, "per second of this thread's CPU time: simulator %.1f M accesses/s; array lookup "
                    + "%.1f M/s, ratio %.2fx; binary search %.1f M/s, ratio %.2fx; block build %.1f M events/s; "
                    + "simulator with block build %.1f M accesses/s, ratio %.2fx%n", sc / 1e6, median(plainCpu) / 1e6,
                    median(plainCpu) / sc, median(searchCpu) / 1e6, median(searchCpu) / sc, median(buildCpu) / 1e6,
                    median(withBuildCpu) / 1e6, median(plainCpu) / median(withBuildCpu));
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
