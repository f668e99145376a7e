// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

import dev.isolde.dsl.isolde.AsiModel;
import dev.isolde.model.persist.ModelStore;

/** File > New > Isolde Policy: a starter policy of the chosen ASI model, checked clean, opened in the editor. */
public final class NewPolicyWizard extends Wizard implements INewWizard {

	/** Wizard id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.editor.newPolicyWizard";

	private static final String NO_KERNEL = "(none: no kernel name checks)";

	private IStructuredSelection selection;
	private IWorkbench workbench;
	private PolicyPage page;

	/** Where the policy goes, its ASI model and the kernel model it names. */
	static final class PolicyPage extends WizardNewFileCreationPage {

		private Combo model;
		private Combo kernel;
		private final List<IFile> kernels = new ArrayList<>();

		PolicyPage(IStructuredSelection selection) {
			super("policy", selection);
			setTitle("Isolde policy");
			setDescription("A new ASI policy: which kernel memory each restricted address space maps.");
			setFileExtension("asi");
			setFileName("policy.asi");
		}

		@Override
		protected void createAdvancedControls(Composite parent) {
			Composite group = new Composite(parent, SWT.NONE);
			group.setLayout(new GridLayout(2, false));
			group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			new Label(group, SWT.NONE).setText("ASI model:");
			model = new Combo(group, SWT.READ_ONLY);
			model.setItems("rfc2022 (2022 KVM-ASI RFC: allowlist, local classes)",
					"asi2025 (2024-25 series: denylist, taint policies)");
			model.select(0);
			new Label(group, SWT.NONE).setText("Kernel model:");
			kernel = new Combo(group, SWT.READ_ONLY);
			kernel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			kernel.add(NO_KERNEL);
			findKernelModels();
			for (IFile f : kernels) {
				kernel.add(f.getFullPath().toString());
			}
			kernel.select(kernels.isEmpty() ? 0 : 1);
		}

		private void findKernelModels() {
			try {
				ResourcesPlugin.getWorkspace().getRoot().accept(r -> {
					if (r instanceof IFile f && ModelStore.EXTENSION.equals(f.getFileExtension())) {
						kernels.add(f);
					}
					return r.getType() != IResource.FILE && (r.getType() != IResource.PROJECT || r.isAccessible());
				});
			} catch (CoreException e) {
				Platform.getLog(NewPolicyWizard.class).log(e.getStatus());
			}
			// a model in the policy's own project first: that is the one it most likely describes
			IPath container = getContainerFullPath();
			if (container != null && container.segmentCount() > 0) {
				String project = container.segment(0);
				kernels.sort((a, b) -> Boolean.compare(!a.getProject().getName().equals(project),
						!b.getProject().getName().equals(project)));
			}
		}

		@Override
		protected IStatus validateLinkedResource() {
			return Status.OK_STATUS;
		}

		@Override
		protected void createLinkTarget() {
			// policies are plain workspace files
		}

		AsiModel model() {
			return model == null || model.getSelectionIndex() <= 0 ? AsiModel.RFC2022 : AsiModel.ASI2025;
		}

		/**
		 * The chosen kernel model relative to the policy's folder on disk (projects may live anywhere, so
		 * workspace paths do not say where the file is from the policy), absolute when not relatable; or null.
		 */
		String kernelPath() {
			int i = kernel == null ? 0 : kernel.getSelectionIndex();
			IPath model = i <= 0 ? null : kernels.get(i - 1).getLocation();
			if (model == null) {
				return null;
			}
			IResource container = getContainerFullPath() == null ? null
					: ResourcesPlugin.getWorkspace().getRoot().findMember(getContainerFullPath());
			IPath folder = container == null ? null : container.getLocation();
			return folder == null ? model.toString() : model.makeRelativeTo(folder).toString();
		}

		@Override
		protected InputStream getInitialContents() {
			String text = StarterPolicy.text(StarterPolicy.nameOf(getFileName()), model(), kernelPath());
			return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
		setWindowTitle("New Isolde Policy");
	}

	@Override
	public void addPages() {
		page = new PolicyPage(selection);
		addPage(page);
	}

	/** The page (for tests that fill it in). */
	PolicyPage page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		var window = workbench.getActiveWorkbenchWindow();
		BasicNewResourceWizard.selectAndReveal(file, window);
		IWorkbenchPage active = window == null ? null : window.getActivePage();
		if (active != null) {
			try {
				IDE.openEditor(active, file, true);
			} catch (CoreException e) {
				Platform.getLog(NewPolicyWizard.class).log(e.getStatus());
			}
		}
		return true;
	}
}
