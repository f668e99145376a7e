// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import dev.isolde.render.canvas.Canvas;

/** What a view shows, as drawing code that paints the screen and the exported SVG and PNG alike. */
@FunctionalInterface
public interface Picture {

	/** Paints the picture into a canvas of the given size. */
	void paint(Canvas canvas, int width, int height);
}
