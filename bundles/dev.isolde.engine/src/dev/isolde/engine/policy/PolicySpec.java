// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled classification policy: the contract between the DSL compiler and the engine. Rules are in source order;
 * that order decides provenance and shadowing.
 *
 * @param vmallocLocalPercent under rfc2022, the boot parameter vmalloc_local_nonsensitive_percent: how much of the
 *        vmalloc range is per process (the kernel clamps it to 1..99)
 */
public record PolicySpec(String name, String file, AsiModel model, int pagingLevels, MemoryClass defaultClass,
        List<RuleSpec> rules, List<AsiClassSpec> classes, List<ContextSpec> contexts, int vmallocLocalPercent) {

    /** The kernel's default split of vmalloc space under the 2022 RFC: half per process, half global. */
    public static final int DEFAULT_VMALLOC_LOCAL_PERCENT = 50;

    /** A policy with the kernel's default vmalloc split. */
    public PolicySpec(String name, String file, AsiModel model, int pagingLevels, MemoryClass defaultClass,
            List<RuleSpec> rules, List<AsiClassSpec> classes, List<ContextSpec> contexts) {
        this(name, file, model, pagingLevels, defaultClass, rules, classes, contexts, DEFAULT_VMALLOC_LOCAL_PERCENT);
    }

    public PolicySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(defaultClass, "defaultClass");
        if (pagingLevels != 4 && pagingLevels != 5) {
            throw new IllegalArgumentException("paging must be 4 or 5: " + pagingLevels);
        }
        if (defaultClass == MemoryClass.LOCAL_NONSENSITIVE) {
            throw new IllegalArgumentException("the default class cannot be local: local memory needs an owner");
        }
        rules = List.copyOf(rules);
        classes = List.copyOf(classes);
        contexts = List.copyOf(contexts);
        Set<String> ids = new HashSet<>();
        for (RuleSpec r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate rule id " + r.id());
            }
            if (model == AsiModel.ASI2025 && r.target() == MemoryClass.LOCAL_NONSENSITIVE) {
                // The 2024/2025 series dropped the local class; memory is sensitive or not (DESIGN §2b).
                throw new IllegalArgumentException("rule " + r.id() + ": ASI 2025 has no locally non-sensitive class");
            }
        }
        Set<String> classNames = new HashSet<>();
        for (AsiClassSpec c : classes) {
            if (!classNames.add(c.name())) {
                throw new IllegalArgumentException("duplicate ASI class " + c.name());
            }
        }
    }

    /** The ASI class named {@code name}, or null. */
    public AsiClassSpec asiClass(String name) {
        for (AsiClassSpec c : classes) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Index of {@code rule} in {@link #rules()}, or -1. */
    public int ruleIndex(RuleSpec rule) {
        return rules.indexOf(rule);
    }
}
