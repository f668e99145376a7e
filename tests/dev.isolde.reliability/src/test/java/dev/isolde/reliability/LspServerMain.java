// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import java.io.PrintStream;

import dev.isolde.dsl.ide.server.IsoldeLanguageServer;

/** The child JVM of {@link LspStdioTest}: the language server as {@code isolde lsp} runs it, on stdin/stdout. */
public final class LspServerMain {

	private LspServerMain() {
	}

	/** Serves until stdin closes. */
	public static void main(String[] args) throws Exception {
		PrintStream protocol = System.out;
		System.setOut(System.err); // as LspCommand: library logging must not corrupt the JSON-RPC stream
		IsoldeLanguageServer.serve(System.in, protocol);
		System.exit(0);
	}
}
