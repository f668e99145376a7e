// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct components of all instances' spaces with the instances using each, so a check looks at the shared
 * global part once instead of once per instance.
 */
final class SharedComponents {
    private SharedComponents() {
    }

    static Map<AddressSpace, List<AsiInstance>> of(List<AsiInstance> instances) {
        Map<AddressSpace, List<AsiInstance>> users = new IdentityHashMap<>();
        for (AsiInstance instance : instances) {
            for (AddressSpace c : instance.space().components()) {
                users.computeIfAbsent(c, k -> new ArrayList<>()).add(instance);
            }
        }
        return users;
    }

    static String names(List<AsiInstance> instances) {
        String first = instances.get(0).name();
        return instances.size() == 1 ? "instance " + first
                : "instances " + first + " and " + (instances.size() - 1) + " more";
    }
}
