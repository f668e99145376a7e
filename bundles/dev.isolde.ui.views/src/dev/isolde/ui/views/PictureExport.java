// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import dev.isolde.model.persist.AtomicFiles;
import dev.isolde.render.canvas.SvgCanvas;
import dev.isolde.ui.views.render.SwtCanvas;

/** Writes a view's {@link Picture} as SVG or PNG, drawn by the same code that paints the view. */
public final class PictureExport {

	private PictureExport() {
	}

	/** The picture as an SVG document. */
	public static String svg(Picture picture, int width, int height) {
		SvgCanvas svg = new SvgCanvas(width, height);
		picture.paint(svg, width, height);
		return svg.toSvg();
	}

	/** The picture drawn offscreen, as image data. */
	public static ImageData image(Display display, Picture picture, int width, int height) {
		Image image = new Image(display, width, height);
		GC gc = new GC(image);
		SwtCanvas c = new SwtCanvas(gc);
		try {
			picture.paint(c, width, height);
		} finally {
			c.dispose();
			gc.dispose();
		}
		ImageData data = image.getImageData();
		image.dispose();
		return data;
	}

	/** The picture as PNG bytes. */
	public static byte[] png(Display display, Picture picture, int width, int height) {
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image(display, picture, width, height) };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		loader.save(out, SWT.IMAGE_PNG);
		return out.toByteArray();
	}

	/**
	 * Asks where to save the picture as {@code format} (svg or png) and writes it atomically; returns a status line,
	 * or null when the user cancelled.
	 */
	public static String saveAs(Shell shell, Picture picture, int width, int height, String name, String format) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*." + format });
		dialog.setFileName(name + "." + format);
		dialog.setOverwrite(true);
		String target = dialog.open();
		if (target == null) {
			return null;
		}
		try {
			byte[] bytes = format.equals("svg") ? svg(picture, width, height).getBytes(StandardCharsets.UTF_8)
					: png(shell.getDisplay(), picture, width, height);
			AtomicFiles.write(Path.of(target), bytes);
			ResourcesPlugin.getWorkspace().getRoot().refreshLocal(1, null);
			return "Exported " + target;
		} catch (IOException | CoreException e) {
			return "Export failed: " + e.getMessage();
		}
	}
}
