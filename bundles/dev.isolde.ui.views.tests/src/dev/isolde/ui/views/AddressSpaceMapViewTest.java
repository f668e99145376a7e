// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

import dev.isolde.ui.SampleProject;
import dev.isolde.ui.editor.PolicyEditor;
import dev.isolde.render.map.ClassColors;
import dev.isolde.render.map.MapRenderer;

/** Opens the address-space map on the sample KVM policy and checks what it draws, pixel by pixel. */
class AddressSpaceMapViewTest {

	@Test
	void mapShowsFullAndRestrictedSpacesColouredByClass() throws Exception {
		SampleProject.openOnFirstStart();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.NAME);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PolicyEditor editor = assertInstanceOf(PolicyEditor.class,
				IDE.openEditor(page, project.getFile(SampleProject.FIRST_POLICY), true));
		AddressSpaceMapView view = assertInstanceOf(AddressSpaceMapView.class, page.showView(AddressSpaceMapView.ID));
		view.showPolicyOf(editor);
		Workbenches.waitUntil(() -> view.model() != null, 30_000);
		assertNotNull(view.model(), "the analysis finished");
		assertEquals(3, view.model().columns().size(), "full + guest1/KVM + guest2/KVM");
		assertEquals("guest1/KVM", view.model().columns().get(1).name());

		// the kernel image: mapped in every instance (global), so green in both full and restricted columns
		view.viewport().show(0xffffffff80000000L, 0xffffffffa0000000L);
		int width = 900;
		int height = 600;
		ImageData png = new ImageLoader().load(new ByteArrayInputStream(view.toPng(width, height)))[0];
		int plot = height - MapRenderer.HEADER - 20;
		int textRow = MapRenderer.HEADER + (int) (plot * (0x1000000 + 0x100000) / (double) 0x20000000);
		int colWidth = (width - MapRenderer.GUTTER - MapRenderer.GAP * 3) / 3;
		int fullX = MapRenderer.GUTTER + colWidth / 2;
		int guestX = MapRenderer.GUTTER + colWidth + MapRenderer.GAP + colWidth / 2;
		// objects in full green, the rest of the kernel_text region (filled by the region rule) in pale green
		var green = java.util.Set.of(ClassColors.GLOBAL, ClassColors.pale(ClassColors.GLOBAL));
		assertTrue(green.contains(Workbenches.rgb(png, guestX, textRow)), "kernel text is global non-sensitive in guest1");
		assertTrue(green.contains(Workbenches.rgb(png, fullX, textRow)), "and in the full space");

		// vmalloc: in the full space (sensitive region fill) but not in any restricted space
		view.viewport().show(0xffffc90000000000L, 0xffffe90000000000L);
		png = new ImageLoader().load(new ByteArrayInputStream(view.toPng(width, height)))[0];
		int mid = MapRenderer.HEADER + plot / 2;
		assertEquals(ClassColors.pale(ClassColors.SENSITIVE), Workbenches.rgb(png, fullX, mid), "vmalloc sensitive in the full space");
		assertEquals(ClassColors.UNMAPPED, Workbenches.rgb(png, guestX, mid), "vmalloc unmapped in guest1");

		String svg = view.toSvg(width, height);
		assertTrue(svg.startsWith("<?xml") && svg.contains("guest1/KVM") && svg.contains("#f0f0f0"), svg.substring(0, 200));

