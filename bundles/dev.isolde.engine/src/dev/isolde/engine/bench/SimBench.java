// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.bench;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventKind;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.Workload;
import dev.isolde.engine.space.RestrictedSpaces;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import java.util.Arrays;

/**
 * Simulator throughput: access events per second of the {@code asi} strategy on a 120k-symbol machine, next to a
 * plain binary search over the same addresses in the same run (the floor for any interval lookup).
 */
public final class SimBench {
    private SimBench() {
    }

    /** Runs the benchmark: {@code [symbols] [events] [rounds]}. */
    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 4_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        KernelImage kernel = SyntheticMachine.build(symbols, 8, 200, 4L << 30, 42);
        PolicySpec policy = SyntheticMachine.kvmPolicy(kernel);
        Classification classification = new Classifier(kernel).classify(policy);
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(classification).build();
        // record the workload into arrays once, so the timed loop measures the simulator, not the generator
        long[] seq = new long[n];
        int[] cpu = new int[n];
        int[] ctx = new int[n];
        byte[] kind = new byte[n];
        long[] arg = new long[n];
        int[] count = new int[1];
        new Workload("vmexit-storm", classification, 8, n, 7).replay((s, c, x, k, a) -> {
            int i = count[0]++;
            seq[i] = s;
            cpu[i] = c;
            ctx[i] = x;
            kind[i] = (byte) k.ordinal();
            arg[i] = a;
        });
        long accesses = 0;
        for (byte k : kind) {
            accesses += EventKind.ofOrdinal(k).isAccess() ? 1 : 0;
        }
        long[] starts = new long[spaces.full().intervalCount()];
        int[] fill = new int[1];
        // sign-flipped so signed binary search orders kernel addresses as unsigned
        spaces.full().forEach((s, e, a, p) -> starts[fill[0]++] = s ^ Long.MIN_VALUE);
        Simulator sim = new Simulator(classification, spaces, CostModel.defaults(), 8);
        System.out.printf("isolde sim bench: %,d objects, %,d events (%,d accesses), %d instances%n",
                kernel.objectCount(), n, accesses, spaces.instances().size());
        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            StrategyResult res = sim.run(Strategy.ASI, sink -> {
                for (int i = 0; i < n; i++) {
                    sink.event(seq[i], cpu[i], ctx[i], EventKind.ofOrdinal(kind[i]), arg[i]);
                }
            });
            long t1 = System.nanoTime();
            long sum = 0;
            for (int i = 0; i < n; i++) {
                if (EventKind.ofOrdinal(kind[i]).isAccess()) {
                    sum += Arrays.binarySearch(starts, arg[i] ^ Long.MIN_VALUE);
                }
            }
            long t2 = System.nanoTime();
            double simRate = accesses / ((t1 - t0) / 1e9);
            double baseRate = accesses / ((t2 - t1) / 1e9);
            System.out.printf("round %d: sim %.1f M accesses/s (%d exits, %d windows), array lookup %.1f M/s, "
                    + "ratio %.2fx [%d]%n", r, simRate / 1e6, res.exits(), res.windowCount(), baseRate / 1e6,
                    baseRate / simRate, sum & 1);
        }
    }
}
