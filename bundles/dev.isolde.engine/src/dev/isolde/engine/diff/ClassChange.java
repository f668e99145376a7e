// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.diff;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.kernel.ObjectRef;

/** One object whose class differs between two policies, with the provenance on each side. */
public record ClassChange(ObjectRef object, int beforeKey, int afterKey, Provenance before, Provenance after) {
    @Override
    public String toString() {
        return object + ": " + ClassKey.describe(beforeKey) + " -> " + ClassKey.describe(afterKey) + " ("
                + after.describe() + ")";
    }
}
