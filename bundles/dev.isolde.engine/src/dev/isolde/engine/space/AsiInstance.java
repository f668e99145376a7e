// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.ContextSpec;

/**
 * One restricted address space: the instance of an ASI class for one untrusted context.
 *
 * @param space what the instance's page tables map
 * @param reach the addresses code running in the instance touches without a fault, as a kernel model (or trace) taken
 *        without the 2022 RFC's local map names them: {@code space} plus the direct-map addresses of the allocations it
 *        maps through their local-map alias. Equal to {@code space} when nothing is aliased.
 */
public record AsiInstance(String name, AsiClassSpec cls, ContextSpec ctx, AddressSpace space, AddressSpace reach) {

    /** An instance whose page tables map every address at the address the kernel model gives it. */
    public AsiInstance(String name, AsiClassSpec cls, ContextSpec ctx, AddressSpace space) {
        this(name, cls, ctx, space, space);
    }
}
