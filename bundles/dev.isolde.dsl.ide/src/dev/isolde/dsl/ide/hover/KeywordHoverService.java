// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.ide.hover;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.isolde.dsl.help.KeywordHelp;

/** Language-server hover: over a keyword, what it means; elsewhere Xtext's documentation of the element. */
public class KeywordHoverService extends HoverService {

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		KeywordHelp.Located help = KeywordHelp.at(resource, document.getOffSet(params.getPosition()));
		if (help == null) {
			return super.hover(document, resource, params, cancelIndicator);
		}
		Range range = new Range(document.getPosition(help.offset()), document.getPosition(help.offset() + help.length()));
		return new Hover(new MarkupContent(MarkupKind.PLAINTEXT, help.text()), range);
	}
}
