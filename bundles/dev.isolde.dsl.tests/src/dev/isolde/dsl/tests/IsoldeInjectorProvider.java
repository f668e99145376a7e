// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import org.eclipse.xtext.testing.IInjectorProvider;

import com.google.inject.Injector;

import dev.isolde.dsl.ide.IsoldeIdeSetup;

/** The language injector with IDE services, shared by all tests in this bundle. */
public class IsoldeInjectorProvider implements IInjectorProvider {

	private static Injector injector;

	@Override
	public synchronized Injector getInjector() {
		if (injector == null) {
			injector = new IsoldeIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}
}
