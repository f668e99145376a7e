// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.List;

/** Entry point of the {@code isolde} command. */
public final class Main {

	private Main() {
	}

	/** The dispatcher with every subcommand. */
	public static Dispatcher dispatcher() {
		Languages languages = new Languages();
		return new Dispatcher(
				List.of(new CheckCommand(languages), new ImportCommand(), new InfoCommand(), new BenchCommand()));
	}

	/** Runs the command line against the given console; returns the exit code. */
	public static int run(String[] args, Console console) {
		return dispatcher().run(args, console);
	}

	public static void main(String[] args) {
		System.exit(run(args, Console.system()));
	}
}
