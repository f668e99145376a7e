// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.kernel;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.isolde.dsl.isolde.SelectorKind;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Region;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;

/** A loaded kernel model with the names each selector kind can match, in model order. */
public record KernelNames(Path file, Machine machine, Set<String> symbols, Set<String> slabCaches,
		Set<String> regions, Set<String> sections) {

	/** Indexes the names of {@code machine}, loaded from {@code file}. */
	public static KernelNames of(Path file, Machine machine) {
		Set<String> symbols = new LinkedHashSet<>();
		for (Symbol s : machine.getSymbols()) {
			add(symbols, s.getName());
		}
		Set<String> slabs = new LinkedHashSet<>();
		for (SlabCache c : machine.getSlabCaches()) {
			add(slabs, c.getName());
		}
		Set<String> regions = new LinkedHashSet<>();
		for (Region r : machine.getRegions()) {
			add(regions, r.getName());
		}
		Set<String> sections = new LinkedHashSet<>();
		for (MemoryObject o : machine.getMemoryObjects()) {
			add(sections, o.getSection());
		}
		return new KernelNames(file, machine, Collections.unmodifiableSet(symbols), Collections.unmodifiableSet(slabs),
				Collections.unmodifiableSet(regions), Collections.unmodifiableSet(sections));
	}

	private static void add(Set<String> names, String name) {
		if (name != null && !name.isEmpty()) {
			names.add(name);
		}
	}

	/**
	 * The names a selector of {@code kind} chooses from, or null for kinds the kernel model does not enumerate
	 * (memory, stack, alloc, vmalloc select by allocation site, not by name).
	 */
	public Set<String> of(SelectorKind kind) {
		return switch (kind) {
		case SYMBOL, PERCPU -> symbols;
		case SLAB -> slabCaches;
		case REGION -> regions;
		case SECTION -> sections;
		default -> null;
		};
	}

	/** The model's file name, as messages show it. */
	public String fileName() {
		return file.getFileName().toString();
	}
}
