// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.validation;

/**
 * The 1-based line and column of an offset, counting line breaks as Xtext does ({@code \r\n}, {@code \n} or a lone
 * {@code \r}); an offset at the end of a text that ends with a break lies at the start of the line after it.
 */
record TextPosition(int line, int column) {

	static TextPosition of(String text, int offset) {
		int end = Math.max(0, Math.min(offset, text.length()));
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
				line++;
				lineStart = i + 1;
			}
		}
		return new TextPosition(line, end - lineStart + 1);
	}
}
