// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.PrintStream;
import java.util.List;

import dev.isolde.dsl.ide.server.IsoldeLanguageServer;

/** {@code isolde lsp}: a Language Server Protocol server on stdin/stdout for editors other than the workbench. */
final class LspCommand implements Command {

	@Override
	public String name() {
		return "lsp";
	}

	@Override
	public String summary() {
		return "run the policy language server (LSP over stdin/stdout)";
	}

	@Override
	public String usage() {
		return "Usage: isolde lsp\n"
				+ "Serves the Language Server Protocol on stdin/stdout (diagnostics, completion with kernel names,\n"
				+ "formatting) until the client closes stdin. Configure your editor to start `isolde lsp` for *.asi.";
	}

	@Override
	public int run(List<String> args, Console console) throws Exception {
		if (!args.isEmpty()) {
			throw new UsageException("unexpected argument " + args.get(0));
		}
		PrintStream protocol = console.out();
		PrintStream saved = System.out;
		// Stdout carries JSON-RPC: a stray println from any library would corrupt the stream, so send those to stderr.
		System.setOut(console.err());
		try {
			IsoldeLanguageServer.serve(console.in(), protocol);
		} finally {
			System.setOut(saved);
		}
		return OK;
	}
}
