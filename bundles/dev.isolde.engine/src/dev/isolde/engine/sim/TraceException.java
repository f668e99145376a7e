// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/** A trace that cannot be read, located as {@code file:line:col} (1-based). */
public final class TraceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;

    /** An error at {@code file:line:column}. */
    public TraceException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }
}
