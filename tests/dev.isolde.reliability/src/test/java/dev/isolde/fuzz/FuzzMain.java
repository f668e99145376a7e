// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Runs one fuzz test by its method name ({@code fuzz/run kallsyms 600}); with no name, lists them. Fuzzing (as
 * opposed to replaying the corpus) needs {@code JAZZER_FUZZ=1}, which fuzz/run sets.
 */
public final class FuzzMain {

	private static final List<Class<?>> TARGETS = List.of(KernelImportFuzzTest.class, TraceFuzzTest.class,
			PolicyFuzzTest.class, ModelStoreFuzzTest.class);

	private FuzzMain() {
	}

	/** {@code FuzzMain [TARGET]}. */
	public static void main(String[] args) {
		List<Method> targets = new ArrayList<>();
		for (Class<?> c : TARGETS) {
			for (Method m : c.getDeclaredMethods()) {
				if (m.isAnnotationPresent(FuzzTest.class) && (args.length == 0 || m.getName().equals(args[0]))) {
					targets.add(m);
				}
			}
		}
		if (args.length == 0 || targets.isEmpty()) {
			System.err.println("fuzz targets:");
			for (Class<?> c : TARGETS) {
				for (Method m : c.getDeclaredMethods()) {
					if (m.isAnnotationPresent(FuzzTest.class)) {
						System.err.println("  " + m.getName() + "  (" + c.getSimpleName() + ")");
					}
				}
			}
			System.exit(2);
		}
		Method target = targets.get(0);
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
				.selectors(DiscoverySelectors.selectMethod(target.getDeclaringClass(), target)).build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		launcher.execute(request, summary);
		summary.getSummary().printTo(new PrintWriter(System.out));
		summary.getSummary().printFailuresTo(new PrintWriter(System.out), 40);
		System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
	}
}
