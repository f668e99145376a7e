// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import dev.isolde.model.IsoldePackage;
import dev.isolde.model.Machine;

/** Loads and saves kernel models ({@code .isolde} XMI files); saving is atomic. */
public final class ModelStore {

	/** File extension of kernel models. */
	public static final String EXTENSION = "isolde";

	private ModelStore() {
	}

	private static ResourceSet resourceSet() {
		ResourceSet rs = new ResourceSetImpl();
		rs.getPackageRegistry().put(IsoldePackage.eNS_URI, IsoldePackage.eINSTANCE);
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
		return rs;
	}

	/** Loads a machine; a file that is not a complete kernel model raises an IOException naming the file. */
	public static Machine load(Path file) throws IOException {
		Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
		try {
			resource.load(Map.of(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE));
		} catch (IOException | RuntimeException e) {
			throw new IOException(file + ": not a readable Isolde kernel model: " + rootMessage(e), e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Machine m)) {
			throw new IOException(file + ": not an Isolde kernel model (no Machine at the root)");
		}
		return m;
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	/**
	 * Saves a machine: writes a temporary file in the same directory, forces it to disk and renames it
	 * over the target, so a crash mid-save leaves either the old or the new file, never a torn one.
	 */
	public static void save(Machine machine, Path file) throws IOException {
		Path target = file.toAbsolutePath();
		Resource resource = resourceSet().createResource(URI.createFileURI(target.toString()));
		resource.getContents().add(machine);
		AtomicFiles.write(target, out -> resource.save(out, Map.of(XMLResource.OPTION_ENCODING, "UTF-8")));
	}
}
