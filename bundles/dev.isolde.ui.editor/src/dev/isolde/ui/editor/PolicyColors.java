// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Highlighting styles of the policy editor, one colour per syntax class, read from the preferences and followed
 * live: a changed colour repaints open editors at once.
 */
public final class PolicyColors {

	/** What a token is, for colouring. */
	public enum Category {
		KEYWORD, MEMORY_CLASS, HOOK, STRING, REGEX, NUMBER, COMMENT, DEFAULT;

		/** The preference key of this category's colour. */
		public String key() {
			return "color." + name().toLowerCase(Locale.ROOT);
		}

		/** The category as the preference page names it. */
		public String label() {
			return switch (this) {
			case MEMORY_CLASS -> "Memory classes (sensitive, nonsensitive, global, local)";
			case HOOK -> "Hooks and mitigations (l1d_flush, mds_clear, ...)";
			case REGEX -> "Regular expressions";
			default -> name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT) + "s";
			};
		}
	}

	/** Preference node of the editor bundle. */
	public static final String QUALIFIER = "dev.isolde.ui.editor";

	/** Hook and mitigation words (asi_enter/asi_exit hooks, flushes). */
	static final Set<String> HOOKS = Set.of("l1d_flush", "mds_clear", "sibling_stun", "sibling_unstun", "ibpb",
			"rsb_fill", "none");
	/** Words that name a memory class. */
	static final Set<String> CLASSES = Set.of("sensitive", "nonsensitive", "global", "local");

	/** Default colours, by category; plain text has none of its own. */
	public static final Map<Category, RGB> DEFAULTS = Map.of(Category.KEYWORD, new RGB(127, 0, 85),
			Category.MEMORY_CLASS, new RGB(0, 110, 60), Category.HOOK, new RGB(170, 90, 0), Category.STRING,
			new RGB(42, 0, 255), Category.REGEX, new RGB(150, 0, 150), Category.NUMBER, new RGB(50, 50, 50),
			Category.COMMENT, new RGB(63, 127, 95));

	private static ScopedPreferenceStore store;

	private final Display display;
	private final Map<Category, TextAttribute> attributes = new EnumMap<>(Category.class);
	private final Runnable repaint;
	private final IPropertyChangeListener listener = this::changed;

	/** Colours from the preferences; {@code repaint} runs on the UI thread after a colour changed. */
	PolicyColors(Display display, Runnable repaint) {
		this.display = display;
		this.repaint = repaint;
		for (Category c : DEFAULTS.keySet()) {
			update(c);
		}
		store().addPropertyChangeListener(listener);
	}

	/** The editor's preference store, with the default colours. */
	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
			DEFAULTS.forEach((c, rgb) -> PreferenceConverter.setDefault(store, c.key(), rgb));
		}
		return store;
	}

	private void update(Category c) {
		int style = switch (c) {
		case KEYWORD, MEMORY_CLASS -> SWT.BOLD;
		case COMMENT -> SWT.ITALIC;
		default -> SWT.NORMAL;
		};
		attributes.put(c, new TextAttribute(new Color(display, PreferenceConverter.getColor(store(), c.key())), null,
				style));
	}

	private void changed(PropertyChangeEvent event) {
		for (Category c : DEFAULTS.keySet()) {
			if (c.key().equals(event.getProperty())) {
				display.asyncExec(() -> {
					if (!display.isDisposed()) {
						update(c);
						repaint.run();
					}
				});
			}
		}
	}

	/** Stops following the preferences (the editor closed). */
	void dispose() {
		store().removePropertyChangeListener(listener);
	}

	TextAttribute attributeFor(Category category) {
		return attributes.get(category);
	}
}
