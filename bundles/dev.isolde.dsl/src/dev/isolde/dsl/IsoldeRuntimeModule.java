// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl;

import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.validation.IDiagnosticConverter;
import org.eclipse.xtext.validation.IResourceValidator;

import dev.isolde.dsl.naming.IsoldeQualifiedNameProvider;
import dev.isolde.dsl.scoping.ConfinedImportUriResolver;
import dev.isolde.dsl.validation.IsoldeDiagnosticConverter;
import dev.isolde.dsl.validation.IsoldeResourceValidator;

/** Runtime services of the Isolde policy language that differ from the generated defaults. */
public class IsoldeRuntimeModule extends AbstractIsoldeRuntimeModule {

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ImportUriGlobalScopeProvider.class;
	}

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return ConfinedImportUriResolver.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return IsoldeQualifiedNameProvider.class;
	}

	public Class<? extends IResourceValidator> bindIResourceValidator() {
		return IsoldeResourceValidator.class;
	}

	public Class<? extends IDiagnosticConverter> bindIDiagnosticConverter() {
		return IsoldeDiagnosticConverter.class;
	}
}
