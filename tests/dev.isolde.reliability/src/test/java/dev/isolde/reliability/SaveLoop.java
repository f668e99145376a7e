// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import java.nio.file.Path;

import dev.isolde.model.persist.ModelStore;

/** The child JVM of {@link CrashSafetyTest}: saves a large machine to {@code args[0]} over and over until killed. */
public final class SaveLoop {

	/** Symbols in the saved machine: tens of megabytes of XMI, about a second per save. */
	static final int SYMBOLS = 300_000;

	private SaveLoop() {
	}

	/** {@code SaveLoop FILE}. */
	public static void main(String[] args) throws Exception {
		var machine = LargeMachine.of("next", SYMBOLS);
		Path file = Path.of(args[0]);
		for (;;) {
			ModelStore.save(machine, file);
		}
	}
}
