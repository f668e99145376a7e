// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.persist;

import java.io.IOException;

/** A kernel model file that cannot be loaded, located as {@code file:line:col} when the parser knows where. */
public final class ModelLoadException extends IOException {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final int column;

	/** An error at {@code line:column} (1-based; 0 when unknown) of {@code file}. */
	public ModelLoadException(String file, int line, int column, String problem, Throwable cause) {
		super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem, cause);
		this.file = file;
		this.line = line;
		this.column = column;
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
