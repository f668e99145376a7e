// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import dev.isolde.engine.sim.CostModel;

/**
 * The workbench's Isolde preferences: the simulator's cost-model defaults, which the views pass to simulations.
 * The items are the components of {@link CostModel}, so a cost the simulator adds appears here without a UI change.
 */
public final class IsoldePreferences {

	/** Preference node of the workbench bundle. */
	public static final String QUALIFIER = "dev.isolde.ui";

	private static final String COST = "cost.";

	private static ScopedPreferenceStore store;

	private IsoldePreferences() {
	}

	/** The preference store, with the defaults of {@link CostModel#defaults()}. */
	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
			CostModel defaults = CostModel.defaults();
			for (RecordComponent c : costItems()) {
				Object value = value(c, defaults);
				if (value instanceof Boolean b) {
					store.setDefault(key(c), b);
				} else {
					store.setDefault(key(c), ((Number) value).longValue());
				}
			}
		}
		return store;
	}

	/** The cost model the user set, for simulations started from the workbench. */
	public static CostModel costModel() {
		IPreferenceStore s = store();
		List<RecordComponent> items = costItems();
		Object[] args = new Object[items.size()];
		Class<?>[] types = new Class<?>[items.size()];
		for (int i = 0; i < args.length; i++) {
			RecordComponent c = items.get(i);
			types[i] = c.getType();
			args[i] = c.getType() == boolean.class ? (Object) s.getBoolean(key(c)) : (Object) s.getLong(key(c));
		}
		try {
			return CostModel.class.getDeclaredConstructor(types).newInstance(args);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("CostModel's canonical constructor", e);
		}
	}

	/** The cost model's items, in declaration order: long cycle counts and boolean switches. */
	static List<RecordComponent> costItems() {
		return List.of(CostModel.class.getRecordComponents());
	}

	/** The preference key of a cost item. */
	static String key(RecordComponent c) {
		return COST + c.getName();
	}

	/** A cost item's name as the DSL and CostModel.ITEMS spell it: ptSwitchPcid is pt_switch_pcid. */
	static String label(RecordComponent c) {
		return c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static Object value(RecordComponent c, CostModel model) {
		try {
			return c.getAccessor().invoke(model);
		} catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("record accessor " + c.getName(), e);
		}
	}
}
