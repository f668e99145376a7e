// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * What a {@link SlabinfoReader} saw.
 *
 * @param version the format version from the header line
 * @param caches  the number of cache rows read
 */
public record SlabinfoSummary(String version, int caches) {
}
