// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

import java.util.Objects;

/** An untrusted context (process, VM, vCPU) that may own locally non-sensitive memory. */
public record Context(String name, ContextKind kind) {
    public Context {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
