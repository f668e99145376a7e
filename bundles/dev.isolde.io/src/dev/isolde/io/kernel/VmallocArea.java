// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.util.Set;

/**
 * One line of /proc/vmallocinfo: a virtual area, who allocated it and how it is backed.
 *
 * @param start        the first address; unreliable when the kernel hashes pointers (see
 *                     {@link VmallocinfoSummary#addressesUnreliable()})
 * @param end          the address past the area, guard page included
 * @param size         the area size in bytes, guard page included; always reliable
 * @param caller       the allocating call site as {@code %pS} prints it, e.g.
 *                     {@code irq_init_percpu_irqstack+0xed/0x120}, or {@code null} when the line names none
 * @param callerSymbol the function part of {@code caller}, e.g. {@code irq_init_percpu_irqstack}, or {@code null}
 *                     when there is no caller or it is a bare address
 * @param pages        the number of backing pages from {@code pages=N}, 0 if absent
 * @param phys         the physical address from {@code phys=}, or -1 if absent
 * @param kinds        the flag words, e.g. {@code vmalloc}, {@code vmap}, {@code ioremap}, {@code vpages},
 *                     {@code vm_map_ram}, or {@code unpurged} and {@code vm_area} for a lazily freed area
 */
public record VmallocArea(long start, long end, long size, String caller, String callerSymbol, long pages, long phys,
		Set<String> kinds) {
}
