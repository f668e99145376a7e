// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isolde simulate} on the sample KVM policy and the sample kernel model imported from a real machine. */
class SimulateCommandTest {

	@TempDir
	Path dir;

	/** The sample policy with its kernel found from {@code dir}, fewer events, and {@code edit} applied. */
	private Path policy(String from, String to) throws Exception {
		Path policy = dir.resolve("sim.asi");
		Samples.copyKernelTo(dir);
		Files.writeString(policy, Files.readString(Samples.dir().resolve("kvm-host.asi"))
				.replace("events 200000", "events 20000").replace(from, to));
		return policy;
	}

	@Test
	void exitsOnTheSampleKernelNameRealObjectsWithTheirProvenance() throws Exception {
		policy("", "");
		CliRun r = CliRun.in(dir, "simulate", "sim.asi", "--format", "json");
		assertEquals(0, r.exit(), r.err());
		String asi = r.out().substring(r.out().indexOf("{\"strategy\":\"asi\""),
				r.out().indexOf("{\"strategy\":\"always_flush\""));
		assertTrue(asi.contains("\"model\":\"rfc2022\""), asi);
		int top = asi.indexOf("\"topObjects\":[{");
		assertTrue(top > 0, "asi has exit-causing objects: " + asi);
		Matcher m = Pattern.compile("\"name\":\"([^\"]+)\",\"kind\":\"([a-z_]+)\",\"count\":(\\d+),\"exits\":\\d+,"
				+ "\"provenance\":\"([^\"]+)\"").matcher(asi.substring(top));
		assertTrue(m.find(), asi);
		assertFalse(m.group(1).isBlank());
		assertTrue(Integer.parseInt(m.group(3)) > 0);
		assertTrue(m.group(4).equals("policy default") || m.group(4).contains("rule "), m.group(4));
		// the scenario's placement: guest1 on cpu 0, guest2 on cpu 2, their siblings idle
		assertTrue(r.out().contains("\"placement\":\"cpu 0: guest1; cpu 1: idle; cpu 2: guest2; cpu 3: idle\""),
				r.out());
		assertTrue(asi.contains("\"leakCycles\":"), asi);
		assertTrue(asi.contains("\"flushes\":{\"ibpb\":"), asi);
		assertTrue(r.out().contains("\"strategy\":\"always_flush\",\"events\":20000,\"exits\":0"), r.out());
	}

	@Test
	void suggestPicksFromEveryExitCausingObjectAndMeasuresTheSaving() throws Exception {
		policy("", "");
		CliRun r = CliRun.in(dir, "simulate", "sim.asi", "--format", "json", "--suggest", "30");
		assertEquals(0, r.exit(), r.err());
		Matcher m = Pattern.compile("\"suggest\":\\{\"share\":30,\"faultExits\":(\\d+),\"exitsRemoved\":(\\d+),"
				+ "\"exitsRemovedMeasured\":(-?\\d+)").matcher(r.out());
		assertTrue(m.find(), r.out());
		long exits = Long.parseLong(m.group(1));
		assertTrue(Long.parseLong(m.group(2)) * 10 >= exits * 3, r.out());
		assertTrue(Long.parseLong(m.group(3)) > 0, r.out());
	}

	@Test
	void aRunOnACpuTheScenarioDoesNotHaveIsRejectedAtItsLine() throws Exception {
		Path policy = policy("run guest2 on cpu 2", "run guest2 on cpu 7");
		int line = Files.readAllLines(policy).indexOf("  run guest2 on cpu 7") + 1;
		CliRun r = CliRun.in(dir, "simulate", "sim.asi");
		assertEquals(1, r.exit(), r.out());
		assertTrue(r.err().contains("sim.asi:" + line + ":21: error: cpu 7 does not exist: scenario vm_exit_storm has CPUs 0-3"),
				r.err());
		assertEquals("", r.out());
	}

	@Test
	void aTraceFileIsStreamedAndItsErrorsCarryFileAndLine() throws Exception {
		policy("", "");
		Files.writeString(dir.resolve("t.trace"), """
				0 1 guest1 vmenter
				1 0 guest1 vmexit IO
				2 0 guest1 access _stext r
				3 0 guest1 vmenter
				""");
		CliRun ok = CliRun.in(dir, "simulate", "sim.asi", "--trace", "t.trace");
		assertEquals(0, ok.exit(), ok.err());
		assertTrue(ok.out().contains("trace t.trace"), ok.out());
		Files.writeString(dir.resolve("bad.trace"), "0 0 guest1 vmexit IO\n1 0 guest1 acces _stext r\n");
		CliRun bad = CliRun.in(dir, "simulate", "sim.asi", "--trace", "bad.trace");
		assertEquals(2, bad.exit(), bad.out());
		assertTrue(bad.err().contains("bad.trace:2:"), bad.err());
	}
}
