// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * One line of /proc/iomem: an inclusive physical range, its resource name and its place in the resource tree.
 *
 * @param start       the first byte (inclusive), as printed by kernel/resource.c
 * @param end         the last byte (inclusive)
 * @param name        the resource name, e.g. {@code Kernel code} or {@code System RAM}
 * @param depth       the nesting depth, 0 for a top-level range
 * @param parentIndex the index (in reading order, from 0) of the enclosing range, or -1 at depth 0
 */
public record IomemRange(long start, long end, String name, int depth, int parentIndex) {
}
