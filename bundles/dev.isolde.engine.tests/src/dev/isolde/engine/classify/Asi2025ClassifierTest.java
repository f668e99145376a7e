// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import static dev.isolde.engine.fixtures.RfcMachine.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2024/2025 series' denylist (DESIGN §2b): what the classifier decides under model asi2025 and why. */
class Asi2025ClassifierTest {
    private static final long FIXMAP = 0xffffffffff000000L;
    private final KernelImage kernel = RfcMachine.kernel(b -> {
        b.addRegion("fixmap", FIXMAP, FIXMAP + 0x200000);
        b.addObject("fix_apic_base", ObjectKind.STATIC_DATA, FIXMAP + 0x1000, 0x1000);
    });

    private static PolicySpec asi2025(RuleSpec... rules) {
        PolicySpec rfc = RfcMachine.policy(List.of(rules));
        PolicySpec p = RfcMachine.asi2025(rfc);
        return new PolicySpec(p.name(), p.file(), AsiModel.ASI2025, 4, MemoryClass.GLOBAL_NONSENSITIVE, p.rules(),
                p.classes(), p.contexts());
    }

    private static RuleSpec sensitive(String id, int line, SelectorKind kind, String... patterns) {
        return RfcMachine.rule(id, line, MemoryClass.SENSITIVE, null, kind, List.of(patterns), List.of(), null);
    }

    @Test
    void memoryNoRuleMarksIsNonSensitiveAndSaysTheModelDecided() {
        Classification c = new Classifier(kernel).classify(asi2025());
        int pool = object(kernel, "random_pool");
        assertEquals(ClassKey.GLOBAL, c.classKey(pool), "the allowlist's sensitive default does not apply");
        Provenance p = c.provenance(pool);
        assertEquals(Provenance.Source.DEFAULT, p.source());
        assertEquals(AsiModel.ASI2025_DEFAULT, p.describe());
        assertEquals(ClassKey.GLOBAL, c.regionClassKey(kernel.regionIndex("direct_map")));
    }

    @Test
    void theRfc2022DefaultStaysThePolicyDefault() {
        Classification c = new Classifier(kernel).classify(RfcMachine.policy());
        int pool = object(kernel, "random_pool");
        assertEquals(ClassKey.SENSITIVE, c.classKey(pool));
        assertEquals("policy default", c.provenance(pool).describe());
    }

    @Test
    void userPagesAndGuestMemoryMarkedSensitiveAreSensitive() {
        RuleSpec user = sensitive("user", 3, SelectorKind.MEMORY, "user", "guest");
        Classification c = new Classifier(kernel).classify(asi2025(user));
        for (int i : new int[] {object(kernel, "user_stack"), object(kernel, "guest_memory", RfcMachine.GUEST_VM1)}) {
            assertEquals(ClassKey.SENSITIVE, c.classKey(i), kernel.name(i));
            assertSame(user, c.provenance(i).rule());
        }
    }

    @Test
    void gfpSensitiveAllocationsSelectedByCallSiteAreSensitive() {
        KernelImage k = RfcMachine.kernel(b -> b.addObject("alloc_pages_sensitive_site", ObjectKind.PAGE_ALLOC,
                RfcMachine.DIRECT_MAP + 0x300000, 0x4000));
        RuleSpec gfp = sensitive("gfp", 4, SelectorKind.ALLOC, "alloc_pages_sensitive_*");
        Classification c = new Classifier(k).classify(asi2025(gfp));
        int site = object(k, "alloc_pages_sensitive_site");
        assertEquals(ClassKey.SENSITIVE, c.classKey(site));
        assertEquals("rule gfp at kvm_host.isolde:4:5", c.provenance(site).describe());
    }

