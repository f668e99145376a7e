// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelStore;
import dev.isolde.model.persist.ModelLoadException;

/**
 * The kernel model loader: any bytes give a machine or a {@link ModelLoadException} naming the file, and a loaded
 * machine saves again. Seed: a slice of samples/machine.isolde.
 */
class ModelStoreFuzzTest {

	private static Path dir;
	private static Path file;

	@BeforeAll
	static void createScratch() throws IOException {
		dir = Files.createTempDirectory("isolde-fuzz-model");
		file = dir.resolve("fuzz.isolde");
	}

	@AfterAll
	static void deleteScratch() throws IOException {
		Files.deleteIfExists(file);
		Files.delete(dir);
	}

	@FuzzTest(maxDuration = "30s")
	void load(byte[] data) throws IOException {
		Files.write(file, data);
		Machine machine;
		try {
			machine = ModelStore.load(file);
		} catch (ModelLoadException e) {
			if (!e.getMessage().startsWith(file.toString() + ":")) {
				throw new AssertionError("error does not name the file: " + e.getMessage(), e);
			}
			return;
		}
		ModelStore.save(machine, file);
		ModelStore.load(file);
	}
}
