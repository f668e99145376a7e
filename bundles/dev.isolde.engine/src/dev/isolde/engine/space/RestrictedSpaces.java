// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import java.util.List;

/**
 * The full kernel address space, the shared globally non-sensitive part and every ASI instance of a policy.
 *
 * @param problems why some context got no instance or some map item resolved to nothing
 * @param rfc2022 under model rfc2022, where its layout puts locally non-sensitive memory; null under asi2025
 */
public record RestrictedSpaces(AddressSpace full, AddressSpace globalNonSensitive, List<AsiInstance> instances,
        List<String> problems, Rfc2022Layout rfc2022) {

    public RestrictedSpaces {
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
    }

    /** Bytes the full space maps in the 2022 RFC's ASI local map (the aliases of local allocations); 0 otherwise. */
    public long localMapBytes() {
        if (rfc2022 == null) {
            return 0;
        }
        long[] sum = {0};
        full.forEach((s, e, attr, phys) -> {
            if (rfc2022.inLocalMap(s)) {
                sum[0] += e - s;
            }
        });
        return sum[0];
    }

    /** The instance named {@code name}, or null. */
    public AsiInstance instance(String name) {
        for (AsiInstance i : instances) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    /** The instances of the context named {@code context}. */
    public List<AsiInstance> instancesOf(String context) {
        return instances.stream().filter(i -> i.ctx().name().equals(context)).toList();
    }
}
