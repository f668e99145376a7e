// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

/** Actions an ASI class runs on asi_enter or asi_exit (RFC: struct asi_hooks { post_asi_enter; pre_asi_exit; }). */
public enum Hook {
    L1D_FLUSH, MDS_CLEAR, SIBLING_STUN, SIBLING_UNSTUN, IBPB, RSB_FILL, NONE
}
