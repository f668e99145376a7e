// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.server.hover.IHoverService;

import dev.isolde.dsl.ide.contentassist.KernelNameProposalProvider;
import dev.isolde.dsl.ide.hover.KeywordHoverService;

/** IDE services of the Isolde policy language (editors, language server) that differ from the generated ones. */
public class IsoldeIdeModule extends AbstractIsoldeIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return KernelNameProposalProvider.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return KeywordHoverService.class;
	}
}
