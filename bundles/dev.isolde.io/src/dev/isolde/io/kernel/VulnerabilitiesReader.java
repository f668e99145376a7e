// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.isolde.io.ImportException;

/**
 * Reads a directory like /sys/devices/system/cpu/vulnerabilities/ into file name → status line.
 * <p>
 * drivers/base/cpu.c creates one file per CPU bug; its default shows {@code Not affected}, and the arch code
 * (e.g. arch/x86/kernel/cpu/bugs.c) shows {@code Vulnerable...}, {@code Mitigation: ...} or {@code Unknown: ...}.
 */
public final class VulnerabilitiesReader {

	private static final String NOT_AFFECTED = "Not affected";

	/**
	 * Reads the first line of every regular file in {@code directory}, sorted by file name.
	 */
	public SortedMap<String, String> read(Path directory) throws ImportException {
		String dirName = directory.toString();
		if (!Files.isDirectory(directory)) {
			throw new ImportException(dirName, 0, 0, "not a directory",
					"a directory like /sys/devices/system/cpu/vulnerabilities");
		}
		SortedMap<String, String> statuses = new TreeMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			for (Path file : files) {
				if (Files.isRegularFile(file)) {
					statuses.put(file.getFileName().toString(), firstLine(file));
				}
			}
		} catch (IOException e) {
			throw LineSource.ioError(dirName, e);
		}
		if (statuses.isEmpty()) {
			throw new ImportException(dirName, 0, 0, "no vulnerability files", "one status file per CPU bug");
		}
		return Collections.unmodifiableSortedMap(statuses);
	}

	private static String firstLine(Path path) throws ImportException {
		return LineSource.readFile(path, (in, file) -> {
			LineSource lines = new LineSource(in, file);
			if (!lines.next()) {
				throw lines.emptyFile("a status line such as 'Not affected' or 'Mitigation: ...'");
			}
			return lines.cursor().rest();
		});
	}

	/**
	 * Whether a status line says the CPU needs a mitigation or is vulnerable, i.e. it is not {@code Not affected}.
	 */
	public static boolean affected(String status) {
		return !status.startsWith(NOT_AFFECTED);
	}
}
