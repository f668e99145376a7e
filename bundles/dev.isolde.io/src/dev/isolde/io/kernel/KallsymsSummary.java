// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.util.Set;

/**
 * What a {@link KallsymsReader} saw: counts per symbol type and module, and whether addresses were hidden.
 */
public final class KallsymsSummary {

	private final long symbols;
	private final long moduleSymbols;
	private final Set<String> modules;
	private final long[] typeCounts;
	private final boolean addressesHidden;

	KallsymsSummary(long symbols, long moduleSymbols, Set<String> modules, long[] typeCounts, boolean addressesHidden) {
		this.symbols = symbols;
		this.moduleSymbols = moduleSymbols;
		this.modules = Set.copyOf(modules);
		this.typeCounts = typeCounts.clone();
		this.addressesHidden = addressesHidden;
	}

	/** The number of symbols read. */
	public long symbols() {
		return symbols;
	}

	/** The number of symbols with a {@code [module]} column. */
	public long moduleSymbols() {
		return moduleSymbols;
	}

	/** The distinct module names seen. */
	public Set<String> modules() {
		return modules;
	}

	/** The number of symbols of one nm(1) type letter. */
	public long count(char type) {
		return type < typeCounts.length ? typeCounts[type] : 0;
	}

	/**
	 * Whether every address was zero, as /proc/kallsyms shows them to a reader without CAP_SYSLOG
	 * (kernel/kallsyms.c, kallsyms_show_value()); names and types are still valid then.
	 */
	public boolean addressesHidden() {
		return addressesHidden;
	}

	@Override
	public String toString() {
		return symbols + " symbols (" + moduleSymbols + " in " + modules.size() + " modules)"
				+ (addressesHidden ? ", addresses hidden" : "");
	}
}
