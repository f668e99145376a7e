// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.isolde.io.ImportException;

/**
 * Streams /proc/iomem (and /proc/ioports) lines {@code START-END : NAME} as {@link IomemRange}s.
 * <p>
 * kernel/resource.c r_show() prints {@code "%*s%0*llx-%0*llx : %s\n"} with two spaces of indentation per depth
 * of the resource tree, so a child always lies inside the range printed last one level up.
 */
public final class IomemReader {

	/** /proc/iomem of a large server has a few hundred ranges; more than this is not one machine's map. */
	public static final int MAX_RANGES = 100_000;

	private static final String EXPECTED_LINE = "'START-END : NAME' resource lines";

	/** Reads a file, closing it afterwards. */
	public IomemSummary read(Path path, Consumer<? super IomemRange> sink) throws ImportException {
		return LineSource.readFile(path, (in, file) -> read(in, file, sink));
	}

	/**
	 * Reads ranges from {@code in}, naming {@code file} in errors, and passes each complete range to {@code sink}.
	 */
	public IomemSummary read(Reader in, String file, Consumer<? super IomemRange> sink) throws ImportException {
		LineSource lines = new LineSource(in, file);
		LineCursor cur = lines.cursor();
		// The open ancestors: index, line, start and end of the last range seen at each depth.
		int[] openIndex = new int[8];
		int[] openLine = new int[8];
		long[] openStart = new long[8];
		long[] openEnd = new long[8];
		int previousDepth = -1;
		int maxDepth = 0;
		int count = 0;
		boolean allZero = true;
		while (lines.next()) {
			if (cur.isBlank()) {
				continue;
			}
			int lineStart = cur.mark();
			int indent = 0;
			while (cur.peek() == ' ') {
				cur.take();
				indent++;
			}
			if (cur.peek() == '\t') {
				throw cur.error("tab in indentation", "2 spaces per nesting level");
			}
			if (indent % 2 != 0) {
				throw cur.error(lineStart, "odd indentation of " + indent + " spaces", "2 spaces per nesting level");
			}
			int depth = indent / 2;
			if (depth > previousDepth + 1) {
				throw cur.error(lineStart, "indentation jumps from depth " + Math.max(previousDepth, 0) + " to " + depth,
						"at most one level deeper than the line before");
			}
			int startAt = cur.mark();
			long start = cur.hex(1, 16, "range start");
			cur.literal("-", "'-' between START and END");
			long end = cur.hex(1, 16, "range end");
			cur.literal(" : ", "' : ' before the resource name");
			String name = cur.rest();
			boolean zero = start == 0 && end == 0;
			if (Long.compareUnsigned(end, start) < 0) {
				throw cur.error(startAt, "range ends before it starts", "START <= END");
			}
			if (depth > 0 && !zero && (Long.compareUnsigned(start, openStart[depth - 1]) < 0
					|| Long.compareUnsigned(end, openEnd[depth - 1]) > 0)) {
				throw cur.error(startAt, "range lies outside its parent on line " + openLine[depth - 1],
						"a child range inside its parent");
			}
			if (depth == openIndex.length) {
				openIndex = Arrays.copyOf(openIndex, depth * 2);
				openLine = Arrays.copyOf(openLine, depth * 2);
				openStart = Arrays.copyOf(openStart, depth * 2);
				openEnd = Arrays.copyOf(openEnd, depth * 2);
			}
			openIndex[depth] = count;
			openLine[depth] = lines.number();
			openStart[depth] = start;
			openEnd[depth] = end;
			int parent = depth == 0 ? -1 : openIndex[depth - 1];
			lines.admit(count, MAX_RANGES, "ranges", EXPECTED_LINE);
			sink.accept(new IomemRange(start, end, name, depth, parent));
			allZero &= zero;
			maxDepth = Math.max(maxDepth, depth);
			previousDepth = depth;
			count++;
		}
		lines.requireRecords(count, "ranges", EXPECTED_LINE);
		return new IomemSummary(count, maxDepth, allZero);
	}
}
