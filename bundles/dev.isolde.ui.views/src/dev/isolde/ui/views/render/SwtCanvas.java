// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views.render;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;

import dev.isolde.render.canvas.Canvas;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;

/** Draws on an SWT graphics context: a widget on screen or an offscreen image for PNG export. */
public final class SwtCanvas implements Canvas {

	private final GC gc;
	private final Map<Integer, Color> colors = new HashMap<>();
	private final Font normal;
	private Font bold;
	private int background = -1;
	private int foreground = -1;

	/** A canvas over {@code gc}; the caller disposes the GC, {@link #dispose()} frees this canvas's fonts. */
	public SwtCanvas(GC gc) {
		this.gc = gc;
		this.normal = gc.getFont();
	}

	private Color color(int rgb) {
		return colors.computeIfAbsent(rgb, c -> new Color((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
	}

	@Override
	public void fillRect(int x, int y, int w, int h, int rgb) {
		if (rgb != background) {
			// a map repaint fills thousands of rows in few colours: skip redundant state changes
			gc.setBackground(color(rgb));
			background = rgb;
		}
		gc.fillRectangle(x, y, w, h);
	}

	@Override
	public void drawRect(int x, int y, int w, int h, int rgb) {
		foreground(rgb);
		gc.drawRectangle(x, y, w, h);
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2, int rgb) {
		foreground(rgb);
		gc.drawLine(x1, y1, x2, y2);
	}

	@Override
	public void drawText(String text, int x, int y, int rgb, boolean boldText) {
		foreground(rgb);
		if (boldText) {
			if (bold == null) {
				FontData fd = normal.getFontData()[0];
				bold = new Font(gc.getDevice(), fd.getName(), fd.getHeight(), SWT.BOLD);
			}
			gc.setFont(bold);
		}
		gc.drawText(text, x, y, true);
		gc.setFont(normal);
	}

	private void foreground(int rgb) {
		if (rgb != foreground) {
			gc.setForeground(color(rgb));
			foreground = rgb;
		}
	}

	@Override
	public int textWidth(String text) {
		return gc.textExtent(text).x;
	}

	@Override
	public int lineHeight() {
		return gc.getFontMetrics().getHeight();
	}

	/** Frees the fonts this canvas created. */
	public void dispose() {
		if (bold != null) {
			bold.dispose();
		}
	}
}
