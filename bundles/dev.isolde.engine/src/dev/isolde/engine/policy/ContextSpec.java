// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import dev.isolde.engine.kernel.ContextKind;
import java.util.Objects;

/** An untrusted context that gets an ASI instance of class {@code asiClass}; {@code name} names a kernel context. */
public record ContextSpec(String name, ContextKind kind, String asiClass) {
    public ContextSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asiClass, "asiClass");
    }
}
