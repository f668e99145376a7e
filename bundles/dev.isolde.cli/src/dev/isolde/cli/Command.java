// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.List;

/** One subcommand of {@code isolde}. */
public interface Command {

	/** Exit code: success. */
	int OK = 0;
	/** Exit code: the input was read but fails a check (validation errors, rule violations). */
	int FAILED = 1;
	/** Exit code: bad input or usage (syntax error, unreadable file, unknown option). */
	int BAD_INPUT = 2;

	/** The word that selects this command. */
	String name();

	/** One line for the usage text. */
	String summary();

	/** The command's own usage text, shown by {@code isolde help NAME} and on usage errors. */
	String usage();

	/** Runs the command with the arguments that follow its name. */
	int run(List<String> args, Console console) throws Exception;
}
