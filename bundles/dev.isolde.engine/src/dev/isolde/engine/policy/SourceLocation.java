// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

/** Where a policy element was written, for provenance and diagnostics; line and column count from 1. */
public record SourceLocation(String file, int line, int column) {
    /** The location of elements that were not written in a file (defaults, synthesised policies). */
    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
