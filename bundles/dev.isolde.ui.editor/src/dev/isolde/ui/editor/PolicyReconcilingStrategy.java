// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Parses and validates the document on the reconciler's background thread after typing pauses,
 * then publishes markers and tells listeners (outline, hover) about the fresh AST.
 */
final class PolicyReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final Supplier<IFile> file;
	private final Supplier<URI> location;
	private final List<Consumer<XtextResource>> listeners = new CopyOnWriteArrayList<>();
	private IDocument document;
	private IProgressMonitor monitor;
	private volatile Parsed latest;

	/** A parse and the text it was made from. */
	private record Parsed(String text, XtextResource resource) {
	}

	PolicyReconcilingStrategy(Supplier<IFile> file, Supplier<URI> location) {
		this.file = file;
		this.location = location;
	}

	void addListener(Consumer<XtextResource> listener) {
		listeners.add(listener);
	}

	XtextResource latest() {
		Parsed p = latest;
		return p == null ? null : p.resource();
	}

	/**
	 * The latest validated parse if it was made from exactly {@code text}, else null: content assist then need not
	 * parse a large policy again (once validated, a resource is only read).
	 */
	XtextResource parsed(String text) {
		Parsed p = latest;
		return p != null && p.text().equals(text) ? p.resource() : null;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		reconcile();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcile();
	}

	/** One full parse and validation of the current text; policies are small enough to not need more. */
	void reconcile() {
		if (document == null) {
			return;
		}
		String text = document.get();
		XtextResource resource = PolicyLanguage.parse(text, location.get());
		CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
		List<Issue> issues;
		try {
			issues = PolicyLanguage.injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
					cancel);
		} catch (OperationCanceledError | OperationCanceledException e) {
			return; // the editor closed or the text changed again: a newer reconcile follows
		}
		if (cancel.isCanceled()) {
			return;
		}
		latest = new Parsed(text, resource);
		IFile f = file.get();
		if (f != null) {
			PolicyProblems.publish(f, issues);
		}
		for (Consumer<XtextResource> l : listeners) {
			l.accept(resource);
		}
	}
}
