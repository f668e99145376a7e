// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * What a {@link VmallocinfoReader} saw.
 *
 * @param areas               the number of areas read
 * @param addressesUnreliable whether some address was not a kernel address or disagreed with its size: the kernel
 *                            prints them with {@code %pK}, which hashes them unless kernel.kptr_restrict=1 and the
 *                            reader has CAP_SYSLOG (Documentation/admin-guide/sysctl/kernel.rst, kptr_restrict);
 *                            sizes and callers stay valid
 */
public record VmallocinfoSummary(long areas, boolean addressesUnreliable) {
}
