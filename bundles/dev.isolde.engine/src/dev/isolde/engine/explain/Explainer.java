// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.explain;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.Mapping;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.List;

/** Explains the class, provenance and mappings of an address or a symbol. */
public final class Explainer {
    private static final long PAGE_MASK = ~0xfffL;
    private final Classification classification;
    private final RestrictedSpaces spaces;
    private final KernelImage kernel;

    /** An explainer over one classified kernel and the spaces built from it. */
    public Explainer(Classification classification, RestrictedSpaces spaces) {
        this.classification = classification;
        this.spaces = spaces;
        this.kernel = classification.kernel();
    }

    /** Explains the address {@code va}. */
    public Explanation explain(long va) {
        int obj = kernel.objectAt(va);
        return explain(va, obj);
    }

    /** Explains every object named {@code name} (static symbols may repeat); empty if there is none. */
    public List<Explanation> explain(String name) {
        List<Explanation> out = new ArrayList<>();
        for (int obj : kernel.objectsNamed(name)) {
            out.add(explain(kernel.start(obj), obj));
        }
        return out;
    }

    private Explanation explain(long va, int obj) {
        int region = innermostRegion(va);
        int classKey;
        Provenance provenance;
        if (obj >= 0) {
            classKey = classification.classKey(obj);
            provenance = classification.provenance(obj);
        } else if (region >= 0) {
            classKey = classification.regionClassKey(region);
            provenance = classification.regionProvenance(region);
        } else {
            classKey = ClassKey.of(classification.policy().defaultClass(), null);
            provenance = classification.defaultProvenance();
        }
        List<String> mappedBy = new ArrayList<>();
        for (AsiInstance instance : spaces.instances()) {
            if (instance.reach().contains(va)) {
                mappedBy.add(instance.name());
            }
        }
        Mapping full = spaces.full().lookup(va);
        long phys = full == null ? -1 : full.physAt(va, kernel);
        long page = va & PAGE_MASK;
        List<ObjectRef> neighbours = new ArrayList<>();
        for (int other : kernel.objectsOverlapping(page, page + 4096)) {
            if (other != obj) {
                neighbours.add(ObjectRef.of(kernel, other));
            }
        }
        return new Explanation(va, obj < 0 ? null : ObjectRef.of(kernel, obj),
                region < 0 ? null : kernel.regions().get(region).name(), classKey, provenance, mappedBy,
                phys < 0 ? -1 : phys & PAGE_MASK, neighbours);
    }

    private int innermostRegion(long va) {
        int best = -1;
        List<Region> regions = kernel.regions();
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            if (region.contains(va) && (best < 0 || Long.compareUnsigned(region.size(), regions.get(best).size()) < 0)) {
                best = r;
            }
        }
        return best;
    }
}
