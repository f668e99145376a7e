// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.ContextSpec;

/** One restricted address space: the instance of an ASI class for one untrusted context. */
public record AsiInstance(String name, AsiClassSpec cls, ContextSpec ctx, AddressSpace space) {
}
