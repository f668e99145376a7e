// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * One line of /proc/kallsyms or System.map: an address, an nm(1) type letter, a name and the owning module.
 *
 * @param address the symbol address; 0 when the kernel hides addresses from the reader
 * @param type    the nm(1) type letter, e.g. {@code T} global text, {@code d} local data
 * @param name    the symbol name
 * @param module  the module in the optional {@code [module]} column, or {@code null} for vmlinux
 */
public record KernelSymbol(long address, char type, String name, String module) {
}
