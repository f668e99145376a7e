// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.scoping;

import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;

/**
 * Resolves {@code import "…"} only to files in the importing file's directory tree: policies come from untrusted
 * sources (bug reports, other teams), and an import must not make the tools read arbitrary files.
 */
public class ConfinedImportUriResolver extends ImportUriResolver {

	@Override
	public String resolve(EObject object) {
		String uri = super.resolve(object);
		return uri == null || staysInProject(object, uri) ? uri : null;
	}

	/**
	 * Whether {@code importUri}, imported by {@code from}, stays in the importing file's directory tree, also once
	 * symbolic links are followed (a link beside the policy may lead anywhere).
	 */
	public static boolean staysInProject(EObject from, String importUri) {
		if (!isConfined(importUri)) {
			return false;
		}
		Path dir = ProjectFiles.directoryOf(from.eResource());
		return dir == null || ProjectFiles.resolve(dir, URI.decode(importUri)) != null;
	}

	@Override
	public String apply(EObject from) {
		return resolve(from);
	}

	/** Whether {@code importUri} is a relative path that stays inside the importing file's directory. */
	public static boolean isConfined(String importUri) {
		// EMF decodes the URI when it opens the file, so "%2e%2e" must count as "..".
		return isConfinedPath(importUri) && isConfinedPath(URI.decode(importUri));
	}

	private static boolean isConfinedPath(String importUri) {
		if (importUri.isBlank() || importUri.startsWith("/") || importUri.startsWith("\\")) {
			return false;
		}
		try {
			URI uri = URI.createURI(importUri);
			if (uri.scheme() != null || uri.device() != null || uri.hasAbsolutePath()) {
				return false;
			}
		} catch (IllegalArgumentException e) {
			return false;
		}
		int depth = 0;
		for (String segment : importUri.split("[/\\\\]")) {
			if (segment.equals("..")) {
				if (--depth < 0) {
					return false;
				}
			} else if (!segment.isEmpty() && !segment.equals(".")) {
				depth++;
			}
		}
		return true;
	}
}
