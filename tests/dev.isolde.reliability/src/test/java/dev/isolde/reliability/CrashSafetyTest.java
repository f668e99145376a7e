// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelStore;

/**
 * A save killed with SIGKILL in the middle leaves the previous model byte for byte, loadable, and at most a hidden
 * temporary file that nothing takes for a model.
 */
class CrashSafetyTest {

	private static final int ROUNDS = 3;

	@TempDir
	Path dir;

	@Test
	void killingTheJvmMidSaveLeavesThePreviousModelIntact() throws Exception {
		Path file = dir.resolve("machine.isolde");
		ModelStore.save(LargeMachine.of("previous", 1_000), file);
		int interrupted = 0;
		for (int round = 0; round < ROUNDS; round++) {
			byte[] before = Files.readAllBytes(file);
			Process child = saveLoop(file);
			try {
				awaitPartialTemporaryFile(child);
				// SIGKILL: no shutdown hook, no finally block, no close() runs in the child.
				child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
			} finally {
				child.destroyForcibly();
			}
			List<Path> litter = litter(file);
			interrupted += litter.isEmpty() ? 0 : 1;
			Machine loaded = ModelStore.load(file);
			if (loaded.getName().equals("previous")) {
				assertArrayEquals(before, Files.readAllBytes(file), "the previous model was changed");
			} else {
				// an earlier save of this round completed before the kill: it must be whole
				assertEquals("next", loaded.getName());
				assertEquals(SaveLoop.SYMBOLS, loaded.getSymbols().size());
			}
			for (Path p : litter) {
				assertTrue(p.getFileName().toString().startsWith("."), "temporary file is hidden: " + p);
				assertFalse(p.getFileName().toString().endsWith("." + ModelStore.EXTENSION),
						"temporary file looks like a model: " + p);
				Files.delete(p);
			}
		}
		assertTrue(interrupted > 0, "no kill hit a save in progress (no temporary file was left)");
	}

	private static Process saveLoop(Path file) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				SaveLoop.class.getName(), file.toString()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

	/** Waits until the child has written part of a temporary file, so it is in the middle of a save. */
	private void awaitPartialTemporaryFile(Process child) throws Exception {
		for (;;) {
			if (!child.isAlive()) {
				fail("the save loop exited with " + child.exitValue());
			}
			Optional<Path> tmp = temporaryFile();
			if (tmp.isPresent()) {
				try {
					if (Files.size(tmp.get()) > 0) {
						return;
					}
				} catch (NoSuchFileException e) {
					// renamed between the listing and the size: the next save starts a new one
				}
			}
			Thread.sleep(1);
		}
	}

	private Optional<Path> temporaryFile() throws IOException {
		try (var files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).findFirst();
		}
	}

	/** Everything in the model's directory except the model itself. */
	private static List<Path> litter(Path file) throws IOException {
		try (var files = Files.list(file.getParent())) {
			return files.filter(p -> !p.equals(file)).toList();
		}
	}
}
