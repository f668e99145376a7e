// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.List;

/**
 * The text symbols a sample model keeps: those an ASI policy names, i.e. entry, ASI, KVM and interrupt code and the
 * entry text, while data, rodata, bss and per-cpu symbols are always kept.
 * <p>
 * A full kallsyms has ~120k text symbols, ~10 MB of XMI; policies classify text by region, so a sample shipped with
 * the product keeps only the functions a reader looks up when following an entry or VM-exit path.
 */
public final class TextSymbolSample {

	/** The name prefixes of kept text symbols. */
	public static final List<String> PREFIXES = List.of("entry_", "asi_", "kvm_", "vmx_", "svm_", "irq", "__switch_to",
			"native_", "__entry_text", "__irqentry_text", "_text", "_stext", "_etext", "_sinittext", "_einittext");

	private final long entryStart;
	private final long entryEnd;

	/** A sample that also keeps every text symbol in {@code [entryStart, entryEnd)}, the entry text. */
	TextSymbolSample(long entryStart, long entryEnd) {
		this.entryStart = entryStart;
		this.entryEnd = entryEnd;
	}

	/** Whether a text symbol is kept. */
	boolean keeps(String name, long address) {
		if (Long.compareUnsigned(address, entryStart) >= 0 && Long.compareUnsigned(address, entryEnd) < 0) {
			return true;
		}
		for (String prefix : PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Says in an import note what the sample left out. */
	static String describe(long leftOut, long textSymbols) {
		return "sample: left out " + leftOut + " of " + textSymbols + " text symbols (T/t) and their TEXT objects;"
				+ " kept text names starting with " + String.join(", ", PREFIXES)
				+ " and all symbols in the entry text; every data, rodata, bss, weak and per-cpu symbol is kept";
	}
}
