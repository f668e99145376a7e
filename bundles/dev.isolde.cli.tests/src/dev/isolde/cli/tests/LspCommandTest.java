// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.cli.Console;
import dev.isolde.cli.Main;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.Symbol;
import dev.isolde.model.persist.ModelStore;

/** Drives {@code isolde lsp} as an editor would: JSON-RPC over a pair of pipes. */
class LspCommandTest {

	@TempDir
	Path dir;

	/** Records what the server publishes; answers nothing else. */
	static final class Client implements LanguageClient {
		final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.add(params);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
		}

		PublishDiagnosticsParams awaitNonEmpty(String uri) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (System.nanoTime() < deadline) {
				PublishDiagnosticsParams p = diagnostics.poll(1, TimeUnit.SECONDS);
				if (p != null && p.getUri().equals(uri) && !p.getDiagnostics().isEmpty()) {
					return p;
				}
			}
			return null;
		}
	}

	private static String message(Diagnostic d) {
		return d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue();
	}

	@Test
	void servesDiagnosticsKernelNameCompletionAndKeywordHoverOverStdio() throws Exception {
		Machine machine = IsoldeFactory.eINSTANCE.createMachine();
		Symbol jiffies64 = IsoldeFactory.eINSTANCE.createSymbol();
		jiffies64.setName("jiffies_64");
		machine.getSymbols().add(jiffies64);
		ModelStore.save(machine, dir.resolve("machine.isolde"));

		PipedOutputStream toServer = new PipedOutputStream();
		PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
		PipedOutputStream fromServer = new PipedOutputStream();
		PipedInputStream clientIn = new PipedInputStream(fromServer, 1 << 16);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		AtomicInteger exit = new AtomicInteger(-1);
		Thread server = new Thread(() -> exit.set(Main.run(new String[] { "lsp" }, new Console(serverIn,
				new PrintStream(fromServer, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				dir))), "isolde-lsp");
		server.start();

		try {
			talkTo(clientIn, toServer, err);
		} finally {
			toServer.close();
			server.join(TimeUnit.SECONDS.toMillis(60));
		}
		assertEquals(0, exit.get(), err::toString);
	}

	private void talkTo(PipedInputStream clientIn, PipedOutputStream toServer, ByteArrayOutputStream err)
			throws Exception {
		Client client = new Client();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
		launcher.startListening();
		LanguageServer ls = launcher.getRemoteProxy();

		InitializeParams init = new InitializeParams();
		init.setRootUri(dir.toUri().toString());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "policies")));
		InitializeResult initialized = ls.initialize(init).get(60, TimeUnit.SECONDS);
		assertNotNull(initialized.getCapabilities().getCompletionProvider());
		ls.initialized(new InitializedParams());

		String uri = dir.resolve("policy.asi").toUri().toString();
		String text = "kernel \"machine.isolde\"\npolicy p for x86_64 paging 4 {\n  default nonsensitive\n"
				+ "  global nonsensitive {\n    symbol jif\n  }\n}\n";
		ls.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "isolde", 1, text)));

		PublishDiagnosticsParams published = client.awaitNonEmpty(uri);
		assertNotNull(published, "no diagnostics for " + uri + "; server stderr: " + err);
		assertTrue(published.getDiagnostics().stream().anyMatch(d -> message(d).contains("sensitive by default")
				&& d.getRange().getStart().getLine() == 2), published::toString);

		var completion = ls.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(4, 14)))
				.get(60, TimeUnit.SECONDS);
		List<CompletionItem> items = completion.isLeft() ? completion.getLeft() : completion.getRight().getItems();
		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("jiffies_64")), items::toString);

		Hover hover = ls.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 5))).get(60, TimeUnit.SECONDS);
		assertNotNull(hover, "no hover over `global`");
		assertTrue(hover.getContents().getRight().getValue().startsWith("global nonsensitive { RULES }: memory mapped in every"),
				hover::toString);
		assertEquals(new Range(new Position(3, 2), new Position(3, 8)), hover.getRange());

		ls.shutdown().get(60, TimeUnit.SECONDS);
	}
}
