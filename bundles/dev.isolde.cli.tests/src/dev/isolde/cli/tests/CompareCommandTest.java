// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

	@TempDir
	Path dir;

	/** A sample copied beside the test with the sample kernel, with fewer events. */
	private Path sample(String name) throws Exception {
		Path copy = dir.resolve(name);
		Samples.copyKernelTo(dir);
		Files.writeString(copy, Files.readString(Samples.dir().resolve(name))
				.replace("events 200000", "events 20000"));
		return copy;
	}

	@Test
	void compareOfTheTwoSampleModelsListsClassesSpacesAndObjectsChangingSide() {
		CliRun r = CliRun.in(Samples.dir(), "compare", "kvm-host.asi", "asi2025.asi");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().startsWith("A = kvm_host (model rfc2022), B = kvm_host_2025 (model asi2025)"), r.out());
		for (String s : new String[] { "global nonsensitive", "guest1/KVM", "guest2/KVM", "shell/userspace",
				"objects changing side", "B (asi2025) leaves out the physmap aliases of vmalloc'd pages" }) {
			assertTrue(r.out().contains(s), s + " in " + r.out());
		}
		// the denylist maps the text the allowlist already mapped: no text object becomes sensitive
		assertTrue(!r.out().contains("sensitive text"), r.out());
		// the sample machine's direct map is not randomised: __PAGE_OFFSET + 32 TB; vmalloc splits at PGD 433
		assertTrue(r.out().contains("A (rfc2022) maps locally non-sensitive allocations through the ASI local map "
				+ "0xffffa88000000000-"), r.out());
		assertTrue(r.out().contains("A (rfc2022) splits vmalloc space at 0xffffd88000000000 "
				+ "(vmalloc_local_nonsensitive_percent=50)"), r.out());
		assertTrue(!r.out().contains("B (rfc2022)"), r.out());
	}

	@Test
	void aScenarioReplaysTheSameEventsUnderBothPolicies() throws Exception {
		sample("kvm-host.asi");
		sample("asi2025.asi");
		CliRun r = CliRun.in(dir, "compare", "kvm-host.asi", "asi2025.asi", "--scenario", "vm_exit_storm", "--format",
				"json");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("\"scenario\":{\"name\":\"vm_exit_storm\""), r.out());
		assertTrue(r.out().contains("\"rfc2022LayoutA\":{\"localMapStart\":\"0xffffa88000000000\""), r.out());
		assertTrue(!r.out().contains("rfc2022LayoutB"), r.out());
		// no mitigation costs nothing under either model, on the same 20,000 events
		assertTrue(r.out().contains("{\"strategy\":\"none\",\"a\":{\"events\":20000,\"exits\":0,\"mitigationCycles\":0,"),
				r.out());
		assertTrue(r.out().contains("\"b\":{\"events\":20000,\"exits\":0,\"mitigationCycles\":0,"), r.out());
		CliRun text = CliRun.in(dir, "compare", "kvm-host.asi", "asi2025.asi", "--scenario", "vm_exit_storm");
		assertEquals(0, text.exit(), text.err());
		assertTrue(text.out().contains("exits/1k A"), text.out());
	}

	@Test
	void anUnknownScenarioOrFormatIsBadInput() throws Exception {
		sample("kvm-host.asi");
		sample("asi2025.asi");
		CliRun scenario = CliRun.in(dir, "compare", "kvm-host.asi", "asi2025.asi", "--scenario", "nope");
		assertEquals(2, scenario.exit());
		assertTrue(scenario.err().contains("no scenario named nope in kvm-host.asi or asi2025.asi"), scenario.err());
		CliRun format = CliRun.in(dir, "compare", "kvm-host.asi", "asi2025.asi", "--format", "xml");
		assertEquals(2, format.exit());
		assertTrue(format.err().contains("--format is text or json, not xml"), format.err());
		assertEquals(2, CliRun.in(dir, "compare", "kvm-host.asi").exit());
	}

	@Test
	void anInvalidPolicyFailsWithItsLocation() throws Exception {
		Files.writeString(dir.resolve("bad.asi"), "policy p for x86_64 paging 4 {\n  model asi2025\n"
				+ "  global nonsensitive { symbol jiffies }\n}\n");
		sample("kvm-host.asi");
		CliRun r = CliRun.in(dir, "compare", "kvm-host.asi", "bad.asi");
		assertEquals(1, r.exit());
		assertTrue(r.err().contains("bad.asi:3:"), r.err());
		assertTrue(r.err().contains("global nonsensitive exists only in model rfc2022"), r.err());
	}

	@Test
	void helpListsCompare() {
		CliRun r = CliRun.in(dir, "--help");
		assertTrue(r.out().contains("compare    compare two policies or ASI models"), r.out());
		assertTrue(CliRun.in(dir, "help", "compare").out().startsWith("Usage: isolde compare A.asi B.asi"));
	}
}
