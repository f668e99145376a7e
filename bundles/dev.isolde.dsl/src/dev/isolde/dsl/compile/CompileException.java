// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.compile;

/** A policy that parses but cannot be turned into engine input; the message starts with file:line:col. */
public class CompileException extends Exception {

	private static final long serialVersionUID = 1L;

	/** A compile error with a positioned message. */
	public CompileException(String message) {
		super(message);
	}
}
