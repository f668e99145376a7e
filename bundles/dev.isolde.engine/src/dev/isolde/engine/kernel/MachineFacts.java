// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

import java.util.Set;

/**
 * Facts about the machine that the policy and the simulator depend on: paging levels, CPU count, SMT, and the
 * vulnerabilities that {@code /sys/devices/system/cpu/vulnerabilities/*} reports as affected.
 */
public record MachineFacts(int pagingLevels, int cpus, boolean smt, Set<String> affectedVulnerabilities) {
    /** Facts used when an import did not provide any: 4-level paging, one CPU, no SMT, nothing known affected. */
    public static final MachineFacts UNKNOWN = new MachineFacts(4, 1, false, Set.of());

    public MachineFacts {
        if (pagingLevels != 4 && pagingLevels != 5) {
            throw new IllegalArgumentException("x86-64 uses 4- or 5-level paging, not " + pagingLevels);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be positive: " + cpus);
        }
        affectedVulnerabilities = Set.copyOf(affectedVulnerabilities);
    }

    /** True if the CPU is affected by the named vulnerability (file name under /sys/.../vulnerabilities). */
    public boolean isAffected(String vulnerability) {
        return affectedVulnerabilities.contains(vulnerability);
    }
}
