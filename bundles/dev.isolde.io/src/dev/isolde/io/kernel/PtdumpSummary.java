// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.util.List;

/**
 * What a {@link PtdumpReader} saw.
 *
 * @param ranges         the number of range lines read
 * @param skippedEntries the sum of the {@code ... N entries skipped ...} lines, which cap sections like ESPfix
 * @param markers        the section names in reading order
 */
public record PtdumpSummary(long ranges, long skippedEntries, List<String> markers) {
}
