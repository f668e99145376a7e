// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.isolde.io.ImportException;

/**
 * Splits kernel text into lines of bounded length without allocating per line, rejecting binary data.
 * <p>
 * The current line is read through {@link #cursor()}; it stays valid until the next call to {@link #next()}.
 */
public final class LineSource {

	/** The longest line accepted; kernel text lines are far shorter, so a longer one means a wrong file. */
	public static final int MAX_LINE_LENGTH = 64 * 1024;

	private static final int READ_CHUNK = 64 * 1024;

	private final Reader in;
	private final String file;
	// Room for one maximal line plus a full refill, so a line never needs a bigger buffer.
	private final char[] buf = new char[2 * MAX_LINE_LENGTH + 2];
	private final LineCursor cursor;
	private int pos;
	private int limit;
	private boolean eof;
	private int number;

	/**
	 * Reads lines from {@code in}, naming {@code file} in errors; the caller closes {@code in}.
	 */
	public LineSource(Reader in, String file) {
		this.in = in;
		this.file = file;
		this.cursor = new LineCursor(this, buf);
	}

	/**
	 * Opens a file for a {@link LineSource}; ISO-8859-1 maps every byte to one char, so columns are byte columns.
	 */
	public static Reader open(Path path) throws ImportException {
		try {
			// Fewer, larger reads than the 8 KiB the decoder asks for; it measurably helps on large files.
			InputStream in = new BufferedInputStream(Files.newInputStream(path), READ_CHUNK);
			return new InputStreamReader(in, StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw ioError(path.toString(), e);
		}
	}

	/** What to do with an opened file; it must not close the reader. */
	@FunctionalInterface
	public interface FileBody<S> {
		/** Reads from {@code in}, naming {@code file} in errors. */
		S read(Reader in, String file) throws ImportException;
	}

	/**
	 * Opens {@code path} with {@link #open(Path)}, runs {@code body} on it and closes it, wrapping I/O failures.
	 */
	public static <S> S readFile(Path path, FileBody<S> body) throws ImportException {
		String file = path.toString();
		try (Reader in = open(path)) {
			return body.read(in, file);
		} catch (IOException e) {
			throw ioError(file, e);
		}
	}

	/** Wraps an I/O failure of {@code file} as an error without a line. */
	public static ImportException ioError(String file, IOException e) {
		String why;
		if (e instanceof AccessDeniedException) {
			why = "permission denied"; // e.g. /proc/slabinfo and /proc/vmallocinfo are readable by root only
		} else if (e instanceof NoSuchFileException) {
			why = "no such file";
		} else {
			why = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
		}
		return new ImportException(file, 0, 0, "cannot read: " + why, null, e);
	}

	/** The 1-based number of the current line, 0 before the first. */
	public int number() {
		return number;
	}

	/** The cursor over the current line. */
	public LineCursor cursor() {
		return cursor;
	}

	/**
	 * Advances to the next line and returns {@code false} at the end of the input.
	 */
	public boolean next() throws ImportException {
		int scan = pos;
		for (;;) {
			int bound = Math.min(limit, pos + MAX_LINE_LENGTH + 1);
			boolean needMore = false;
			while (scan < bound) {
				char c = buf[scan];
				if (c < ' ' || c >= 0x7f) {
					if (c == '\n') {
						int end = scan > pos && buf[scan - 1] == '\r' ? scan - 1 : scan;
						return deliver(end, scan + 1);
					}
					if (c == '\r' && scan + 1 == limit && !eof) {
						needMore = true; // whether '\n' follows is not read yet
						break;
					}
					checkText(c, scan);
				}
				scan++;
			}
			if (!needMore && scan - pos > MAX_LINE_LENGTH) {
				number++;
				throw new ImportException(file, number, MAX_LINE_LENGTH + 1,
						"line longer than " + MAX_LINE_LENGTH + " characters", "a kernel text file");
			}
			if (!needMore && eof) {
				if (scan == pos) {
					return false;
				}
				int end = buf[scan - 1] == '\r' ? scan - 1 : scan;
				return deliver(end, scan);
			}
			scan -= pos;
			fill();
		}
	}

	private void checkText(char c, int at) throws ImportException {
		if (c == '\t' || (c >= 0x80 && c != '\uFFFD')) {
			return; // ISO-8859-1 high bytes may be legitimate (e.g. a UTF-8 resource name)
		}
		if (c == '\r' && (at + 1 == limit || buf[at + 1] == '\n')) {
			return; // a line end of a file written on another system
		}
		number++;
		String what = c == '\uFFFD' ? "undecodable character" : String.format("control byte 0x%02x", (int) c);
		throw new ImportException(file, number, at - pos + 1, "binary data (" + what + ")", "a kernel text file");
	}

	private boolean deliver(int end, int nextPos) {
		number++;
		cursor.reset(pos, end);
		pos = nextPos;
		return true;
	}

	private void fill() throws ImportException {
		int keep = limit - pos;
		System.arraycopy(buf, pos, buf, 0, keep);
		pos = 0;
		limit = keep;
		try {
			int n;
			do {
				n = in.read(buf, limit, buf.length - limit);
			} while (n == 0);
			if (n < 0) {
				eof = true;
			} else {
				limit += n;
			}
		} catch (IOException e) {
			throw ioError(file, e);
		}
	}

	/**
	 * Fails at the current line when a file holds more than {@code max} records: what a reader stages must fit a
	 * 512 MB heap however large the file, and a real kernel's files stay far below each reader's limit.
	 */
	public void admit(long recordsSoFar, long max, String records, String expected) throws ImportException {
		if (recordsSoFar >= max) {
			throw error(1, "more than " + max + " " + records + ", far more than one kernel has", expected);
		}
	}

	ImportException error(int column, String problem, String expected) {
		return new ImportException(file, number, column, problem, expected);
	}

	/**
	 * Reports that the input had no lines at all.
	 */
	public ImportException emptyFile(String expected) {
		return new ImportException(file, 1, 1, "empty file", expected);
	}

	/**
	 * Fails at the end of the input unless it held {@code records} &gt; 0 records, called {@code noun} in the error.
	 */
	public void requireRecords(long records, String noun, String expected) throws ImportException {
		if (number == 0) {
			throw emptyFile(expected);
		}
		if (records == 0) {
			throw new ImportException(file, number, 0, "no " + noun, expected);
		}
	}
}
