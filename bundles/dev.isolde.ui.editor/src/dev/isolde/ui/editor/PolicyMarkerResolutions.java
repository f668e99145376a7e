// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * Quick fixes of policy problems in the Problems view. A fix opens the policy in its editor and edits the document
 * there, so it is undoable and the user decides when to save.
 */
public final class PolicyMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return PolicyFixes.canFix(marker.getAttribute(PolicyProblems.CODE, null));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		PolicyEditor editor = editorOf(marker, false);
		List<PolicyFix> fixes = editor != null ? editor.fixes(marker) : PolicyEditor.fixesOnDisk(marker);
		return fixes.stream().map(f -> new Resolution(f.label())).toArray(IMarkerResolution[]::new);
	}

	/** The open policy editor of the marker's file; opened when {@code open} and none is. */
	static PolicyEditor editorOf(IMarker marker, boolean open) {
		if (!(marker.getResource() instanceof IFile file)) {
			return null;
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = page.findEditor(new org.eclipse.ui.part.FileEditorInput(file));
		if (part == null && open) {
			try {
				part = IDE.openEditor(page, file, PolicyEditor.ID, true);
			} catch (CoreException e) {
				Platform.getLog(PolicyMarkerResolutions.class).log(e.getStatus());
				return null;
			}
		}
		return part instanceof PolicyEditor editor ? editor : null;
	}

	/** Re-finds its fix by label on the document as it is when run, then applies it there. */
	private static final class Resolution implements IMarkerResolution2 {

		private final String label;

		Resolution(String label) {
			this.label = label;
		}

		@Override
		public String getLabel() {
			return label;
		}

		@Override
		public void run(IMarker marker) {
			PolicyEditor editor = editorOf(marker, true);
			if (editor == null) {
				return;
			}
			editor.fixes(marker).stream().filter(f -> f.label().equals(label)).findFirst().ifPresent(editor::applyFix);
		}

		@Override
		public String getDescription() {
			return label + " (in the editor; undo with Ctrl+Z)";
		}

		@Override
		public Image getImage() {
			return null;
		}
	}
}