    @Test
    void theKernelImageStaysMappedWhateverASensitiveRuleSays() {
        RuleSpec keys = sensitive("keys", 5, SelectorKind.SYMBOL, "random_pool", "entry_SYSCALL_64");
        RuleSpec section = sensitive("asi", 6, SelectorKind.SECTION, ".data..asi_non_sensitive");
        RuleSpec percpu = sensitive("percpu", 7, SelectorKind.PERCPU, "current_task");
        Classification c = new Classifier(kernel).classify(asi2025(keys, section, percpu));
        for (String name : List.of("random_pool", "entry_SYSCALL_64", "asi_stat", "current_task")) {
            int i = object(kernel, name);
            assertEquals(ClassKey.GLOBAL, c.classKey(i), name);
            Provenance p = c.provenance(i);
            assertEquals(Provenance.Source.MODEL, p.source(), name);
            assertTrue(p.describe().startsWith(AsiModel.ASI2025_KERNEL_IMAGE + "; overrides rule "), p.describe());
        }
        assertEquals(keys, c.provenance(object(kernel, "random_pool")).rule());
        // the same rules decide under the 2022 RFC
        Classification rfc = new Classifier(kernel).classify(RfcMachine.policyWith(keys));
        assertEquals(ClassKey.SENSITIVE, rfc.classKey(object(kernel, "random_pool")));
    }

    @Test
    void fixmapAndKernelTextRegionsStayMappedEvenWhenMarkedSensitive() {
        RuleSpec regions = sensitive("regions", 8, SelectorKind.REGION, "fixmap", "kernel_text", "vmalloc");
        Classification c = new Classifier(kernel).classify(asi2025(regions));
        int fixmap = kernel.regionIndex("fixmap");
        assertEquals(ClassKey.GLOBAL, c.regionClassKey(fixmap));
        assertEquals(Provenance.Source.MODEL, c.regionProvenance(fixmap).source());
        assertEquals(ClassKey.GLOBAL, c.classKey(object(kernel, "fix_apic_base")));
        assertEquals(ClassKey.GLOBAL, c.regionClassKey(kernel.regionIndex("kernel_text")));
        // outside the image a sensitive region rule holds: the vmalloc area and what lies in it
        assertEquals(ClassKey.SENSITIVE, c.regionClassKey(kernel.regionIndex("vmalloc")));
        assertEquals(ClassKey.SENSITIVE, c.classKey(object(kernel, "bpf_prog_alloc")));
        assertNull(c.regionProvenance(kernel.regionIndex("vmalloc")).reason());
    }

    @Test
    void slabCachesMarkedSensitiveLeaveTheRestricedSpaces() {
        RuleSpec slab = sensitive("slab", 9, SelectorKind.SLAB, "task_struct");
        Classification c = new Classifier(kernel).classify(asi2025(slab));
        assertEquals(ClassKey.SENSITIVE, c.classKey(object(kernel, "task_struct")));
        assertEquals(ClassKey.GLOBAL, c.classKey(object(kernel, "kmalloc-cg-64")));
    }

    @Test
    void thePageCacheIsThePageAllocationsOfTheFilemapAllocators() {
        KernelImage k = RfcMachine.kernel(b -> {
            b.addObject("filemap_alloc_folio", ObjectKind.PAGE_ALLOC, RfcMachine.DIRECT_MAP + 0x300000, 0x4000);
            b.addObject("__filemap_get_folio", ObjectKind.PAGE_ALLOC, RfcMachine.DIRECT_MAP + 0x304000, 0x1000);
            b.addObject("alloc_pages_bulk", ObjectKind.PAGE_ALLOC, RfcMachine.DIRECT_MAP + 0x308000, 0x1000);
        });
        RuleSpec cache = sensitive("cache", 10, SelectorKind.MEMORY, "pagecache");
        Classification c = new Classifier(k).classify(asi2025(cache));
        assertEquals(ClassKey.SENSITIVE, c.classKey(object(k, "filemap_alloc_folio")));
        assertEquals(ClassKey.SENSITIVE, c.classKey(object(k, "__filemap_get_folio")));
        assertEquals(ClassKey.GLOBAL, c.classKey(object(k, "alloc_pages_bulk")));
        assertEquals(ClassKey.GLOBAL, c.classKey(object(k, "user_stack")), "pagecache is not user memory");
    }
}
