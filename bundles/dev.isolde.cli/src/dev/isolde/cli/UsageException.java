// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

/** Wrong arguments to a command: the dispatcher prints the message and the command's usage. */
public class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	/** A usage error with a message saying what was wrong. */
	public UsageException(String message) {
		super(message);
	}
}
