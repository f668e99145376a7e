// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.paging;

/**
 * Which x86-64 page-table entries translate an address or a range, for 4- and 5-level paging.
 * <p>
 * Every level indexes 512 entries with 9 address bits (Intel SDM vol. 3A, 4.5 "4-level paging and 5-level
 * paging"); with 4-level paging the kernel folds the P4D into the PGD (include/asm-generic/pgtable-nop4d.h), so
 * the P4D index is always 0 and there is one P4D entry per PGD entry.
 */
public final class PageTableWalk {

	/** A page-table level, from the root down, with the lowest address bit it translates. */
	public enum Level {
		/** Page global directory; bit 39 with 4-level paging, 48 with 5-level. */
		PGD(39),
		/** Page level-4 directory; folded into the PGD with 4-level paging. */
		P4D(39),
		/** Page upper directory; an entry maps 1 GiB. */
		PUD(30),
		/** Page middle directory; an entry maps 2 MiB. */
		PMD(21),
		/** Page table; an entry maps 4 KiB. */
		PTE(12);

		private final int shift;

		Level(int shift) {
			this.shift = shift;
		}
	}

	/** Entries per table: 4096-byte tables of 8-byte entries. */
	public static final int ENTRIES = 512;

	/**
	 * The indices of one address at every level.
	 *
	 * @param pgd the PGD index
	 * @param p4d the P4D index, 0 with 4-level paging
	 * @param pud the PUD index
	 * @param pmd the PMD index
	 * @param pte the PTE index
	 */
	public record Indices(int pgd, int p4d, int pud, int pmd, int pte) {
	}

	private final int levels;

	/** A walk for 4- or 5-level paging. */
	public PageTableWalk(int pagingLevels) {
		if (pagingLevels != 4 && pagingLevels != 5) {
			throw new IllegalArgumentException("x86-64 has 4- or 5-level paging, not " + pagingLevels);
		}
		this.levels = pagingLevels;
	}

	/** The number of paging levels, 4 or 5. */
	public int levels() {
		return levels;
	}

	/** Whether the P4D is folded into the PGD, as with 4-level paging. */
	public boolean p4dFolded() {
		return levels == 4;
	}

	/** The lowest address bit that {@code level} translates. */
	public int shift(Level level) {
		return level == Level.PGD && levels == 5 ? 48 : level.shift;
	}

	/** The bytes one entry of {@code level} covers. */
	public long entrySpan(Level level) {
		return 1L << shift(level);
	}

	/** The entry index of {@code va} at {@code level}. */
	public int index(Level level, long va) {
		if (level == Level.P4D && p4dFolded()) {
			return 0;
		}
		return (int) ((va >>> shift(level)) & (ENTRIES - 1));
	}

	/** The entry indices of {@code va} at every level. */
	public Indices indices(long va) {
		return new Indices(index(Level.PGD, va), index(Level.P4D, va), index(Level.PUD, va), index(Level.PMD, va),
				index(Level.PTE, va));
	}

	/**
	 * How many entries of {@code level} cover the non-empty range {@code [start, end)}; {@code end} 0 means the top
	 * of the address space, as ptdump prints it.
	 */
	public long entries(Level level, long start, long end) {
		if (end != 0 && Long.compareUnsigned(end, start) <= 0) {
			throw new IllegalArgumentException("empty range 0x" + Long.toHexString(start) + "-0x" + Long.toHexString(end));
		}
		// A folded P4D has one entry per PGD entry, so it counts like the PGD.
		Level counted = level == Level.P4D && p4dFolded() ? Level.PGD : level;
		int shift = shift(counted);
		long last = end - 1;
		// The entries of one level are numbered by va >>> shift across all tables, so a range covers a run of them.
		return (last >>> shift) - (start >>> shift) + 1;
	}

	/** The number of entries at every level from the root down, for the range {@code [start, end)}. */
	public long[] entriesPerLevel(long start, long end) {
		Level[] all = Level.values();
		long[] counts = new long[all.length];
		for (int i = 0; i < all.length; i++) {
			counts[i] = entries(all[i], start, end);
		}
		return counts;
	}
}
