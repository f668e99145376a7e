// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.explain;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.List;

/**
 * The answer to "why is this mapped here?" for one address or object.
 *
 * @param object the innermost object at the address, or null if only a region (or nothing) covers it
 * @param region the innermost layout region containing the address, or null
 * @param classKey the {@link ClassKey} of the object, else of the region, else the policy default
 * @param mappedBy names of the ASI instances whose restricted space maps the address
 * @param physPage the physical 4 KiB page behind the address, or -1 if unknown
 * @param pageNeighbours other objects on the same virtual 4 KiB page
 */
public record Explanation(long address, ObjectRef object, String region, int classKey, Provenance provenance,
        List<String> mappedBy, long physPage, List<ObjectRef> pageNeighbours) {

    public Explanation {
        mappedBy = List.copyOf(mappedBy);
        pageNeighbours = List.copyOf(pageNeighbours);
    }

    /** A few lines of text for the CLI and hovers. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(UnsignedOrder.hex(address));
        if (object != null) {
            b.append(" is in ").append(object);
        }
        if (region != null) {
            b.append(object == null ? " is in region " : ", region ").append(region);
        }
        b.append("\nclass: ").append(ClassKey.describe(classKey)).append(" — ").append(provenance.describe());
        b.append("\nmapped by: ").append(mappedBy.isEmpty() ? "no restricted space" : String.join(", ", mappedBy));
        if (physPage >= 0) {
            b.append("\nphysical page: ").append(UnsignedOrder.hex(physPage));
        }
        if (!pageNeighbours.isEmpty()) {
            b.append("\nshares its 4 KiB page with: ").append(pageNeighbours);
        }
        return b.toString();
    }
}
