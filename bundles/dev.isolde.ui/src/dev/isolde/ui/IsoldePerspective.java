// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Isolde perspective: navigator left, policy editor centre, Outline right, Problems below. */
public class IsoldePerspective implements IPerspectiveFactory {

	/** Perspective id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.perspective";
	/** The policy editor bundle's New Policy wizard (declared there, offered here). */
	static final String NEW_POLICY_WIZARD = "dev.isolde.ui.editor.newPolicyWizard";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.setEditorAreaVisible(true);
		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editors);
		left.addView(IPageLayout.ID_PROJECT_EXPLORER);
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.72f, editors);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
		IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.55f, editors);
		right.addView(IPageLayout.ID_OUTLINE);
		right.addPlaceholder(IPageLayout.ID_PROP_SHEET);
		layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addNewWizardShortcut(NEW_POLICY_WIZARD);
		layout.addNewWizardShortcut(dev.isolde.ui.kernel.ImportKernelWizard.ID);
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
	}
}
