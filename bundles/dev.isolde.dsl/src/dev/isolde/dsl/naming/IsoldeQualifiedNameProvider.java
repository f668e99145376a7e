// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import dev.isolde.dsl.isolde.Element;

/**
 * Names only what a policy can refer to: its elements (policies, ASI classes, contexts, scenarios). A selector's
 * kernel object name ({@code symbol foo}) and a workload name are not declarations; naming them made every keystroke
 * index the thousands of patterns of a large policy into the file's scope.
 */
public class IsoldeQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {

	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		return object instanceof Element ? super.getFullyQualifiedName(object) : null;
	}
}
