// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class CliTest {

	@TempDir
	Path dir;

	CliRun run(String... args) {
		return CliRun.in(dir, args);
	}

	@Test
	void helpListsTheCommandsAndExitsZero() {
		CliRun r = run("--help");
		assertEquals(0, r.exit());
		assertTrue(r.out().contains("Usage: isolde COMMAND"), r.out());
		assertTrue(r.out().contains("check"), r.out());
	}

	@Test
	void versionPrintsTheBundleVersion() {
		CliRun r = run("--version");
		assertEquals(0, r.exit());
		assertTrue(r.out().matches("isolde 0\\.1\\.0\\..*\\R"), r.out());
	}

	@Test
	void unknownCommandIsAUsageError() {
		assertEquals(2, run("frobnicate").exit());
	}

	@Test
	void checkAcceptsTheBundledSamplePolicy() {
		Path sample = Path.of(System.getProperty("isolde.samples", "../../samples"), "kvm-host.asi").toAbsolutePath();
		CliRun r = run("check", sample.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
	}

	@Test
	void syntaxErrorExitsTwoWithFileLineAndColumn() throws Exception {
		Files.writeString(dir.resolve("broken.asi"), "policy p for x86_64 paging 4 {\n  global nonsensitive {\n    symbol ,\n  }\n}\n");
		CliRun r = run("check", "broken.asi");
		assertEquals(2, r.exit(), r.out() + r.err());
		assertTrue(r.err().startsWith("broken.asi:3:12: error:"), r.err());
	}

	@Test
	void missingFileExitsTwo() {
		CliRun r = run("check", "nope.asi");
		assertEquals(2, r.exit());
		assertTrue(r.err().contains("nope.asi"), r.err());
	}
}
