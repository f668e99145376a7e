// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model;

/**
 * Whether a kernel's kallsyms names its variables: only a kernel built with CONFIG_KALLSYMS_ALL lists data symbols
 * (scripts/kallsyms.c keeps text symbols only without it), so rules naming jiffies or per-cpu data match nothing.
 */
public final class KallsymsAll {

	/** A kernel with CONFIG_KALLSYMS_ALL lists tens of thousands of data symbols, one without it a few dozen. */
	public static final int FEW_DATA_SYMBOLS = 1_000;

	private KallsymsAll() {
	}

	/**
	 * vmlinux's data, read-only data, bss and per-cpu symbols (nm letters d, r, b, v in either case), not text or
	 * weak; modules list theirs whatever the kernel's configuration.
	 */
	public static boolean isVmlinuxData(char type, String module) {
		return module == null && "dDrRbBvV".indexOf(type) >= 0;
	}
}
