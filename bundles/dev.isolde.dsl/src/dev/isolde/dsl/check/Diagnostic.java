// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.check;

/** One problem found in a policy file, positioned like a compiler message. */
public record Diagnostic(Severity severity, String file, int line, int column, String message, String code,
		boolean syntax) {

	/** How bad a diagnostic is. */
	public enum Severity {
		ERROR, WARNING, INFO
	}

	/** {@code file:line:col: severity: message}, the format editors and CI logs understand. */
	public String format() {
		return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message
				+ (code == null ? "" : " [" + code + "]");
	}
}
