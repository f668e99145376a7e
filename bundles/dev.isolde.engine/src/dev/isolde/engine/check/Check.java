// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

/** A named rule about restricted address spaces, mostly straight from the RFC. */
public interface Check {
    /** Stable id, used on the command line and in reports ({@code page-separation}). */
    String id();

    /** One sentence saying what the check guarantees. */
    String description();

    /** Reports every violation in {@code input} to {@code out}. */
    void run(CheckInput input, FindingSink out);

    /** Where a check reports findings. */
    @FunctionalInterface
    interface FindingSink {
        /** Accepts one finding. */
        void report(Finding finding);
    }
}
