// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Injector;

/** JFace content assist served by Xtext's UI-independent proposal provider (keywords, references, kernel names). */
public class PolicyContentAssistProcessor implements IContentAssistProcessor {

	private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "isolde-content-assist");
		t.setDaemon(true);
		return t;
	});

	private final Supplier<URI> location;
	private final Function<String, XtextResource> parsed;

	/** A processor for documents stored at the location the supplier names (for relative kernel paths). */
	public PolicyContentAssistProcessor(Supplier<URI> location) {
		this(location, text -> null);
	}

	/**
	 * A processor that asks {@code parsed} for an existing parse of the text before parsing it (a 5,000-rule policy
	 * takes tens of milliseconds to parse, most of a popup's time budget).
	 */
	PolicyContentAssistProcessor(Supplier<URI> location, Function<String, XtextResource> parsed) {
		this.location = location;
		this.parsed = parsed;
	}

	/** Xtext's proposals for {@code text} at {@code offset}. */
	public List<ContentAssistEntry> entries(String text, int offset) throws Exception {
		Injector injector = PolicyLanguage.injector();
		XtextResource resource = parsed.apply(text);
		if (resource == null) {
			resource = PolicyLanguage.parse(text, location.get());
		}
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(POOL);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<ContentAssistEntry> result = new ArrayList<>();
		acceptor.getEntries().forEach(result::add);
		return result;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		try {
			List<ICompletionProposal> proposals = new ArrayList<>();
			for (ContentAssistEntry e : entries(viewer.getDocument().get(), offset)) {
				if (e.getProposal().chars().noneMatch(Character::isLetterOrDigit)) {
					continue; // ",", ";", "}" are typed, not chosen from a list
				}
				String prefix = e.getPrefix() == null ? "" : e.getPrefix();
				String label = e.getLabel() != null ? e.getLabel() : e.getProposal();
				if (e.getDescription() != null) {
					label += " — " + e.getDescription();
				}
				proposals.add(new CompletionProposal(e.getProposal(), offset - prefix.length(), prefix.length(),
						e.getProposal().length(), null, label, null, e.getDocumentation()));
			}
			return proposals.toArray(ICompletionProposal[]::new);
		} catch (Exception ex) {
			errorMessage = "Content assist failed: " + ex.getMessage();
			return new ICompletionProposal[0];
		}
	}

	private String errorMessage;

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { ' ', ',' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return errorMessage;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
