// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.ContextKind;

/** The colours of memory classes, the same in every view, picture and report. */
public final class ClassColors {

	/** Sensitive memory: only in the full kernel page tables. */
	public static final int SENSITIVE = 0xd64541;
	/** Globally non-sensitive: mapped in every restricted space. */
	public static final int GLOBAL = 0x2e9e5b;
	/** Locally non-sensitive per VM. */
	public static final int LOCAL_VM = 0x2f6fc6;
	/** Locally non-sensitive per process. */
	public static final int LOCAL_PROCESS = 0x8e5cc4;
	/** Locally non-sensitive per vCPU. */
	public static final int LOCAL_VCPU = 0x16a5b5;
	/** Not mapped. */
	public static final int UNMAPPED = 0xf0f0f0;

	private ClassColors() {
	}

	/** The colour of a class key. */
	public static int of(int classKey) {
		if (classKey == ClassKey.SENSITIVE) {
			return SENSITIVE;
		}
		if (classKey == ClassKey.GLOBAL) {
			return GLOBAL;
		}
		ContextKind kind = ClassKey.localKind(classKey);
		return kind == ContextKind.VM ? LOCAL_VM : kind == ContextKind.PROCESS ? LOCAL_PROCESS : LOCAL_VCPU;
	}

	/** Drawing priority when several classes share one pixel row: sensitive specks must stay visible. */
	static int priority(int classKey) {
		return classKey == ClassKey.SENSITIVE ? 3 : classKey == ClassKey.GLOBAL ? 1 : 2;
	}

	/** A paler shade, for areas filled by a layout region rather than a known object. */
	public static int pale(int rgb) {
		int r = (rgb >> 16) & 0xff;
		int g = (rgb >> 8) & 0xff;
		int b = rgb & 0xff;
		return ((r + 2 * 255) / 3) << 16 | ((g + 2 * 255) / 3) << 8 | ((b + 2 * 255) / 3);
	}
}
