// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Singleton;

import dev.isolde.dsl.isolde.KernelRef;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.scoping.ProjectFiles;
import dev.isolde.model.persist.ModelStore;

/**
 * The kernel models ({@code kernel "machine.isolde"}) that policies refer to, loaded once per file version: the
 * validator and content assist ask on every keystroke, and a real machine has hundreds of thousands of symbols.
 */
@Singleton
public class KernelModels {

	private record Loaded(FileTime modified, long size, KernelNames names) {
	}

	private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();

	/**
	 * The file a policy's {@code kernel} statement names, resolved against the policy's directory, or null when
	 * there is none or it lies outside the policy's directory tree.
	 */
	public Path locate(PolicyFile file) {
		KernelRef ref = file.getKernel();
		if (ref == null || ref.getPath() == null || file.eResource() == null) {
			return null;
		}
		return locate(file.eResource(), ref.getPath());
	}

	/**
	 * Resolves {@code path} against the directory of {@code resource}, or returns null when it lies outside that
	 * directory's tree ({@link ProjectFiles}; the user names other models with {@code --kernel}).
	 */
	public Path locate(Resource resource, String path) {
		Path dir = ProjectFiles.directoryOf(resource);
		// In-memory resources (tests, synthetic URIs) resolve against the working directory.
		return ProjectFiles.resolve(dir != null ? dir : Path.of("").toAbsolutePath(), path);
	}

	/** The kernel model stored in {@code file}; a missing file raises {@link NoSuchFileException}. */
	public KernelNames load(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString());
		}
		FileTime modified = Files.getLastModifiedTime(file);
		long size = Files.size(file);
		Loaded loaded = cache.get(file);
		if (loaded == null || !loaded.modified().equals(modified) || loaded.size() != size) {
			loaded = new Loaded(modified, size, KernelNames.of(file, ModelStore.load(file)));
			cache.put(file, loaded);
		}
		return loaded.names();
	}

	/** The kernel model a policy refers to, or null when it has no {@code kernel} statement or the model is unreadable. */
	public KernelNames of(PolicyFile file) {
		Path path = locate(file);
		if (path == null) {
			return null;
		}
		try {
			return load(path);
		} catch (IOException e) {
			return null;
		}
	}
}
