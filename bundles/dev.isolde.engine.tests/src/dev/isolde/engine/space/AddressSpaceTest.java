// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressSpaceTest {
    private static final long USER = 0x00007ffffffde000L;
    private static final long HOLE_END = 0xffff800000000000L;
    private static final long TEXT = 0xffffffff81000000L;

    private static AddressSpace space() {
        return AddressSpace.builder()
                .add(TEXT, TEXT + 0x1000, MappingAttr.ofObject(1, 3), -1)
                .add(USER, USER + 0x1000, MappingAttr.ofObject(2, 0), -1)
                .add(HOLE_END, HOLE_END + 0x2000, MappingAttr.ofRegion(0, 1), 0x5000)
                .build();
    }

    @Test
    void lookupComparesAddressesAsUnsigned() {
        AddressSpace s = space();
        assertEquals(MappingAttr.ofObject(2, 0), s.attrAt(USER + 0x10));
        assertEquals(MappingAttr.ofRegion(0, 1), s.attrAt(HOLE_END));
        assertEquals(-1, s.attrAt(HOLE_END - 1));
        assertEquals(MappingAttr.ofObject(1, 3), s.attrAt(TEXT + 0xfff));
        assertFalse(s.contains(TEXT + 0x1000));
        assertNull(s.lookup(0x0000800000000000L));
        List<Long> starts = new ArrayList<>();
        s.forEach((start, end, attr, phys) -> starts.add(start));
        assertEquals(List.of(USER, HOLE_END, TEXT), starts, "iteration is in unsigned address order");
    }

    @Test
    void lookupReportsThePhysicalAddressRecordedForAnInterval() {
        Mapping m = space().lookup(HOLE_END + 0x1800);
        assertEquals(0x5000L, m.phys());
        assertEquals(0x6800L, Mapping.physAt(m.start(), m.attr(), m.phys(), HOLE_END + 0x1800, null));
        assertTrue(MappingAttr.isRegion(m.attr()));
        assertEquals(-1, m.objectIndex());
    }

    @Test
    void builderRejectsOverlappingIntervals() {
        AddressSpace.Builder b = AddressSpace.builder().add(TEXT, TEXT + 0x2000, 0, -1).add(TEXT + 0x1000,
                TEXT + 0x3000, 0, -1);
        assertThrows(IllegalArgumentException.class, b::build);
    }

    @Test
    void differenceAndUnionWorkAcrossTheSignBoundary() {
        AddressSpace a = AddressSpace.builder().add(0x7fffffffffff0000L, 0x8000000000010000L, 7, -1).build();
        AddressSpace b = AddressSpace.builder().add(0x7ffffffffffff000L, 0x8000000000001000L, 9, -1).build();
        AddressSpace d = a.difference(b);
        assertEquals(2, d.intervalCount());
        assertEquals(0x20000L - 0x2000L, d.bytesMapped());
        assertFalse(d.contains(0x8000000000000000L));
        AddressSpace u = b.union(a);
        assertEquals(0x20000L, u.bytesMapped());
        assertEquals(9, u.attrAt(0x8000000000000000L), "the receiver's interval wins where both map");
        assertEquals(7, u.attrAt(0x8000000000002000L));
        assertTrue(u.covers(0x7fffffffffff0000L, 0x8000000000010000L));
        assertFalse(d.covers(0x7fffffffffff0000L, 0x8000000000010000L));
    }

    @Test
    void attributesPackClassRegionAndIndex() {
        int attr = MappingAttr.ofObject(4, MappingAttr.MAX_INDEX);
        assertEquals(4, MappingAttr.classKey(attr));
        assertEquals(MappingAttr.MAX_INDEX, MappingAttr.objectIndex(attr));
        assertTrue(attr >= 0, "attributes stay non-negative so -1 can mean unmapped");
        assertThrows(IllegalArgumentException.class, () -> MappingAttr.ofObject(1, MappingAttr.MAX_INDEX + 1));
    }
}
