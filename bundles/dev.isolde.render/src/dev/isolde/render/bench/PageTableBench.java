// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.bench;

import java.io.PrintStream;
import java.util.Locale;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.graph.PageTableGraph;

/**
 * Builds and lays out (ELK layered) the page-table graph of a synthetic machine's VM memory, where the restricted
 * space maps every other 28 KiB chunk, so each page table has a private restricted copy; prints sizes and times.
 * Arguments: {@code [maxTables [runs]]}.
 */
public final class PageTableBench {

	private PageTableBench() {
	}

	/** Runs the benchmark. */
	public static void main(String[] args) {
		int maxTables = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
		PrintStream out = System.out;
		KernelImage kernel = SyntheticMachine.build(20_000, 2, 300_000, 64L << 30, 42);
		Analysis analysis = Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel));
		long from = SyntheticMachine.LAYOUT.directMapStart() + (2L << 30);
		long to = from + (16L << 30);
		var instance = analysis.spaces().instances().get(0);
		PageTableGraph[] last = new PageTableGraph[1];
		for (int i = 0; i < 3; i++) {
			last[0] = PageTableGraph.of(analysis.spaces().full(), instance, 4, from, to, maxTables);
		}
		Samples samples = new Samples(runs);
		for (int i = 0; i < runs; i++) {
			samples.time(() -> last[0] = PageTableGraph.of(analysis.spaces().full(), instance, 4, from, to, maxTables));
		}
		out.printf(Locale.ROOT, "isolde page-table graph bench: 16 GiB of VM memory, full vs %s%n", instance.name());
		out.printf(Locale.ROOT, "  %,d nodes (%,d tables), %,d edges, %.0f x %.0f px: walk + ELK layered %s%n",
				last[0].nodes().size(), last[0].tables().size(), last[0].edges().size(), last[0].width(), last[0].height(),
				samples.summary());
	}
}
