// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.cli.Console;
import dev.isolde.cli.Main;

class CliTest {

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {
	}

	Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(args, new Console(new ByteArrayInputStream(new byte[0]),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void helpListsTheCommandsAndExitsZero() {
		Run r = run("--help");
		assertEquals(0, r.exit());
		assertTrue(r.out().contains("Usage: isolde COMMAND"), r.out());
		assertTrue(r.out().contains("check"), r.out());
	}

	@Test
	void versionPrintsTheBundleVersion() {
		Run r = run("--version");
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
		Run r = run("check", sample.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
	}

	@Test
	void syntaxErrorExitsTwoWithFileLineAndColumn() throws Exception {
		Files.writeString(dir.resolve("broken.asi"), "policy p for x86_64 paging 4 {\n  global nonsensitive {\n    symbol ,\n  }\n}\n");
		Run r = run("check", "broken.asi");
		assertEquals(2, r.exit(), r.out() + r.err());
		assertTrue(r.err().startsWith("broken.asi:3:12: error:"), r.err());
	}

	@Test
	void missingFileExitsTwo() {
		Run r = run("check", "nope.asi");
		assertEquals(2, r.exit());
		assertTrue(r.err().contains("nope.asi"), r.err());
	}
}
