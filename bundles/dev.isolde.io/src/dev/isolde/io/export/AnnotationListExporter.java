// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.model.persist.AtomicFiles;

/** Writes one row per non-sensitive object (name, kind, class, owner kind, rule, rationale, annotation) as CSV or JSON. */
public final class AnnotationListExporter {

	/** The output formats of {@code isolde export --to}. */
	public enum Format {
		CSV, JSON
	}

	private static final String[] COLUMNS = { "name", "kind", "class", "owner", "rule", "rationale", "annotation" };

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
		KernelImage k = c.kernel();
		for (int i = 0; i < k.objectCount(); i++) {
			MemoryClass mc = c.memoryClass(i);
			if (mc == MemoryClass.SENSITIVE) {
				continue;
			}
			Provenance p = c.provenance(i);
			int owner = k.ownerContext(i);
			String[] row = { k.name(i), k.kind(i).name(), mc.name(), owner < 0 ? null : k.context(owner).kind().name(),
					p.rule() == null ? null : p.rule().loc().file() + ":" + p.rule().loc().line(),
					p.rule() == null ? null : p.rule().rationale(), annotation(k, i, mc) };
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

	/** The RFC annotation (DESIGN §8) for object {@code i}, or null when the RFC has none for its kind. */
	static String annotation(KernelImage k, int i, MemoryClass mc) {
		boolean g = mc == MemoryClass.GLOBAL_NONSENSITIVE;
		return switch (k.kind(i)) {
		// A symbol in .data..read_mostly was declared __read_mostly; the RFC's twin keeps that placement.
		case STATIC_DATA, BSS, RODATA -> ".data..read_mostly".equals(k.section(i)) ? "__asi_not_sensitive_readmostly"
				: "__asi_not_sensitive";
		case PERCPU -> "DEFINE_PER_CPU_ASI_NOT_SENSITIVE";
		case SLAB_CACHE -> g ? "SLAB_GLOBAL_NONSENSITIVE" : "SLAB_LOCAL_NONSENSITIVE";
		case PAGE_ALLOC -> g ? "__GFP_GLOBAL_NONSENSITIVE" : "__GFP_LOCAL_NONSENSITIVE";
		case VMALLOC -> g ? "VM_GLOBAL_NONSENSITIVE" : "VM_LOCAL_NONSENSITIVE";
		default -> null;
		};
	}

	/** RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled. */
	static String csv(String s) {
		if (s == null) {
			return "";
		}
		boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
		return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
	}

	/** A JSON string literal (RFC 8259), or null. */
	static String json(String s) {
		return dev.isolde.io.json.JsonWriter.quote(s);
	}
}
