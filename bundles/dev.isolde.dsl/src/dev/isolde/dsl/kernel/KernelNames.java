// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.kernel;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.isolde.dsl.isolde.SelectorKind;
import dev.isolde.dsl.selector.NamePattern;
import dev.isolde.model.KallsymsAll;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Region;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;

/** A loaded kernel model with the names each selector kind can match, in model order. */
public record KernelNames(Path file, Machine machine, Set<String> symbols, Set<String> slabCaches,
		Set<String> regions, Set<String> sections, int dataSymbols, Map<String, Boolean> matched) {

	/** Memoised pattern answers beyond this many are dropped: typing makes new patterns without end. */
	private static final int MAX_MEMO = 50_000;

	/** Indexes the names of {@code machine}, loaded from {@code file}. */
	public static KernelNames of(Path file, Machine machine) {
		return new KernelNames(file, machine, names(machine.getSymbols().stream().map(Symbol::getName)),
				names(machine.getSlabCaches().stream().map(SlabCache::getName)),
				names(machine.getRegions().stream().map(Region::getName)),
				names(machine.getMemoryObjects().stream().map(MemoryObject::getSection)),
				(int) machine.getSymbols().stream().filter(s -> KallsymsAll.isVmlinuxData(s.getType(), s.getModule()))
						.count(),
				new ConcurrentHashMap<>());
	}

	/**
	 * Why a {@code kind} selector may match nothing beyond a typo: a model whose kallsyms had next to no data symbols
	 * cannot name variables like jiffies; empty when the model is not short of them.
	 */
	public String missingNamesHint(SelectorKind kind) {
		boolean kallsymsNamed = kind == SelectorKind.SYMBOL || kind == SelectorKind.PERCPU;
		if (!kallsymsNamed || dataSymbols >= KallsymsAll.FEW_DATA_SYMBOLS) {
			return "";
		}
		return ", whose kallsyms lists only " + dataSymbols + " data symbols (a kernel built without "
				+ "CONFIG_KALLSYMS_ALL lists only its text symbols)";
	}

	private static Set<String> names(Stream<String> names) {
		return Collections.unmodifiableSet(names.filter(n -> n != null && !n.isEmpty())
				.collect(Collectors.toCollection(LinkedHashSet::new)));
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

	/**
	 * Whether {@code pattern} selects any name of {@code kind} (false for kinds the model does not enumerate). A glob
	 * or regex that matches nothing scans every name, so answers are memoised: validation runs again on every
	 * keystroke over the same kernel, and most of a policy's patterns have not changed since the last run.
	 */
	public boolean anyMatches(SelectorKind kind, NamePattern pattern) {
		Set<String> names = of(kind);
		if (names == null) {
			return false;
		}
		if (pattern.isExact()) {
			return names.contains(pattern.text());
		}
		String key = kind.getLiteral() + '\u0000' + pattern.text();
		Boolean known = matched.get(key);
		if (known != null) {
			return known;
		}
		boolean any = false;
		for (String name : names) {
			if (pattern.matches(name)) {
				any = true;
				break;
			}
		}
		if (matched.size() >= MAX_MEMO) {
			matched.clear();
		}
		matched.put(key, any);
		return any;
	}

	/** The model's file name, as messages show it. */
	public String fileName() {
		return file.getFileName().toString();
	}
}
