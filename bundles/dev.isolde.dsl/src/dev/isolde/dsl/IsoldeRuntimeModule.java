// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl;

import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;

import dev.isolde.dsl.scoping.ConfinedImportUriResolver;

/** Runtime services of the Isolde policy language that differ from the generated defaults. */
public class IsoldeRuntimeModule extends AbstractIsoldeRuntimeModule {

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ImportUriGlobalScopeProvider.class;
	}

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return ConfinedImportUriResolver.class;
	}
}
