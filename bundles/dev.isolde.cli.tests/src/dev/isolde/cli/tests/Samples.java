// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's samples/ directory, and its kernel model where a test's policies can read it. */
final class Samples {

	private Samples() {
	}

	/** The samples directory (system property {@code isolde.samples}, set by the parent POM). */
	static Path dir() {
		return Path.of(System.getProperty("isolde.samples", "../../samples")).toAbsolutePath();
	}

	/** Copies the sample kernel into {@code dir}: a policy reads kernel models from its own directory only. */
	static void copyKernelTo(Path dir) throws IOException {
		Path kernel = dir.resolve("machine.isolde");
		if (!Files.exists(kernel)) {
			Files.copy(dir().resolve("machine.isolde"), kernel);
		}
	}
}
