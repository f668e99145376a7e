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

/**
 * Measures the engine on synthetic machines and prints build times and heap use; {@code isolde bench} runs it.
 * Arguments: {@code [symbols [vms [objectsPerVm [directMapGiB [rounds]]]]]}.
 */
public final class EngineBench {
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
        long t0 = System.nanoTime();
        KernelImage kernel = SyntheticMachine.build(symbols, vms, perVm, directMap, 42);
        long t1 = System.nanoTime();
        PolicySpec policy = SyntheticMachine.kvmPolicy(kernel);
        Classification classification = new Classifier(kernel).classify(policy);
        long t2 = System.nanoTime();
        RestrictedSpaces spaces = new RestrictedSpaceBuilder(classification).build();
        long t3 = System.nanoTime();
        long heap = usedHeap() - baseline;
        out.printf("  %-13s %,9d objects  generate+image %6.1f ms  classify %6.1f ms  spaces %6.1f ms"
                + "  (%d instances, full %,d intervals)  retained heap %,d MB%n", label, kernel.objectCount(),
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), spaces.instances().size(), spaces.full().intervalCount(),
                heap >> 20);
        if (withChecks) {
            long t4 = System.nanoTime();
            CheckReport report = CheckSuite.standard().run(CheckInput.of(classification, spaces));
            long t5 = System.nanoTime();
            out.printf("  %-13s checks %6.1f ms, %d findings%n", "", ms(t5 - t4), report.findings().size());
        }
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
