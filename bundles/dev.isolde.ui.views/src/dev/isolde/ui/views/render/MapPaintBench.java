// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views.render;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.map.MapModel;
import dev.isolde.render.map.MapRenderer;
import dev.isolde.render.map.Viewport;

/**
 * Repaints the address-space map of a synthetic machine of about a million objects into an offscreen SWT image,
 * as the view does on screen, at zoom levels from the whole kernel half to a few pages; prints median and 99th
 * percentile per zoom. Needs a display (Xvfb will do). Arguments: {@code [runs]}.
 */
public final class MapPaintBench {

	private static final int WIDTH = 1400;
	private static final int HEIGHT = 900;

	private MapPaintBench() {
	}

	/** Runs the benchmark. */
	public static void main(String[] args) {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		KernelImage kernel = SyntheticMachine.build(120_000, 2, 440_000, 64L << 30, 42);
		MapModel model = MapModel.of(Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel)));
		Display display = new Display();
		Image image = new Image(display, WIDTH, HEIGHT);
		GC gc = new GC(image);
		SwtCanvas canvas = new SwtCanvas(gc);
		System.out.printf(Locale.ROOT, "isolde map paint bench: %,d objects, full space %,d intervals, %dx%d SWT image%n",
				kernel.objectCount(), model.columns().get(0).size(), WIDTH, HEIGHT);
		long directMap = SyntheticMachine.LAYOUT.directMapStart();
		long vm = directMap + (2L << 30);
		long[][] zooms = { { 0, 0 }, { directMap, directMap + (64L << 30) }, { vm, vm + (1L << 30) },
			{ vm, vm + (32L << 20) }, { vm, vm + (1L << 20) }, { vm, vm + 4 * 4096 } };
		String[] names = { "whole kernel half", "direct map 64 GiB", "VM memory 1 GiB", "VM memory 32 MiB",
			"VM memory 1 MiB", "4 pages" };
		for (int z = 0; z < zooms.length; z++) {
			Viewport v = new Viewport(4);
			if (zooms[z][1] != 0) {
				v.show(zooms[z][0], zooms[z][1]);
			}
			MapRenderer r = new MapRenderer(model, v);
			for (int i = 0; i < 20; i++) {
				r.paint(canvas, WIDTH, HEIGHT);
			}
			long[] t = new long[runs];
			for (int i = 0; i < runs; i++) {
				long t0 = System.nanoTime();
				r.paint(canvas, WIDTH, HEIGHT);
				t[i] = System.nanoTime() - t0;
			}
			Arrays.sort(t);
			System.out.printf(Locale.ROOT, "  %-20s median %.3f ms, p99 %.3f ms, max %.3f ms (%d runs)%n", names[z],
					t[runs / 2] / 1e6, t[(int) Math.ceil(runs * 0.99) - 1] / 1e6, t[runs - 1] / 1e6, runs);
		}
		canvas.dispose();
		gc.dispose();
		image.dispose();
		display.dispose();
	}
}
