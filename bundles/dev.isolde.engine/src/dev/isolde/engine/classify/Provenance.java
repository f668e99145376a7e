// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.policy.RuleSpec;

/**
 * Why an object or region has its class.
 *
 * @param rule the deciding rule (for CONFLICT the first of the conflicting rules; for REGION the region's rule; for
 *     MODEL the rule the model overrode, or null)
 * @param region for REGION, the classified region the object lies in
 * @param reason for MODEL, the fact of the ASI model that decided, else null
 */
public record Provenance(Source source, RuleSpec rule, String region, String reason) {
    /** Where a class came from. */
    public enum Source {
        /** The policy's default class: no rule matched. */
        DEFAULT,
        /** A rule matched the object or region itself. */
        RULE,
        /** A REGION rule matched a region that encloses the object or region, and no rule matched it itself. */
        REGION,
        /** Rules claimed the object for different non-sensitive classes; it is kept sensitive until resolved. */
        CONFLICT,
        /** The policy's ASI model decided, whatever the rules say (asi2025 maps the whole kernel image). */
        MODEL
    }

    /** A provenance that is not the model's. */
    public Provenance(Source source, RuleSpec rule, String region) {
        this(source, rule, region, null);
    }

    /** One line for reports: the rule's location and rationale, or the default. */
    public String describe() {
        return switch (source) {
            case DEFAULT -> reason == null ? "policy default" : reason;
            case RULE -> ruleText();
            case REGION -> "inside region " + region + " classified by " + ruleText();
            case CONFLICT -> "conflict, kept sensitive; first claim by " + ruleText();
            case MODEL -> reason + (rule == null ? "" : "; overrides " + ruleText());
        };
    }

    private String ruleText() {
        return "rule " + rule.id() + " at " + rule.loc() + (rule.rationale() == null ? "" : " (" + rule.rationale() + ")");
    }
}
