// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import dev.isolde.engine.kernel.ContextKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One compiled selector of a policy: the memory it matches and the class it gives that memory.
 *
 * @param id stable identifier, unique in its policy
 * @param perKind the context kind of a local rule ({@code local nonsensitive per vm}), null otherwise
 * @param excepts patterns that remove matches ({@code slab "kmalloc-*" except "kmalloc-cg-*"})
 * @param rationale the author's comment explaining the rule, or null
 */
public record RuleSpec(String id, SourceLocation loc, MemoryClass target, ContextKind perKind, SelectorKind kind,
        List<Pattern> patterns, List<Pattern> excepts, String rationale) {

    public RuleSpec {
        Objects.requireNonNull(id, "id");
        loc = loc == null ? SourceLocation.UNKNOWN : loc;
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        patterns = List.copyOf(patterns);
        excepts = excepts == null ? List.of() : List.copyOf(excepts);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " has no patterns");
        }
        if ((target == MemoryClass.LOCAL_NONSENSITIVE) != (perKind != null)) {
            throw new IllegalArgumentException("rule " + id + ": a context kind is required for, and only for, "
                    + "locally non-sensitive rules");
        }
    }

    /** A rule without excepts or rationale, with patterns in DSL notation; handy for programmatic policies. */
    public static RuleSpec of(String id, MemoryClass target, ContextKind perKind, SelectorKind kind,
            String... patterns) {
        return new RuleSpec(id, SourceLocation.UNKNOWN, target, perKind, kind,
                Arrays.stream(patterns).map(Pattern::of).toList(), List.of(), null);
    }

    /** The same rule with the given except patterns. */
    public RuleSpec withExcepts(String... patterns) {
        return new RuleSpec(id, loc, target, perKind, kind, this.patterns,
                Arrays.stream(patterns).map(Pattern::of).toList(), rationale);
    }

    /** What the rule says, independent of its id and location: two rules with equal signatures are the same rule. */
    public String signature() {
        return target + (perKind == null ? "" : " per " + perKind) + " " + kind + " " + patterns
                + (excepts.isEmpty() ? "" : " except " + excepts);
    }
}
