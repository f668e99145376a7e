// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;

/** A kallsyms-like input far larger than any kernel's stops at a precise line instead of exhausting the heap. */
class SymbolLimitTest {

	/** Generates {@code lines} valid kallsyms lines on the fly: no file, no buffer of the whole input. */
	private static Reader synthetic(long lines) {
		return new Reader() {
			private long line;
			private String current = "";
			private int pos;

			@Override
			public int read(char[] buf, int off, int len) {
				int n = 0;
				while (n < len) {
					if (pos == current.length()) {
						if (line == lines) {
							return n == 0 ? -1 : n;
						}
						current = String.format("%016x T synthetic_symbol_%d%n", 0xffffffff81000000L + line * 16, line);
						line++;
						pos = 0;
					}
					buf[off + n++] = current.charAt(pos++);
				}
				return n;
			}

			@Override
			public void close() {
			}
		};
	}

	@Test
	void moreSymbolsThanAnyKernelHasIsRejectedAtTheLimitLine() {
		MachineImporter importer = new MachineImporter();
		ImportException e = assertThrows(ImportException.class, () -> importer.read(
				synthetic(KallsymsImporter.MAX_SYMBOLS + 10L), "huge.kallsyms", KernelFileKind.KALLSYMS, "kallsyms"));
		assertEquals(KallsymsImporter.MAX_SYMBOLS + 1, e.line());
		assertTrue(e.getMessage().startsWith("huge.kallsyms:" + (KallsymsImporter.MAX_SYMBOLS + 1) + ":1: more than"),
				e.getMessage());
	}
}
