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
		PolicyInputs inputs = new PolicyInputs(languages);
		return new Dispatcher(List.of(new CheckCommand(languages, inputs), new ImportCommand(), new InfoCommand(),
				new SpacesCommand(inputs), new ExplainCommand(inputs), new DiffCommand(inputs), new CompareCommand(inputs), new SimulateCommand(inputs), new ExportCommand(inputs),
				new BenchCommand(languages),
				new LspCommand()));
	}

	/** Runs the command line against the given console; returns the exit code. */
	public static int run(String[] args, Console console) {
		configureLogging();
		return dispatcher().run(args, console);
	}

	public static void main(String[] args) {
		System.exit(run(args, Console.system()));
	}

	/** Sends Xtext's log4j messages to stderr at WARN, instead of log4j's "no appenders" complaint on stdout. */
	static void configureLogging() {
		org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
		if (!root.getAllAppenders().hasMoreElements()) {
			org.apache.log4j.ConsoleAppender appender = new org.apache.log4j.ConsoleAppender(
					new org.apache.log4j.PatternLayout("isolde: %p %c{1}: %m%n"), org.apache.log4j.ConsoleAppender.SYSTEM_ERR);
			root.addAppender(appender);
			root.setLevel(org.apache.log4j.Level.WARN);
		}
	}
}
