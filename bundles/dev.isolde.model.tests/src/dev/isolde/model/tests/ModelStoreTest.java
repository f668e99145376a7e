// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.model.ContextKind;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Symbol;
import dev.isolde.model.layout.X86_64Layout;
import dev.isolde.model.persist.ModelStore;

class ModelStoreTest {

	@TempDir
	Path dir;

	private static Machine sample() {
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		Machine m = f.createMachine();
		m.setName("test");
		X86_64Layout.populate(m);
		Symbol s = f.createSymbol();
		s.setName("jiffies_64");
		s.setAddress(0xffffffff83a05a00L);
		s.setType('D');
		m.getSymbols().add(s);
		var vm = f.createContext();
		vm.setName("guest1");
		vm.setKind(ContextKind.VM);
		m.getContexts().add(vm);
		MemoryObject o = f.createMemoryObject();
		o.setName("guest1 memory");
		o.setKind(MemoryKind.GUEST);
		o.setOwner(vm);
		m.getMemoryObjects().add(o);
		return m;
	}

	@Test
	void savedModelLoadsBackEqual() throws IOException {
		Machine m = sample();
		Machine copy = EcoreUtil.copy(m);
		Path file = dir.resolve("m.isolde");
		ModelStore.save(m, file);
		Machine loaded = ModelStore.load(file);
		assertTrue(EcoreUtil.equals(copy, loaded));
		assertEquals("guest1", loaded.getMemoryObjects().get(0).getOwner().getName());
	}

	@Test
	void savingLeavesNoTemporaryFiles() throws IOException {
		ModelStore.save(sample(), dir.resolve("m.isolde"));
		ModelStore.save(sample(), dir.resolve("m.isolde"));
		try (var files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void truncatedModelIsRejectedWithTheFileName() throws IOException {
		Path file = dir.resolve("m.isolde");
		ModelStore.save(sample(), file);
		String text = Files.readString(file);
		Files.writeString(file, text.substring(0, text.length() / 2));
		IOException e = assertThrows(IOException.class, () -> ModelStore.load(file));
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
	}
}
