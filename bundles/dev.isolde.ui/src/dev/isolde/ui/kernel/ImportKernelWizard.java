// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.kernel;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

import dev.isolde.io.machine.ThisMachineImporter;
import dev.isolde.model.persist.ModelStore;

/**
 * File > New > Kernel model from this machine: reads /proc and /sys in a cancellable job and writes a kernel model
 * ({@code .isolde}) that policies name in their {@code kernel} statement.
 */
public final class ImportKernelWizard extends Wizard implements INewWizard, IImportWizard {

	/** Wizard id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.kernel.importWizard";

	private IStructuredSelection selection;
	private TargetPage page;

	/** The page: where the model goes, and whether to keep only the ASI-relevant text symbols. */
	static final class TargetPage extends WizardNewFileCreationPage {

		private boolean sample = true;

		TargetPage(IStructuredSelection selection) {
			super("kernelModel", selection);
			setTitle("Import this machine's kernel");
			setDescription("Reads /proc/kallsyms, iomem, slabinfo, vmallocinfo, the kernel ptdump and the CPU "
					+ "vulnerabilities into a kernel model; what cannot be read is reported.");
			setFileExtension(ModelStore.EXTENSION);
			setFileName("machine." + ModelStore.EXTENSION);
		}

		@Override
		protected void createAdvancedControls(Composite parent) {
			Button button = new Button(parent, SWT.CHECK);
			button.setText("Only ASI-relevant text symbols (entry_, asi_, kvm_, irq*, native_*, ...): a small model");
			button.setSelection(sample);
			button.addListener(SWT.Selection, e -> sample = button.getSelection());
		}

		@Override
		protected IStatus validateLinkedResource() {
			return Status.OK_STATUS;
		}

		@Override
		protected void createLinkTarget() {
			// no linked resources: the model is written into the workspace
		}

		boolean sample() {
			return sample;
		}

		IFile target() {
			return ResourcesPlugin.getWorkspace().getRoot().getFile(getContainerFullPath().append(getFileName()));
		}
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.selection = selection;
		setWindowTitle("Import this machine's kernel");
		setNeedsProgressMonitor(false);
	}

	@Override
	public void addPages() {
		page = new TargetPage(selection);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		KernelImportJob job = new KernelImportJob(new ThisMachineImporter(), page.sample(), page.target());
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getResult().isOK()) {
					Display.getDefault().asyncExec(() -> report(job, window));
				}
			}
		});
		job.schedule();
		return true;
	}

	private static void report(KernelImportJob job, IWorkbenchWindow window) {
		if (window.getShell() == null || window.getShell().isDisposed()) {
			return;
		}
		BasicNewResourceWizard.selectAndReveal(job.target(), window);
		var unavailable = job.result().unavailable();
		String text = KernelImportJob.contents(job.result()) + " written to " + job.target().getFullPath()
				+ (unavailable.isEmpty() ? "" : "\n\nUnavailable:\n- " + String.join("\n- ", unavailable))
				+ "\n\nA policy uses it with: kernel \"" + job.target().getName() + "\"";
		MessageDialog.openInformation(window.getShell(), "Kernel model imported", text);
	}
}
