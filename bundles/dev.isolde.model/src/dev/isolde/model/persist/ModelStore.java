// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.persist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.XMLConstants;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMLParserPoolImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.xml.sax.SAXParseException;

import dev.isolde.model.IsoldePackage;
import dev.isolde.model.Machine;

/** Loads and saves kernel models ({@code .isolde} XMI files); saving is atomic. */
public final class ModelStore {

	/** File extension of kernel models. */
	public static final String EXTENSION = "isolde";

	/**
	 * A kernel model may come from someone else: no DOCTYPE (so no external entities, no entity expansion) and no
	 * loading of other documents than the one named.
	 */
	private static final Map<String, Object> LOAD_OPTIONS = Map.of(
			XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE,
			// finding a SAX parser factory scans the class path for service files: a quarter of a small model's load
			XMLResource.OPTION_USE_PARSER_POOL, new XMLParserPoolImpl(),
			XMLResource.OPTION_PARSER_FEATURES, Map.of(
					"http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE,
					"http://xml.org/sax/features/external-general-entities", Boolean.FALSE,
					"http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE,
					"http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE),
			XMLResource.OPTION_PARSER_PROPERTIES, Map.of(
					XMLConstants.ACCESS_EXTERNAL_DTD, "",
					XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""));

	private ModelStore() {
	}

	private static ResourceSet resourceSet() {
		ResourceSet rs = new ResourceSetImpl();
		rs.getPackageRegistry().put(IsoldePackage.eNS_URI, IsoldePackage.eINSTANCE);
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
		return rs;
	}

	/**
	 * Loads a machine; a file that is not a complete kernel model raises a {@link ModelLoadException} naming the
	 * file and, when the XML parser knows it, the line.
	 */
	public static Machine load(Path file) throws ModelLoadException {
		if (!Files.isRegularFile(file)) {
			throw new ModelLoadException(file.toString(), 0, 0,
					Files.exists(file) ? "not a regular file" : "no such kernel model", null);
		}
		URI uri = URI.createFileURI(file.toAbsolutePath().toString());
		ResourceSet rs = resourceSet();
		rs.setURIConverter(new OnlyThisDocument(uri));
		Resource resource = rs.createResource(uri);
		try {
			resource.load(LOAD_OPTIONS);
		} catch (IOException | RuntimeException e) {
			throw located(file, e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Machine m)) {
			throw new ModelLoadException(file.toString(), 0, 0, "not an Isolde kernel model (no Machine at the root)",
					null);
		}
		return m;
	}

	/**
	 * EMF fetches the package of an unknown namespace from its URI and loads other documents that references name:
	 * a hostile model could make the tools connect anywhere (found by fuzzing) or read local files. Only the named
	 * file is read.
	 */
	private static final class OnlyThisDocument extends ExtensibleURIConverterImpl {
		private final URI document;

		OnlyThisDocument(URI document) {
			this.document = document;
		}

		@Override
		public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
			if (!uri.equals(document)) {
				throw new IOException("a kernel model reads no other document: " + uri);
			}
			return super.createInputStream(uri, options);
		}
	}

	private static ModelLoadException located(Path file, Throwable e) {
		int line = 0;
		int column = 0;
		Throwable t = e;
		for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
			t = c;
			if (line == 0 && c instanceof Resource.Diagnostic d) {
				line = d.getLine();
				column = d.getColumn();
			} else if (line == 0 && c instanceof SAXParseException p) {
				line = p.getLineNumber();
				column = p.getColumnNumber();
			}
		}
		String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		return new ModelLoadException(file.toString(), Math.max(line, 0), Math.max(column, 0),
				"not a readable Isolde kernel model: " + why, e);
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
