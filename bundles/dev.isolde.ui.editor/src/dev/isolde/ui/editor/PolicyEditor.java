// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.TextOperationAction;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

import java.util.List;
import java.util.ResourceBundle;

/** The editor of {@code .asi} policy files: a JFace text editor driven by the language's Xtext services. */
public class PolicyEditor extends TextEditor {

	/** Editor id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.editor.policy";
	/** Key binding context active in this editor. */
	public static final String CONTEXT = "dev.isolde.ui.editor.context";
	/** Command ids of the editor's own actions. */
	public static final String FORMAT = "dev.isolde.ui.editor.format", TOGGLE_COMMENT = "dev.isolde.ui.editor.toggleComment",
			OPEN_DECLARATION = "dev.isolde.ui.editor.openDeclaration";

	private final PolicyReconcilingStrategy strategy = new PolicyReconcilingStrategy(this::file, this::emfLocation);
	private PolicyOutlinePage outline;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new PolicySourceViewerConfiguration(this, getPreferenceStore()));
		setDocumentProvider(new AtomicFileDocumentProvider());
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT });
	}

	@Override
	protected void createActions() {
		super.createActions();
		ResourceBundle bundle = new java.util.ListResourceBundle() {
			@Override
			protected Object[][] getContents() {
				return new Object[][] { { "ContentAssist.label", "Content Assist" } };
			}
		};
		TextOperationAction assist = new TextOperationAction(bundle, "ContentAssist.", this,
				ISourceViewer.CONTENTASSIST_PROPOSALS);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
		setAction(FORMAT, action(FORMAT, "Format", this::format));
		setAction(TOGGLE_COMMENT, action(TOGGLE_COMMENT, "Toggle Comment", this::toggleComment));
		setAction(OPEN_DECLARATION, action(OPEN_DECLARATION, "Open Declaration", this::openDeclaration));
	}

	private static Action action(String commandId, String label, Runnable run) {
		Action a = new Action(label) {
			@Override
			public void run() {
				run.run();
			}
		};
		a.setActionDefinitionId(commandId);
		return a;
	}

	/** The validation-as-you-type strategy, which also holds the latest parsed AST. */
	PolicyReconcilingStrategy reconcilingStrategy() {
		return strategy;
	}

	/** The workspace file being edited, or null for files outside the workspace. */
	IFile file() {
		return getEditorInput() instanceof IFileEditorInput in ? in.getFile() : null;
	}

	/** Where the document lives, so relative {@code import} and {@code kernel} paths resolve. */
	URI emfLocation() {
		IFile f = file();
		if (f != null && f.getLocation() != null) {
			return URI.createFileURI(f.getLocation().toOSString());
		}
		if (getEditorInput() instanceof IURIEditorInput in) {
			return URI.createURI(in.getURI().toString());
		}
		return URI.createURI("inmemory:/policy.asi");
	}

	/** The source viewer (for content assist and tests). */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	/** The document being edited. */
	public IDocument document() {
		return getDocumentProvider().getDocument(getEditorInput());
	}

	/** Formats the whole policy (Ctrl+Shift+F); undoable as one change. */
	public void format() {
		IDocument doc = document();
		String formatted = PolicyFormatter.format(doc.get(), emfLocation());
		if (formatted != null && !formatted.equals(doc.get())) {
			ITextSelection sel = (ITextSelection) getSelectionProvider().getSelection();
			doc.set(formatted);
			selectAndReveal(Math.min(sel.getOffset(), formatted.length()), 0);
		}
	}

	/** Comments the selected lines out with {@code //}, or back in when all are commented (Ctrl+/). */
	public void toggleComment() {
		ITextSelection sel = (ITextSelection) getSelectionProvider().getSelection();
		try {
			new LineComments(document()).toggle(sel.getStartLine(), sel.getEndLine());
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// the selection came from this document, so its lines exist
			throw new IllegalStateException(e);
		}
	}

	/** Jumps to the declaration of the reference under the cursor (F3). */
	public void openDeclaration() {
		XtextResource resource = PolicyLanguage.parse(document().get(), emfLocation());
		int offset = ((ITextSelection) getSelectionProvider().getSelection()).getOffset();
		EObject target = new EObjectAtOffsetHelper().resolveCrossReferencedElementAt(resource, offset);
		if (target != null && target.eResource() == resource) {
			ICompositeNode node = NodeModelUtils.findActualNodeFor(target);
			if (node != null) {
				selectAndReveal(node.getOffset(), node.getLength());
			}
		}
	}

	/** The annotation model holding this file's problem markers. */
	IAnnotationModel annotationModel() {
		return getDocumentProvider().getAnnotationModel(getEditorInput());
	}

	/** The fixes of a problem marker of this editor's file, at the marker's current place in the document. */
	List<PolicyFix> fixes(IMarker marker) {
		Position p = annotationModel() instanceof AbstractMarkerAnnotationModel m ? m.getMarkerPosition(marker) : null;
		int start = p != null ? p.getOffset() : marker.getAttribute(IMarker.CHAR_START, -1);
		int length = p != null ? p.getLength() : marker.getAttribute(IMarker.CHAR_END, -1) - start;
		return PolicyFixes.of(marker.getAttribute(PolicyProblems.CODE, null), document().get(), start, length,
				emfLocation());
	}

	/** The fixes of a problem marker of a policy that no editor has open, from the saved file. */
	static List<PolicyFix> fixesOnDisk(IMarker marker) {
		if (!(marker.getResource() instanceof IFile f) || f.getLocation() == null) {
			return List.of();
		}
		try (var in = f.getContents()) {
			String text = new String(in.readAllBytes(), f.getCharset());
			int start = marker.getAttribute(IMarker.CHAR_START, -1);
			return PolicyFixes.of(marker.getAttribute(PolicyProblems.CODE, null), text, start,
					marker.getAttribute(IMarker.CHAR_END, -1) - start, URI.createFileURI(f.getLocation().toOSString()));
		} catch (java.io.IOException | org.eclipse.core.runtime.CoreException e) {
			org.eclipse.core.runtime.Platform.getLog(PolicyEditor.class).warn("No quick fixes: cannot read " + f, e);
			return List.of();
		}
	}

	/** Applies a fix to the document (one undoable change) and puts the caret after it. */
	public void applyFix(PolicyFix fix) {
		try {
			fix.apply(document());
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// fixes are computed on the document's current text just before they are applied
			throw new IllegalStateException(e);
		}
		selectAndReveal(fix.caretAfter(), 0);
	}

	@Override
	public <T> T getAdapter(Class<T> type) {
		if (type == IContentOutlinePage.class) {
			if (outline == null) {
				outline = new PolicyOutlinePage(this);
			}
			return type.cast(outline);
		}
		return super.getAdapter(type);
	}

	/** The outline page, if one was created (for tests). */
	PolicyOutlinePage outlinePage() {
		return outline;
	}
}
