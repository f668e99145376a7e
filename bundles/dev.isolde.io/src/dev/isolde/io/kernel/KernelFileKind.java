// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.isolde.io.ImportException;

/**
 * The kernel text formats Isolde imports, recognised from content so that {@code isolde import PATH} needs no
 * {@code --as}.
 */
public enum KernelFileKind {

	/** /proc/kallsyms or System.map, read by {@link KallsymsReader}; the letters are its nm(1) types. */
	KALLSYMS("[0-9a-fA-F]{8,16}[ \t]+[AaBbCcDdGgIiNnpRrSsTtUuVvWw?-][ \t]+\\S+([ \t]+\\[\\S+\\])?[ \t]*"),
	/** /proc/iomem, read by {@link IomemReader}. */
	IOMEM("( {2})*[0-9a-fA-F]+-[0-9a-fA-F]+ : .*"),
	/** /proc/slabinfo, read by {@link SlabinfoReader}; recognised by its header line. */
	SLABINFO(null),
	/** /proc/vmallocinfo, read by {@link VmallocinfoReader}. */
	VMALLOCINFO("0x[0-9a-fA-F]+-0x[0-9a-fA-F]+ +[0-9]+( .*)?"),
	/** An x86 ptdump from /sys/kernel/debug/page_tables, read by {@link PtdumpReader}. */
	PTDUMP("(---\\[ .* \\]---|0x[0-9a-fA-F]+-0x[0-9a-fA-F]+ +[0-9]+[BKMGTPE] .*|\\.\\.\\. [0-9]+ entr.*)[ \t]*"),
	/** A directory like /sys/devices/system/cpu/vulnerabilities, read by {@link VulnerabilitiesReader}. */
	VULNERABILITIES(null);

	private static final int SNIFF_LINES = 4;

	// The line patterns exclude each other; a fixed order just keeps the answer deterministic.
	private static final KernelFileKind[] BY_LINES = { PTDUMP, VMALLOCINFO, IOMEM, KALLSYMS };

	private final Pattern line;

	KernelFileKind(String lineRegex) {
		this.line = lineRegex == null ? null : Pattern.compile(lineRegex);
	}

	/**
	 * Recognises the file or directory at {@code path}, or returns empty for anything else, including binary data.
	 */
	public static Optional<KernelFileKind> sniff(Path path) throws ImportException {
		if (Files.isDirectory(path)) {
			// drivers/base/cpu.c creates these two on every architecture that reports CPU bugs.
			boolean vulnerabilities = Files.isRegularFile(path.resolve("spectre_v1"))
					&& Files.isRegularFile(path.resolve("spectre_v2"));
			return vulnerabilities ? Optional.of(VULNERABILITIES) : Optional.empty();
		}
		List<String> head = new ArrayList<>();
		try {
			LineSource.readFile(path, (in, file) -> {
				LineSource lines = new LineSource(in, file);
				while (head.size() < SNIFF_LINES && lines.next()) {
					if (!lines.cursor().isBlank()) {
						head.add(lines.cursor().rest());
					}
				}
				return head;
			});
		} catch (ImportException e) {
			if (e.line() == 0) {
				throw e; // not readable at all
			}
			return Optional.empty(); // binary data or an overlong line: not a kernel text file
		}
		return sniff(head);
	}

	/**
	 * Recognises a format from the first non-blank lines of a file, or returns empty.
	 */
	public static Optional<KernelFileKind> sniff(List<String> firstLines) {
		if (firstLines.isEmpty()) {
			return Optional.empty();
		}
		String first = firstLines.get(0);
		if (first.startsWith("slabinfo - version:")) {
			return Optional.of(SLABINFO);
		}
		for (KernelFileKind kind : BY_LINES) {
			if (firstLines.stream().allMatch(text -> kind.line.matcher(text).matches())) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}
}
