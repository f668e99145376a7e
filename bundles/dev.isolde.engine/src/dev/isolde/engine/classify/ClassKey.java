// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.classify;

import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.policy.MemoryClass;
import java.util.Locale;

/**
 * A memory class as a small int, so classifications and address-space attributes stay primitive: 0 sensitive,
 * 1 globally non-sensitive, 2 + {@link ContextKind#ordinal()} locally non-sensitive per that kind.
 */
public final class ClassKey {
    /** The key of sensitive memory. */
    public static final int SENSITIVE = 0;
    /** The key of globally non-sensitive memory. */
    public static final int GLOBAL = 1;
    /** Number of distinct keys. */
    public static final int COUNT = 2 + ContextKind.values().length;

    private ClassKey() {
    }

    /** The key of {@code cls}; {@code perKind} is required for, and only used by, the local class. */
    public static int of(MemoryClass cls, ContextKind perKind) {
        return switch (cls) {
            case SENSITIVE -> SENSITIVE;
            case GLOBAL_NONSENSITIVE -> GLOBAL;
            case LOCAL_NONSENSITIVE -> 2 + perKind.ordinal();
        };
    }

    /** The memory class of {@code key}. */
    public static MemoryClass memoryClass(int key) {
        return key == SENSITIVE ? MemoryClass.SENSITIVE
                : key == GLOBAL ? MemoryClass.GLOBAL_NONSENSITIVE : MemoryClass.LOCAL_NONSENSITIVE;
    }

    /** True for the locally non-sensitive keys. */
    public static boolean isLocal(int key) {
        return key >= 2;
    }

    /** The context kind of a local key, null otherwise. */
    public static ContextKind localKind(int key) {
        return key >= 2 ? ContextKind.ofOrdinal(key - 2) : null;
    }

    /** The class as the DSL writes it: {@code sensitive}, {@code global nonsensitive}, {@code local nonsensitive per vm}. */
    public static String describe(int key) {
        return switch (key) {
            case SENSITIVE -> "sensitive";
            case GLOBAL -> "global nonsensitive";
            default -> "local nonsensitive per " + localKind(key).name().toLowerCase(Locale.ROOT);
        };
    }
}
