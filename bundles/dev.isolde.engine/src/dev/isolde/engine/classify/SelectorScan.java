// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.policy.Pattern;
import dev.isolde.engine.policy.RegexBudget;
import dev.isolde.engine.policy.RuleSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Finds what one rule's selector matches. Subjects are numbered objects first, then regions (object count + region
 * index). Exact names go through the image's name index; globs and regexes are evaluated once per distinct string.
 */
final class SelectorScan {
    private static final Set<ObjectKind> SYMBOL_KINDS = EnumSet.of(ObjectKind.STATIC_DATA, ObjectKind.TEXT,
            ObjectKind.RODATA, ObjectKind.BSS, ObjectKind.PERCPU);
    private static final String STACK_SUFFIX = "_stack";
    /** The {@code memory} selector's name for the page cache. */
    private static final String PAGE_CACHE = "pagecache";

    private final KernelImage kernel;

    SelectorScan(KernelImage kernel) {
        this.kernel = kernel;
    }

    /** Reports each subject {@code rule} selects; a runaway regex fails with the rule's location. */
    void scan(RuleSpec rule, IntConsumer hit) {
        try {
            switch (rule.kind()) {
                case SYMBOL -> byName(rule, SYMBOL_KINDS, hit);
                case PERCPU -> byName(rule, EnumSet.of(ObjectKind.PERCPU), hit);
                case SLAB -> byName(rule, EnumSet.of(ObjectKind.SLAB_CACHE), hit);
                case ALLOC -> byName(rule, EnumSet.of(ObjectKind.PAGE_ALLOC), hit);
                case VMALLOC -> byName(rule, EnumSet.of(ObjectKind.VMALLOC), hit);
                case STACK -> stacks(rule, hit);
                case SECTION -> sections(rule, hit);
                case MEMORY -> memory(rule, hit);
                case REGION -> regions(rule, hit);
            }
        } catch (RegexBudget.TooCostlyException e) {
            throw e.at(rule.loc());
        }
    }

    private void byName(RuleSpec rule, Set<ObjectKind> kinds, IntConsumer hit) {
        IntConsumer name = s -> {
            if (s >= 0 && !excepted(rule.excepts(), kernel.string(s))) {
                kernel.forEachNamed(s, i -> {
                    if (kinds.contains(kernel.kind(i))) {
                        hit.accept(i);
                    }
                });
            }
        };
        for (Pattern p : rule.patterns()) {
            if (p.isExact()) {
                name.accept(kernel.stringIndexOf(p.text()));
            } else {
                // Distinct names, not objects, are matched; a glob's literal prefix narrows them to a sorted range.
                kernel.forEachNameWithPrefix(p.literalPrefix(), s -> {
                    if (p.matches(kernel.string(s))) {
                        name.accept(s);
                    }
                });
            }
        }
    }

    private void stacks(RuleSpec rule, IntConsumer hit) {
        // Stack objects are named by type ("irq" or "irq_stack"); "stack kernel" means the task's kernel stack.
        kernel.forEachOfKind(ObjectKind.STACK, i -> {
            String n = kernel.name(i);
            String type = n.endsWith(STACK_SUFFIX) ? n.substring(0, n.length() - STACK_SUFFIX.length()) : n;
            if (matches(rule, type) || matches(rule, n)) {
                hit.accept(i);
            }
        });
    }

    private void sections(RuleSpec rule, IntConsumer hit) {
        byte[] memo = new byte[kernel.stringCount()];
        for (int i = 0, n = kernel.objectCount(); i < n; i++) {
            int s = kernel.sectionIndex(i);
            if (s >= 0 && memoMatch(memo, s, rule)) {
                hit.accept(i);
            }
        }
    }

    private void memory(RuleSpec rule, IntConsumer hit) {
        for (ObjectKind k : List.of(ObjectKind.USER, ObjectKind.GUEST)) {
            if (matches(rule, k.name().toLowerCase(Locale.ROOT))) {
                kernel.forEachOfKind(k, hit);
            }
        }
        if (matches(rule, PAGE_CACHE)) {
            kernel.forEachOfKind(ObjectKind.PAGE_ALLOC, i -> {
                if (isPageCacheSite(kernel.name(i))) {
                    hit.accept(i);
                }
            });
        }
    }

    /**
     * Page-cache folios come from filemap_alloc_folio() and its callers (__filemap_get_folio, page_cache_ra_*,
     * mm/filemap.c and mm/readahead.c), so a page allocation is page cache when its call site is one of them.
     */
    static boolean isPageCacheSite(String site) {
        return site.startsWith("filemap_") || site.startsWith("__filemap_") || site.startsWith("page_cache_")
                || site.startsWith("__page_cache_");
    }

    private void regions(RuleSpec rule, IntConsumer hit) {
        List<Region> regions = kernel.regions();
        for (int r = 0; r < regions.size(); r++) {
            if (matches(rule, regions.get(r).name())) {
                hit.accept(kernel.objectCount() + r);
            }
        }
    }

    private boolean memoMatch(byte[] memo, int s, RuleSpec rule) {
        if (memo[s] == 0) {
            memo[s] = (byte) (matches(rule, kernel.string(s)) ? 1 : 2);
        }
        return memo[s] == 1;
    }

    private static boolean matches(RuleSpec rule, String text) {
        for (Pattern p : rule.patterns()) {
            if (p.matches(text)) {
                return !excepted(rule.excepts(), text);
            }
        }
        return false;
    }

    private static boolean excepted(List<Pattern> excepts, String text) {
        for (Pattern e : excepts) {
            if (e.matches(text)) {
                return true;
            }
        }
        return false;
    }
}
