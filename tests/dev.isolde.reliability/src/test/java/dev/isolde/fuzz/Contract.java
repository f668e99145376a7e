// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

/**
 * What every parser promises for any input: a result, or its own error type naming the file and a line. A fuzz
 * target calls {@link #located} on the error it caught; any other exception escapes and is a finding.
 */
final class Contract {

	/** The name the fuzz targets give their input in error messages. */
	static final String FILE = "fuzz-input";

	private Contract() {
	}

	/** Fails unless the error names {@code file} and a 1-based line no further than the input has lines. */
	static void located(String file, String actualFile, int line, int column, int lines, String message) {
		if (!file.equals(actualFile)) {
			throw new AssertionError("error names file '" + actualFile + "', not '" + file + "': " + message);
		}
		if (line < 1 || line > lines) {
			throw new AssertionError("error at line " + line + " of a " + lines + "-line input: " + message);
		}
		if (column < 0) {
			throw new AssertionError("error at column " + column + ": " + message);
		}
		if (message == null || message.isBlank()) {
			throw new AssertionError("error without a message at line " + line);
		}
	}

	/** The number of lines of {@code data} as a line reader counts them: a last line needs no newline. */
	static int lines(byte[] data) {
		int n = 0;
		for (byte b : data) {
			if (b == '\n') {
				n++;
			}
		}
		return data.length > 0 && data[data.length - 1] != '\n' ? n + 1 : Math.max(n, 1);
	}
}
