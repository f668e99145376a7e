// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server talks JSON-RPC on stdin/stdout only: after it has answered {@code initialize}, the process
 * holds no internet socket, listening or not (checked in /proc, so it covers every library the server loads).
 */
class LspStdioTest {

	@TempDir
	Path workspace;

	@Test
	void languageServerOpensNoSocket() throws Exception {
		Files.writeString(workspace.resolve("p.asi"), "policy p for x86_64 paging 4 {\n  default sensitive\n}\n");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				LspServerMain.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try {
			OutputStream in = server.getOutputStream();
			send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
					+ "\"rootUri\":\"" + workspace.toUri() + "\",\"capabilities\":{}}}");
			String reply;
			do { // notifications (log messages) may come first
				reply = receive(server.getInputStream());
			} while (!reply.contains("\"id\""));
			assertTrue(reply.contains("\"id\":1") && reply.contains("capabilities"), reply);
			send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");

			Set<String> sockets = socketInodes(server.pid());
			List<String> inet = inetSocketsOf(server.pid(), sockets);
			assertEquals(List.of(), inet, "internet sockets of the language server");

			in.close(); // the client leaves: the server ends
			assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not end when stdin closed");
		} finally {
			server.destroyForcibly();
		}
	}

	private static void send(OutputStream out, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	private static String receive(InputStream in) throws IOException {
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("server closed stdout; header so far: " + header);
			}
			header.write(b);
		}
		int length = 0;
		for (String line : header.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.startsWith("Content-Length:")) {
				length = Integer.parseInt(line.substring("Content-Length:".length()).trim());
			}
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	/** The inodes of the sockets among the process's open files ({@code socket:[INODE]} links). */
	private static Set<String> socketInodes(long pid) throws IOException {
		Set<String> inodes = new HashSet<>();
		try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			for (Path fd : (Iterable<Path>) fds::iterator) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring(8, target.length() - 1));
					}
				} catch (IOException e) {
					// closed between the listing and the read
				}
			}
		}
		return inodes;
	}

	/** The lines of the process's TCP and UDP tables (IPv4 and IPv6) whose socket it holds. */
	private static List<String> inetSocketsOf(long pid, Set<String> inodes) throws IOException {
		List<String> found = new ArrayList<>();
		for (String table : new String[] { "tcp", "tcp6", "udp", "udp6" }) {
			Path file = Path.of("/proc", Long.toString(pid), "net", table);
			if (!Files.exists(file)) {
				continue;
			}
			for (String line : Files.readAllLines(file)) {
				String[] f = line.trim().split("\\s+");
				// sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
				if (f.length > 9 && inodes.contains(f[9])) {
					found.add(table + ": " + line.trim());
				}
			}
		}
		return found;
	}
}
