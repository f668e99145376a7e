// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.isolde.dsl.IsoldeRuntimeModule;
import dev.isolde.dsl.IsoldeStandaloneSetup;
import org.eclipse.xtext.util.Modules2;

/**
 * Creates the policy language's injector with IDE services (content assist, language server).
 */
public class IsoldeIdeSetup extends IsoldeStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new IsoldeRuntimeModule(), new IsoldeIdeModule()));
	}
	
}
