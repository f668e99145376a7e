// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceRuleFactory;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;

import dev.isolde.io.ImportException;
import dev.isolde.io.machine.ThisMachineImport;
import dev.isolde.io.machine.ThisMachineImporter;
import dev.isolde.model.persist.ModelStore;

/**
 * Imports the running machine's kernel into a workspace file, off the UI thread. Cancelling stops waiting for the
 * reader at once and writes nothing; the model is saved atomically, so a cancel or crash never leaves half a file.
 */
public final class KernelImportJob extends Job {

	/** Job family, for tests and the progress view. */
	public static final Object FAMILY = KernelImportJob.class;

	private static final long POLL_MS = 50;

	private final ThisMachineImporter importer;
	private final boolean sample;
	private final IFile target;
	private volatile ThisMachineImport result;

	/** A job that imports with {@code importer} into {@code target}; {@code sample} keeps only ASI-relevant text symbols. */
	public KernelImportJob(ThisMachineImporter importer, boolean sample, IFile target) {
		super("Importing this machine's kernel into " + target.getFullPath());
		this.importer = importer;
		this.sample = sample;
		this.target = target;
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The import, once the job succeeded: the machine and what was unavailable. */
	public ThisMachineImport result() {
		return result;
	}

	/** The file the model goes to. */
	public IFile target() {
		return target;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Importing this machine's kernel", 10);
		progress.subTask("Reading /proc/kallsyms, /proc/iomem, /proc/slabinfo, /proc/vmallocinfo, ptdump, CPU vulnerabilities");
		CompletableFuture<ThisMachineImport> reading = CompletableFuture.supplyAsync(this::read, r -> {
			// a cancelled import's reader finishes on its own and its result is dropped; it never delays exit
			Thread t = new Thread(r, "isolde-kernel-import");
			t.setDaemon(true);
			t.start();
		});
		ThisMachineImport read;
		try {
			read = await(reading, progress);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause() instanceof ReadFailure f ? f.getCause() : e.getCause();
			return Status.error("Import failed: " + cause.getMessage(), cause);
		}
		if (read == null) {
			return Status.CANCEL_STATUS;
		}
		progress.setWorkRemaining(2);
		progress.subTask("Writing " + target.getFullPath());
		try {
			write(read, progress.split(1));
		} catch (CoreException e) {
			return e.getStatus();
		}
		result = read;
		return summary(read);
	}

	/** The reader's result, or null when the user cancelled while waiting. */
	private static ThisMachineImport await(CompletableFuture<ThisMachineImport> reading, SubMonitor progress)
			throws ExecutionException {
		while (true) {
			if (progress.isCanceled()) {
				reading.cancel(true);
				return null;
			}
			try {
				return reading.get(POLL_MS, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				progress.setWorkRemaining(10).worked(1);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	private ThisMachineImport read() {
		try {
			return importer.read(sample);
		} catch (ImportException e) {
			throw new ReadFailure(e);
		}
	}

	/** Carries the importer's checked exception out of the reading thread. */
	private static final class ReadFailure extends RuntimeException {
		private static final long serialVersionUID = 1L;

		ReadFailure(ImportException cause) {
			super(cause);
		}
	}

	private void write(ThisMachineImport read, IProgressMonitor monitor) throws CoreException {
		if (target.getLocation() == null) {
			throw new CoreException(Status.error(target.getFullPath() + " is not on the local file system"));
		}
		Path file = target.getLocation().toPath();
		IResourceRuleFactory rules = ResourcesPlugin.getWorkspace().getRuleFactory();
		ResourcesPlugin.getWorkspace().run(m -> {
			try {
				ModelStore.save(read.machine(), file);
			} catch (IOException e) {
				throw new CoreException(Status.error("Could not write " + file + ": " + e.getMessage(), e));
			}
			target.refreshLocal(IResource.DEPTH_ZERO, m);
		}, MultiRule.combine(rules.createRule(target), rules.refreshRule(target)), 0, monitor);
	}

	/** What an import holds, in one line. */
	public static String contents(ThisMachineImport read) {
		var m = read.machine();
		return m.getSymbols().size() + " symbols, " + m.getSlabCaches().size() + " slab caches, "
				+ m.getRegions().size() + " regions, " + m.getVulnerabilities().size() + " CPU vulnerabilities";
	}

	private static IStatus summary(ThisMachineImport read) {
		List<String> unavailable = read.unavailable();
		return Status.info("Imported " + contents(read)
				+ (unavailable.isEmpty() ? "" : "; unavailable: " + String.join("; ", unavailable)));
	}
}
