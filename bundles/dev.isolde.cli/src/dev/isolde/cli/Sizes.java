// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

/** Human-readable byte counts (binary units, as the kernel's own documents print them). */
final class Sizes {

	private Sizes() {
	}

	static String bytes(long b) {
		String[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
		double v = b;
		int u = 0;
		while (v >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return u == 0 ? b + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
	}
}
