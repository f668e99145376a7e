// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.policy.RuleSpec;

/**
 * Two rules claiming one object or region for different non-sensitive classes.
 *
 * @param objectIndex the object's index in the kernel image, or -1 when the subject is a region
 */
public record Conflict(String subject, int objectIndex, RuleSpec first, RuleSpec second) {
    @Override
    public String toString() {
        return subject + " claimed by rule " + first.id() + " (" + first.loc() + ") and rule " + second.id() + " ("
                + second.loc() + ") for different classes";
    }
}
