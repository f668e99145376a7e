// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

/** A policy that cannot be exported safely, naming the object and the rule (file:line) that selected it. */
public final class ExportException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates an export error with a complete message. */
	public ExportException(String message) {
		super(message);
	}
}
