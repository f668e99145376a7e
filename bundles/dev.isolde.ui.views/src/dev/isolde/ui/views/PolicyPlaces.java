// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Path;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

import dev.isolde.engine.policy.SourceLocation;
import dev.isolde.ui.editor.PolicyEditor;

/** Opens a policy in its editor at a rule, or at the place where a new rule belongs. */
public final class PolicyPlaces {

	private PolicyPlaces() {
	}

	/**
	 * Opens the file of {@code loc} (relative to {@code policy}'s folder) at that line and column; returns the
	 * editor, or throws with a message for the status line.
	 */
	public static PolicyEditor reveal(IWorkbenchPage page, IFile policy, SourceLocation loc) throws PartInitException {
		IFile file = loc.file().equals(policy.getName()) || loc.file().equals(SourceLocation.UNKNOWN.file()) ? policy
				: policy.getParent().getFile(new Path(loc.file()));
		IEditorPart part = IDE.openEditor(page, file, true);
		if (!(part instanceof PolicyEditor editor)) {
			throw new PartInitException(file.getName() + " did not open in the policy editor");
		}
		IDocument doc = editor.document();
		try {
			int line = Math.min(doc.getNumberOfLines() - 1, Math.max(0, loc.line() - 1));
			IRegion r = doc.getLineInformation(line);
			editor.selectAndReveal(r.getOffset() + Math.min(r.getLength(), Math.max(0, loc.column() - 1)), 0);
		} catch (BadLocationException e) {
			throw new PartInitException("no line " + loc.line() + " in " + file.getName());
		}
		return editor;
	}

	/**
	 * Opens {@code policy} just inside its first {@code global nonsensitive} block (where a reclassified object's
	 * rule goes), or at the policy's opening line when it has none; returns the editor.
	 */
	public static PolicyEditor revealNewRulePlace(IWorkbenchPage page, IFile policy) throws PartInitException {
		IEditorPart part = IDE.openEditor(page, policy, true);
		if (!(part instanceof PolicyEditor editor)) {
			throw new PartInitException(policy.getName() + " did not open in the policy editor");
		}
		String text = editor.document().get();
		int block = text.indexOf("global nonsensitive");
		int brace = block < 0 ? text.indexOf("policy ") : text.indexOf('{', block);
		int offset = brace < 0 ? 0 : text.indexOf('\n', brace) + 1;
		editor.selectAndReveal(Math.max(0, offset), 0);
		return editor;
	}
}
