// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

/** Reads a kernel CPU list such as {@code 0-3,8}, as printed by {@code %*pbl} (lib/vsprintf.c, bitmap_list_string()). */
final class CpuList {

	private CpuList() {
	}

	/** The number of CPUs in {@code list}. */
	static int count(String list) {
		if (list.isEmpty()) {
			throw new IllegalArgumentException("empty CPU list");
		}
		int n = 0;
		for (String part : list.split(",")) {
			int dash = part.indexOf('-');
			try {
				if (dash < 0) {
					Integer.parseInt(part);
					n++;
				} else {
					int from = Integer.parseInt(part.substring(0, dash));
					int to = Integer.parseInt(part.substring(dash + 1));
					if (to < from) {
						throw new IllegalArgumentException("bad CPU range '" + part + "'");
					}
					n += to - from + 1;
				}
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("bad CPU list '" + list + "'", e);
			}
		}
		return n;
	}
}
