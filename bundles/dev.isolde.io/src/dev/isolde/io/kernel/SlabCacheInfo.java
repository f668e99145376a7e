// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * One cache row of /proc/slabinfo version 2.1.
 *
 * @param name         the cache name, e.g. {@code kmalloc-64}
 * @param activeObjs   objects in use
 * @param numObjs      objects allocated
 * @param objSize      bytes per object, including metadata
 * @param objPerSlab   objects per slab
 * @param pagesPerSlab pages per slab
 * @param activeSlabs  slabs in use
 * @param numSlabs     slabs allocated
 */
public record SlabCacheInfo(String name, long activeObjs, long numObjs, int objSize, int objPerSlab,
		int pagesPerSlab, long activeSlabs, long numSlabs) {
}
