// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.diff;

/**
 * How one ASI instance's restricted space changes between two policies; an instance that exists on one side only has
 * zero bytes on the other.
 */
public record SpaceDelta(String instance, long bytesBefore, long bytesAfter, long bytesGained, long bytesLost) {
}
