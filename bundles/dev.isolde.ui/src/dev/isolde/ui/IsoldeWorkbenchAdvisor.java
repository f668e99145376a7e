// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

/** Workbench policy: the Isolde perspective, the workspace as page input, the sample project on first start. */
public class IsoldeWorkbenchAdvisor extends WorkbenchAdvisor {

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		// the resource adapters make workspace files show up in the Project Explorer and Properties
		IDE.registerAdapters();
		configurer.setSaveAndRestore(true);
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return IsoldePerspective.ID;
	}

	@Override
	public IAdaptable getDefaultPageInput() {
		return ResourcesPlugin.getWorkspace().getRoot();
	}

	@Override
	public void postStartup() {
		SampleProject.openOnFirstStart();
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new WorkbenchWindowAdvisor(configurer) {
			@Override
			public void preWindowOpen() {
				IWorkbenchWindowConfigurer c = getWindowConfigurer();
				c.setInitialSize(new Point(1400, 900));
				c.setShowStatusLine(true);
				c.setShowProgressIndicator(true);
				c.setShowCoolBar(true);
				c.setTitle(WindowTitle.DEFAULT);
			}

			@Override
			public org.eclipse.ui.application.ActionBarAdvisor createActionBarAdvisor(
					org.eclipse.ui.application.IActionBarConfigurer abc) {
				return new IsoldeActionBarAdvisor(abc);
			}

			@Override
			public void postWindowOpen() {
				WindowTitle.track(getWindowConfigurer());
			}
		};
	}
}
