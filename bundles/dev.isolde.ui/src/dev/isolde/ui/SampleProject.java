// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * The bundled sample project: on first start the workspace gets a project "isolde-samples" whose
 * location is the samples folder named by the system property {@code isolde.samples}.
 */
public final class SampleProject {

	/** Name of the sample project in the workspace. */
	public static final String NAME = "isolde-samples";
	/** The policy opened in the editor on first start. */
	public static final String FIRST_POLICY = "kvm-host.asi";

	private SampleProject() {
	}

	/** Creates and opens the sample project if the workspace has none, then opens its first policy. */
	public static void openOnFirstStart() {
		String dir = System.getProperty("isolde.samples");
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject(NAME);
		try {
			boolean created = false;
			if (!project.exists()) {
				if (dir == null || !Files.isDirectory(Path.of(dir))) {
					return;
				}
				IProjectDescription description = workspace.newProjectDescription(NAME);
				description.setLocation(IPath.fromOSString(Path.of(dir).toAbsolutePath().toString()));
				project.create(description, null);
				created = true;
			}
			if (!project.isOpen()) {
				project.open(null);
			}
			project.refreshLocal(IResource.DEPTH_INFINITE, null);
			IFile policy = project.getFile(FIRST_POLICY);
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			if (policy.exists() && page != null && (created || page.getEditorReferences().length == 0)) {
				IDE.openEditor(page, policy, true);
			}
		} catch (CoreException e) {
			Platform.getLog(SampleProject.class).log(e.getStatus());
		} catch (RuntimeException e) {
			Platform.getLog(SampleProject.class).error("Could not open the sample project", e);
		}
	}

}
