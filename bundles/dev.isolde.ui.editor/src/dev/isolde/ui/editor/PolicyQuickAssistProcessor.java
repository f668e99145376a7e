// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

/** Ctrl+1 in the policy editor: the fixes of the problems under the caret, or on its line when none is under it. */
final class PolicyQuickAssistProcessor implements IQuickAssistProcessor {

	private final PolicyEditor editor;

	PolicyQuickAssistProcessor(PolicyEditor editor) {
		this.editor = editor;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IDocument document = editor.document();
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (IMarker marker : problemsAt(document, context.getOffset())) {
			for (PolicyFix fix : editor.fixes(marker)) {
				proposals.add(new FixProposal(fix));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** The fixable problem markers covering {@code offset}, else those starting on its line. */
	private List<IMarker> problemsAt(IDocument document, int offset) {
		IAnnotationModel model = editor.annotationModel();
		List<IMarker> covering = new ArrayList<>();
		List<IMarker> onLine = new ArrayList<>();
		IRegion line;
		try {
			line = document.getLineInformationOfOffset(offset);
		} catch (BadLocationException e) {
			return List.of();
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (!canFix(a)) {
				continue;
			}
			Position p = model.getPosition(a);
			if (p == null) {
				continue;
			}
			IMarker marker = ((MarkerAnnotation) a).getMarker();
			if (p.getOffset() <= offset && offset <= p.getOffset() + p.getLength()) {
				covering.add(marker);
			} else if (p.getOffset() >= line.getOffset() && p.getOffset() <= line.getOffset() + line.getLength()) {
				onLine.add(marker);
			}
		}
		return covering.isEmpty() ? onLine : covering;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation m && !m.isMarkedDeleted() && m.getMarker().exists()
				&& PolicyFixes.canFix(m.getMarker().getAttribute(PolicyProblems.CODE, null));
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	/** A fix in the quick-assist popup. */
	private static final class FixProposal implements ICompletionProposal {

		private final PolicyFix fix;

		FixProposal(PolicyFix fix) {
			this.fix = fix;
		}

		@Override
		public void apply(IDocument document) {
			try {
				fix.apply(document);
			} catch (BadLocationException e) {
				// the fix was computed on this document's current text a moment ago
				throw new IllegalStateException(e);
			}
		}

		@Override
		public Point getSelection(IDocument document) {
			return new Point(fix.caretAfter(), 0);
		}

		@Override
		public String getAdditionalProposalInfo() {
			return null;
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
