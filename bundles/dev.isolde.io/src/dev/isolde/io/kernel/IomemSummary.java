// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * What an {@link IomemReader} saw.
 *
 * @param ranges          the number of ranges read
 * @param maxDepth        the deepest nesting level seen
 * @param addressesHidden whether every range read {@code 0-0}, as kernel/resource.c prints them for a reader
 *                        without CAP_SYS_ADMIN (kernel/resource.c, r_show())
 */
public record IomemSummary(int ranges, int maxDepth, boolean addressesHidden) {
}
