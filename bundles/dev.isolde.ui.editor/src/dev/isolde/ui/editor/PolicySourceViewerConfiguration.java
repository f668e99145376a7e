// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Wires highlighting, content assist, hover and validation-as-you-type into the policy editor's viewer. */
final class PolicySourceViewerConfiguration extends TextSourceViewerConfiguration {

	/**
	 * Typing pause before a background validation runs. Short, because a reconcile of a 5,000-rule policy now costs
	 * about 100 ms of CPU (parse and validation, EditorLatencyBench) and the next keystroke cancels a validation still
	 * running (the reconciler cancels its progress monitor), so a longer pause only delays the markers.
	 */
	static final int RECONCILE_DELAY_MS = 50;

	private final PolicyEditor editor;

	PolicySourceViewerConfiguration(PolicyEditor editor, IPreferenceStore store) {
		super(store);
		this.editor = editor;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		PolicyColors colors = new PolicyColors(sourceViewer.getTextWidget().getDisplay(), () -> {
			if (sourceViewer.getTextWidget() != null && !sourceViewer.getTextWidget().isDisposed()) {
				sourceViewer.invalidateTextPresentation();
			}
		});
		PolicyHighlighter highlighter = new PolicyHighlighter(colors);
		sourceViewer.getTextWidget().addDisposeListener(e -> {
			colors.dispose();
			highlighter.setDocument(null);
		});
		reconciler.setDamager(highlighter, IDocument.DEFAULT_CONTENT_TYPE);
		reconciler.setRepairer(highlighter, IDocument.DEFAULT_CONTENT_TYPE);
		return reconciler;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setContentAssistProcessor(new PolicyContentAssistProcessor(editor::emfLocation,
				editor.reconcilingStrategy()::parsed),
				IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(300);
		assistant.setProposalSelectorBackground(null);
		assistant.enableAutoInsert(true);
		// keywords carry what they mean; without a creator JFace never shows that additional info
		assistant.setInformationControlCreator(WRAPPING_TEXT);
		return assistant;
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new PolicyQuickAssistProcessor(editor));
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public IReconciler getReconciler(ISourceViewer sourceViewer) {
		MonoReconciler reconciler = new MonoReconciler(editor.reconcilingStrategy(), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}

	/** Plain-text information controls that wrap paragraphs (hovers, content assist's additional info). */
	static final IInformationControlCreator WRAPPING_TEXT = parent -> new DefaultInformationControl(parent,
			new WrappingTextPresenter());

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new PolicyTextHover(editor);
	}

	@Override
	public IAutoEditStrategy[] getAutoEditStrategies(ISourceViewer sourceViewer, String contentType) {
		return new IAutoEditStrategy[] { new PolicyAutoIndent() };
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { "//", "" };
	}
}
