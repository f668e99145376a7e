// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.ide.contentassist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.nodemodel.ILeafNode;

import com.google.inject.Inject;

import dev.isolde.dsl.help.KeywordHelp;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.SelectorKind;
import dev.isolde.dsl.kernel.KernelModels;
import dev.isolde.dsl.kernel.KernelNames;
import dev.isolde.dsl.services.IsoldeGrammarAccess;

/**
 * Proposes real kernel object names at selector pattern positions ({@code symbol jif|}, {@code slab "kmal|},
 * {@code maps region |}), read from the kernel model the policy's {@code kernel} statement names.
 */
public class KernelNameProposalProvider extends IdeContentProposalProvider {

	/** At most this many names per request: a real kernel has ~200k symbols and a popup must stay instant. */
	public static final int MAX_PROPOSALS = 200;

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	@Inject
	private IsoldeGrammarAccess grammar;

	@Inject
	private KernelModels kernelModels;

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		Assignment name = grammar.getPatternAccess().getNameAssignment_0();
		Assignment text = grammar.getPatternAccess().getTextAssignment_1();
		// A position that accepts a Name also accepts a STRING: answer once, for the Name.
		boolean answer = assignment == name
				|| assignment == text && !context.getFirstSetGrammarElements().contains(name);
		if (answer && context.getRootModel() instanceof PolicyFile file) {
			proposeKernelNames(file, context, acceptor);
		}
		super._createProposals(assignment, context, acceptor);
	}

	/** Keywords come with what they mean (the additional-info popup of an editor, documentation in LSP). */
	@Override
	protected void _createProposals(Keyword keyword, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		String help = KeywordHelp.of(keyword);
		super._createProposals(keyword, context, help == null ? acceptor : new IIdeContentProposalAcceptor() {
			@Override
			public void accept(ContentAssistEntry entry, int priority) {
				if (entry != null) {
					entry.setDocumentation(help);
				}
				acceptor.accept(entry, priority);
			}

			@Override
			public boolean canAcceptMoreProposals() {
				return acceptor.canAcceptMoreProposals();
			}
		});
	}

	private void proposeKernelNames(PolicyFile file, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		SelectorKind kind = selectorBefore(context);
		KernelNames kernel = kind == null ? null : kernelModels.of(file);
		Set<String> names = kernel == null ? null : kernel.of(kind);
		if (names == null) {
			return;
		}
		int accepted = 0;
		for (String n : names) {
			String proposal = PLAIN_NAME.matcher(n).matches() && !isKeyword(n) ? n : '"' + n + '"';
			ContentAssistEntry entry = getProposalCreator().createProposal(proposal, context,
					ContentAssistEntry.KIND_VALUE, e -> e.setDescription(kind.getLiteral() + " in " + kernel.fileName()));
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
				if (++accepted == MAX_PROPOSALS) {
					return;
				}
			}
		}
	}

	/** The grammar's keywords, collected once: collecting them walks the whole grammar, and names are many. */
	private Set<String> keywords;

	@Inject
	private void collectKeywords(IsoldeGrammarAccess grammarAccess) {
		keywords = GrammarUtil.getAllKeywords(grammarAccess.getGrammar());
	}

	private boolean isKeyword(String word) {
		return keywords.contains(word);
	}

	/**
	 * The selector kind that governs the pattern being typed, found by walking back over the rule's earlier patterns
	 * and commas; {@code maps region} spells the same word as the region selector.
	 */
	private static SelectorKind selectorBefore(ContentAssistContext context) {
		int end = context.getReplaceRegion().getOffset();
		List<ILeafNode> before = new ArrayList<>();
		for (ILeafNode leaf : context.getRootNode().getLeafNodes()) {
			if (leaf.getEndOffset() > end) {
				break;
			}
			if (!leaf.isHidden()) {
				before.add(leaf);
			}
		}
		for (int i = before.size() - 1; i >= 0; i--) {
			ILeafNode leaf = before.get(i);
			String word = leaf.getText();
			SelectorKind kind = SelectorKind.get(word);
			if (kind != null) {
				return kind;
			}
			boolean patternToken = leaf.getSemanticElement() instanceof dev.isolde.dsl.isolde.Pattern;
			if (!patternToken && !word.equals(",") && !word.equals("except")) {
				return null;
			}
		}
		return null;
	}
}
