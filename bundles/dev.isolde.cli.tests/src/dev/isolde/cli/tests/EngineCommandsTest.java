// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that run the engine, on the bundled sample policies and the sample kernel model. */
class EngineCommandsTest {

	@TempDir
	Path dir;

	CliRun run(String... args) {
		return CliRun.in(Samples.dir(), args);
	}

	@Test
	void spacesListsEveryInstanceWithItsCoverage() {
		CliRun r = run("spaces", "kvm-host.asi");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("instance guest1/KVM"), r.out());
		assertTrue(r.out().contains("instance guest2/KVM"), r.out());
		assertTrue(r.out().contains("region kernel_text"), r.out());
	}

	@Test
	void spacesJsonNamesInstancesAndBytes() {
		CliRun r = run("spaces", "kvm-host.asi", "--format", "json", "--instance", "guest1");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().startsWith("{\"policy\":\"kvm_host\""), r.out());
		assertTrue(r.out().contains("\"name\":\"guest1/KVM\""), r.out());
		assertTrue(!r.out().contains("guest2/KVM"), "filtered to one instance");
	}

	@Test
	void explainTellsTheRuleThatMappedKernelText() {
		CliRun r = run("explain", "kvm-host.asi", "0xffffffff81000000");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("global nonsensitive"), r.out());
		assertTrue(r.out().contains("kvm-host.asi:"), r.out());
		assertTrue(r.out().contains("guest1/KVM"), r.out());
	}

	@Test
	void explainOfAnUnknownSymbolExitsOne() {
		assertEquals(1, run("explain", "kvm-host.asi", "no_such_symbol_anywhere").exit());
	}

	@Test
	void diffOfTheSitePolicyShowsItsAddedRule() {
		CliRun r = run("diff", "kvm-host.asi", "site.asi");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("rule added: site.asi:"), r.out());
	}

	@Test
	void checkWithAKernelRunsTheRfcChecksAndReportsASharedPage() throws Exception {
		// a sensitive rule on symbols that share pages with globally mapped kernel text: page-separation must fire
		Path policy = dir.resolve("leaky.asi");
		Files.writeString(policy, """
				policy leaky for x86_64 paging 4 {
				  default sensitive
				  global nonsensitive { region kernel_text }
				  sensitive { symbol entry_SYSCALL_64 because "pretend it is secret" }
				}
				asi class KVM per vm { maps global on enter l1d_flush, mds_clear }
				vm guest1 uses KVM
				""");
		CliRun r = run("check", policy.toString(), "--kernel", Samples.dir().resolve("machine.isolde").toString());
		assertEquals(1, r.exit(), r.out() + r.err());
		assertTrue(r.err().contains("page-separation: error:"), r.err());
		assertTrue(r.err().contains("entry_SYSCALL_64"), r.err());
	}

	@Test
	void checkOfTheSamplePolicyOnTheSampleKernelPasses() {
		CliRun r = run("check", "kvm-host.asi");
		assertEquals(0, r.exit(), r.out() + r.err());
	}

	@Test
	void benchPolicyParsesAndValidatesAGeneratedPolicy() {
		CliRun r = run("bench", "policy", "300");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().startsWith("policy of 300 rules"), r.out());
		assertTrue(r.out().contains("median"), r.out());
	}

	@Test
	void simulateComparesTheScenarioStrategies() throws Exception {
		Path policy = dir.resolve("sim.asi");
		// a policy reads kernel models in its own directory only
		Samples.copyKernelTo(dir);
		Files.writeString(policy, Files.readString(Samples.dir().resolve("kvm-host.asi"))
				.replace("events 200000", "events 20000"));
		CliRun r = CliRun.in(dir, "simulate", "sim.asi", "--format", "json");
		assertEquals(0, r.exit(), r.err());
		for (String s : new String[] { "asi", "always_flush", "core_scheduling", "kernel_core_scheduling", "none" }) {
			assertTrue(r.out().contains("\"strategy\":\"" + s + "\""), s + " in " + r.out());
		}
		assertTrue(r.out().contains("\"strategy\":\"always_flush\",\"events\":20000,\"exits\":0"), r.out());
		assertTrue(r.out().contains("\"strategy\":\"none\",\"events\":20000,\"exits\":0,\"faultExits\":0,"
				+ "\"explicitExits\":0,\"switchExits\":0,\"mitigationCycles\":0"), r.out());
	}

	@Test
	void exportWritesASemanticPatchAndAnAnnotationList() throws Exception {
		CliRun cocci = CliRun.in(dir, "export", Samples.dir().resolve("kvm-host.asi").toString(), "--to", "cocci", "-o",
				"out.cocci");
		assertEquals(0, cocci.exit(), cocci.err());
		String patch = Files.readString(dir.resolve("out.cocci"));
		assertTrue(patch.contains("// ASI annotations for policy kvm_host"), patch);
		CliRun json = run("export", "kvm-host.asi", "--to", "json");
		assertEquals(0, json.exit(), json.err());
		assertTrue(json.out().startsWith("["), json.out());
		assertTrue(json.out().contains("\"class\": \"GLOBAL_NONSENSITIVE\""), json.out().substring(0, 300));
	}
}
