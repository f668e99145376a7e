// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.io.engine.Analysis;

class MapRendererTest {

	private static final int WIDTH = 800;
	private static final int HEIGHT = 600;
	private static MapModel model;

	@BeforeAll
	static void machine() {
		// 2 VMs x 20,000 objects: far more intervals than pixel rows when zoomed out
		KernelImage kernel = SyntheticMachine.build(5_000, 2, 20_000, 8L << 30, 7);
		model = MapModel.of(Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel)));
	}

	private static int row(Viewport v, long va) {
		int plot = HEIGHT - MapRenderer.HEADER - 20;
		return MapRenderer.HEADER + (int) Math.floor(v.y(va, plot));
	}

	private static int columnX(int c) {
		int w = (WIDTH - MapRenderer.GUTTER - MapRenderer.GAP * 3) / 3;
		return MapRenderer.GUTTER + c * (w + MapRenderer.GAP) + w / 2;
	}

	@Test
	void zoomedOutRowsShowTheMostTellingClassOfTheirManyIntervals() {
		Viewport v = new Viewport(4);
		RasterCanvas canvas = new RasterCanvas(WIDTH, HEIGHT);
		new MapRenderer(model, v).paint(canvas, WIDTH, HEIGHT);
		// the row of the slab pages (1 GiB into the direct map): kmalloc (global) and task_struct (sensitive) pages
		long slabs = SyntheticMachine.LAYOUT.directMapStart() + (1L << 30);
		int y = row(v, slabs);
		assertEquals(ClassColors.SENSITIVE, canvas.at(columnX(0), y), "a sensitive speck wins in the full space");
		// vm0's row holds its local memory next to global kmalloc pages: local wins over global
		assertEquals(ClassColors.LOCAL_VM, canvas.at(columnX(1), y), "local over global in vm0's space");
		// vmalloc is mapped in the full space only, as sensitive region fill
		long vmalloc = SyntheticMachine.VMALLOC_START + (1L << 40);
		assertEquals(ClassColors.pale(ClassColors.SENSITIVE), canvas.at(columnX(0), row(v, vmalloc)));
		assertEquals(ClassColors.UNMAPPED, canvas.at(columnX(1), row(v, vmalloc)));
	}

	@Test
	void zoomedInRowsShowSingleIntervals() {
		// VM memory alternates 28 KiB chunks of vm0 and vm1: vm0's column shows every other chunk
		long vmMemory = SyntheticMachine.LAYOUT.directMapStart() + (2L << 30);
		Viewport v = new Viewport(4);
		v.show(vmMemory, vmMemory + 4 * (28L << 10));
		RasterCanvas canvas = new RasterCanvas(WIDTH, HEIGHT);
		new MapRenderer(model, v).paint(canvas, WIDTH, HEIGHT);
		long chunk = 28L << 10;
		for (int k = 0; k < 4; k++) {
			int y = row(v, vmMemory + k * chunk + chunk / 2);
			assertEquals(ClassColors.LOCAL_VM, canvas.at(columnX(0), y), "full space maps every chunk");
			assertEquals(k % 2 == 0 ? ClassColors.LOCAL_VM : ClassColors.UNMAPPED, canvas.at(columnX(1), y),
					"vm0 maps its own chunks only, chunk " + k);
		}
	}

	@Test
	void differencesOnlyDropsWhatTheFirstRestrictedSpaceMaps() {
		long vmMemory = SyntheticMachine.LAYOUT.directMapStart() + (2L << 30);
		Viewport v = new Viewport(4);
		v.show(vmMemory, vmMemory + 4 * (28L << 10));
		MapRenderer r = new MapRenderer(model, v);
		r.setDifferencesOnly(true);
		RasterCanvas canvas = new RasterCanvas(WIDTH, HEIGHT);
		r.paint(canvas, WIDTH, HEIGHT);
		long chunk = 28L << 10;
		for (int k = 0; k < 4; k++) {
			int y = row(v, vmMemory + k * chunk + chunk / 2);
			assertEquals(k % 2 == 0 ? ClassColors.UNMAPPED : ClassColors.LOCAL_VM, canvas.at(columnX(0), y),
					"only vm1's chunks differ from vm0's space, chunk " + k);
		}
	}
}
