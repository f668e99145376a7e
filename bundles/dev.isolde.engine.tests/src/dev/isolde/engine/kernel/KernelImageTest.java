// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isolde.engine.fixtures.RfcMachine;
import org.junit.jupiter.api.Test;

class KernelImageTest {

    @Test
    void objectsAreOrderedUnsignedAcrossTheNonCanonicalHole() {
        // Added out of order; as signed longs the kernel addresses would sort before the user one.
        KernelImage k = KernelImage.builder()
                .addObject("text", ObjectKind.TEXT, 0xffffffff81000000L, 0x1000)
                .addObject("user", ObjectKind.USER, 0x00007ffffffff000L, 0x1000)
                .addObject("guard", ObjectKind.REGION_FILL, 0xffff800000000000L, 0x1000)
                .addObject("dm", ObjectKind.PAGE_ALLOC, 0xffff888000000000L, 0x1000)
                .build();
        assertEquals("user", k.name(0));
        assertEquals("guard", k.name(1));
        assertEquals("dm", k.name(2));
        assertEquals("text", k.name(3));
        assertEquals(1, k.objectAt(0xffff800000000fffL));
        assertEquals(-1, k.objectAt(0xffff800000001000L));
        assertEquals(-1, k.objectAt(0x0000800000000000L)); // first non-canonical address
        assertEquals(0, k.objectAt(0x00007fffffffffffL));
        assertEquals(3, k.objectAt(0xffffffff81000800L));
    }

    @Test
    void lookupByAddressFindsTheInnermostOfNestedAndAliasedObjects() {
        // jiffies is an alias of jiffies_64 (arch/x86/kernel/vmlinux.lds.S: jiffies = jiffies_64).
        KernelImage k = KernelImage.builder()
                .addObject("data_page", ObjectKind.REGION_FILL, 0xffffffff82000000L, 0x1000)
                .addObject("jiffies_64", ObjectKind.STATIC_DATA, 0xffffffff82000000L, 8)
                .addObject("jiffies", ObjectKind.STATIC_DATA, 0xffffffff82000000L, 8)
                .addObject("later", ObjectKind.STATIC_DATA, 0xffffffff82000100L, 8)
                .build();
        assertEquals("jiffies", k.name(k.objectAt(0xffffffff82000004L)));
        assertEquals("later", k.name(k.objectAt(0xffffffff82000100L)));
        // Between the inner objects only the enclosing page object holds the address.
        assertEquals("data_page", k.name(k.objectAt(0xffffffff82000080L)));
        assertEquals("data_page", k.name(k.objectAt(0xffffffff82000fffL)));
        assertEquals(-1, k.objectAt(0xffffffff82001000L));
    }

    @Test
    void staticSymbolsWithTheSameNameAreAllKept() {
        KernelImage k = KernelImage.builder()
                .addObject("__key", ObjectKind.BSS, 0xffffffff83000000L, 8)
                .addObject("__key", ObjectKind.BSS, 0xffffffff83000100L, 8)
                .addObject("other", ObjectKind.BSS, 0xffffffff83000200L, 8)
                .build();
        int[] keys = k.objectsNamed("__key");
        assertEquals(2, keys.length);
        assertEquals(0xffffffff83000000L, k.start(keys[0]));
        assertEquals(0xffffffff83000100L, k.start(keys[1]));
        assertEquals(0, k.objectsNamed("missing").length);
    }

    @Test
    void physicalAddressesComeFromImportOrLayout() {
        KernelImage k = KernelImage.builder().layout(Layout.x86_64(4, 0x200000))
                .addObject("page", ObjectKind.PAGE_ALLOC, 0xffff888000123000L, 0x1000)
                .addObject("text", ObjectKind.TEXT, 0xffffffff81000000L, 0x10)
                .addObject("vm", ObjectKind.VMALLOC, 0xffffc90000000000L, 0x1000)
                .addObject("known", ObjectKind.VMALLOC, 0xffffc90000001000L, 0x1000, null, null, 0x5000, -1)
                .build();
        assertEquals(0x123000L, k.physStart(k.objectsNamed("page")[0]));
        // __phys_addr: x - __START_KERNEL_map + phys_base
        assertEquals(0x1000000L + 0x200000L, k.physStart(k.objectsNamed("text")[0]));
        assertEquals(-1, k.physStart(k.objectsNamed("vm")[0]));
        assertEquals(0x5000L, k.physStart(k.objectsNamed("known")[0]));
    }

