// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.bench;

import dev.isolde.engine.check.CheckInput;
import dev.isolde.engine.check.CheckReport;
import dev.isolde.engine.check.CheckSuite;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures the engine on synthetic machines and prints build times and heap use; {@code isolde bench} runs it.
 * Arguments: {@code [symbols [vms [objectsPerVm [directMapGiB [rounds]]]]]}.
 */
public final class EngineBench {
    /** CPU time of the benchmark thread is printed next to wall time: on a loaded machine only CPU time compares. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private EngineBench() {
    }

    /** Runs the benchmark with the given or default sizes. */
    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int vms = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int perVm = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        long directMap = (args.length > 3 ? Long.parseLong(args[3]) : 64) << 30;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        PrintStream out = System.out;
        out.printf("isolde engine bench: %d symbols; %d VMs x %d local objects in a %d GiB direct map; %d rounds%n",
                symbols, vms, perVm, directMap >> 30, rounds);
        for (int round = 1; round <= rounds; round++) {
            out.printf("round %d%n", round);
            run(out, "symbols-only", symbols, 0, 0, directMap, round == rounds);
            run(out, "full machine", symbols, vms, perVm, directMap, round == rounds);
        }
    }

    private static void run(PrintStream out, String label, int symbols, int vms, int perVm, long directMap,
            boolean withChecks) {
        long baseline = usedHeap();
        long[] t = new long[4];
        long[] c = new long[4];
        mark(t, c, 0);
        KernelImage kernel = SyntheticMachine.build(symbols, vms, perVm, directMap, 42);
        mark(t, c, 1);
        PolicySpec policy = SyntheticMachine.kvmPolicy(kernel);
        Classification classification = new Classifier(kernel).classify(policy);
        mark(t, c, 2);
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(classification).build();
        mark(t, c, 3);
        long heap = usedHeap() - baseline;
        out.printf("  %-13s %,9d objects, %d instances, full space %,d intervals, retained heap %,d MB%n", label,
                kernel.objectCount(), spaces.instances().size(), spaces.full().intervalCount(), heap >> 20);
        out.printf("  %-13s generate+image %s   classify %s   spaces %s%n", "", phase(t, c, 1), phase(t, c, 2),
                phase(t, c, 3));
        if (withChecks) {
            long[] ct = new long[2];
            long[] cc = new long[2];
            mark(ct, cc, 0);
            CheckReport report = CheckSuite.standard().run(CheckInput.of(classification, spaces));
            mark(ct, cc, 1);
            out.printf("  %-13s checks %s, %d findings%n", "", phase(ct, cc, 1), report.findings().size());
        }
    }

    private static void mark(long[] wall, long[] cpu, int i) {
        wall[i] = System.nanoTime();
        cpu[i] = CPU.getCurrentThreadCpuTime();
    }

    private static String phase(long[] wall, long[] cpu, int i) {
        return String.format("%7.1f ms (cpu %7.1f ms)", ms(wall[i] - wall[i - 1]), ms(cpu[i] - cpu[i - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
