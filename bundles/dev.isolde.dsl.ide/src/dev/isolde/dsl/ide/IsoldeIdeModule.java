// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import dev.isolde.dsl.ide.contentassist.KernelNameProposalProvider;

/** IDE services of the Isolde policy language (editors, language server) that differ from the generated ones. */
public class IsoldeIdeModule extends AbstractIsoldeIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return KernelNameProposalProvider.class;
	}
}
