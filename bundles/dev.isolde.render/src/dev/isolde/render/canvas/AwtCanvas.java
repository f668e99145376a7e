// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.canvas;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws into an offscreen {@link BufferedImage} with Java2D, so the CLI writes PNG pictures without a display
 * ({@code java.awt.headless=true}). Shapes are not antialiased: a class's colour stays exact in every pixel.
 */
public final class AwtCanvas implements Canvas {

	private static final int FONT_SIZE = 12;
	private final BufferedImage image;
	private final Graphics2D g;
	private final Font plain;
	private final Font bold;

	/** A white picture of the given size. */
	public AwtCanvas(int width, int height) {
		image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		// the same family as the SVG pictures; Java2D falls back to its logical sans font where it is missing
		plain = new Font("DejaVu Sans", Font.PLAIN, FONT_SIZE);
		bold = plain.deriveFont(Font.BOLD);
		g.setFont(plain);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
	}

	private void color(int rgb) {
		g.setColor(new Color(rgb & 0xffffff));
	}

	@Override
	public void fillRect(int x, int y, int width, int height, int rgb) {
		color(rgb);
		g.fillRect(x, y, width, height);
	}

	@Override
	public void drawRect(int x, int y, int width, int height, int rgb) {
		color(rgb);
		g.drawRect(x, y, width, height);
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2, int rgb) {
		color(rgb);
		g.drawLine(x1, y1, x2, y2);
	}

	@Override
	public void drawText(String text, int x, int y, int rgb, boolean isBold) {
		color(rgb);
		g.setFont(isBold ? bold : plain);
		g.drawString(text, x, y + g.getFontMetrics().getAscent());
		g.setFont(plain);
	}

	@Override
	public int textWidth(String text) {
		return g.getFontMetrics().stringWidth(text);
	}

	@Override
	public int lineHeight() {
		FontMetrics m = g.getFontMetrics();
		return m.getHeight();
	}

	/** The picture drawn so far. */
	public BufferedImage image() {
		return image;
	}
}
