// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** Drives SWT widgets the way a user does, for UI tests and the latency benchmark. */
final class EditorDriver {

	private EditorDriver() {
	}

	/** Types {@code text} into the widget as key presses, each through the widget's own key handling. */
	static void type(StyledText widget, String text) {
		for (char c : text.toCharArray()) {
			key(widget, c, c);
		}
	}

	/** One key press and release. */
	static void key(StyledText widget, int keyCode, char character) {
		for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
			Event e = new Event();
			e.type = type;
			e.keyCode = keyCode;
			e.character = character;
			e.widget = widget;
			widget.notifyListeners(type, e);
		}
	}

	/** Runs the event loop until {@code condition} holds or {@code millis} pass. */
	static boolean waitUntil(BooleanSupplier condition, long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				return false;
			}
			if (!display.readAndDispatch()) {
				display.timerExec(10, () -> { });
				display.sleep();
			}
		}
		return true;
	}

	/** The proposal table of a visible popup shell (content assist or quick assist), or null. */
	static Table popupTable() {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.isVisible()) {
				for (Control child : shell.getChildren()) {
					if (child instanceof Table t && t.isVisible()) {
						return t;
					}
				}
			}
		}
		return null;
	}

	/** The texts of a table's rows. */
	static List<String> rows(Table table) {
		List<String> rows = new ArrayList<>();
		for (var item : table.getItems()) {
			rows.add(item.getText());
		}
		return rows;
	}

	/** The texts of all tree items below {@code control}, expanding collapsed ones (the Problems view's categories). */
	static List<String> treeTexts(Control control) {
		List<String> texts = new ArrayList<>();
		collect(control, texts);
		return texts;
	}

	private static void collect(Control control, List<String> texts) {
		if (control instanceof Tree tree) {
			for (TreeItem item : tree.getItems()) {
				collect(item, texts);
			}
		} else if (control instanceof org.eclipse.swt.widgets.Composite c) {
			for (Control child : c.getChildren()) {
				collect(child, texts);
			}
		}
	}

	private static void collect(TreeItem item, List<String> texts) {
		texts.add(item.getText());
		if (item.getItemCount() > 0 && !item.getExpanded()) {
			Event e = new Event();
			e.item = item;
			item.getParent().notifyListeners(SWT.Expand, e);
			item.setExpanded(true);
		}
		for (TreeItem child : item.getItems()) {
			collect(child, texts);
		}
	}
}
