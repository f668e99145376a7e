// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import java.io.Reader;

/** Huge inputs generated while they are read, so a benchmark needs neither the disk nor the heap to hold them. */
abstract class SyntheticText extends Reader {

	private final long limit;
	private final StringBuilder line = new StringBuilder(1024);
	private long produced;
	private long lines;
	private int at;

	/** Text of at most {@code limit} characters (whole lines), or lines forever when {@code limit} is negative. */
	SyntheticText(long limit) {
		this.limit = limit;
	}

	/** Appends line number {@code n} (0-based) with its newline to {@code out}; returns false after the last line. */
	abstract boolean line(long n, StringBuilder out);

	/** The characters handed out so far. */
	long produced() {
		return produced;
	}

	@Override
	public int read(char[] buf, int off, int len) {
		int done = 0;
		while (done < len) {
			if (at == line.length()) {
				line.setLength(0);
				at = 0;
				if (!line(lines, line) || limit >= 0 && produced + line.length() > limit) {
					line.setLength(0);
					break;
				}
				lines++;
			}
			int n = Math.min(len - done, line.length() - at);
			line.getChars(at, at + n, buf, off + done);
			at += n;
			done += n;
			produced += n;
		}
		return done == 0 && len > 0 ? -1 : done;
	}

	@Override
	public void close() {
	}

	/** kallsyms lines of {@code nameLength}-character names ({@code sym_N} padded with x), text symbols mostly. */
	static SyntheticText kallsyms(long limit, int nameLength) {
		return new SyntheticText(limit) {
			@Override
			boolean line(long n, StringBuilder out) {
				out.append(Long.toHexString(0xffffffff81000000L + 64 * n)).append(' ');
				out.append(n % 8 == 0 ? 'd' : 'T').append(' ');
				int from = out.length();
				out.append("sym_").append(n);
				while (out.length() - from < nameLength) {
					out.append('x');
				}
				out.append('\n');
				return true;
			}
		};
	}

	/** Endless /proc/vmallocinfo lines: two-page areas of a module loader, back to back from the start of vmalloc. */
	static SyntheticText vmallocinfo() {
		return new SyntheticText(-1) {
			@Override
			boolean line(long n, StringBuilder out) {
				long start = 0xffffc90000000000L + 0x3000 * n;
				out.append("0x").append(Long.toHexString(start)).append("-0x").append(Long.toHexString(start + 0x3000))
						.append("    12288 load_module+0x1f4/0x2210 pages=2 vmalloc N0=2\n");
				return true;
			}
		};
	}

	/** {@code count} trace events on four CPUs of two VMs: exits, accesses by symbol, interrupts, entries. */
	static SyntheticText trace(long count) {
		String[] events = { " vmexit EPT_VIOLATION\n", " access _stext+0x10 r\n", " access 0xffff888100000000 w\n",
				" irq 236\n", " vmenter\n" };
		return new SyntheticText(-1) {
			@Override
			boolean line(long n, StringBuilder out) {
				if (n >= count) {
					return false;
				}
				int cpu = (int) (n / events.length % 4);
				out.append(n).append(' ').append(cpu).append(cpu < 2 ? " guest1" : " guest2");
				out.append(events[(int) (n % events.length)]);
				return true;
			}
		};
	}
}
