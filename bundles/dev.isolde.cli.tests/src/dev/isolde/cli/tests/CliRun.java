// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.isolde.cli.Console;
import dev.isolde.cli.Main;

/** One in-process run of the {@code isolde} command, with what it printed. */
record CliRun(int exit, String out, String err) {

	/** Runs {@code isolde ARGS} in {@code workingDirectory} with empty standard input. */
	static CliRun in(Path workingDirectory, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(args, new Console(new ByteArrayInputStream(new byte[0]),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				workingDirectory));
		return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
