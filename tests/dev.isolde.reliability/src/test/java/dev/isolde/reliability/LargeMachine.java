// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.Symbol;

/** Synthetic machines large enough that saving one takes long enough to be interrupted. */
final class LargeMachine {

	private LargeMachine() {
	}

	/** A machine called {@code name} with {@code symbols} symbols named {@code sym_N}. */
	static Machine of(String name, int symbols) {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		m.setName(name);
		for (int i = 0; i < symbols; i++) {
			Symbol s = IsoldeFactory.eINSTANCE.createSymbol();
			s.setName("sym_" + i);
			s.setAddress(0xffffffff81000000L + 16L * i);
			s.setType('T');
			s.setSize(16);
			m.getSymbols().add(s);
		}
		return m;
	}
}
