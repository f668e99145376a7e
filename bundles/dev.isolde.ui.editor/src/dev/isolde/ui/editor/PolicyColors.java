// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/** Highlighting styles of the policy editor; memory-class words use the map views' class colours. */
public final class PolicyColors {

	/** What a token is, for colouring. */
	public enum Category {
		KEYWORD, MEMORY_CLASS, HOOK, STRING, REGEX, NUMBER, COMMENT, DEFAULT
	}

	/** Hook and mitigation words (asi_enter/asi_exit hooks, flushes). */
	static final Set<String> HOOKS = Set.of("l1d_flush", "mds_clear", "sibling_stun", "sibling_unstun", "ibpb",
			"rsb_fill", "none");
	/** Words that name a memory class. */
	static final Set<String> CLASSES = Set.of("sensitive", "nonsensitive", "global", "local");

	/** Default colours, by category. */
	public static final Map<Category, RGB> DEFAULTS = Map.of(Category.KEYWORD, new RGB(127, 0, 85),
			Category.MEMORY_CLASS, new RGB(0, 110, 60), Category.HOOK, new RGB(170, 90, 0), Category.STRING,
			new RGB(42, 0, 255), Category.REGEX, new RGB(150, 0, 150), Category.NUMBER, new RGB(50, 50, 50),
			Category.COMMENT, new RGB(63, 127, 95));

	private final Map<Category, TextAttribute> attributes = new EnumMap<>(Category.class);

	PolicyColors(Display display) {
		for (var e : DEFAULTS.entrySet()) {
			int style = switch (e.getKey()) {
			case KEYWORD, MEMORY_CLASS -> SWT.BOLD;
			case COMMENT -> SWT.ITALIC;
			default -> SWT.NORMAL;
			};
			attributes.put(e.getKey(), new TextAttribute(new Color(display, e.getValue()), null, style));
		}
	}

	TextAttribute attributeFor(Category category) {
		return attributes.get(category);
	}
}
