// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.json;

/**
 * A small streaming JSON writer: objects, arrays, strings escaped per RFC 8259, numbers. Commas are
 * placed automatically; the caller nests {@code begin*}/{@code end*} correctly.
 */
public final class JsonWriter {

	private final StringBuilder out = new StringBuilder();
	private boolean first = true;

	/** Starts an object (as a value or an array element). */
	public JsonWriter beginObject() {
		comma();
		out.append('{');
		first = true;
		return this;
	}

	/** Ends the current object. */
	public JsonWriter endObject() {
		out.append('}');
		first = false;
		return this;
	}

	/** Starts an array. */
	public JsonWriter beginArray() {
		comma();
		out.append('[');
		first = true;
		return this;
	}

	/** Ends the current array. */
	public JsonWriter endArray() {
		out.append(']');
		first = false;
		return this;
	}

	/** Writes a member name; the next call writes its value. */
	public JsonWriter name(String name) {
		comma();
		string(name);
		out.append(':');
		first = true;
		return this;
	}

	/** Writes a string value (null becomes JSON null). */
	public JsonWriter value(String s) {
		comma();
		if (s == null) {
			out.append("null");
		} else {
			string(s);
		}
		first = false;
		return this;
	}

	/** Writes a number value. */
	public JsonWriter value(long n) {
		comma();
		out.append(n);
		first = false;
		return this;
	}

	/** Writes a boolean value. */
	public JsonWriter value(boolean b) {
		comma();
		out.append(b);
		first = false;
		return this;
	}

	/** Writes an address as a "0x..." string: JSON numbers lose 64-bit precision in most readers. */
	public JsonWriter address(long a) {
		return value("0x" + Long.toHexString(a));
	}

	private void comma() {
		if (!first) {
			out.append(',');
		}
		first = false;
	}

	private void string(String s) {
		out.append(quote(s));
	}

	/**
	 * A JSON string literal (RFC 8259) of {@code s}, or {@code null}. "</" is escaped too, so the JSON can be
	 * embedded in an HTML script element, and so are U+2028/U+2029, which JavaScript treats as line breaks.
	 */
	public static String quote(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder b = new StringBuilder(s.length() + 2).append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			case '\t' -> b.append("\\t");
			default -> {
				if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == '/' && i > 0 && s.charAt(i - 1) == '<') {
					b.append(String.format("\\u%04x", (int) c));
				} else {
					b.append(c);
				}
			}
			}
		}
		return b.append('"').toString();
	}

	@Override
	public String toString() {
		return out.toString();
	}
}
