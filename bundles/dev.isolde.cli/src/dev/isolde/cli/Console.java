// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** Where a command reads and writes: the real terminal, or buffers in tests. */
public record Console(InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {

	/** The process's own streams and working directory. */
	public static Console system() {
		return new Console(System.in, System.out, System.err, Path.of("").toAbsolutePath());
	}

	/** Resolves a path argument against the working directory. */
	public Path resolve(String arg) {
		return workingDirectory.resolve(arg).normalize();
	}
}
