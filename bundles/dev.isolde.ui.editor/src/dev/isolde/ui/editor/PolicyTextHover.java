// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.isolde.dsl.help.KeywordHelp;
import dev.isolde.dsl.isolde.Rule;

/**
 * Hover over a keyword: what it means; over a rule: what it selects, into which class, and why (its {@code because}
 * rationale). Over a rule's selector keyword, both.
 */
final class PolicyTextHover implements ITextHover, ITextHoverExtension {

	private final PolicyEditor editor;

	PolicyTextHover(PolicyEditor editor) {
		this.editor = editor;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hoverText(editor.reconcilingStrategy().latest(), region.getOffset());
	}

	/** What the hover shows at {@code offset} of a parsed policy, or null. */
	static String hoverText(XtextResource resource, int offset) {
		KeywordHelp.Located keyword = KeywordHelp.at(resource, offset);
		Rule rule = ruleAt(resource, offset);
		if (keyword == null) {
			return rule == null ? null : PolicyLabels.describe(rule);
		}
		return rule == null ? keyword.text() : keyword.text() + "\n\n" + PolicyLabels.describe(rule);
	}

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return PolicySourceViewerConfiguration.WRAPPING_TEXT;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	/** The rule whose text covers {@code offset}, if any. */
	static Rule ruleAt(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		ICompositeNode root = resource.getParseResult().getRootNode();
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
		if (leaf == null) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		return element == null ? null : EcoreUtil2.getContainerOfType(element, Rule.class);
	}
}
