// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

/** How bad a finding is. */
public enum Severity {
    /** Breaks an RFC guarantee: data may leak or the kernel would misbehave. */
    ERROR,
    /** Probably unintended, or allowed only because the policy says so explicitly. */
    WARNING,
    /** Worth knowing. */
    INFO
}
