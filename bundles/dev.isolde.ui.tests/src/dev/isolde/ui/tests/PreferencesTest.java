// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.isolde.engine.sim.CostModel;
import dev.isolde.ui.IsoldePreferences;
import dev.isolde.ui.kernel.ImportKernelWizard;

class PreferencesTest {

	@Test
	void costModelDefaultsAreTheSimulatorsAndFollowThePreferences() {
		IPreferenceStore store = IsoldePreferences.store();
		assertEquals(CostModel.defaults(), IsoldePreferences.costModel());
		try {
			store.setValue("cost.l1dFlush", 5_000L);
			store.setValue("cost.pcid", false);
			CostModel m = IsoldePreferences.costModel();
			assertEquals(5_000L, m.l1dFlush());
			assertEquals(m.ptSwitch(), m.switchCost(), "without PCID a switch costs the full CR3 write");
		} finally {
			store.setToDefault("cost.l1dFlush");
			store.setToDefault("cost.pcid");
		}
		assertEquals(CostModel.defaults(), IsoldePreferences.costModel());
	}

	@Test
	void fileNewOffersThePolicyAndKernelWizards() {
		List<String> shortcuts = List
				.of(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getNewWizardShortcuts());
		assertTrue(shortcuts.contains("dev.isolde.ui.editor.newPolicyWizard"), shortcuts::toString);
		assertTrue(shortcuts.contains(ImportKernelWizard.ID), shortcuts::toString);
		assertTrue(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(ImportKernelWizard.ID) != null);
		assertTrue(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("dev.isolde.ui.editor.newPolicyWizard") != null);
	}
}
