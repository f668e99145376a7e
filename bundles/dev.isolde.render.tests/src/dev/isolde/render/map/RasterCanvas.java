// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

import java.util.Arrays;

import dev.isolde.render.canvas.Canvas;

/** A canvas that keeps the filled pixels only, so tests can read colours back without a display. */
public final class RasterCanvas implements Canvas {

	private final int width;
	private final int height;
	private final int[] pixels;

	public RasterCanvas(int width, int height) {
		this.width = width;
		this.height = height;
		this.pixels = new int[width * height];
	}

	@Override
	public void fillRect(int x, int y, int w, int h, int rgb) {
		for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
			Arrays.fill(pixels, row * width + Math.max(0, x), row * width + Math.max(0, Math.min(width, x + w)), rgb);
		}
	}

	@Override
	public void drawRect(int x, int y, int w, int h, int rgb) {
		fillRect(x, y, w + 1, 1, rgb);
		fillRect(x, y + h, w + 1, 1, rgb);
		fillRect(x, y, 1, h + 1, rgb);
		fillRect(x + w, y, 1, h + 1, rgb);
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2, int rgb) {
	}

	@Override
	public void drawText(String text, int x, int y, int rgb, boolean bold) {
	}

	@Override
	public int textWidth(String text) {
		return text.length() * 7;
	}

	@Override
	public int lineHeight() {
		return 16;
	}

	public int at(int x, int y) {
		return pixels[y * width + x];
	}
}
