// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.engine;

import dev.isolde.engine.check.CheckInput;
import dev.isolde.engine.check.CheckReport;
import dev.isolde.engine.check.CheckSuite;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;
import dev.isolde.model.Machine;

/** One policy applied to one kernel: classification, full and restricted spaces, and the RFC checks. */
public record Analysis(KernelImage kernel, PolicySpec policy, Classification classification, RestrictedSpaces spaces,
		CheckReport report) {

	/** Runs the whole engine pipeline for {@code policy} on {@code machine}. */
	public static Analysis run(Machine machine, PolicySpec policy) {
		return run(KernelImages.of(machine, policy), policy);
	}

	/** Runs the whole engine pipeline for {@code policy} on an already adapted kernel image. */
	public static Analysis run(KernelImage kernel, PolicySpec policy) {
		Classification classification = new Classifier(kernel).classify(policy);
		RestrictedSpaces spaces = new RestrictedSpaceBuilder(classification).build();
		CheckReport report = CheckSuite.standard().run(CheckInput.of(classification, spaces));
		return new Analysis(kernel, policy, classification, spaces, report);
	}
}
