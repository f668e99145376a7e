// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.kernel.ObjectRef;
import java.util.List;

/**
 * One violation found by a check.
 *
 * @param objects the offending memory objects
 * @param page the 4 KiB page concerned (physical if known, else virtual), or {@link #NO_PAGE}
 */
public record Finding(String checkId, Severity severity, String message, List<ObjectRef> objects, long page) {
    /** The page value of findings that concern no single page; -1 is not page aligned, so never a page. */
    public static final long NO_PAGE = -1;

    public Finding {
        objects = List.copyOf(objects);
    }

    @Override
    public String toString() {
        return severity + " " + checkId + ": " + message;
    }
}
