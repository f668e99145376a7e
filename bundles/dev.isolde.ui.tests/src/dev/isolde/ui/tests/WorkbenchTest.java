// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.isolde.ui.IsoldePerspective;
import dev.isolde.ui.SampleProject;

class WorkbenchTest {

	private static IWorkbenchPage page() {
		assertNotNull(Display.getCurrent(), "test must run on the UI thread");
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		assertNotNull(window);
		return window.getActivePage();
	}

	@Test
	void opensInTheIsoldePerspectiveWithNavigatorProblemsAndOutline() {
		IWorkbenchPage page = page();
		assertEquals(IsoldePerspective.ID, page.getPerspective().getId());
		assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "Project Explorer");
		assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems");
		assertNotNull(page.findView(IPageLayout.ID_OUTLINE), "Outline");
		assertTrue(page.isEditorAreaVisible());
	}

	@Test
	void windowTitleStartsWithIsolde() {
		String title = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getText();
		assertTrue(title.startsWith("Isolde"), title);
	}

	@Test
	void sampleProjectIsInTheWorkspace() {
		SampleProject.openOnFirstStart();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.NAME);
		assertTrue(project.isOpen(), "sample project open");
		assertTrue(project.getFile(SampleProject.FIRST_POLICY).exists(), "sample policy present");
	}
}
