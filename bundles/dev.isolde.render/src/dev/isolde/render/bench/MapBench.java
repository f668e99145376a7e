// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.bench;

import java.io.PrintStream;
import java.util.Locale;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.map.MapModel;
import dev.isolde.render.map.MapRenderer;
import dev.isolde.render.map.Viewport;

/**
 * Repaints the address-space map of a synthetic machine of about a million objects at zoom levels from the whole
 * kernel half down to a few pages, and prints the median and 99th percentile per zoom. Arguments:
 * {@code [vms [objectsPerVm [runs]]]}.
 */
public final class MapBench {

	private static final int WIDTH = 1400;
	private static final int HEIGHT = 900;

	private MapBench() {
	}

	/** Runs the benchmark and prints one line per zoom level. */
	public static void main(String[] args) {
		int vms = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		int perVm = args.length > 1 ? Integer.parseInt(args[1]) : 440_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		PrintStream out = System.out;
		long t0 = System.nanoTime();
		KernelImage kernel = SyntheticMachine.build(120_000, vms, perVm, 64L << 30, 42);
		Analysis analysis = Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel));
		MapModel model = MapModel.of(analysis);
		out.printf(Locale.ROOT, "isolde map bench: %,d objects, %d columns, full space %,d intervals (built in %.1f s)%n",
				kernel.objectCount(), model.columns().size(), model.columns().get(0).size(), (System.nanoTime() - t0) / 1e9);
		out.printf(Locale.ROOT, "repaint of a %dx%d map through MapRenderer onto a counting canvas%n", WIDTH, HEIGHT);
		long directMap = SyntheticMachine.LAYOUT.directMapStart();
		long vmMemory = directMap + (2L << 30);
		Object[][] zooms = {
			{ "whole kernel half (128 TiB)", 0L, 0L },
			{ "direct map, 64 GiB", directMap, directMap + (64L << 30) },
			{ "VM memory, 1 GiB", vmMemory, vmMemory + (1L << 30) },
			{ "VM memory, 32 MiB", vmMemory, vmMemory + (32L << 20) },
			{ "VM memory, 1 MiB", vmMemory, vmMemory + (1L << 20) },
			{ "kernel text, 64 MiB", SyntheticMachine.TEXT_START, SyntheticMachine.TEXT_START + (64L << 20) },
			{ "4 pages", vmMemory, vmMemory + 4 * 4096 },
		};
		for (boolean diff : new boolean[] { false, true }) {
			for (Object[] z : zooms) {
				Viewport viewport = new Viewport(4);
				if ((long) z[2] != 0) {
					viewport.show((long) z[1], (long) z[2]);
				}
				MapRenderer renderer = new MapRenderer(model, viewport);
				renderer.setDifferencesOnly(diff);
				CountingCanvas canvas = new CountingCanvas();
				for (int i = 0; i < 20; i++) {
					renderer.paint(canvas, WIDTH, HEIGHT);
				}
				canvas.fills = 0;
				Samples samples = new Samples(runs);
				for (int i = 0; i < runs; i++) {
					samples.time(() -> renderer.paint(canvas, WIDTH, HEIGHT));
				}
				out.printf(Locale.ROOT, "  %-30s%s %s, %,d rectangles per repaint%n", z[0], diff ? " (differences)" : "",
						samples.summary(), canvas.fills / runs);
			}
		}
	}
}
