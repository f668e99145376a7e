// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

/**
 * One range line of an x86 ptdump: a run of page-table entries with the same protection at the same level.
 *
 * @param start   the first virtual address
 * @param end     the address past the range; 0 for a range that runs to the top of the address space
 * @param size    the length in bytes
 * @param marker  the name of the current {@code ---[ ... ]---} section, or {@code null} before the first one
 * @param present whether the entries are present; if not, all attribute flags are false
 * @param user    {@code USR}: accessible from user mode
 * @param rw      {@code RW} rather than {@code ro}
 * @param pwt     {@code PWT}: page write-through
 * @param pcd     {@code PCD}: page cache disabled
 * @param pse     {@code PSE}: a large page
 * @param pat     {@code PAT}: the page attribute table bit
 * @param global  {@code GLB}: survives a CR3 switch
 * @param nx      {@code NX} rather than {@code x}
 * @param level   the page-table level: {@code pgd}, {@code p4d}, {@code pud}, {@code pmd}, {@code pte}, or
 *                {@code cr3} in kernels before 5.6
 */
public record PtdumpRange(long start, long end, long size, String marker, boolean present, boolean user, boolean rw,
		boolean pwt, boolean pcd, boolean pse, boolean pat, boolean global, boolean nx, String level) {
}
