// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternTest {

    @Test
    void dslNotationSelectsExactGlobOrRegex() {
        assertEquals(Pattern.Form.EXACT, Pattern.of("jiffies").form());
        assertEquals(Pattern.Form.GLOB, Pattern.of("irq_stat*").form());
        assertEquals(Pattern.Form.GLOB, Pattern.of("kvm_?").form());
        assertEquals(Pattern.Form.REGEX, Pattern.of("/^kvm_.*_ops$/").form());
        assertEquals("/^kvm_.*_ops$/", Pattern.of("/^kvm_.*_ops$/").toString());
    }

    @Test
    void exactMatchesOnlyTheName() {
        Pattern p = Pattern.of("jiffies");
        assertTrue(p.matches("jiffies"));
        assertFalse(p.matches("jiffies_64"));
    }

    @Test
    void globsMatchStarsAndQuestionMarksAnywhere() {
        assertTrue(Pattern.of("kmalloc-*").matches("kmalloc-64"));
        assertFalse(Pattern.of("kmalloc-*").matches("kmalloc"));
        assertTrue(Pattern.of("*_stat*").matches("irq_stat_cpu"));
        assertTrue(Pattern.of("kvm_?cpu").matches("kvm_vcpu"));
        assertFalse(Pattern.of("kvm_?cpu").matches("kvm_vvcpu"));
        assertTrue(Pattern.of("a*b*c").matches("axxbyybc"));
        assertFalse(Pattern.of("a*b*c").matches("axxbyyb"));
    }

    @Test
    void regexIsFoundAnywhereLikeGrepUnlessAnchored() {
        Pattern p = Pattern.of("/kvm_[a-z0-9]+_ops/");
        assertTrue(p.matches("kvm_x86_ops"));
        assertTrue(p.matches("my_kvm_x86_ops"));
        assertTrue(Pattern.of("/^vvar_/").matches("vvar_page"));
        assertFalse(Pattern.of("/^vvar_/").matches("my_vvar_page"));
        assertFalse(Pattern.of("/^kvm_[a-z0-9]+_ops$/").matches("kvm_x86_ops_x"));
    }

    @Test
    void catastrophicBacktrackingStopsAtTheBudgetWithTheNameInTheMessage() {
        // java.util.regex needs 2^31 steps for this on a 32-character name (it optimises the classic (a+)+)
        Pattern p = Pattern.of("/^(\\w+?)+?!$/");
        String name = "__x64_sys_sched_get_priority_max";
        RegexBudget.TooCostlyException e = assertThrows(RegexBudget.TooCostlyException.class, () -> p.matches(name));
        assertEquals("^(\\w+?)+?!$", e.pattern());
        assertEquals(name, e.name());
        assertTrue(e.getMessage().contains("backtracks"), e.getMessage());
        // the same pattern on a name it matches quickly is fine
        assertTrue(p.matches("abc!"));
    }

    @Test
    void literalPrefixNarrowsTheSearchWithoutLosingMatches() {
        assertEquals("kmalloc-", Pattern.of("kmalloc-*").literalPrefix());
        assertEquals("kvm_", Pattern.of("kvm_?cpu").literalPrefix());
        assertEquals("", Pattern.of("*_stat").literalPrefix());
        assertEquals("rcu_r", Pattern.of("/^rcu_r[0-9]+$/").literalPrefix());
        // "ab?c" may match "ac": only "a" is certain.
        assertEquals("a", Pattern.of("/^ab?c/").literalPrefix());
        // unanchored: "xkvm_" matches /kvm_/, so no prefix narrows it
        assertEquals("", Pattern.of("/kvm_/").literalPrefix());
        assertEquals("", Pattern.of("/foo|bar/").literalPrefix());
        assertEquals("jiffies", Pattern.of("jiffies").literalPrefix());
    }

    @Test
    void patternsAreValues() {
        assertEquals(Pattern.of("a*"), Pattern.glob("a*"));
        assertFalse(Pattern.exact("a").equals(Pattern.regex("a")));
    }
}
