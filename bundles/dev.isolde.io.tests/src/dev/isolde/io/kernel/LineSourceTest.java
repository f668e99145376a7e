// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class LineSourceTest {

	private static List<String> lines(Reader in) throws ImportException {
		LineSource source = new LineSource(in, "f");
		List<String> out = new ArrayList<>();
		while (source.next()) {
			out.add(source.cursor().rest());
		}
		return out;
	}

	@Test
	void lastLineWithoutNewlineIsDelivered() throws ImportException {
		assertEquals(List.of("a", "b"), lines(new StringReader("a\nb")));
	}

	@Test
	void crlfLineEndsAreStripped() throws ImportException {
		assertEquals(List.of("a", "", "b"), lines(new StringReader("a\r\n\r\nb\r\n")));
	}

	@Test
	void loneCarriageReturnInsideALineIsBinary() {
		assertEquals("f:2:2: binary data (control byte 0x0d), expected a kernel text file",
				failure(() -> lines(new StringReader("ok\na\rb\n"))));
	}

	@Test
	void nulByteIsBinaryDataAtItsColumn() {
		assertEquals("f:1:4: binary data (control byte 0x00), expected a kernel text file",
				failure(() -> lines(new StringReader("abc\0def\n"))));
	}

	@Test
	void latin1HighBytesAndTabsAreText() throws ImportException {
		assertEquals(List.of("caf\u00c3\u00a9\tx"), lines(new StringReader("caf\u00c3\u00a9\tx\n")));
	}

	@Test
	void lineOfExactlyTheLimitIsAccepted() throws ImportException {
		String line = "x".repeat(LineSource.MAX_LINE_LENGTH);
		assertEquals(List.of(line, "y"), lines(new StringReader(line + "\ny\n")));
	}

	@Test
	void endlessLineIsRejectedWithoutBufferingIt() {
		Reader endless = new Reader() {
			private long served;

			@Override
			public int read(char[] cbuf, int off, int len) {
				assertTrue(served < 4L * LineSource.MAX_LINE_LENGTH, "read far past the limit");
				java.util.Arrays.fill(cbuf, off, off + len, 'x');
				served += len;
				return len;
			}

			@Override
			public void close() {
			}
		};
		assertEquals("f:1:65537: line longer than 65536 characters, expected a kernel text file",
				failure(() -> lines(endless)));
	}

	@Test
	void carriageReturnAtABufferBoundaryStillPairsWithItsNewline() throws ImportException {
		// A reader that returns one char per call puts every '\r' at the end of the buffered data.
		Reader trickle = new Reader() {
			private final String text = "ab\r\ncd\r\n";
			private int at;

			@Override
			public int read(char[] cbuf, int off, int len) {
				if (at == text.length()) {
					return -1;
				}
				cbuf[off] = text.charAt(at++);
				return 1;
			}

			@Override
			public void close() {
			}
		};
		assertEquals(List.of("ab", "cd"), lines(trickle));
	}

	@Test
	void emptyInputHasNoLines() throws ImportException {
		LineSource source = new LineSource(new StringReader(""), "f");
		assertFalse(source.next());
		assertEquals(0, source.number());
	}
}
