// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.canvas;

/** Draws into an SVG document, so the CLI and reports get exactly the picture the view shows. */
public final class SvgCanvas implements Canvas {

	private static final int FONT_SIZE = 12;
	private final StringBuilder body = new StringBuilder();
	private final int width;
	private final int height;

	/** An empty SVG picture of the given size. */
	public SvgCanvas(int width, int height) {
		this.width = width;
		this.height = height;
	}

	private static String color(int rgb) {
		return String.format("#%06x", rgb & 0xffffff);
	}

	@Override
	public void fillRect(int x, int y, int w, int h, int rgb) {
		body.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", x, y, w, h, color(rgb)));
	}

	@Override
	public void drawRect(int x, int y, int w, int h, int rgb) {
		body.append(String.format("<rect x=\"%d.5\" y=\"%d.5\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"%s\"/>%n", x, y,
				w, h, color(rgb)));
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2, int rgb) {
		body.append(String.format("<line x1=\"%d.5\" y1=\"%d.5\" x2=\"%d.5\" y2=\"%d.5\" stroke=\"%s\"/>%n", x1, y1, x2, y2,
				color(rgb)));
	}

	@Override
	public void drawText(String text, int x, int y, int rgb, boolean bold) {
		body.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"%s\"%s>%s</text>%n", x, y + FONT_SIZE, color(rgb),
				bold ? " font-weight=\"bold\"" : "", escape(text)));
	}

	/** Escapes text for XML: names come from kernels and policies, never trusted as markup. */
	public static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> b.append("&lt;");
			case '>' -> b.append("&gt;");
			case '&' -> b.append("&amp;");
			case '"' -> b.append("&quot;");
			case '\'' -> b.append("&apos;");
			default -> {
				if (c >= 0x20 || c == '\t') {
					b.append(c);
				}
			}
			}
		}
		return b.toString();
	}

	@Override
	public int textWidth(String text) {
		return (int) Math.ceil(text.length() * FONT_SIZE * 0.6);
	}

	@Override
	public int lineHeight() {
		return FONT_SIZE + 4;
	}

	/** The complete SVG document. */
	public String toSvg() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
				+ "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
				+ "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"" + FONT_SIZE + "\">\n" + body + "</svg>\n";
	}
}
