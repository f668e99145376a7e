// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import dev.isolde.dsl.IsoldeStandaloneSetup;
import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.kernel.KernelModels;
import dev.isolde.dsl.scenario.ScenarioRun;
import dev.isolde.model.persist.ModelStore;

/**
 * A policy from someone else reads kernel models only inside its own directory tree, as its imports do: not by an
 * absolute path, not by {@code ..}, not through a symbolic link that leads out.
 */
class UntrustedPolicyTest {

	private static final String POLICY = "policy p for x86_64 paging 4 {\n  default sensitive\n}\n";

	private static Injector injector;

	@TempDir
	Path dir;
	private Path project;
	private Path outside;

	@BeforeEach
	void layOut() throws IOException {
		if (injector == null) {
			injector = new IsoldeStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		project = Files.createDirectories(dir.resolve("project"));
		// Not a kernel model: had the tools read it, the policy would get an "unreadable kernel model" error.
		outside = dir.resolve("outside.isolde");
		Files.writeString(outside, "root:x:0:0:root:/root:/bin/sh\n");
	}

	private PolicyChecker.Result check(String kernelPath) throws IOException {
		Path policy = project.resolve("p.asi");
		Files.writeString(policy, "kernel \"" + kernelPath + "\"\n" + POLICY);
		return injector.getInstance(PolicyChecker.class).check(policy);
	}

	private static void assertNotRead(PolicyChecker.Result result) {
		List<Diagnostic> diagnostics = result.diagnostics();
		assertFalse(result.hasErrors(), diagnostics.toString());
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		assertTrue(diagnostics.get(0).message().contains("outside this policy's directory"), diagnostics.toString());
	}

	@Test
	void absoluteKernelPathIsNotRead() throws IOException {
		PolicyChecker.Result result = check(outside.toString());
		assertNull(injector.getInstance(KernelModels.class).locate(result.policyFile()));
		assertNotRead(result);
	}

	@Test
	void parentDirectoryKernelPathIsNotRead() throws IOException {
		assertNotRead(check("../outside.isolde"));
		assertNotRead(check("sub/../../outside.isolde"));
		assertNotRead(check("%2e%2e/outside.isolde"));
	}

	@Test
	void symbolicLinkOutOfTheProjectIsNotFollowed() throws IOException {
		Files.createSymbolicLink(project.resolve("link.isolde"), outside);
		PolicyChecker.Result result = check("link.isolde");
		assertNull(injector.getInstance(KernelModels.class).locate(result.policyFile()));
		assertNotRead(result);
	}

	@Test
	void kernelModelInsideTheProjectIsRead() throws IOException {
		Files.createDirectories(project.resolve("models"));
		ModelStore.save(LargeMachine.of("inside", 3), project.resolve("models/m.isolde"));
		PolicyChecker.Result result = check("models/m.isolde");
		assertNotNull(injector.getInstance(KernelModels.class).locate(result.policyFile()));
		assertEquals(List.of(), result.diagnostics());
	}

	@Test
	void traceOutsideTheProjectIsAnErrorAndIsNotRead() throws IOException {
		// A trace's parse errors quote what they found, so reading this file would show its first word.
		Files.writeString(dir.resolve("secret.trace"), "hunter2 0 - irq\n");
		Files.createSymbolicLink(project.resolve("link.trace"), dir.resolve("secret.trace"));
		for (String path : List.of("../secret.trace", dir.resolve("secret.trace").toString(), "link.trace")) {
			Path policy = project.resolve("p.asi");
			Files.writeString(policy, POLICY + "scenario s { trace \"" + path + "\" }\n");
			PolicyChecker.Result result = injector.getInstance(PolicyChecker.class).check(policy);
			assertTrue(result.hasErrors(), result.diagnostics().toString());
			assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("lies outside this policy's directory")),
					result.diagnostics().toString());
			ScenarioRun.BadScenario refused = assertThrows(ScenarioRun.BadScenario.class,
					() -> ScenarioRun.of(ScenarioRun.find(result.policyFile(), "s"), null, project));
			assertTrue(refused.getMessage().contains("not read"), refused.getMessage());
			assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
		}
	}

	@Test
	void importThroughASymbolicLinkOutOfTheProjectIsAnErrorAndNotRead() throws IOException {
		Files.writeString(dir.resolve("secret.asi"), "vm leaked uses NOTHING\n");
		Files.createSymbolicLink(project.resolve("base.asi"), dir.resolve("secret.asi"));
		Path policy = project.resolve("p.asi");
		Files.writeString(policy, "import \"base.asi\"\n" + POLICY + "vm mine uses leaked\n");
		PolicyChecker.Result result = injector.getInstance(PolicyChecker.class).check(policy);
		assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("leaves this policy's directory")),
				result.diagnostics().toString());
		assertTrue(result.policyFile().eResource().getResourceSet().getResources().size() == 1,
				"the linked file was loaded: " + result.policyFile().eResource().getResourceSet().getResources());
	}

	@Test
	void importOutsideTheProjectIsAnError() throws IOException {
		Files.writeString(dir.resolve("secret.asi"), "vm leaked uses NOTHING\n");
		Path policy = project.resolve("p.asi");
		Files.writeString(policy, "import \"../secret.asi\"\n" + POLICY);
		PolicyChecker.Result result = injector.getInstance(PolicyChecker.class).check(policy);
		assertTrue(result.hasErrors(), result.diagnostics().toString());
		assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().contains("leaked")),
				result.diagnostics().toString());
	}
}
