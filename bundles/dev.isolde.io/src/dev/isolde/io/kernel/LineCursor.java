// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.util.Arrays;

import dev.isolde.io.ImportException;

/**
 * Reads the fields of the current line of a {@link LineSource} left to right, reporting errors at 1-based columns.
 * <p>
 * Numbers are parsed by hand from the shared buffer, so a field costs no allocation unless it becomes a string.
 */
public final class LineCursor {

	private static final byte[] HEX = new byte[128];

	static {
		Arrays.fill(HEX, (byte) -1);
		for (int i = 0; i < 10; i++) {
			HEX['0' + i] = (byte) i;
		}
		for (int i = 0; i < 6; i++) {
			HEX['a' + i] = (byte) (10 + i);
			HEX['A' + i] = (byte) (10 + i);
		}
	}

	private final LineSource source;
	private final char[] buf;
	private int start;
	private int end;
	private int pos;

	LineCursor(LineSource source, char[] buf) {
		this.source = source;
		this.buf = buf;
	}

	void reset(int lineStart, int lineEnd) {
		start = lineStart;
		end = lineEnd;
		pos = lineStart;
	}

	/** Whether the whole line has been read. */
	public boolean atEnd() {
		return pos >= end;
	}

	/** Whether the line holds nothing but blanks. */
	public boolean isBlank() {
		for (int i = start; i < end; i++) {
			if (buf[i] != ' ' && buf[i] != '\t') {
				return false;
			}
		}
		return true;
	}

	/** The next character without consuming it, or {@code 0} at the end of the line. */
	public char peek() {
		return pos < end ? buf[pos] : 0;
	}

	/** Skips spaces and tabs and returns how many were skipped. */
	public int skipBlanks() {
		int from = pos;
		while (pos < end && (buf[pos] == ' ' || buf[pos] == '\t')) {
			pos++;
		}
		return pos - from;
	}

	/** Requires at least one blank and then a field described by {@code next}, skipping the blanks. */
	public void blanks(String next) throws ImportException {
		if (skipBlanks() == 0 || pos >= end) {
			throw unexpected(next);
		}
	}

	/** Consumes {@code text} if the line continues with it. */
	public boolean tryLiteral(String text) {
		int n = text.length();
		if (end - pos < n) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			if (buf[pos + i] != text.charAt(i)) {
				return false;
			}
		}
		pos += n;
		return true;
	}

	/** Consumes {@code text} or fails at the first character that differs, naming {@code expected}. */
	public void literal(String text, String expected) throws ImportException {
		int n = text.length();
		int i = 0;
		while (i < n && pos + i < end && buf[pos + i] == text.charAt(i)) {
			i++;
		}
		pos += i;
		if (i < n) {
			throw unexpected(expected);
		}
	}

	/**
	 * Parses {@code minDigits..maxDigits} hex digits (no {@code 0x}) as an unsigned 64-bit value.
	 */
	public long hex(int minDigits, int maxDigits, String what) throws ImportException {
		int from = pos;
		long value = 0;
		while (pos < end) {
			char c = buf[pos];
			int digit = c < 128 ? HEX[c] : -1;
			if (digit < 0) {
				break;
			}
			if (pos - from == maxDigits) {
				throw error(pos, what + " has more than " + maxDigits + " hex digits", null);
			}
			value = value << 4 | digit;
			pos++;
		}
		int digits = pos - from;
		if (pos < end && continuesWord(buf[pos])) {
			throw error(pos, "bad hex digit '" + buf[pos] + "' in " + what, null);
		}
		if (digits == 0) {
			throw unexpected(what);
		}
		if (digits < minDigits) {
			throw error(from, what + " has " + digits + " hex digits", minDigits + " to " + maxDigits + " hex digits");
		}
		return value;
	}

	/**
	 * Parses an unsigned decimal that fits a signed 64-bit value and is not followed by a letter or digit.
	 */
	public long decimal(String what) throws ImportException {
		long value = decimalPrefix(what);
		if (pos < end && continuesWord(buf[pos])) {
			throw error(pos, "bad digit '" + buf[pos] + "' in " + what, null);
		}
		return value;
	}

	/**
	 * Parses an unsigned decimal that fits a signed 64-bit value and may be followed by a unit letter.
	 */
	public long decimalPrefix(String what) throws ImportException {
		int from = pos;
		long value = 0;
		while (pos < end) {
			char c = buf[pos];
			if (c < '0' || c > '9') {
				break;
			}
			if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
				throw error(from, what + " is too large", null);
			}
			value = value * 10 + (c - '0');
			pos++;
		}
		if (pos == from) {
			throw unexpected(what);
		}
		return value;
	}

	/** Parses an unsigned decimal that fits an {@code int}. */
	public int decimalInt(String what) throws ImportException {
		int from = pos;
		long value = decimal(what);
		if (value > Integer.MAX_VALUE) {
			throw error(from, what + " is too large", null);
		}
		return (int) value;
	}

	private static boolean continuesWord(char c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
	}

	/** The offset of the next character in the line buffer, for {@link #text(int, int)} and {@link #rewind(int)}. */
	public int mark() {
		return pos;
	}

	/** Moves back to a position obtained from {@link #mark()}. */
	public void rewind(int mark) {
		pos = mark;
	}

	/** Consumes one character, or returns {@code 0} at the end of the line. */
	public char take() {
		return pos < end ? buf[pos++] : 0;
	}

	/** Consumes characters up to the next blank or the end of the line and returns the mark past them. */
	public int skipWord() {
		while (pos < end && buf[pos] != ' ' && buf[pos] != '\t') {
			pos++;
		}
		return pos;
	}

	/** Consumes a non-empty word up to the next blank or the end of the line. */
	public String word(String what) throws ImportException {
		int from = pos;
		skipWord();
		if (pos == from) {
			throw unexpected(what);
		}
		return new String(buf, from, pos - from);
	}

	/** Consumes the rest of the line. */
	public String rest() {
		String s = new String(buf, pos, end - pos);
		pos = end;
		return s;
	}

	/** The characters between two marks. */
	public String text(int from, int to) {
		return new String(buf, from, to - from);
	}

	/** Whether the characters between two marks equal {@code s}, to reuse an existing string instead of copying. */
	public boolean textEquals(int from, int to, String s) {
		if (s == null || s.length() != to - from) {
			return false;
		}
		for (int i = from; i < to; i++) {
			if (buf[i] != s.charAt(i - from)) {
				return false;
			}
		}
		return true;
	}

	/** The character at a mark. */
	public char charAt(int mark) {
		return buf[mark];
	}

	/** Requires the end of the line, allowing trailing blanks. */
	public void end(String expected) throws ImportException {
		skipBlanks();
		if (pos < end) {
			throw error(pos, "unexpected extra text '" + snippet() + "'", expected);
		}
	}

	/**
	 * An error at the next character: "truncated line" at the end of the line, else the unexpected character.
	 */
	public ImportException unexpected(String expected) {
		if (pos >= end) {
			return error(pos, "truncated line", expected);
		}
		return error(pos, "unexpected '" + snippet() + "'", expected);
	}

	private String snippet() {
		int to = pos;
		while (to < end && to - pos < 24 && buf[to] != ' ' && buf[to] != '\t') {
			to++;
		}
		return to == pos ? String.valueOf(buf[pos]) : new String(buf, pos, to - pos);
	}

	/** An error at a mark. */
	public ImportException error(int mark, String problem, String expected) {
		return source.error(mark - start + 1, problem, expected);
	}

	/** An error at the next character. */
	public ImportException error(String problem, String expected) {
		return error(pos, problem, expected);
	}
}
