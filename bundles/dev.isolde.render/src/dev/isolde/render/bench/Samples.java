// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.bench;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock samples of a repeated action, summarised as median and 99th percentile. */
final class Samples {

	private final long[] nanos;
	private int n;

	Samples(int capacity) {
		nanos = new long[capacity];
	}

	void time(Runnable action) {
		long t0 = System.nanoTime();
		action.run();
		nanos[n++] = System.nanoTime() - t0;
	}

	private double percentile(double p) {
		long[] sorted = Arrays.copyOf(nanos, n);
		Arrays.sort(sorted);
		return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1e6;
	}

	/** "median X ms, p99 Y ms, max Z ms (N runs)". */
	String summary() {
		return String.format(Locale.ROOT, "median %.3f ms, p99 %.3f ms, max %.3f ms (%d runs)", percentile(0.5),
				percentile(0.99), percentile(1.0), n);
	}
}