		// differences only: the full column keeps vmalloc (not in guest1) and drops the kernel text (in guest1)
		view.viewport().show(0xffffc90000000000L, 0xffffe90000000000L);
		setDifferencesOnly(view, true);
		png = new ImageLoader().load(new ByteArrayInputStream(view.toPng(width, height)))[0];
		assertEquals(ClassColors.pale(ClassColors.SENSITIVE), Workbenches.rgb(png, fullX, mid), "vmalloc is a difference");
		view.viewport().show(0xffffffff80000000L, 0xffffffffa0000000L);
		png = new ImageLoader().load(new ByteArrayInputStream(view.toPng(width, height)))[0];
		assertEquals(ClassColors.UNMAPPED, Workbenches.rgb(png, fullX, textRow), "kernel text is no difference");
		setDifferencesOnly(view, false);
	}

	private static void setDifferencesOnly(AddressSpaceMapView view, boolean on) {
		for (var item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
			if (item instanceof org.eclipse.jface.action.ActionContributionItem a
					&& a.getAction().getText().equals("Differences only")) {
				a.getAction().setChecked(on);
				a.getAction().run();
			}
		}
	}

	@Test
	void selectionIsExplainedInThePropertiesViewAndOutlinedOnTheMap() throws Exception {
		PolicyEditor editor = Workbenches.openSamplePolicy();
		IWorkbenchPage page = Workbenches.page();
		AddressSpaceMapView view = assertInstanceOf(AddressSpaceMapView.class, page.showView(AddressSpaceMapView.ID));
		view.showPolicyOf(editor);
		Workbenches.waitUntil(() -> view.model() != null, 30_000);
		page.activate(view);
		var kernel = view.model().analysis().kernel();
		long entry = kernel.start(kernel.objectsNamed("entry_SYSCALL_64")[0]);
		view.select(1, entry);
		MapSelection s = view.selected();
		assertNotNull(s);
		assertTrue(s.hit().what().startsWith("entry_SYSCALL_64"), s.hit().what());
		assertEquals("global nonsensitive", s.get("Why", "class"));
		assertTrue(String.valueOf(s.get("Why", "rule location")).startsWith("kvm-host.asi:"), () -> s.get("Why", "rule location").toString());
		assertTrue(String.valueOf(s.get("Why", "rationale")).startsWith("patch 45/47: kernel text"));
		assertEquals("guest1/KVM, guest2/KVM", s.get("Where", "mapped by"));
		assertNotNull(s.get("Where", "physical page"));
		assertNotNull(s.get("Where", "neighbours on the page"));

		// the view's site publishes it as the workbench selection, a property source for the Properties view
		var published = ((org.eclipse.jface.viewers.IStructuredSelection) view.getSite().getSelectionProvider()
				.getSelection()).getFirstElement();
		var source = assertInstanceOf(org.eclipse.ui.views.properties.IPropertySource.class, published);
		var names = java.util.Arrays.stream(source.getPropertyDescriptors()).map(d -> d.getDisplayName()).toList();
		assertTrue(names.containsAll(java.util.List.of("class", "decided by", "rule location", "rationale", "mapped by",
				"physical page", "neighbours on the page")), names::toString);

		// the selected range is outlined on the map, in every column
		view.viewport().show(entry - 0x8000, entry + 0x8000);
		ImageData png = new ImageLoader().load(new ByteArrayInputStream(view.toPng(900, 600)))[0];
		int outlined = 0;
		for (int y = MapRenderer.HEADER; y < 580; y++) {
			if (Workbenches.rgb(png, MapRenderer.GUTTER - 2, y) == MapRenderer.SELECTION) {
				outlined++;
			}
		}
		assertTrue(outlined >= 3, "outline rows: " + outlined);
	}

	@Test
	void policyGraphLaysOutClassesInstancesContextsAndMemoryClasses() throws Exception {
		SampleProject.openOnFirstStart();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.NAME);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PolicyEditor editor = assertInstanceOf(PolicyEditor.class,
				IDE.openEditor(page, project.getFile(SampleProject.FIRST_POLICY), true));
		PolicyGraphView view = assertInstanceOf(PolicyGraphView.class, page.showView(PolicyGraphView.ID));
		view.showPolicyOf(editor);
		Workbenches.waitUntil(() -> view.graph() != null, 30_000);
		assertNotNull(view.graph(), "the analysis and layout finished");
		// KVM class, guest1/KVM and guest2/KVM, contexts guest1 and guest2, and the mapped memory class(es)
		var labels = view.graph().nodes().stream().map(n -> n.lines().get(0)).toList();
		assertTrue(labels.contains("asi class KVM per vm"), labels::toString);
		assertTrue(labels.containsAll(java.util.List.of("guest1/KVM", "guest2/KVM", "vm guest1", "vm guest2")),
				labels::toString);
		assertTrue(labels.contains("global nonsensitive"), labels::toString);
		assertTrue(view.graph().edges().size() >= 6, "per instance: class->instance, instance->context, instance->global");
		// ELK placed every node without overlaps
		var nodes = view.graph().nodes();
		for (int i = 0; i < nodes.size(); i++) {
			for (int j = i + 1; j < nodes.size(); j++) {
				var a = nodes.get(i);
				var b = nodes.get(j);
				boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
						&& b.y() < a.y() + a.height();
				assertTrue(!overlap, a.lines() + " overlaps " + b.lines());
			}
		}
		assertTrue(view.toSvg(800, 400).contains("guest1/KVM"));
	}
}
