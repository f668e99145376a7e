// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.Reader;
import java.nio.file.Path;
import java.util.function.Consumer;

import dev.isolde.io.ImportException;

/**
 * Streams /proc/slabinfo version 2.1 as {@link SlabCacheInfo} rows.
 * <p>
 * mm/slab_common.c prints the header {@code slabinfo - version: 2.1}, a {@code # name ...} comment and per cache
 * {@code "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu"}; the removed SLAB
 * allocator (mm/slab.c, before 6.8) could append {@code : globalstat ...} and {@code : cpustat ...} sections,
 * which are skipped.
 */
public final class SlabinfoReader {

	/** A kernel has a few hundred slab caches (one per cache and memcg-merged alias); this is far beyond any. */
	public static final int MAX_CACHES = 100_000;

	/** The only format version this reader understands. */
	public static final String VERSION = "2.1";

	private static final String HEADER = "slabinfo - version: ";

	private static final String[] TUNABLES = { "limit", "batchcount", "sharedfactor" };

	/** Reads a file, closing it afterwards. */
	public SlabinfoSummary read(Path path, Consumer<? super SlabCacheInfo> sink) throws ImportException {
		return LineSource.readFile(path, (in, file) -> read(in, file, sink));
	}

	/**
	 * Reads cache rows from {@code in}, naming {@code file} in errors, and passes each complete row to {@code sink}.
	 */
	public SlabinfoSummary read(Reader in, String file, Consumer<? super SlabCacheInfo> sink) throws ImportException {
		LineSource lines = new LineSource(in, file);
		LineCursor cur = lines.cursor();
		if (!lines.next()) {
			throw lines.emptyFile("header '" + HEADER + VERSION + "'");
		}
		cur.literal(HEADER, "header '" + HEADER + VERSION + "'");
		int versionAt = cur.mark();
		String version = cur.word("format version");
		if (!version.equals(VERSION)) {
			throw cur.error(versionAt, "unsupported slabinfo version " + version, "version " + VERSION);
		}
		cur.end("end of line after the version");
		int caches = 0;
		while (lines.next()) {
			if (cur.isBlank() || cur.peek() == '#') {
				continue;
			}
			lines.admit(caches, MAX_CACHES, "slab caches", "one line per slab cache");
			sink.accept(row(cur));
			caches++;
		}
		return new SlabinfoSummary(version, caches);
	}

	private static SlabCacheInfo row(LineCursor cur) throws ImportException {
		String name = cur.word("cache name");
		cur.blanks("active_objs");
		long activeObjs = cur.decimal("active_objs");
		cur.blanks("num_objs");
		long numObjs = cur.decimal("num_objs");
		cur.blanks("objsize");
		int objSize = cur.decimalInt("objsize");
		cur.blanks("objperslab");
		int objPerSlab = cur.decimalInt("objperslab");
		cur.blanks("pagesperslab");
		int pagesPerSlab = cur.decimalInt("pagesperslab");
		section(cur, "tunables");
		for (String tunable : TUNABLES) {
			cur.blanks(tunable);
			cur.decimal(tunable);
		}
		section(cur, "slabdata");
		cur.blanks("active_slabs");
		long activeSlabs = cur.decimal("active_slabs");
		cur.blanks("num_slabs");
		long numSlabs = cur.decimal("num_slabs");
		cur.blanks("sharedavail");
		cur.decimal("sharedavail");
		skipStatistics(cur);
		return new SlabCacheInfo(name, activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab, activeSlabs, numSlabs);
	}

	private static void section(LineCursor cur, String name) throws ImportException {
		cur.blanks("': " + name + "'");
		cur.literal(":", "': " + name + "'");
		cur.blanks("'" + name + "'");
		int at = cur.mark();
		int to = cur.skipWord();
		if (!cur.textEquals(at, to, name)) {
			throw cur.error(at, "unexpected '" + cur.text(at, to) + "'", "'" + name + "'");
		}
	}

	private static void skipStatistics(LineCursor cur) throws ImportException {
		for (;;) {
			cur.skipBlanks();
			if (cur.atEnd()) {
				return;
			}
			cur.literal(":", "end of line");
			cur.blanks("statistics section name");
			cur.word("statistics section name");
			while (cur.skipBlanks() > 0 && !cur.atEnd() && cur.peek() != ':') {
				cur.decimal("statistics value");
			}
		}
	}
}
