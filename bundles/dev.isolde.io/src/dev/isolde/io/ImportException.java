// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io;

/**
 * An input file that cannot be imported, located like a gcc diagnostic: {@code file:line:col: message}.
 */
public final class ImportException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final int column;
	private final String problem;
	private final String expected;

	/**
	 * Creates an error at a 1-based line and column, either of which is 0 when it does not apply.
	 */
	public ImportException(String file, int line, int column, String problem, String expected) {
		this(file, line, column, problem, expected, null);
	}

	/**
	 * Creates an error caused by another exception, typically an {@link java.io.IOException} (line 0).
	 */
	public ImportException(String file, int line, int column, String problem, String expected, Throwable cause) {
		super(format(file, line, column, problem, expected), cause);
		this.file = file;
		this.line = line;
		this.column = column;
		this.problem = problem;
		this.expected = expected;
	}

	private static String format(String file, int line, int column, String problem, String expected) {
		StringBuilder b = new StringBuilder(file);
		// gcc style: a location part that does not apply is left out rather than printed as 0.
		if (line > 0) {
			b.append(':').append(line);
			if (column > 0) {
				b.append(':').append(column);
			}
		}
		b.append(": ").append(problem);
		if (expected != null) {
			b.append(", expected ").append(expected);
		}
		return b.toString();
	}

	/** The file name as given by the caller. */
	public String file() {
		return file;
	}

	/** The 1-based line, or 0 when the error is not tied to a line. */
	public int line() {
		return line;
	}

	/** The 1-based column, or 0 when the error is not tied to a column. */
	public int column() {
		return column;
	}

	/** What is wrong, without location and without the expectation. */
	public String problem() {
		return problem;
	}

	/** What the reader expected at this location, or {@code null}. */
	public String expected() {
		return expected;
	}
}
