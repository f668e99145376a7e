// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;

/** Keeps the window title "Isolde — FILE" in step with the active editor. */
final class WindowTitle {

	static final String DEFAULT = "Isolde — ASI policy workbench";

	private WindowTitle() {
	}

	static void track(IWorkbenchWindowConfigurer configurer) {
		configurer.getWindow().getPartService().addPartListener(new IPartListener2() {
			@Override
			public void partActivated(IWorkbenchPartReference ref) {
				update(configurer);
			}

			@Override
			public void partClosed(IWorkbenchPartReference ref) {
				update(configurer);
			}
		});
	}

	private static void update(IWorkbenchWindowConfigurer configurer) {
		var page = configurer.getWindow().getActivePage();
		var editor = page == null ? null : page.getActiveEditor();
		configurer.setTitle(editor == null ? DEFAULT : "Isolde — " + editor.getTitleToolTip());
	}
}
