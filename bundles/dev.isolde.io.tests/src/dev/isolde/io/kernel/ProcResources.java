// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.function.Executable;

import dev.isolde.io.ImportException;

/**
 * Locates the captured kernel files under {@code resources/proc} of the tests bundle.
 */
final class ProcResources {

	private ProcResources() {
	}

	/** A file below {@code resources/proc}; the test runner's working directory is the tests bundle. */
	static Path proc(String name) {
		return Path.of(System.getProperty("isolde.testResources", "resources")).resolve("proc").resolve(name);
	}

	/** A broken input below {@code resources/proc/malformed}. */
	static Path malformed(String name) {
		return proc("malformed").resolve(name);
	}

	/** Runs {@code read} and returns the message of the {@link ImportException} it must throw. */
	static String failure(Executable read) {
		return assertThrows(ImportException.class, read).getMessage();
	}
}
