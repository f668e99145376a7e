// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io;

import java.util.Locale;

/** Human-readable byte counts in binary units, as the kernel's own documents print them. */
public final class Sizes {

	private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

	private Sizes() {
	}

	/** {@code 1536} → {@code "1.5 KiB"}; plain bytes below 1 KiB. */
	public static String bytes(long b) {
		double v = b;
		int u = 0;
		while (v >= 1024 && u < UNITS.length - 1) {
			v /= 1024;
			u++;
		}
		return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
	}
}
