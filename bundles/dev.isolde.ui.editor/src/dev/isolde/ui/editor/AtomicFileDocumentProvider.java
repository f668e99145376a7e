// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceRuleFactory;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.MultiRule;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.FileDocumentProvider;

import dev.isolde.model.persist.AtomicFiles;

/**
 * Saves policies atomically (temporary file, fsync, rename), so a crash mid-save never leaves a torn
 * policy; a failed save throws, and the editor keeps the unsaved text.
 */
final class AtomicFileDocumentProvider extends FileDocumentProvider {

	/** Saving refreshes the file after the rename, which needs the refresh rule (the parent) too. */
	@Override
	protected ISchedulingRule getSaveRule(Object element) {
		if (element instanceof IFileEditorInput input) {
			IResourceRuleFactory rules = ResourcesPlugin.getWorkspace().getRuleFactory();
			return MultiRule.combine(rules.modifyRule(input.getFile()), rules.refreshRule(input.getFile()));
		}
		return super.getSaveRule(element);
	}

	@Override
	protected void doSaveDocument(IProgressMonitor monitor, Object element, IDocument document, boolean overwrite)
			throws CoreException {
		if (!(element instanceof IFileEditorInput input) || input.getFile().getLocation() == null) {
			super.doSaveDocument(monitor, element, document, overwrite);
			return;
		}
		IFile file = input.getFile();
		String encoding = getEncoding(element) != null ? getEncoding(element) : getDefaultEncoding();
		Path target = file.getLocation().toPath();
		try {
			AtomicFiles.write(target, document.get().getBytes(Charset.forName(encoding)));
		} catch (IOException e) {
			throw new CoreException(Status.error("Could not save " + target + ": " + e.getMessage(), e));
		}
		file.refreshLocal(IResource.DEPTH_ZERO, monitor);
		if (getElementInfo(element) instanceof FileInfo info) {
			info.fModificationStamp = computeModificationStamp(file);
		}
	}
}
