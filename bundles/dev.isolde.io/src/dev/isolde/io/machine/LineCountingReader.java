// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counts the lines passing through, so that an import source can say how long its file was. */
final class LineCountingReader extends FilterReader {

	private long newlines;
	private boolean pendingText;

	LineCountingReader(Reader in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		count(c);
		return c;
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		int n = super.read(cbuf, off, len);
		for (int i = off; i < off + n; i++) {
			count(cbuf[i]);
		}
		return n;
	}

	private void count(int c) {
		if (c == '\n') {
			newlines++;
			pendingText = false;
		} else if (c >= 0) {
			pendingText = true;
		}
	}

	/** The number of lines read so far; a last line without a newline counts. */
	int lines() {
		long n = newlines + (pendingText ? 1 : 0);
		return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
	}
}
