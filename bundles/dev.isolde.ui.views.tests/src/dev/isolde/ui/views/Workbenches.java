// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

import dev.isolde.ui.SampleProject;
import dev.isolde.ui.editor.PolicyEditor;

/** The sample project opened in the running workbench, and waiting for jobs while the UI keeps painting. */
final class Workbenches {

	private Workbenches() {
	}

	static void waitUntil(BooleanSupplier condition, long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { });
				display.sleep();
			}
		}
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens the sample KVM policy in its editor. */
	static PolicyEditor openSamplePolicy() throws Exception {
		SampleProject.openOnFirstStart();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.NAME);
		return assertInstanceOf(PolicyEditor.class, IDE.openEditor(page(), project.getFile(SampleProject.FIRST_POLICY), true));
	}

	static ImageData decode(byte[] png) {
		return new ImageLoader().load(new ByteArrayInputStream(png))[0];
	}

	static int rgb(ImageData data, int x, int y) {
		var c = data.palette.getRGB(data.getPixel(x, y));
		return c.red << 16 | c.green << 8 | c.blue;
	}

	/** How many pixels of {@code data} have colour {@code rgb}. */
	static int count(ImageData data, int rgb) {
		int n = 0;
		for (int y = 0; y < data.height; y++) {
			for (int x = 0; x < data.width; x++) {
				if (rgb(data, x, y) == rgb) {
					n++;
				}
			}
		}
		return n;
	}
}
