// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl;


/**
 * Registers the policy language outside OSGi's extension registry (CLI, tests, language server).
 */
public class IsoldeStandaloneSetup extends IsoldeStandaloneSetupGenerated {

	/** Registers the language globally (EMF resource factory and Xtext service registry). */
	public static void doSetup() {
		new IsoldeStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
