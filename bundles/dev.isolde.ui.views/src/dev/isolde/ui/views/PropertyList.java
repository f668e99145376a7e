// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/** A read-only property sheet: named values in categories, in the order they were added. */
public class PropertyList implements IPropertySource {

	private final Map<String, Object> values = new LinkedHashMap<>();
	private final List<IPropertyDescriptor> descriptors = new ArrayList<>();

	/** Adds a property; null or empty values are left out. */
	public final PropertyList add(String category, String name, Object value) {
		if (value == null || value.toString().isEmpty()) {
			return this;
		}
		String id = category + "/" + name;
		if (!values.containsKey(id)) {
			PropertyDescriptor d = new PropertyDescriptor(id, name);
			d.setCategory(category);
			descriptors.add(d);
		}
		values.put(id, value);
		return this;
	}

	/** The value of {@code name} in {@code category}, or null. */
	public final Object get(String category, String name) {
		return values.get(category + "/" + name);
	}

	@Override
	public Object getEditableValue() {
		return this;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		return descriptors.toArray(IPropertyDescriptor[]::new);
	}

	@Override
	public Object getPropertyValue(Object id) {
		return values.get(id);
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
	}
}
