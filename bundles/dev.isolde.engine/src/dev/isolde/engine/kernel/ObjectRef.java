// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

/**
 * A self-contained reference to one memory object of a {@link KernelImage}, for reports that outlive the image.
 *
 * @param index the object's index in the image
 * @param context the owning context's name, or null
 */
public record ObjectRef(int index, String name, ObjectKind kind, long start, long size, String context) {

    /** Captures object {@code index} of {@code kernel}. */
    public static ObjectRef of(KernelImage kernel, int index) {
        int owner = kernel.ownerContext(index);
        return new ObjectRef(index, kernel.name(index), kernel.kind(index), kernel.start(index), kernel.size(index),
                owner < 0 ? null : kernel.context(owner).name());
    }

    @Override
    public String toString() {
        return name + "@" + UnsignedOrder.hex(start) + "+" + size + (context == null ? "" : " [" + context + "]");
    }
}
