// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import dev.isolde.io.engine.Analysis;
import dev.isolde.ui.editor.PolicyEditor;

/**
 * A view of the engine's analysis of the policy in the active editor: it follows editor activation,
 * analyses in a background Job (the UI thread only paints) and hands the result to the subclass.
 */
public abstract class AnalysisView extends ViewPart {

	private Label status;
	private IFile shown;
	private Analysis analysis;
	private final IPartListener2 editorListener = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof PolicyEditor editor) {
				showPolicyOf(editor);
			}
		}

		@Override
		public void partInputChanged(IWorkbenchPartReference ref) {
			partActivated(ref);
		}
	};

	@Override
	public final void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status.setText("Open a policy to analyse it.");
		createContent(parent).setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		getSite().getPage().addPartListener(editorListener);
		if (getSite().getPage().getActiveEditor() instanceof PolicyEditor editor) {
			showPolicyOf(editor);
		}
	}

	/** Creates the view's own control under the status line. */
	protected abstract org.eclipse.swt.widgets.Control createContent(Composite parent);

	/** Prepares what the UI shows, off the UI thread (layout, model building). */
	protected abstract Object prepare(Analysis analysis);

	/** Like {@link #prepare(Analysis)}, for views that also read the policy file itself. */
	protected Object prepare(Analysis analysis, Path policy) throws IOException {
		return prepare(analysis);
	}

	/** Shows what {@link #prepare} produced; on the UI thread. */
	protected abstract void show(Analysis analysis, Object prepared, boolean samePolicy);

	/** Sets the status line. */
	protected final void status(String text) {
		if (!status.isDisposed()) {
			status.setText(text);
		}
	}

	/** The policy file shown, or null. */
	protected final IFile shownFile() {
		return shown;
	}

	/** The analysis shown, or null before the first one finished. */
	public final Analysis analysis() {
		return analysis;
	}

	/** Analyses the saved policy of {@code editor} in a job and shows it when done. */
	public final void showPolicyOf(PolicyEditor editor) {
		if (!(editor.getEditorInput() instanceof IFileEditorInput input) || input.getFile().getLocation() == null) {
			return;
		}
		IFile file = input.getFile();
		Path path = file.getLocation().toPath();
		status("Analysing " + file.getName() + "…");
		Job job = new Job("Analysing " + file.getName()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask("Classifying and building restricted spaces", IProgressMonitor.UNKNOWN);
				try {
					Analysis a = PolicyAnalysis.of(path);
					Object prepared = prepare(a, path);
					deliver(file, a, prepared, null);
				} catch (IOException | RuntimeException e) {
					deliver(file, null, null, e.getMessage());
				} finally {
					monitor.done();
				}
				return Status.OK_STATUS;
			}
		};
		job.schedule();
	}

	private void deliver(IFile file, Analysis a, Object prepared, String error) {
		if (status.isDisposed()) {
			return;
		}
		status.getDisplay().asyncExec(() -> {
			if (status.isDisposed()) {
				return;
			}
			if (a == null) {
				status(file.getName() + ": " + error);
				return;
			}
			boolean same = file.equals(shown) && analysis != null;
			shown = file;
			analysis = a;
			show(a, prepared, same);
		});
	}

	/** The Properties view shows a part's selection only if the part hands it a page. */
	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IPropertySheetPage.class) {
			return adapter.cast(new PropertySheetPage());
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(editorListener);
		super.dispose();
	}
}
