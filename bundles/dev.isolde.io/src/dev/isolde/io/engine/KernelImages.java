// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Layout;
import dev.isolde.engine.kernel.MachineFacts;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.model.Context;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Region;
import dev.isolde.model.RegionKind;
import dev.isolde.model.Symbol;
import dev.isolde.model.Vulnerability;

/** Adapts an imported kernel model (EMF) to the engine's compact, read-only kernel image. */
public final class KernelImages {

	private KernelImages() {
	}

	/** The kernel image of {@code machine}, with the untrusted contexts a policy declares added. */
	public static KernelImage of(Machine machine, PolicySpec policy) {
		KernelImage.Builder b = KernelImage.builder();
		b.facts(facts(machine));
		b.layout(layout(machine));
		Map<Context, Integer> contexts = new HashMap<>();
		for (Context c : machine.getContexts()) {
			contexts.put(c, b.addContext(c.getName(), ContextKind.valueOf(c.getKind().name())));
		}
		if (policy != null) {
			Set<String> known = new LinkedHashSet<>();
			machine.getContexts().forEach(c -> known.add(c.getName()));
			for (ContextSpec cs : policy.contexts()) {
				if (known.add(cs.name())) {
					b.addContext(cs.name(), cs.kind());
				}
			}
		}
		long ramTop = ramTop(machine);
		for (Region r : machine.getRegions()) {
			if (isKernelArea(r.getKind())) {
				// model regions are inclusive (as mm.rst prints them), engine regions end-exclusive
				long end = r.getEnd() + 1;
				if (r.getKind() == RegionKind.DIRECT_MAP && ramTop > 0 && Long.compareUnsigned(ramTop, r.getEnd() - r.getStart()) < 0) {
					// the direct map maps physical memory up to its highest address, not the whole 64 TB window
					end = r.getStart() + ramTop;
				}
				b.addRegion(r.getName(), r.getStart(), end);
			}
		}
		entryText(machine, b);
		for (MemoryObject o : machine.getMemoryObjects()) {
			ObjectKind kind = kind(o);
			boolean placed = o.isAddressReliable() && (o.getStart() != 0 || kind == ObjectKind.PERCPU);
			String name = kind == ObjectKind.VMALLOC && o.getCaller() != null ? callerFunction(o.getCaller()) : o.getName();
			Integer owner = o.getOwner() == null ? null : contexts.get(o.getOwner());
			// objects whose address is unknown (slab caches, hashed vmalloc areas) are classified by name only
			b.addObject(name, kind, placed ? o.getStart() : 0, placed ? Math.max(0, o.getSize()) : 0, o.getSection(),
					null, o.getPhysicalStart(), owner == null ? -1 : owner);
		}
		return b.build();
	}

	/** One past the highest "System RAM" address of /proc/iomem, or 0 when unknown. */
	private static long ramTop(Machine machine) {
		long top = 0;
		for (var range : machine.getPhysicalRanges()) {
			if ("System RAM".equals(range.getName()) && Long.compareUnsigned(range.getEnd() + 1, top) > 0) {
				top = range.getEnd() + 1;
			}
		}
		return top;
	}

	private static boolean isKernelArea(RegionKind kind) {
		return switch (kind) {
		case USER, HOLE, GUARD, UNUSED -> false;
		default -> true;
		};
	}

	/** KPTI's user page tables map the entry trampolines: the symbols bracketing .entry.text make a region. */
	private static void entryText(Machine machine, KernelImage.Builder b) {
		long start = 0;
		long end = 0;
		for (Symbol s : machine.getSymbols()) {
			if ("__entry_text_start".equals(s.getName())) {
				start = s.getAddress();
			} else if ("__entry_text_end".equals(s.getName())) {
				end = s.getAddress();
			}
		}
		if (start != 0 && Long.compareUnsigned(start, end) < 0) {
			b.addRegion("entry_text", start, end);
		}
	}

	/** {@code irq_init_percpu_irqstack+0xed/0x120} names the function {@code irq_init_percpu_irqstack}. */
	static String callerFunction(String caller) {
		int plus = caller.indexOf('+');
		return plus > 0 ? caller.substring(0, plus) : caller;
	}

	private static ObjectKind kind(MemoryObject o) {
		return switch (o.getKind()) {
		case STATIC_DATA -> ObjectKind.STATIC_DATA;
		case TEXT -> ObjectKind.TEXT;
		case RODATA -> ObjectKind.RODATA;
		case BSS -> ObjectKind.BSS;
		case PERCPU -> ObjectKind.PERCPU;
		case SLAB_CACHE, SLAB_OBJECT -> ObjectKind.SLAB_CACHE;
		case PAGE_ALLOCATION -> ObjectKind.PAGE_ALLOC;
		case VMALLOC_AREA -> ObjectKind.VMALLOC;
		case STACK -> ObjectKind.STACK;
		case USER -> ObjectKind.USER;
		case GUEST -> ObjectKind.GUEST;
		};
	}

	private static MachineFacts facts(Machine m) {
		Set<String> affected = new LinkedHashSet<>();
		for (Vulnerability v : m.getVulnerabilities()) {
			if (v.isAffected()) {
				affected.add(v.getName());
			}
		}
		return new MachineFacts(m.getPagingLevels() == 5 ? 5 : 4, Math.max(1, m.getCpus()), m.getThreadsPerCore() > 1,
				affected);
	}

	private static Layout layout(Machine m) {
		Layout base = Layout.x86_64(m.getPagingLevels() == 5 ? 5 : 4, -1);
		for (Region r : m.getRegions()) {
			if (r.getKind() == RegionKind.DIRECT_MAP) {
				return new Layout(r.getStart(), r.getEnd() + 1, base.kernelMapStart(), base.kernelMapEnd(), -1);
			}
		}
		return base;
	}
}
