// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.model.persist.ModelLoadException;
import dev.isolde.model.persist.ModelStore;

/** A kernel model from someone else: the XML parser resolves no entity and reads no other file. */
class UntrustedModelTest {

	private static final String SECRET = "the-secret-content-4711";

	@TempDir
	Path dir;

	private Path model(String doctype, String name) throws IOException {
		Path file = dir.resolve("hostile.isolde");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				%s
				<isolde:Machine xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" \
				xmlns:isolde="http://isolde.dev/model/1.0" name="%s"/>
				""".formatted(doctype, name));
		return file;
	}

	@Test
	void externalEntityIsNotResolved() throws IOException {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, SECRET);
		Path file = model("<!DOCTYPE m [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>", "&xxe;");
		ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(file));
		assertFalse(e.getMessage().contains(SECRET), e.getMessage());
		assertEquals(file.toString(), e.file());
		assertEquals(2, e.line(), e.getMessage());
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
	}

	/** Loads reuse pooled XML parsers: a parser that has rejected a DOCTYPE, or loaded a model, keeps its rules. */
	@Test
	void everyLoadKeepsTheRulesNotJustTheFirst() throws IOException, ModelLoadException {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, SECRET);
		String xxe = "<!DOCTYPE m [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>";
		for (int round = 0; round < 3; round++) {
			Path hostile = model(xxe, "&xxe;");
			ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(hostile));
			assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
			assertEquals("m" + round, ModelStore.load(model("", "m" + round)).getName());
		}
	}

	@Test
	void externalDtdIsNotFetched() throws IOException {
		Path dtd = dir.resolve("evil.dtd");
		Files.writeString(dtd, "<!ENTITY % p SYSTEM \"file:///etc/hostname\">");
		Path file = model("<!DOCTYPE m SYSTEM \"" + dtd.toUri() + "\">", "m");
		Files.delete(dtd); // had the parser fetched it, the error would be about a missing file, not the DOCTYPE
		ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(file));
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
	}

	@Test
	void entityExpansionBombIsRejectedBeforeExpanding() throws IOException {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE m [ <!ENTITY a0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			doctype.append(" <!ENTITY a").append(i).append(" \"");
			doctype.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
		}
		doctype.append(" ]>");
		Path file = model(doctype.toString(), "&a9;");
		ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(file));
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
	}

	/**
	 * Found by fuzzing: EMF loaded the package of an unknown namespace from the namespace URI (over HTTP for
	 * {@code http://}). Here the URI names a real Ecore package on disk, which EMF would load without complaint.
	 */
	@Test
	void packageOfAnUnknownNamespaceIsNotLoaded() throws IOException {
		Path ecore = dir.resolve("evil.ecore");
		String ns = ecore.toUri().toString();
		Files.writeString(ecore, """
				<?xml version="1.0" encoding="UTF-8"?>
				<ecore:EPackage xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" \
				xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
				xmlns:ecore="http://www.eclipse.org/emf/2002/Ecore" name="evil" nsURI="%s" nsPrefix="evil">
				  <eClassifiers xsi:type="ecore:EClass" name="Machine"/>
				</ecore:EPackage>
				""".formatted(ns));
		Path file = dir.resolve("other.isolde");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<evil:Machine xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:evil="%s"/>
				""".formatted(ns));
		ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(file));
		// had EMF loaded evil.ecore, the document would parse and fail later for having no Isolde Machine
		assertTrue(e.getMessage().contains("Package with uri '" + ns + "' not found"), e.getMessage());
	}

	@Test
	void modelWithoutDoctypeStillLoads() throws IOException {
		assertEquals("plain", ModelStore.load(model("", "plain")).getName());
	}

	@Test
	void missingModelIsALoadErrorWithoutALine() {
		ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelStore.load(dir.resolve("none.isolde")));
		assertEquals(0, e.line());
		assertTrue(e.getMessage().startsWith(dir.resolve("none.isolde") + ": "), e.getMessage());
	}
}
