// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;

/** The version of Isolde, read from this bundle's manifest so it never drifts from the build. */
final class Version {

	private Version() {
	}

	static String current() {
		try (InputStream in = Version.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
			if (in != null) {
				String v = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
				if (v != null) {
					return v;
				}
			}
		} catch (IOException e) {
			// fall through: an unreadable manifest is not worth failing --version for
		}
		return "unknown";
	}
}
