// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import org.eclipse.jface.action.Action;

/** Toolbar actions from lambdas. */
final class Actions {

	private Actions() {
	}

	static Action of(String label, String tooltip, Runnable run) {
		Action a = new Action(label) {
			@Override
			public void run() {
				run.run();
			}
		};
		a.setToolTipText(tooltip);
		return a;
	}
}