    @Test
    void kernelImagePhysicalAddressIsUnknownWithoutPhysBase() {
        KernelImage k = KernelImage.builder().addRegion("direct_map", 0xffff888000000000L, 0xffff888100000000L)
                .addObject("text", ObjectKind.TEXT, 0xffffffff81000000L, 0x10)
                .addObject("page", ObjectKind.PAGE_ALLOC, 0xffff888000002000L, 0x1000).build();
        assertEquals(-1, k.physStart(k.objectsNamed("text")[0]));
        assertEquals(0x2000L, k.physStart(k.objectsNamed("page")[0]));
    }

    @Test
    void objectsOverlappingAPageIncludeAnEnclosingObjectThatStartedEarlier() {
        KernelImage k = KernelImage.builder()
                .addObject("big", ObjectKind.SLAB_CACHE, 0xffff888000000000L, 0x10000)
                .addObject("a", ObjectKind.PAGE_ALLOC, 0xffff888000001000L, 0x100)
                .addObject("b", ObjectKind.PAGE_ALLOC, 0xffff888000003000L, 0x100)
                .addObject("c", ObjectKind.PAGE_ALLOC, 0xffff888000003800L, 0x100)
                .build();
        int[] page = k.objectsOverlapping(0xffff888000003000L, 0xffff888000004000L);
        assertArrayEquals(new int[] {0, 2, 3}, page);
        assertEquals("big", k.name(page[0]));
    }

    @Test
    void ownersContextsRegionsAndFactsAreKept() {
        KernelImage k = RfcMachine.kernel();
        int guest = RfcMachine.object(k, "guest_memory", RfcMachine.GUEST_VM2);
        assertEquals("vm2", k.context(k.ownerContext(guest)).name());
        assertEquals(ContextKind.PROCESS, k.context(k.contextIndex("p1")).kind());
        assertEquals(-1, k.contextIndex("vm9"));
        assertEquals(".data..asi_non_sensitive", k.section(RfcMachine.object(k, "asi_stat")));
        assertNull(k.module(RfcMachine.object(k, "asi_stat")));
        assertEquals("kernel_text", k.regions().get(k.regionIndex("kernel_text")).name());
        // Regions are sorted by start, outer before inner: kernel_text encloses entry_text.
        assertEquals(k.regionIndex("entry_text"), k.regionIndex("kernel_text") + 1);
        assertEquals(4, k.facts().pagingLevels());
    }

    @Test
    void builderRejectsObjectsThatWrapPastTheTopOfTheAddressSpace() {
        KernelImage.Builder b = KernelImage.builder();
        assertThrows(IllegalArgumentException.class,
                () -> b.addObject("wrap", ObjectKind.REGION_FILL, 0xfffffffffffff000L, 0x1000));
        assertThrows(IllegalArgumentException.class, () -> b.addObject("neg", ObjectKind.BSS, 0, -1));
    }

    @Test
    void builderRejectsAnOwnerThatIsNotAContext() {
        KernelImage.Builder b = KernelImage.builder();
        b.addOwnedObject("guest", ObjectKind.GUEST, 0xffff888000000000L, 0x1000, 3);
        assertThrows(IllegalArgumentException.class, b::build);
    }

    @Test
    void builderBuildsOnce() {
        KernelImage.Builder b = KernelImage.builder();
        b.build();
        assertThrows(IllegalStateException.class, () -> b.addObject("x", ObjectKind.BSS, 0, 8));
    }
}
