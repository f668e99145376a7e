// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.List;

import dev.isolde.model.Machine;

/**
 * The model of the running machine and what could not be read, each with the reason.
 *
 * @param machine     the imported machine
 * @param unavailable one sentence per missing input or hidden piece of information, e.g. why there is no ptdump
 */
public record ThisMachineImport(Machine machine, List<String> unavailable) {
}
