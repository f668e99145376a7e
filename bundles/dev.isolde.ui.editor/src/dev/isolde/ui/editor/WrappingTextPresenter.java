// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.function.ToIntFunction;

import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.graphics.Drawable;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Display;

/**
 * Shows plain text in hovers and content assist's additional info, wrapped at word boundaries: keyword help and rule
 * rationales are paragraphs, which a plain information control would show as one line running off the screen.
 * Line breaks in the text are kept (HTML presenters would fold them, and read a rationale's "<" as markup).
 */
final class WrappingTextPresenter implements DefaultInformationControl.IInformationPresenter,
		DefaultInformationControl.IInformationPresenterExtension {

	/** Widest line in average characters, however wide the control may grow: longer lines read badly. */
	static final int MAX_COLUMNS = 90;

	@Override
	public String updatePresentation(Drawable drawable, String text, TextPresentation presentation, int maxWidth,
			int maxHeight) {
		GC gc = new GC(drawable);
		try {
			int columns = (int) (MAX_COLUMNS * gc.getFontMetrics().getAverageCharacterWidth());
			int width = maxWidth > 0 ? Math.min(maxWidth, columns) : columns;
			return wrap(text, width, s -> gc.textExtent(s).x);
		} finally {
			gc.dispose();
		}
	}

	@Override
	@Deprecated
	public String updatePresentation(Display display, String text, TextPresentation presentation, int maxWidth,
			int maxHeight) {
		return updatePresentation((Drawable) display, text, presentation, maxWidth, maxHeight);
	}

	/** {@code text} with each of its lines broken between words so that no line is wider than {@code width}. */
	static String wrap(String text, int width, ToIntFunction<String> widthOf) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		String[] lines = text.split("\n", -1);
		for (int l = 0; l < lines.length; l++) {
			if (l > 0) {
				out.append('\n');
			}
			String current = "";
			for (String word : lines[l].split(" ")) {
				String longer = current.isEmpty() ? word : current + " " + word;
				if (!current.isEmpty() && widthOf.applyAsInt(longer) > width) {
					out.append(current).append('\n');
					current = word;
				} else {
					current = longer;
				}
			}
			out.append(current);
		}
		return out.toString();
	}
}
