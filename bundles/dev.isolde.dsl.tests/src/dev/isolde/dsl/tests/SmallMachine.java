// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import java.io.IOException;
import java.nio.file.Path;

import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Region;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;
import dev.isolde.model.Vulnerability;

/** A kernel model with a handful of real x86-64 names, saved where a test policy's {@code kernel} statement finds it. */
final class SmallMachine {

	private SmallMachine() {
	}

	/** Writes {@code machine.isolde} into {@code dir}; each affected vulnerability is named (e.g. "l1tf"). */
	static Path write(Path dir, String... affected) throws IOException {
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		Machine m = f.createMachine();
		m.setName("test");
		m.setArch("x86_64");
		m.setPagingLevels(4);
		for (String name : new String[] { "jiffies", "jiffies_64", "irq_stat", "current_task", "cpu_number",
				"__x64_sys_sched_get_priority_max" }) {
			Symbol s = f.createSymbol();
			s.setName(name);
			m.getSymbols().add(s);
		}
		for (String name : new String[] { "kmalloc-64", "kmalloc-cg-64", "kvm_vcpu" }) {
			SlabCache c = f.createSlabCache();
			c.setName(name);
			m.getSlabCaches().add(c);
		}
		for (String name : new String[] { "kernel_text", "cpu_entry_area" }) {
			Region r = f.createRegion();
			r.setName(name);
			m.getRegions().add(r);
		}
		for (String section : new String[] { ".data..once", ".data", ".data" }) {
			MemoryObject o = f.createMemoryObject();
			o.setName("obj" + m.getMemoryObjects().size());
			o.setSection(section);
			m.getMemoryObjects().add(o);
		}
		for (String name : affected) {
			Vulnerability v = f.createVulnerability();
			v.setName(name);
			v.setStatus("Vulnerable");
			v.setAffected(true);
			m.getVulnerabilities().add(v);
		}
		Vulnerability fixed = f.createVulnerability();
		fixed.setName("meltdown");
		fixed.setStatus("Not affected");
		m.getVulnerabilities().add(fixed);
		Path file = dir.resolve("machine.isolde");
		dev.isolde.model.persist.ModelStore.save(m, file);
		return file;
	}
}
