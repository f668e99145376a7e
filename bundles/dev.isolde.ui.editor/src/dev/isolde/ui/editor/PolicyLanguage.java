// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.io.IOException;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;

import com.google.inject.Injector;

import dev.isolde.dsl.ide.IsoldeIdeSetup;

/** The policy language's Xtext services for the editor: one injector, fresh resources per parse. */
public final class PolicyLanguage {

	private static Injector injector;

	private PolicyLanguage() {
	}

	/** The injector of the language with its IDE services; created on first use. */
	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new IsoldeIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/**
	 * Parses {@code text} as the content of the file at {@code location}, so that relative
	 * {@code import} and {@code kernel} paths resolve next to it.
	 */
	public static XtextResource parse(String text, URI location) {
		XtextResourceSet rs = injector().getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) rs.createResource(location);
		try {
			resource.load(new StringInputStream(text), null);
		} catch (IOException e) {
			// a string stream cannot fail to read; the parser reports syntax problems as diagnostics
			throw new IllegalStateException(e);
		}
		return resource;
	}
}
