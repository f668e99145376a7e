// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.isolde.io.machine.ThisMachineImporter;
import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelStore;
import dev.isolde.ui.kernel.KernelImportJob;

/** The import of this machine's kernel as a workspace job: the model it writes, and cancelling it. */
class KernelImportJobTest {

	private IProject project;

	@BeforeEach
	void project() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("import-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@Test
	void importsThisMachineIntoAKernelModelInTheProject() throws Exception {
		IFile target = project.getFile("this-machine.isolde");
		KernelImportJob job = new KernelImportJob(new ThisMachineImporter(), true, target);
		job.schedule();
		job.join();
		assertEquals(IStatus.INFO, job.getResult().getSeverity(), job.getResult().getMessage());
		assertTrue(target.exists(), "the workspace knows the new file");
		Machine machine = ModelStore.load(Path.of(target.getLocation().toOSString()));
		assertFalse(machine.getSymbols().isEmpty(), "symbols from /proc/kallsyms");
		assertEquals(machine.getSymbols().size(), job.result().machine().getSymbols().size());
		assertTrue(job.getResult().getMessage().startsWith("Imported " + machine.getSymbols().size() + " symbols"),
				job.getResult().getMessage());
		for (String u : job.result().unavailable()) {
			assertTrue(job.getResult().getMessage().contains(u), "the result reports " + u);
		}
	}

	@Test
	void cancellingWhileReadingWritesNothing() throws Exception {
		IFile target = project.getFile("cancelled.isolde");
		KernelImportJob job = new KernelImportJob(new ThisMachineImporter(), false, target);
		job.schedule();
		long end = System.currentTimeMillis() + 10_000;
		while (job.getState() != Job.RUNNING && System.currentTimeMillis() < end) {
			Thread.onSpinWait();
		}
		job.cancel();
		job.join();
		assertNotNull(job.getResult());
		assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().getMessage());
		assertFalse(target.exists());
		assertFalse(target.getLocation().toFile().exists(), "no file, not even a partial one");
	}
}
