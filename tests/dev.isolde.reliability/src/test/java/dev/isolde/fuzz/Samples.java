// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.isolde.dsl.IsoldeStandaloneSetup;
import dev.isolde.dsl.compile.CompileException;
import dev.isolde.dsl.compile.PolicyCompiler;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.io.engine.Analysis;
import dev.isolde.model.persist.ModelStore;

/** The repository's samples, loaded once per JVM: the policy language and the analysis of samples/kvm-host.asi. */
public final class Samples {

	private static Injector injector;
	private static Analysis kvmHost;

	private Samples() {
	}

	/** The samples directory, from the build's {@code isolde.samples} property or the working directory's parent. */
	public static Path dir() {
		String prop = System.getProperty("isolde.samples");
		return prop != null ? Path.of(prop) : Path.of("../../samples").toAbsolutePath().normalize();
	}

	/** The policy language outside any editor, as the CLI runs it. */
	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new IsoldeStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** samples/kvm-host.asi analysed on samples/machine.isolde. */
	public static synchronized Analysis kvmHost() throws IOException, CompileException {
		if (kvmHost == null) {
			Path policy = dir().resolve("kvm-host.asi");
			XtextResourceSet rs = injector().getInstance(XtextResourceSet.class);
			XtextResource resource = (XtextResource) rs.getResource(URI.createFileURI(policy.toString()), true);
			PolicyFile file = (PolicyFile) resource.getContents().get(0);
			kvmHost = Analysis.run(ModelStore.load(dir().resolve("machine.isolde")), new PolicyCompiler().compile(file));
		}
		return kvmHost;
	}
}
