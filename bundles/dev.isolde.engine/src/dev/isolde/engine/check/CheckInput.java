// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;

/** What checks look at: a kernel, a policy, its classification and the spaces built from it. */
public record CheckInput(KernelImage kernel, PolicySpec policy, Classification classification,
        RestrictedSpaces spaces) {

    /** Classification and spaces built from the classification's kernel and policy. */
    public static CheckInput of(Classification classification) {
        return of(classification, new RestrictedSpaceBuilder(classification).build());
    }

    /** Input with spaces built elsewhere (an importer, a test). */
    public static CheckInput of(Classification classification, RestrictedSpaces spaces) {
        return new CheckInput(classification.kernel(), classification.policy(), classification, spaces);
    }
}
