// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import com.google.inject.Injector;

import dev.isolde.dsl.ide.IsoldeIdeSetup;

/** Creates the policy language's injector once, on first use (it costs a few hundred ms). */
final class Languages {

	private Injector injector;

	synchronized Injector injector() {
		if (injector == null) {
			injector = new IsoldeIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}
}
