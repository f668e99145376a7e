// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/** An object whose accesses caused asi_exits, with why it is sensitive and its size. */
public record ObjectExits(int object, String name, long count, String provenance, long bytes) {
}
