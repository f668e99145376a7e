// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.canvas;

/** What the views draw on: an SWT graphics context on screen, or an SVG or PNG file headlessly. */
public interface Canvas {

	/** Fills a rectangle with a colour given as 0xRRGGBB. */
	void fillRect(int x, int y, int width, int height, int rgb);

	/** Draws a one-pixel rectangle outline. */
	void drawRect(int x, int y, int width, int height, int rgb);

	/** Draws a line. */
	void drawLine(int x1, int y1, int x2, int y2, int rgb);

	/** Draws text with its top-left corner at (x, y). */
	void drawText(String text, int x, int y, int rgb, boolean bold);

	/** The width in pixels of {@code text} in the canvas's font. */
	int textWidth(String text);

	/** The height of a line of text. */
	int lineHeight();
}
