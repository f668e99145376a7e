// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelStore;

class ImportInfoCommandTest {

	@TempDir
	Path dir;

	CliRun run(String... args) {
		return CliRun.in(dir, args);
	}

	/** A captured kernel file; they live once, in the io tests bundle next to this one. */
	static String proc(String name) {
		Path resources = Path.of(System.getProperty("isolde.testResources", "resources")).toAbsolutePath();
		return resources.getParent().resolveSibling("dev.isolde.io.tests").resolve("resources/proc").resolve(name)
				.toString();
	}

	@Test
	void importSniffsEachKindAndSavesAModel() throws Exception {
		CliRun r = run("import", proc("kallsyms"), proc("iomem"), proc("slabinfo"), proc("vmallocinfo"),
				proc("ptdump-kernel"), proc("vulnerabilities"), "-o", "m.isolde");
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().startsWith("Imported 6 sources into m.isolde: machine m,"), r.out());
		assertTrue(r.out().contains("289 symbols"), r.out());
		assertTrue(r.out().contains("addresses are hashed"), "the vmallocinfo note is printed: " + r.out());
		Machine m = ModelStore.load(dir.resolve("m.isolde"));
		assertEquals(289, m.getSymbols().size());
		assertEquals(232, m.getSlabCaches().size());
	}

	@Test
	void importAsSystemMapRecordsTheKind() throws Exception {
		CliRun r = run("import", proc("System.map"), "-o", "map.isolde");
		assertEquals(0, r.exit(), r.out() + r.err());
		assertEquals("systemmap", ModelStore.load(dir.resolve("map.isolde")).getSources().get(0).getKind());
	}

	@Test
	void malformedInputExitsTwoWithFileLineAndColumnAndWritesNothing() throws Exception {
		Files.writeString(dir.resolve("bad"), "ffffffff81000000 T _stext\nffffffff8100zz00 T broken\n");
		CliRun r = run("import", "bad", "--as", "kallsyms", "-o", "bad.isolde");
		assertEquals(2, r.exit(), r.out() + r.err());
		assertTrue(r.err().startsWith("bad:2:13: bad hex digit 'z' in address"), r.err());
		assertFalse(Files.exists(dir.resolve("bad.isolde")));
	}

	@Test
	void aKallsymsFileWithABadLaterLineIsReportedAtThatLineWithoutAs() throws Exception {
		Files.writeString(dir.resolve("bad"), "ffffffff81000000 T _stext\nffffffff8100zz00 T broken\n");
		CliRun r = run("import", "bad", "-o", "bad.isolde");
		assertEquals(2, r.exit(), r.out() + r.err());
		assertTrue(r.err().startsWith("bad:2:13: bad hex digit 'z' in address"), r.err());
	}

	@Test
	void unrecognisedFileExitsTwoAndAsksForAs() throws Exception {
		Files.writeString(dir.resolve("notes.txt"), "hello world\n");
		CliRun r = run("import", "notes.txt", "-o", "x.isolde");
		assertEquals(2, r.exit());
		assertTrue(r.err().startsWith("notes.txt: not a kernel file Isolde recognises"), r.err());
		assertTrue(r.err().contains("--as"), r.err());
	}

	@Test
	void importWithoutOutputOrInputIsAUsageError() {
		assertEquals(2, run("import", proc("iomem")).exit());
		CliRun r = run("import", "-o", "x.isolde");
		assertEquals(2, r.exit());
		assertTrue(r.err().contains("no PATH and no --this-machine"), r.err());
		assertEquals(2, run("import", proc("iomem"), "--as", "floppy", "-o", "x.isolde").exit());
	}

	@Test
	void infoCountsPerRegionAndKindAndListsSourcesAndNotes() {
		assertEquals(0, run("import", proc("kallsyms"), proc("iomem"), proc("slabinfo"), proc("vmallocinfo"),
				proc("vulnerabilities"), "-o", "m.isolde").exit());
		CliRun r = run("info", "m.isolde");
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().matches("(?s).*\\n  kernel_text +0xffffffff80000000-0xffffffff9fffffff +288 +268\\n.*"),
				r.out());
		assertTrue(r.out().matches("(?s).*\\n  modules +0xffffffffa0000000-0xfffffffffeffffff +1 +1\\n.*"), r.out());
		assertTrue(r.out().contains("SLAB_CACHE"), r.out());
		assertTrue(r.out().contains("Slab caches: 232"), r.out());
		assertTrue(r.out().contains("meltdown"), r.out());
		assertTrue(r.out().contains("(vmallocinfo, 103 lines, addresses unreliable, 1 notes)"), r.out());
	}

	@Test
	void infoOnAFileThatIsNoModelExitsTwo() throws Exception {
		Files.writeString(dir.resolve("junk.isolde"), "not xml");
		CliRun r = run("info", "junk.isolde");
		assertEquals(2, r.exit());
		assertTrue(r.err().matches("junk\\.isolde:1:\\d+: not a readable Isolde kernel model: .*\\R"), r.err());
	}

	@Test
	void infoOnATruncatedModelNamesTheLineWhereItStops() throws Exception {
		Path sample = Path.of(System.getProperty("isolde.samples", "../../samples"), "machine.isolde");
		List<String> lines = Files.readAllLines(sample);
		Files.write(dir.resolve("cut.isolde"), lines.subList(0, 40));
		CliRun r = run("info", "cut.isolde");
		assertEquals(2, r.exit());
		assertTrue(r.err().matches("cut\\.isolde:(4\\d):\\d+: not a readable Isolde kernel model: .*\\R"), r.err());
		assertEquals("", r.out());
	}

	@Test
	void theBundledSampleMachineIsSmallLoadsAndSaysWhatItLeftOut() throws Exception {
		Path sample = Path.of(System.getProperty("isolde.samples", "../../samples"), "machine.isolde").toAbsolutePath();
		assertTrue(Files.size(sample) < 2L << 20, "samples/machine.isolde must stay below 2 MiB");
		CliRun r = run("info", sample.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().contains("/proc/kallsyms: info: sample: left out "), r.out());
		Machine m = ModelStore.load(sample);
		assertTrue(m.getSymbols().stream().anyMatch(s -> s.getName().equals("entry_SYSCALL_64")), "entry text kept");
		assertFalse(m.getSlabCaches().isEmpty());
		assertFalse(m.getVulnerabilities().isEmpty());
	}

	@Test
	void benchImportReportsLinesSymbolsAndMedian() {
		CliRun r = run("bench", "import", proc("kallsyms"));
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().matches("(?s).*: 289 lines, 289 symbols, \\d+ memory objects: median [0-9.]+ ms .*"),
				r.out());
	}
}
