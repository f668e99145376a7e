// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.policy.RuleSpec;

/**
 * How much of the kernel one rule matched.
 *
 * @param matched objects and regions the rule's selector matched
 * @param claimed those the rule claimed first among the rules of its class (sensitive or non-sensitive)
 */
public record RuleUsage(RuleSpec rule, int matched, int claimed) {
    /** True if the rule matched something but earlier rules had already claimed all of it. */
    public boolean shadowed() {
        return matched > 0 && claimed == 0;
    }

    /** True if the rule's selector matched nothing in the kernel. */
    public boolean unmatched() {
        return matched == 0;
    }
}
