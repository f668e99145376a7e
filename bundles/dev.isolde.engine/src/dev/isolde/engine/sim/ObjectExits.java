// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * An object (or, for an address no object holds, the region it falls in) that caused asi_exits or was exposed, with
 * why it has its class and its size.
 *
 * @param object the object index, or -1 for a region or an unknown address
 * @param kind the object's kind in lower case ({@code static_data}, {@code slab_cache}, ...), {@code region} or
 *     {@code unknown}
 */
public record ObjectExits(int object, String name, long count, String provenance, long bytes, String kind) {
    /** An object entry (kept for callers of the first version). */
    public ObjectExits(int object, String name, long count, String provenance, long bytes) {
        this(object, name, count, provenance, bytes, object >= 0 ? "object" : "region");
    }
}
