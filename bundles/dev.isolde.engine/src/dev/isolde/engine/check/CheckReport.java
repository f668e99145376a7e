// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import java.util.List;
import java.util.Map;

/**
 * The findings of a set of checks.
 *
 * @param checksRun ids of the checks that ran, in order
 * @param suppressed per check id, findings beyond the per-check limit that were counted but not kept
 */
public record CheckReport(List<String> checksRun, List<Finding> findings, Map<String, Integer> suppressed) {
    public CheckReport {
        checksRun = List.copyOf(checksRun);
        findings = List.copyOf(findings);
        suppressed = Map.copyOf(suppressed);
    }

    /** The findings of check {@code id}. */
    public List<Finding> findings(String id) {
        return findings.stream().filter(f -> f.checkId().equals(id)).toList();
    }

    /** True if check {@code id} ran and found nothing. */
    public boolean passed(String id) {
        return checksRun.contains(id) && findings(id).isEmpty();
    }

    /** True if any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
