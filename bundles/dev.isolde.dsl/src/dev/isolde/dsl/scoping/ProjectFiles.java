// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.scoping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Files a policy names besides its imports ({@code kernel "…"}, a scenario's {@code trace "…"}), resolved against
 * the policy's directory and confined to that tree: a policy may come from someone else, and what it names must not
 * make the tools read arbitrary files (the rule of {@link ConfinedImportUriResolver}; the user names other files on
 * the command line).
 */
public final class ProjectFiles {

	private ProjectFiles() {
	}

	/**
	 * {@code path} resolved against {@code dir}, or null when it is absolute, climbs out with {@code ..}, leads out
	 * through a symbolic link, or is no path at all. A file that does not exist yet resolves (to be reported as not
	 * found).
	 */
	public static Path resolve(Path dir, String path) {
		if (path == null || !ConfinedImportUriResolver.isConfined(path)) {
			return null;
		}
		try {
			Path file = dir.resolve(Path.of(path)).normalize();
			return staysInside(dir, file) ? file : null;
		} catch (InvalidPathException e) {
			return null;
		}
	}

	/** The directory of a file-based resource (a policy in the workspace or on disk), or null for any other. */
	public static Path directoryOf(Resource resource) {
		URI uri = resource == null ? null : resource.getURI();
		URI local = uri == null ? null : CommonPlugin.resolve(uri);
		if (local == null || !local.isFile() || local.toFileString() == null) {
			return null;
		}
		return Path.of(local.toFileString()).toAbsolutePath().getParent();
	}

	/** Whether {@code file}, once symbolic links are followed, is still inside {@code dir}. */
	private static boolean staysInside(Path dir, Path file) {
		if (!Files.exists(file)) {
			return true;
		}
		try {
			return file.toRealPath().startsWith(dir.toRealPath());
		} catch (IOException e) {
			return false;
		}
	}
}
