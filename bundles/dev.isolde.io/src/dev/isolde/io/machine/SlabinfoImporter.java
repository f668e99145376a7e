// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;


import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.SlabinfoReader;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.SlabCache;

/** Turns /proc/slabinfo into {@link SlabCache}s and one SLAB_CACHE {@link MemoryObject} per cache. */
final class SlabinfoImporter {

	/** Reads {@code in}, naming {@code file} in errors, and stages what it holds as a source of {@code kind}. */
	void read(LineCountingReader in, String file, String kind, StagedImport into) throws ImportException {
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		new SlabinfoReader().read(in, file, c -> {
			SlabCache cache = f.createSlabCache();
			cache.setName(c.name());
			cache.setObjectSize(c.objSize());
			cache.setActiveObjects(c.activeObjs());
			cache.setTotalObjects(c.numObjs());
			cache.setObjectsPerSlab(c.objPerSlab());
			cache.setPagesPerSlab(c.pagesPerSlab());
			cache.setSlabs(c.numSlabs());
			into.slabCaches.add(cache);
			MemoryObject o = f.createMemoryObject();
			o.setName(c.name());
			o.setKind(MemoryKind.SLAB_CACHE);
			o.setSize(c.numObjs() * c.objSize());
			// Slab pages come from the page allocator anywhere in the direct map; slabinfo names no address.
			o.setAddressReliable(false);
			o.setSource(kind);
			into.objects.add(o);
		});
		into.sources.add(Sources.source(file, kind, in.lines(), true));
	}
}
