// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Selects a subcommand by its first argument and runs it; owns {@code --help} and {@code --version}. */
public final class Dispatcher {

	private final Map<String, Command> commands = new LinkedHashMap<>();

	/** A dispatcher over the given commands, listed in usage in this order. */
	public Dispatcher(List<Command> commands) {
		for (Command c : commands) {
			this.commands.put(c.name(), c);
		}
	}

	/** Runs {@code args} and returns the process exit code. */
	public int run(String[] args, Console console) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			if (args.length > 1 && commands.containsKey(args[1])) {
				console.out().println(commands.get(args[1]).usage());
				return Command.OK;
			}
			console.out().print(usage());
			return args.length == 0 ? Command.BAD_INPUT : Command.OK;
		}
		if (args[0].equals("--version") || args[0].equals("version")) {
			console.out().println("isolde " + Version.current());
			return Command.OK;
		}
		Command command = commands.get(args[0]);
		if (command == null) {
			console.err().println("isolde: unknown command '" + args[0] + "'");
			console.err().print(usage());
			return Command.BAD_INPUT;
		}
		List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
		if (rest.contains("--help") || rest.contains("-h")) {
			console.out().println(command.usage());
			return Command.OK;
		}
		try {
			return command.run(rest, console);
		} catch (UsageException e) {
			console.err().println("isolde " + command.name() + ": " + e.getMessage());
			console.err().println(command.usage());
			return Command.BAD_INPUT;
		} catch (Exception e) {
			console.err().println("isolde " + command.name() + ": " + describe(e));
			return Command.BAD_INPUT;
		}
	}

	private static String describe(Exception e) {
		return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
	}

	/** The usage text listing every command. */
	public String usage() {
		StringBuilder b = new StringBuilder();
		b.append("Usage: isolde COMMAND [ARGS...]\n");
		b.append("Isolde: author, inspect and export Address Space Isolation (ASI) policies for the Linux kernel.\n\n");
		b.append("Commands:\n");
		for (Command c : commands.values()) {
			b.append(String.format("  %-10s %s%n", c.name(), c.summary()));
		}
		b.append("\nOptions:\n  --help     this text (or `isolde help COMMAND`)\n  --version  print the version\n");
		b.append("\nExit codes: 0 ok, 1 checks failed, 2 bad input or usage.\n");
		b.append("Run `./isolde` with no arguments from the repository to open the workbench.\n");
		return b.toString();
	}
}
