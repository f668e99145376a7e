// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.io.engine.Analysis;
import dev.isolde.model.paging.PageTableWalk.Level;
import dev.isolde.render.canvas.SvgCanvas;
import dev.isolde.render.graph.PageTableGraph.Sharing;
import dev.isolde.render.graph.PageTableGraph.Table;

class PageTableGraphTest {

	private static Analysis analysis;

	@BeforeAll
	static void machine() {
		KernelImage kernel = SyntheticMachine.build(5_000, 2, 2_000, 8L << 30, 7);
		analysis = Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel));
	}

	private static PageTableGraph graph(long from, long to) {
		return PageTableGraph.of(analysis.spaces().full(), analysis.spaces().instances().get(0), 4, from, to, 2_000);
	}

	@Test
	void interleavedVmMemoryNeedsPrivateTablesAtEveryLevel() {
		// vm0 and vm1 own alternate 28 KiB chunks: vm0's space maps about half the pages of each 2 MiB
		long from = SyntheticMachine.LAYOUT.directMapStart() + (2L << 30);
		PageTableGraph g = graph(from, from + (4L << 20));
		assertEquals(2, g.count(Level.PTE, Sharing.COPIED));
		assertEquals(2, g.count(Level.PTE, Sharing.PRIVATE));
		assertEquals(0, g.count(Level.PTE, Sharing.SHARED));
		var vm0 = analysis.spaces().instances().get(0).space();
		for (Table t : g.tables()) {
			if (t.level() == Level.PTE) {
				// count the pages one by one, the slow way
				int pages = 0;
				for (long page = t.base(); page != t.base() + t.span(); page += 4096) {
					if (t.restricted() ? vm0.contains(page) : analysis.spaces().full().contains(page)) {
						pages++;
					}
				}
				assertEquals(pages, t.entries(), t.toString());
				assertEquals(pages * 4096L, t.bytesMapped(), t.toString());
				assertTrue(t.restricted() ? pages > 200 && pages < 312 : pages == 512, t.toString());
			}
		}
		// roots, one PUD and one PMD table each, two PTE tables each
		assertEquals(2 + 2 + 2 + 4, g.tables().size());
		assertEquals(g.tables().size() - 2, g.edges().size(), "a tree on each side, no sharing");
	}

	@Test
	void globalKernelTextIsSharedBelowPrivateUpperTables() {
		long from = SyntheticMachine.TEXT_START;
		PageTableGraph g = graph(from, from + (8L << 20));
		// four 2 MiB PMD entries of text, all global: the restricted PMD table points at the full PTE tables
		assertEquals(4, g.count(Level.PTE, Sharing.SHARED));
		assertEquals(0, g.count(Level.PTE, Sharing.PRIVATE));
		// the PMD table also covers the modules (sensitive), so the restricted space keeps a private one
		assertEquals(1, g.count(Level.PMD, Sharing.COPIED));
		assertEquals(1, g.count(Level.PMD, Sharing.PRIVATE));
		long sharedEdges = g.edges().stream().filter(e -> e.color() == PageTableGraph.SHARED_COLOR).count();
		assertEquals(4, sharedEdges, "one edge from the private PMD table to each shared PTE table");
	}

	@Test
	void memoryTheRestrictedSpaceDoesNotMapIsFullOnly() {
		long from = SyntheticMachine.VMALLOC_START;
		PageTableGraph g = graph(from, from + (4L << 20));
		assertTrue(g.tables().stream().filter(t -> !t.restricted() && t.level() != Level.PGD)
				.allMatch(t -> t.sharing() == Sharing.FULL_ONLY));
		assertEquals(1, g.tables().stream().filter(Table::restricted).count(), "only the restricted root");
	}

	@Test
	void bigRangesAreCappedAndLaidOutWithoutOverlaps() {
		long from = SyntheticMachine.LAYOUT.directMapStart() + (2L << 30);
		PageTableGraph g = PageTableGraph.of(analysis.spaces().full(), analysis.spaces().instances().get(0), 4, from,
				from + (1L << 30), 300);
		assertTrue(g.tables().size() <= 300, "capped: " + g.tables().size());
		assertTrue(g.nodes().stream().anyMatch(n -> n.lines().get(0).startsWith("+")), "a summary of the rest");
		var nodes = g.nodes();
		for (int i = 0; i < nodes.size(); i++) {
			for (int j = i + 1; j < nodes.size(); j++) {
				var a = nodes.get(i);
				var b = nodes.get(j);
				assertTrue(a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x() || a.y() + a.height() <= b.y()
						|| b.y() + b.height() <= a.y(), a.id() + " overlaps " + b.id());
			}
		}
		SvgCanvas svg = new SvgCanvas(800, 600);
		GraphRenderer r = new GraphRenderer(g);
		r.setView(Math.min(800 / g.width(), 600 / g.height()), 0, 0);
		r.setSelected(nodes.get(0).id());
		r.paint(svg, 800, 600);
		assertTrue(svg.toSvg().contains(String.format("#%06x", GraphRenderer.SELECTION)));
	}
}
