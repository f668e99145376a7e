// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.isolde.model.paging.PageTableWalk.Level;
import dev.isolde.render.graph.PageTableGraph;
import dev.isolde.render.graph.PageTableGraph.Sharing;
import dev.isolde.ui.editor.PolicyEditor;

/** Opens the page-table view on the sample KVM policy: kernel text by default, then the range selected in the map. */
class PageTableViewTest {

	@Test
	void kernelTextSharesItsLastLevelTablesAndCopiesTheUpperOnes() throws Exception {
		PolicyEditor editor = Workbenches.openSamplePolicy();
		PageTableView view = assertInstanceOf(PageTableView.class, Workbenches.page().showView(PageTableView.ID));
		view.showPolicyOf(editor);
		Workbenches.waitUntil(() -> view.graph() != null, 60_000);
		PageTableGraph g = view.graph();
		assertNotNull(g, "the walk and the layout finished");
		assertEquals("guest1/KVM", g.instance());
		// kernel text is global non-sensitive (region rule), so most 2 MiB PMD entries are identical in guest1:
		// the restricted PMD points at the full PTE tables; above, the PGD entry 511 and PUD entry 510 also cover
		// modules and fixmap, which guest1 does not map all of, so those tables are private copies
		assertTrue(g.count(Level.PTE, Sharing.SHARED) > 0, "shared PTE tables");
		assertEquals(1, g.count(Level.PGD, Sharing.PRIVATE), "the restricted root");
		assertEquals(1, g.count(Level.PUD, Sharing.PRIVATE), "a private PUD table for PGD entry 511");
		assertEquals(1, g.count(Level.PMD, Sharing.PRIVATE), "a private PMD table for the kernel image's GiB");
		// a private table copies part of a full one at the same place: never more than the full table maps
		for (PageTableGraph.Table t : g.tables()) {
			if (t.restricted() && t.level() != Level.PGD) {
				var full = g.table("F:" + t.id().substring(2));
				assertNotNull(full, t.id());
				assertEquals(Sharing.COPIED, full.sharing(), t.id());
				assertTrue(t.bytesMapped() < full.bytesMapped(), t.id());
			}
		}
		// 256 PMD entries cover the 512 MiB of kernel text; 64 are expanded, the rest summarised in one node
		assertTrue(g.nodes().stream().anyMatch(n -> n.lines().get(0).startsWith("+") && n.lines().get(0).endsWith("PTE tables")));
		assertEquals(g.tables().size() + 1, g.nodes().size(), "tables plus one summary node");

		// the picture shows shared (green) and private (orange) outlines: look at one of each at 1:1
		var display = view.canvas().control().getDisplay();
		var privatePmd = g.nodes().stream().filter(n -> n.id().startsWith("R:PMD")).findFirst().orElseThrow();
		view.canvas().reveal(privatePmd);
		assertTrue(PictureExport.svg(view.canvas().picture(), 1000, 700).contains("PMD table (guest1/KVM, private)"));
		var png = Workbenches.decode(PictureExport.png(display, view.canvas().picture(), 1000, 700));
		assertTrue(Workbenches.count(png, PageTableGraph.PRIVATE_COLOR) > 100, "a private table drawn");
		view.canvas().reveal(g.nodes().stream().filter(n -> g.table(n.id()) != null
				&& g.table(n.id()).sharing() == Sharing.SHARED).findFirst().orElseThrow());
		png = Workbenches.decode(PictureExport.png(display, view.canvas().picture(), 1000, 700));
		assertTrue(Workbenches.count(png, PageTableGraph.SHARED_COLOR) > 100, "a shared table drawn");

		// a click on a node selects it for the Properties view
		var pud = g.nodes().stream().filter(n -> n.id().startsWith("R:PUD")).findFirst().orElseThrow();
		view.canvas().select(pud);
		var props = assertInstanceOf(GraphNodeProperties.class,
				((org.eclipse.jface.viewers.IStructuredSelection) view.getSite().getSelectionProvider().getSelection())
						.getFirstElement());
		assertEquals("PUD", props.get("Page table", "level"));
		assertTrue(String.valueOf(props.get("Page table", "sharing")).startsWith("private"));
	}

	@Test
	void showsTheRangeSelectedInTheMap() throws Exception {
		PolicyEditor editor = Workbenches.openSamplePolicy();
		var page = Workbenches.page();
		PageTableView tables = assertInstanceOf(PageTableView.class, page.showView(PageTableView.ID));
		AddressSpaceMapView map = assertInstanceOf(AddressSpaceMapView.class, page.showView(AddressSpaceMapView.ID));
		map.showPolicyOf(editor);
		tables.showPolicyOf(editor);
		Workbenches.waitUntil(() -> map.model() != null && tables.graph() != null, 60_000);
		// the syscall entry: kernel text, global non-sensitive; select it in guest1's column
		var kernel = map.model().analysis().kernel();
		map.select(1, kernel.start(kernel.objectsNamed("entry_SYSCALL_64")[0]));
		assertNotNull(map.selected());
		long start = map.selected().hit().start();
		// what the view's map-selection listener does with it
		tables.showRange(start, map.selected().hit().end());
		Workbenches.waitUntil(() -> tables.graph() != null && tables.graph().start() == start, 30_000);
		PageTableGraph g = tables.graph();
		assertEquals(start, g.start(), "the page-table view shows the map's selection");
		// one path from the root down to the PTE table of that page, in the full and in the restricted tables
		assertEquals(1, g.tables().stream().filter(t -> t.level() == Level.PTE && !t.restricted()).count());
		assertTrue(g.tables().stream().allMatch(t -> t.level() == Level.PGD || t.bytesMapped() > 0));
	}
}
