// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.Arrays;
import java.util.Locale;

/** Median-of-runs timing for the {@code bench} commands: warm-up runs first, a GC before each run. */
final class Timings {

	/** One measured action; returns something so the JIT cannot drop the work. */
	@FunctionalInterface
	interface Action {
		Object run() throws Exception;
	}

	/** The sorted run times in nanoseconds. */
	record Result(long[] nanos, Object last) {

		double medianMs() {
			return nanos[nanos.length / 2] / 1e6;
		}

		String summary() {
			return String.format(Locale.ROOT, "median %.1f ms (min %.1f, max %.1f) over %d runs", medianMs(),
					nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length);
		}
	}

	private Timings() {
	}

	static Result measure(int warmUp, int runs, Action action) throws Exception {
		long[] nanos = new long[runs];
		Object last = null;
		for (int i = 0; i < warmUp + runs; i++) {
			// start each run with the last run's garbage collected, so no run pays for another's
			System.gc();
			long t0 = System.nanoTime();
			last = action.run();
			long t = System.nanoTime() - t0;
			if (i >= warmUp) {
				nanos[i - warmUp] = t;
			}
		}
		Arrays.sort(nanos);
		return new Result(nanos, last);
	}
}
