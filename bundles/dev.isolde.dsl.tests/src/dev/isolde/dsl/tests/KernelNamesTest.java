// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.isolde.dsl.isolde.SelectorKind;
import dev.isolde.dsl.kernel.KernelNames;
import dev.isolde.dsl.selector.NamePattern;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;

class KernelNamesTest {

	private static KernelNames names() {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		Symbol s = IsoldeFactory.eINSTANCE.createSymbol();
		s.setName("kvm_vcpu_cache");
		s.setType('d');
		m.getSymbols().add(s);
		SlabCache c = IsoldeFactory.eINSTANCE.createSlabCache();
		c.setName("kmalloc-64");
		m.getSlabCaches().add(c);
		return KernelNames.of(Path.of("k.isolde"), m);
	}

	@Test
	void memoisedAnswersStaySeparatePerSelectorKind() {
		KernelNames k = names();
		NamePattern kvm = NamePattern.glob("kvm_*");
		for (int round = 0; round < 2; round++) {
			assertTrue(k.anyMatches(SelectorKind.SYMBOL, kvm));
			assertFalse(k.anyMatches(SelectorKind.SLAB, kvm), "a symbol answer must not leak to slab caches");
			assertTrue(k.anyMatches(SelectorKind.SLAB, NamePattern.glob("kmalloc-*")));
			assertFalse(k.anyMatches(SelectorKind.SYMBOL, NamePattern.glob("kmalloc-*")));
			assertFalse(k.anyMatches(SelectorKind.ALLOC, kvm), "allocation sites are not enumerated");
		}
		assertTrue(k.anyMatches(SelectorKind.SYMBOL, NamePattern.exact("kvm_vcpu_cache")));
		assertFalse(k.anyMatches(SelectorKind.SYMBOL, NamePattern.exact("kvm_vcpu")));
	}

	@Test
	void aModelWithoutDataSymbolsExplainsWhyVariablesMatchNothing() {
		KernelNames k = names(); // one data symbol
		assertEquals(1, k.dataSymbols());
		assertTrue(k.missingNamesHint(SelectorKind.SYMBOL).contains("only 1 data symbols"));
		assertTrue(k.missingNamesHint(SelectorKind.PERCPU).contains("CONFIG_KALLSYMS_ALL"));
		assertEquals("", k.missingNamesHint(SelectorKind.SLAB), "slab caches come from slabinfo, not kallsyms");
		Machine m = k.machine();
		for (int i = 0; i < 1_000; i++) {
			Symbol s = IsoldeFactory.eINSTANCE.createSymbol();
			s.setName("var" + i);
			s.setType(i % 2 == 0 ? 'b' : 'D');
			m.getSymbols().add(s);
		}
		Symbol text = IsoldeFactory.eINSTANCE.createSymbol();
		text.setName("do_syscall_64");
		text.setType('T');
		m.getSymbols().add(text);
		KernelNames all = KernelNames.of(Path.of("k.isolde"), m);
		assertEquals(1_001, all.dataSymbols(), "text symbols are not data");
		assertEquals("", all.missingNamesHint(SelectorKind.SYMBOL));
	}
}
