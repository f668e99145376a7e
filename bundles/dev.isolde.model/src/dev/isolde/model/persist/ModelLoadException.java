// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.persist;

import java.io.IOException;

/** A kernel model file that cannot be loaded, located as {@code file:line:col} when the parser knows where. */
public final class ModelLoadException extends IOException {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final int column;
	private final String problem;

	/** An error at {@code line:column} (1-based; 0 when unknown) of {@code file}. */
	public ModelLoadException(String file, int line, int column, String problem, Throwable cause) {
		super(format(file, line, column, problem), cause);
		this.file = file;
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	private static String format(String file, int line, int column, String problem) {
		return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem;
	}

	/**
	 * The same message with the file named as the user typed it (a command line's relative path rather than the
	 * absolute one the loader saw), keeping the line and column.
	 */
	public String messageNaming(String shownFile) {
		return format(shownFile, line, column, problem);
	}

	/** The file as the caller named it. */
	public String file() {
		return file;
	}

	/** The 1-based line, or 0 when the error is not at a line (e.g. the file cannot be read). */
	public int line() {
		return line;
	}

	/** The 1-based column, or 0 when unknown. */
	public int column() {
		return column;
	}
}
