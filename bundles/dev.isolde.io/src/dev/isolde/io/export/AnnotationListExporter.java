// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.isolde.engine.classify.Classification;
import dev.isolde.io.json.JsonWriter;
import dev.isolde.model.persist.AtomicFiles;

/**
 * Writes one row per non-sensitive object (name, kind, class, owner kind, rule, rationale, annotation, site) as CSV or
 * JSON; the JSON form is described by docs/annotation-list.schema.json.
 */
public final class AnnotationListExporter {

	/** The output formats of {@code isolde export --to}. */
	public enum Format {
		CSV, JSON
	}

	/** The column names, in order; also the JSON member names. */
	public static final String[] COLUMNS = { "name", "kind", "class", "owner", "rule", "rationale", "annotation",
			"site" };

	/** Writes the list for {@code c} in {@code format} to {@code file}, atomically. */
	public void export(Classification c, Format format, Path file) throws IOException {
		AtomicFiles.write(file, render(c, format).getBytes(StandardCharsets.UTF_8));
	}

	/** The list for {@code c} in {@code format}. */
	public String render(Classification c, Format format) {
		StringBuilder b = new StringBuilder();
		if (format == Format.CSV) {
			b.append(String.join(",", COLUMNS)).append("\r\n");
		} else {
			b.append("[");
		}
		boolean first = true;
		for (Annotation a : Annotation.listOf(c)) {
			String[] row = cells(a);
			if (format == Format.CSV) {
				for (int col = 0; col < row.length; col++) {
					b.append(col == 0 ? "" : ",").append(csv(row[col]));
				}
				b.append("\r\n");
			} else {
				b.append(first ? "\n  {" : ",\n  {");
				for (int col = 0; col < row.length; col++) {
					b.append(col == 0 ? "" : ", ").append(json(COLUMNS[col])).append(": ").append(json(row[col]));
				}
				b.append('}');
			}
			first = false;
		}
		if (format == Format.JSON) {
			b.append(first ? "]\n" : "\n]\n");
		}
		return b.toString();
	}

	/** The cells of one row, in {@link #COLUMNS} order; null for an absent value. */
	public static String[] cells(Annotation a) {
		return new String[] { a.name(), a.kind().name(), a.memoryClass().name(),
				a.owner() == null ? null : a.owner().name(), a.rule(), a.rationale(), a.annotation(), a.site().label() };
	}

	/**
	 * RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled. A field that a spreadsheet
	 * would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return first: a rationale
	 * from someone else's policy, say) gets a leading {@code '} so that opening the list never runs it (OWASP CSV
	 * injection).
	 */
	static String csv(String s) {
		if (s == null) {
			return "";
		}
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
		return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
	}

	/** A JSON string literal (RFC 8259), or null. */
	static String json(String s) {
		return JsonWriter.quote(s);
	}
}
