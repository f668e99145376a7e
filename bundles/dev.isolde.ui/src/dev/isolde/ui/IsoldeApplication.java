// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** Starts the Isolde workbench on the workspace given with {@code -data}. */
public class IsoldeApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		if (Platform.getInstanceLocation() == null || !Platform.getInstanceLocation().isSet()) {
			System.err.println("Isolde: no workspace; start with -data DIR (the ./isolde script does this)");
			return Integer.valueOf(2);
		}
		Display display = PlatformUI.createDisplay();
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new IsoldeWorkbenchAdvisor());
			return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
		} finally {
			saveWorkspace();
			display.dispose();
		}
	}

	private static void saveWorkspace() {
		try {
			ResourcesPlugin.getWorkspace().save(true, null);
		} catch (CoreException e) {
			Platform.getLog(IsoldeApplication.class).log(e.getStatus());
		}
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		Display display = workbench.getDisplay();
		display.syncExec(() -> {
			if (!display.isDisposed()) {
				workbench.close();
			}
		});
	}
}
