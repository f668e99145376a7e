// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.bench;

import dev.isolde.render.canvas.Canvas;

/** A canvas that only counts what it is asked to draw: the renderer's own cost, without a graphics library's. */
final class CountingCanvas implements Canvas {

	long fills;
	long other;

	@Override
	public void fillRect(int x, int y, int width, int height, int rgb) {
		fills++;
	}

	@Override
	public void drawRect(int x, int y, int width, int height, int rgb) {
		other++;
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2, int rgb) {
		other++;
	}

	@Override
	public void drawText(String text, int x, int y, int rgb, boolean bold) {
		other++;
	}

	@Override
	public int textWidth(String text) {
		return text.length() * 7;
	}

	@Override
	public int lineHeight() {
		return 16;
	}
}
