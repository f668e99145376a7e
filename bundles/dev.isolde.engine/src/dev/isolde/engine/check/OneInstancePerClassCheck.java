// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.space.AsiInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC limits: at most one ASI instance per class per context (the RFC keeps one {@code struct asi} per class in each
 * mm), and, for the 2022 RFC, at most ASI_MAX_NUM = 1 << ASI_MAX_NUM_ORDER = 4 registered classes.
 */
public final class OneInstancePerClassCheck implements Check {
    /** This check's id. */
    public static final String ID = "rfc-one-instance-per-class";
    /** ASI_MAX_NUM of the 2022 RFC: 1 << ASI_MAX_NUM_ORDER, which the RFC sets to 2. */
    public static final int ASI_MAX_NUM = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "each context has at most one instance of each ASI class, and the RFC's class limit holds";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        Map<String, Integer> perContextAndClass = new LinkedHashMap<>();
        for (AsiInstance i : in.spaces().instances()) {
            perContextAndClass.merge(i.ctx().name() + "\0" + i.cls().name(), 1, Integer::sum);
        }
        perContextAndClass.forEach((key, count) -> {
            if (count > 1) {
                String[] parts = key.split("\0");
                out.report(new Finding(ID, Severity.ERROR, "context " + parts[0] + " has " + count
                        + " instances of ASI class " + parts[1] + "; the RFC allows one per class per process",
                        List.of(), Finding.NO_PAGE));
            }
        });
        int classes = in.policy().classes().size();
        if (in.policy().model() == AsiModel.RFC2022 && classes > ASI_MAX_NUM) {
            out.report(new Finding(ID, Severity.ERROR, "policy declares " + classes + " ASI classes; the RFC's "
                    + "asi_register_class() accepts at most ASI_MAX_NUM = " + ASI_MAX_NUM, List.of(),
                    Finding.NO_PAGE));
        }
    }
}
