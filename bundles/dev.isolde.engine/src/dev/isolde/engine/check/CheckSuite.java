// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs checks and collects a report, keeping at most a fixed number of findings per check. */
public final class CheckSuite {
    /** Findings kept per check by default; a policy with a systematic error would otherwise produce millions. */
    public static final int DEFAULT_LIMIT = 1000;

    private final List<Check> checks;
    private final int limit;

    /** A suite of {@code checks} keeping at most {@code limit} findings per check. */
    public CheckSuite(List<Check> checks, int limit) {
        this.checks = List.copyOf(checks);
        this.limit = limit;
    }

    /** The standard checks of the RFC's guarantees. */
    public static CheckSuite standard() {
        return new CheckSuite(List.of(new SubsetCheck(), new IdenticalMappingCheck(), new PageSeparationCheck(),
                new NoForeignLocalCheck(), new SensitiveNeverMappedCheck(), new OneInstancePerClassCheck(),
                new Rfc2022LayoutCheck()),
                DEFAULT_LIMIT);
    }

    /** The checks of this suite. */
    public List<Check> checks() {
        return checks;
    }

    /** Runs every check on {@code input}. */
    public CheckReport run(CheckInput input) {
        List<String> ids = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> suppressed = new HashMap<>();
        for (Check check : checks) {
            ids.add(check.id());
            int[] kept = {0};
            check.run(input, f -> {
                if (kept[0] < limit) {
                    findings.add(f);
                    kept[0]++;
                } else {
                    suppressed.merge(check.id(), 1, Integer::sum);
                }
            });
        }
        return new CheckReport(ids, findings, suppressed);
    }
}
