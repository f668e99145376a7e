// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The names nearest to a misspelt one by edit distance (insertions, deletions, substitutions and swaps of
 * neighbours), for "did you mean" fixes; a real kernel has ~200k symbols, so lengths that cannot be close are
 * skipped before any distance is computed.
 */
final class ClosestNames {

	private record Candidate(String name, int distance) {
	}

	private ClosestNames() {
	}

	/** At most {@code limit} names within a third of {@code wrong}'s length (at least 2 edits), nearest first. */
	static List<String> of(String wrong, Iterable<String> names, int limit) {
		int max = Math.max(2, wrong.length() / 3);
		List<Candidate> found = new ArrayList<>();
		for (String name : names) {
			if (Math.abs(name.length() - wrong.length()) > max || name.equals(wrong)) {
				continue;
			}
			int d = distance(wrong, name, max);
			if (d <= max) {
				found.add(new Candidate(name, d));
			}
		}
		found.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
		return found.stream().limit(limit).map(Candidate::name).toList();
	}

	/** Optimal string alignment distance, or a value above {@code max} as soon as every row exceeds it. */
	static int distance(String a, String b, int max) {
		int[] before = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMin = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d = Math.min(d, before[j - 2] + 1);
				}
				current[j] = d;
				rowMin = Math.min(rowMin, d);
			}
			if (rowMin > max) {
				return max + 1;
			}
			int[] t = before;
			before = previous;
			previous = current;
			current = t;
		}
		return previous[b.length()];
	}
}
